using Microsoft.EntityFrameworkCore;
using Scoran.Core.Audit;
using Scoran.Steering.Indicators;
using Scoran.Steering.Model;
using Scoran.Steering.Reviews;

namespace Scoran.Steering;

public sealed record StrategySummary(Strategy Strategy, IReadOnlyDictionary<NodeLevel, int> Counts, decimal? Progress, int Meetings);

public sealed record IndicatorView(Indicator Indicator, IReadOnlyList<IndicatorPoint> Series, IndicatorAssessment Assessment);

public sealed record StrategyTree(Strategy Strategy, IReadOnlyList<StrategyNode> Nodes, IReadOnlyDictionary<long, decimal?> Progress, IReadOnlyList<IndicatorView> Indicators)
{
    public bool IsPpun => Strategy.Code.StartsWith("ppun", StringComparison.OrdinalIgnoreCase);

    public IEnumerable<StrategyNode> ChildrenOf(StrategyNode? parent) =>
        Nodes.Where(n => n.ParentId == parent?.Id).OrderBy(n => n.Level).ThenBy(n => n.Position);
}

public sealed record ReviewRow(ActionReview Review, Meeting Meeting);

public sealed record ActionView(Strategy Strategy, StrategyNode Action, IReadOnlyList<StrategyNode> Ancestors, IReadOnlyList<ReviewRow> Reviews,
    IReadOnlyList<AuditEntry> History, IReadOnlyList<IndicatorView> Indicators, ScheduleStatus Schedule, BudgetStatus Budget);

public sealed record FunderBudget(string Funder, decimal Planned, decimal Committed, decimal Spent);

public sealed record MeetingReport(Meeting Meeting, Strategy Strategy, IReadOnlyList<(ActionReview Review, StrategyNode Action, StrategyNode? Orientation, StrategyNode Full)> Reviews,
    IReadOnlyList<StrategyNode> Actions, IReadOnlyList<FunderBudget> BudgetByFunder, IReadOnlyList<IndicatorView> Indicators,
    IReadOnlyDictionary<long, IReadOnlyList<AuditEntry>> HistoryByAction);

/// <summary>The read side of steering: what the public pages, reports and exports show.</summary>
public sealed class SteeringQueries(DbContext db, ComputedIndicators computed, TimeProvider clock)
{
    public async Task<IReadOnlyList<StrategySummary>> StrategiesAsync(CancellationToken cancellationToken = default)
    {
        var strategies = await db.Set<Strategy>().AsNoTracking().OrderBy(s => s.Date).ToListAsync(cancellationToken);
        var result = new List<StrategySummary>();
        foreach (var s in strategies)
        {
            var nodes = await db.Set<StrategyNode>().AsNoTracking().Where(n => n.StrategyId == s.Id).ToListAsync(cancellationToken);
            var progress = SteeringRules.RollUp(nodes);
            var roots = nodes.Where(n => n.ParentId is null && n.Level != NodeLevel.Principle).ToList();
            var meetings = await db.Set<Meeting>().CountAsync(m => m.StrategyId == s.Id, cancellationToken);
            result.Add(new StrategySummary(s, nodes.GroupBy(n => n.Level).ToDictionary(g => g.Key, g => g.Count()), Mean(roots, progress), meetings));
        }

        return result;
    }

    public async Task<StrategyTree?> TreeAsync(string code, CancellationToken cancellationToken = default)
    {
        var strategy = await db.Set<Strategy>().AsNoTracking().FirstOrDefaultAsync(s => s.Code == code, cancellationToken);
        if (strategy is null)
        {
            return null;
        }

        var nodes = await db.Set<StrategyNode>().AsNoTracking().Where(n => n.StrategyId == strategy.Id).ToListAsync(cancellationToken);
        return new StrategyTree(strategy, nodes.OrderBy(n => n.Level).ThenBy(n => n.Position).ToList(), SteeringRules.RollUp(nodes), await IndicatorsAsync(strategy.Id, null, cancellationToken));
    }

