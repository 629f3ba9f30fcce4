using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Scoran.Observatory.Measurements;
using Scoran.Territories.Model;
using Scoran.Territories.Queries;

namespace Scoran.Web.Pages.Observatory.Measurements;

/// <summary>Crowdsourced measurements aggregated per commune of a territory, above the k threshold.</summary>
public sealed class IndexModel(MeasurementQueries queries, TerritoryQueries territories, IOptions<ScoranWebOptions> options) : PageModel
{
    public TerritoryDetail Territory { get; private set; } = null!;
    public MeasurementSummary Summary { get; private set; } = null!;
    public int PublishedCells { get; private set; }

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
        Summary = await queries.SummaryAsync(parsed, detail.Code, cancellationToken: cancellationToken);
        return Page();
    }

    public string Query => $"territoire={Territory.Kind.ToSlug()}/{Territory.Code}";
}
