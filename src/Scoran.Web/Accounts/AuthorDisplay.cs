using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Scoran.Accounts;
using Scoran.Observatory.Measurements;

namespace Scoran.Web.Accounts;

/// <summary>
/// How an author recorded by e-mail (audit trail, indicator values and targets, campaigns) is shown (security review F12):
/// staff who are signed in see the e-mail address; everyone else — anonymous visitors, project holders, contributors —
/// sees the account's organisation, or its role when it has none. E-mail addresses are login names: publishing them
/// helps password spraying and locking accounts on purpose. Authors that are not addresses ("système", "import") show as recorded.
/// </summary>
public sealed class AuthorDisplay(UserManager<ScoranUser> users, IHttpContextAccessor http)
{
    /// <summary>The roles whose members see e-mail addresses: the platform's own staff.</summary>
    public static readonly IReadOnlySet<string> StaffRoles = new HashSet<string>(StringComparer.Ordinal)
    {
        ScoranRoles.Administrator, ScoranRoles.DataManager, ScoranRoles.Editor, ScoranRoles.CommitteeSecretary, ScoranRoles.FundingAgent,
    };

    private readonly Dictionary<string, string> labels = new(StringComparer.OrdinalIgnoreCase);

    public static bool IsStaff(ClaimsPrincipal? user) => user?.Identity?.IsAuthenticated == true && StaffRoles.Any(user.IsInRole);

    /// <summary>What the current viewer may read of <paramref name="author"/>.</summary>
    public Task<string> NameAsync(string? author) => NameAsync(http.HttpContext?.User, author);

    public async Task<string> NameAsync(ClaimsPrincipal? viewer, string? author)
    {
        if (string.IsNullOrWhiteSpace(author))
        {
            return "";
        }

        return IsStaff(viewer) || !author.Contains('@', StringComparison.Ordinal) ? author : await PublicAsync(author);
    }

    /// <summary>The campaign as the viewer may read it: <see cref="MeasurementCampaign.CreatedBy"/> through <see cref="NameAsync(string?)"/>.</summary>
    public async Task<MeasurementCampaign> CampaignAsync(MeasurementCampaign c) => new()
    {
        Code = c.Code, Name = c.Name, TerritoryKind = c.TerritoryKind, TerritoryCode = c.TerritoryCode, StartsAt = c.StartsAt, EndsAt = c.EndsAt,
        Operators = c.Operators, Protocol = c.Protocol, CreatedBy = await NameAsync(c.CreatedBy), CreatedAt = c.CreatedAt,
    };

    public async Task<List<MeasurementCampaign>> CampaignsAsync(IEnumerable<MeasurementCampaign> campaigns)
    {
        var shown = new List<MeasurementCampaign>();
        foreach (var c in campaigns)
        {
            shown.Add(await CampaignAsync(c));
        }

        return shown;
    }

    /// <summary>Resolves every author first (one look-up each), then names them synchronously, for mapping whole responses.</summary>
    public async Task<Func<string, string>> ResolverAsync(IEnumerable<string?> authors)
    {
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var author in authors.Where(a => !string.IsNullOrWhiteSpace(a)).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            names[author!] = await NameAsync(author);
        }

        return author => names.GetValueOrDefault(author, author.Contains('@', StringComparison.Ordinal) ? "compte Scoran" : author);
    }

    /// <summary>The organisation (or role) of the account <paramref name="email"/>, never the address.</summary>
    public async Task<string> PublicAsync(string email)
    {
        if (labels.TryGetValue(email, out var known))
        {
            return known;
        }

        var account = await users.FindByEmailAsync(email);
        string label;
        if (account is null)
        {
            label = "compte Scoran";
        }
        else if (!string.IsNullOrWhiteSpace(account.Organisation))
        {
            label = account.Organisation.Trim();
        }
        else
        {
            var roles = await users.GetRolesAsync(account);
            label = ScoranRoles.All.FirstOrDefault(r => roles.Contains(r.Name))?.Label ?? "compte Scoran";
        }

        labels[email] = label;
        return label;
    }
}