    public async Task<IndicatorView?> IndicatorAsync(string strategyCode, string code, CancellationToken cancellationToken = default)
    {
        var strategy = await db.Set<Strategy>().AsNoTracking().FirstOrDefaultAsync(s => s.Code == strategyCode, cancellationToken);
        return strategy is null ? null : (await IndicatorsAsync(strategy.Id, [code], cancellationToken)).FirstOrDefault();
    }

    public async Task<IReadOnlyList<IndicatorView>> IndicatorsAsync(long strategyId, IReadOnlyCollection<string>? codes, CancellationToken cancellationToken = default)
    {
        var query = db.Set<Indicator>().AsNoTracking().Include(i => i.Values).Include(i => i.Targets).AsSplitQuery().Where(i => i.StrategyId == strategyId);
        if (codes is not null)
        {
            query = query.Where(i => codes.Contains(i.Code));
        }

        var result = new List<IndicatorView>();
        foreach (var indicator in (await query.ToListAsync(cancellationToken)).OrderBy(i => i.Code, StringComparer.Ordinal))
        {
            var series = await SeriesAsync(indicator, cancellationToken);
            result.Add(new IndicatorView(indicator, series, IndicatorTrajectory.Assess(indicator, series)));
        }

        return result;
    }

    /// <summary>The audit trail of an indicator (values entered, target points set or replaced by a strategy revision).</summary>
    public async Task<IReadOnlyList<AuditEntry>> IndicatorHistoryAsync(string indicatorCode, CancellationToken cancellationToken = default) =>
        await db.Set<AuditEntry>().AsNoTracking().Where(a => a.EntityType == "steering.indicator" && a.EntityId == indicatorCode).OrderBy(a => a.Id).ToListAsync(cancellationToken);

    /// <summary>Manual values as entered; computed ones from the observatory at the time of asking.</summary>
    public async Task<IReadOnlyList<IndicatorPoint>> SeriesAsync(Indicator indicator, CancellationToken cancellationToken = default) =>
        indicator.Kind == IndicatorKind.Computed && indicator.Computation is { } computation
            ? await computed.SeriesAsync(computation, cancellationToken)
            : indicator.Values.OrderBy(v => v.Date).ThenBy(v => v.Id).Select(v => new IndicatorPoint(v.Date, v.Value, v.Source, v.Author)).ToList();

