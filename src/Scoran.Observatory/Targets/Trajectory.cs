using Scoran.Observatory.Model;

namespace Scoran.Observatory.Targets;

public enum TrajectoryStatus
{
    /// <summary>The threshold is already reached.</summary>
    Reached,
    /// <summary>The recent trend reaches the threshold by the deadline.</summary>
    OnTrack,
    /// <summary>The recent trend reaches the threshold, but after the deadline.</summary>
    Late,
    /// <summary>No progress in the recent trend: the threshold is never reached at this pace.</summary>
    Stalled,
    /// <summary>Fewer than two quarters: no trend can be drawn.</summary>
    Unknown,
}

/// <summary>Where a territory stands against a target, and where the recent trend leads it.</summary>
public sealed record TrajectoryAssessment(
    Target Target,
    decimal? Current,
    Quarter? AsOf,
    decimal? ProjectedAtDeadline,
    DateOnly? ProjectedReachDate,
    TrajectoryStatus Status,
    decimal? PerQuarter);

/// <summary>
/// Projects a rate from its recent trend: a least-squares line through the last
/// <see cref="RecentQuarters"/> quarters (fewer if fewer exist), extended to the deadline and to
/// the date the threshold is crossed. The rule is deliberately simple so an elected official can
/// check it: "at the pace of the last year, the target is reached in …".
/// </summary>
public static class Trajectory
{
    public const int RecentQuarters = 4;

    public static TrajectoryAssessment Assess(Target target, IReadOnlyList<(Quarter Quarter, decimal Rate)> history)
    {
        if (history.Count == 0)
        {
            return new TrajectoryAssessment(target, null, null, null, null, TrajectoryStatus.Unknown, null);
        }

        var ordered = history.OrderBy(h => h.Quarter).ToList();
        var (lastQuarter, current) = ordered[^1];
        if (current >= target.Threshold)
        {
            return new TrajectoryAssessment(target, current, lastQuarter, current, lastQuarter.EndDate, TrajectoryStatus.Reached, null);
        }

        var recent = ordered.TakeLast(RecentQuarters).ToList();
        if (recent.Count < 2)
        {
            return new TrajectoryAssessment(target, current, lastQuarter, null, null, TrajectoryStatus.Unknown, null);
        }

        // x in (average) quarters since the first recent one, so the slope reads "points per quarter".
        var xs = recent.Select(r => QuartersSince(recent[0].Quarter, r.Quarter.EndDate)).ToList();
        var ys = recent.Select(r => r.Rate).ToList();
        var meanX = xs.Average();
        var meanY = ys.Average();
        var slope = xs.Zip(ys, (x, y) => (x - meanX) * (y - meanY)).Sum() / xs.Sum(x => (x - meanX) * (x - meanX));
        var intercept = meanY - slope * meanX;
        decimal At(DateOnly date) => intercept + slope * QuartersSince(recent[0].Quarter, date);

        var atDeadline = At(target.Deadline);
        if (slope <= 0)
        {
            return new TrajectoryAssessment(target, current, lastQuarter, atDeadline, null, TrajectoryStatus.Stalled, slope);
        }

        var quartersToThreshold = (target.Threshold - intercept) / slope;
        var reach = recent[0].Quarter.EndDate.AddDays((int)Math.Ceiling(quartersToThreshold * 365.25m / 4));
        var status = reach <= target.Deadline ? TrajectoryStatus.OnTrack : TrajectoryStatus.Late;
        return new TrajectoryAssessment(target, current, lastQuarter, atDeadline, reach, status, slope);
    }

    private static decimal QuartersSince(Quarter origin, DateOnly date) =>
        (date.DayNumber - origin.EndDate.DayNumber) / (365.25m / 4);
}
