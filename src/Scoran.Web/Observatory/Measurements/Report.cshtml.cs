using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Scoran.Observatory.Measurements;
using Scoran.Territories.Queries;

namespace Scoran.Web.Observatory.Measurements;

/// <summary>The printable report of a campaign: the same figures as its CSV and XLSX exports, with their provenance.</summary>
public sealed class ReportModel(MeasurementQueries queries, TerritoryQueries territories, TimeProvider clock) : PageModel
{
    public CampaignReport Report { get; private set; } = null!;
    public int MinimumContributors => queries.MinimumContributors;
    public DateTimeOffset GeneratedAt { get; private set; }
    public string TerritoryLabel { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        if (await queries.CampaignReportAsync(code, cancellationToken) is not { } report)
        {
            return NotFound();
        }

        Report = report;
        GeneratedAt = clock.GetUtcNow();
        TerritoryLabel = await CampaignTerritory.LabelAsync(territories, report.Campaign.TerritoryKind, report.Campaign.TerritoryCode, cancellationToken);
        return Page();
    }

    public string Provenance => CampaignReportExport.Provenance(Report, MinimumContributors, GeneratedAt);
}
