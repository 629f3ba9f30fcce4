using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Scoran.Steering;
using Scoran.Steering.Model;

namespace Scoran.Web.Steering;

/// <summary>The agenda (before the meeting) and the minutes (after it), one printable page each.</summary>
public sealed class MinutesModel(SteeringQueries queries) : PageModel
{
    public MeetingReport Report { get; private set; } = null!;

    public bool IsAgenda { get; private set; }

    /// <summary>Actions of the whole strategy by orientation and status: the dashboard's first table.</summary>
    public IReadOnlyList<(StrategyNode Orientation, IReadOnlyDictionary<ActionStatus, int> Counts)> ByOrientation { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, string document, CancellationToken cancellationToken)
    {
        var report = await queries.ReportAsync(id, cancellationToken);
        if (report is null)
        {
            return NotFound();
        }

        Report = report;
        IsAgenda = document == "ordre-du-jour";
        var tree = await queries.TreeAsync(report.Strategy.Code, cancellationToken);
        ByOrientation = tree!.Nodes.Where(n => n.Level == NodeLevel.Orientation)
            .Select(o => (o, (IReadOnlyDictionary<ActionStatus, int>)tree.ChildrenOf(o).GroupBy(a => a.Status).ToDictionary(g => g.Key, g => g.Count())))
            .OrderBy(o => o.o.Code.Length).ThenBy(o => o.o.Code, StringComparer.Ordinal).ToList();
        return Page();
    }
}
