using Scoran.Observatory.Model;
using Scoran.Observatory.Queries;
using Scoran.Territories.Model;

namespace Scoran.Observatory.Targets;

/// <summary>A territory behind a target, with the premises still missing at the deadline at its recent pace.</summary>
public sealed record AtRiskRow(TerritoryKind Kind, string Code, string Name, long Premises, TrajectoryAssessment Assessment)
{
    /// <summary>Premises short of the threshold at the deadline if the recent trend holds (never negative).</summary>
    public long PremisesGap => Assessment.ProjectedAtDeadline is { } projected
        ? (long)Math.Max(0, Math.Ceiling((Assessment.Target.Threshold - Math.Min(projected, Assessment.Target.Threshold)) * Premises))
        : 0;
}

/// <summary>Targets applied to the observatory's figures: trajectories of a territory and the territories most behind.</summary>
public sealed class TargetQueries(FtthQueries ftth, Connexion.ConnexionQueries connexion)
{
    // Mobile targets are assessed by the Mobile namespace's MobileQueries on mobile coverage, not on the fixed-network dashboards.
    public IReadOnlyList<Target> Catalog { get; } = TargetCatalog.Shipped.Where(t => !MobileTargets.IsMobile(t.Indicator)).ToList();

    public async Task<IReadOnlyList<TrajectoryAssessment>> AssessAsync(TerritoryKind kind, string code, string? regionCode, CancellationToken cancellationToken = default)
    {
        var series = await ftth.SeriesAsync(kind, code, cancellationToken: cancellationToken);
        // Speed targets read « Ma connexion internet »: one point per date of that data set.
        var speeds = await connexion.SeriesAsync(kind, code, cancellationToken);
        return Assess(kind, code, regionCode, series, speeds);
    }

    /// <summary>
    /// The trajectories of a territory from its FttH and « Ma connexion internet » series as the caller
    /// already computed them (a dashboard computes each series once per request).
    /// </summary>
    public IReadOnlyList<TrajectoryAssessment> Assess(TerritoryKind kind, string code, string? regionCode, FtthSeries? series, Connexion.ConnexionSeries? speeds)
    {
        var history = series?.Points.Where(p => p.Coverage.Rate is not null).Select(p => (p.Quarter, p.Coverage.Rate!.Value)).ToList() ?? [];
        IReadOnlyList<(Quarter, decimal)> HistoryOf(string indicator) =>
            indicator == TargetIndicators.FtthCoverage ? history
            : speeds?.Points.Select(p => (p.Quarter, p.Of(TargetIndicators.FromConnexion[indicator])?.Rate)).Where(x => x.Rate is not null)
                .Select(x => (x.Quarter, x.Rate!.Value)).ToList() ?? [];
        return Catalog
            .Where(t => t.AppliesTo(kind, code, regionCode))
            .Select(t => TargetIndicators.IsAvailable(t.Indicator)
                ? Trajectory.Assess(t, HistoryOf(t.Indicator))
                : new TrajectoryAssessment(t, null, null, null, null, TrajectoryStatus.Unknown, null))
            .ToList();
    }

    /// <summary>The <paramref name="childKind"/> territories that miss <paramref name="target"/> at their recent pace, most premises short first.</summary>
    public async Task<IReadOnlyList<AtRiskRow>> AtRiskAsync(TerritoryKind kind, string code, TerritoryKind childKind, Target target, int count = 10, CancellationToken cancellationToken = default) =>
        await AtRiskAsync(kind, code, childKind, target, await ftth.SeriesAsync(kind, code, cancellationToken: cancellationToken), count, cancellationToken);

    /// <summary>As <see cref="AtRiskAsync(TerritoryKind, string, TerritoryKind, Target, int, CancellationToken)"/>, from the FttH series of the territory the caller already has.</summary>
    public async Task<IReadOnlyList<AtRiskRow>> AtRiskAsync(TerritoryKind kind, string code, TerritoryKind childKind, Target target, FtthSeries? series, int count = 10, CancellationToken cancellationToken = default)
    {
        if (series is null || target.Indicator != TargetIndicators.FtthCoverage)
        {
            return [];
        }

        var perQuarter = new List<(Quarter Quarter, IReadOnlyList<FtthBreakdownRow> Rows)>();
        foreach (var point in series.Points.TakeLast(Trajectory.RecentQuarters))
        {
            perQuarter.Add((point.Quarter, await ftth.BreakdownAsync(kind, code, childKind, point.Quarter, series.Release, cancellationToken)));
        }

        var latest = perQuarter[^1].Rows;
        return latest
            .Select(child =>
            {
                var history = perQuarter
                    .Select(q => (q.Quarter, Row: q.Rows.FirstOrDefault(r => r.Code == child.Code)))
                    .Where(x => x.Row?.Coverage.Rate is not null)
                    .Select(x => (x.Quarter, x.Row!.Coverage.Rate!.Value))
                    .ToList();
                return new AtRiskRow(child.Kind, child.Code, child.Name, child.Premises, Trajectory.Assess(target, history));
            })
            .Where(r => r.Assessment.Status is TrajectoryStatus.Late or TrajectoryStatus.Stalled)
            .OrderByDescending(r => r.PremisesGap)
            .ThenBy(r => r.Code, StringComparer.Ordinal)
            .Take(count)
            .ToList();
    }
}
