using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Scoran.Observatory.Commitments;
using Scoran.Territories.Model;
using Scoran.Territories.Queries;
using Scoran.Web.Shared;

namespace Scoran.Web.Observatory;

/// <summary>Operator commitments of a territory compared with deployment: per commitment, per operator, per territory.</summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Security.HeavyPageLimit.Policy)]
public sealed class CommitmentsModel(CommitmentQueries commitments, TerritoryQueries territories, IOptions<ScoranWebOptions> options) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "operateur")]
    public string? Operator { get; set; }

    public TerritoryDetail Territory { get; private set; } = null!;
    public CommitmentReport Report { get; private set; } = null!;
    public IReadOnlyList<(string Code, string Name)> Operators { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? kind, string? code, CancellationToken cancellationToken)
    {
        var parsed = TerritoryKind.Region;
        if (kind is not null && !TerritoryKinds.TryParse(kind, out parsed))
        {
            return NotFound();
        }

        var detail = await territories.GetAsync(parsed, code ?? options.Value.DefaultRegion, cancellationToken);
        if (detail is null)
        {
            return NotFound();
        }

        Territory = detail;
        var all = await commitments.ReportAsync(parsed, detail.Code, cancellationToken: cancellationToken);
        Operators = all.ByOperator.Select(o => (o.Key, o.Name)).Distinct().ToList();
        Operator = Operators.Any(o => o.Code == Operator) ? Operator : null;
        Report = Operator is null ? all : await commitments.ReportAsync(parsed, detail.Code, Operator, cancellationToken);
        return Page();
    }

    public static string Zone(CommitmentZone zone) => zone.ToString().ToUpperInvariant();

    public static string Target(CommitmentRowView r) => r.TargetShare is { } share
        ? (share * 100).ToString("0.#", Display.French) + " % des locaux"
        : Display.Number(r.TargetPremises) + " locaux";

    public string LinkTo(TerritoryKind kind, string code) => $"/observatoire/engagements/{kind.ToSlug()}/{code}";
}
