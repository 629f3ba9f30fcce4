using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Scoran.Accounts;
using Scoran.Observatory.Measurements;

namespace Scoran.Web.Observatory.Measurements;

/// <summary>The list of measurement campaigns; data managers create one here.</summary>
public sealed class CampaignsModel(MeasurementQueries queries, MeasurementCampaigns campaigns, IAuthorizationService authorization) : PageModel
{
    [BindProperty] public string? Code { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? TerritoryKind { get; set; } = "departement";
    [BindProperty] public string? TerritoryCode { get; set; }
    [BindProperty] public DateOnly? StartsOn { get; set; }
    [BindProperty] public DateOnly? EndsOn { get; set; }
    [BindProperty] public string? Operators { get; set; }
    [BindProperty] public string? Protocol { get; set; }

    public IReadOnlyList<MeasurementCampaign> Campaigns { get; private set; } = [];
    public bool CanManage { get; private set; }
    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        CanManage = (await authorization.AuthorizeAsync(User, ScoranPolicies.ManageData)).Succeeded;
        Campaigns = await queries.CampaignsAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!(await authorization.AuthorizeAsync(User, ScoranPolicies.ManageData)).Succeeded)
        {
            return User.Identity?.IsAuthenticated == true ? Forbid() : Challenge();
        }

        var (campaign, errors) = await campaigns.CreateAsync(new CampaignDraft(Code, Name, TerritoryKind, TerritoryCode, StartsOn, EndsOn, Operators, Protocol), User.Identity?.Name ?? "inconnu", cancellationToken);
        if (errors is not null)
        {
            Errors = errors;
            await OnGetAsync(cancellationToken);
            return Page();
        }

        return Redirect($"/observatoire/mesures/campagnes/{campaign!.Code}");
    }

    public string? ErrorFor(string field) => Errors.TryGetValue(field, out var m) ? string.Join(" ", m) : null;
}