    public async Task<ActionView?> ActionAsync(string strategyCode, string actionCode, CancellationToken cancellationToken = default)
    {
        var strategy = await db.Set<Strategy>().AsNoTracking().FirstOrDefaultAsync(s => s.Code == strategyCode, cancellationToken);
        if (strategy is null)
        {
            return null;
        }

        var action = await db.Set<StrategyNode>().AsNoTracking().Include(n => n.Budget).Include(n => n.Milestones).Include(n => n.Links).AsSplitQuery()
            .FirstOrDefaultAsync(n => n.StrategyId == strategy.Id && n.Code == actionCode, cancellationToken);
        if (action is null)
        {
            return null;
        }

        var all = await db.Set<StrategyNode>().AsNoTracking().Where(n => n.StrategyId == strategy.Id).ToDictionaryAsync(n => n.Id, cancellationToken);
        var ancestors = new List<StrategyNode>();
        for (var p = action.ParentId; p is not null; p = all[p.Value].ParentId)
        {
            ancestors.Insert(0, all[p.Value]);
        }

        var key = SteeringService.ActionKey(strategy.Code, action.Code);
        var reviews = await db.Set<ActionReview>().AsNoTracking().Include(r => r.Meeting).Where(r => r.NodeId == action.Id).ToListAsync(cancellationToken);
        var history = await db.Set<AuditEntry>().AsNoTracking().Where(a => a.EntityType == "steering.action" && a.EntityId == key)
            .OrderBy(a => a.Id).ToListAsync(cancellationToken);
        var indicatorCodes = action.Links.Where(l => l.Kind == LinkKind.Indicator).Select(l => l.Target).ToList();
        return new ActionView(strategy, action, ancestors,
            reviews.OrderByDescending(r => r.Meeting!.Date).Select(r => new ReviewRow(r, r.Meeting!)).ToList(),
            history,
            indicatorCodes.Count == 0 ? [] : await IndicatorsAsync(strategy.Id, indicatorCodes, cancellationToken),
            SteeringRules.Schedule(action.Milestones, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)), SteeringRules.Budget(action.Budget));
    }

    public async Task<IReadOnlyList<(Meeting Meeting, Strategy Strategy, int Reviews)>> MeetingsAsync(CancellationToken cancellationToken = default)
    {
        var meetings = await db.Set<Meeting>().AsNoTracking().Include(m => m.Strategy).Include(m => m.Reviews).OrderByDescending(m => m.Date).ThenByDescending(m => m.Id).ToListAsync(cancellationToken);
        return meetings.Select(m => (m, m.Strategy!, m.Reviews.Count)).ToList();
    }

    public async Task<MeetingReport?> ReportAsync(long meetingId, CancellationToken cancellationToken = default)
    {
        var meeting = await db.Set<Meeting>().AsNoTracking().Include(m => m.Strategy).Include(m => m.Reviews).FirstOrDefaultAsync(m => m.Id == meetingId, cancellationToken);
        if (meeting is null)
        {
            return null;
        }

        var nodes = await db.Set<StrategyNode>().AsNoTracking().Include(n => n.Budget).Include(n => n.Milestones).Include(n => n.Links).AsSplitQuery()
            .Where(n => n.StrategyId == meeting.StrategyId).ToDictionaryAsync(n => n.Id, cancellationToken);
        var rows = meeting.Reviews
            .Select(r => (Review: r, Action: nodes[r.NodeId], Orientation: nodes[r.NodeId].ParentId is { } p ? nodes[p] : null, Full: nodes[r.NodeId]))
            .OrderBy(r => r.Orientation?.Code, StringComparer.Ordinal).ThenBy(r => r.Action.Position).ToList();
        var reviewed = rows.Select(r => r.Action).ToList();
        var budget = reviewed.SelectMany(a => a.Budget).GroupBy(b => b.Funder)
            .Select(g => new FunderBudget(g.Key, g.Sum(b => b.Planned), g.Sum(b => b.Committed), g.Sum(b => b.Spent))).OrderBy(b => b.Funder, StringComparer.Ordinal).ToList();
        var codes = reviewed.Select(a => SteeringService.ActionKey(meeting.Strategy!.Code, a.Code)).ToList();
        var history = await db.Set<AuditEntry>().AsNoTracking().Where(a => a.EntityType == "steering.action" && codes.Contains(a.EntityId)).OrderBy(a => a.Id).ToListAsync(cancellationToken);
        var indicators = (await IndicatorsAsync(meeting.StrategyId, null, cancellationToken)).Where(i => i.Indicator.TargetValue is not null || i.Series.Count > 0).ToList();
        return new MeetingReport(meeting, meeting.Strategy!, rows, nodes.Values.Where(n => n.Level == NodeLevel.Action).OrderBy(n => n.Code, StringComparer.Ordinal).ToList(), budget, indicators,
            reviewed.ToDictionary(a => a.Id, a => (IReadOnlyList<AuditEntry>)history.Where(h => h.EntityId == SteeringService.ActionKey(meeting.Strategy!.Code, a.Code)).ToList()));
    }

    private static decimal? Mean(IReadOnlyList<StrategyNode> nodes, IReadOnlyDictionary<long, decimal?> progress)
    {
        var parts = nodes.Select(n => (Value: progress[n.Id], Weight: n.Weight ?? 1m)).Where(p => p.Value is not null && p.Weight > 0).ToList();
        return parts.Count == 0 ? null : Math.Round(parts.Sum(p => p.Value!.Value * p.Weight) / parts.Sum(p => p.Weight), 1);
    }
}
