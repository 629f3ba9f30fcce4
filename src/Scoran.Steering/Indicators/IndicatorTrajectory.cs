using Scoran.Steering.Model;

namespace Scoran.Steering.Indicators;

public enum IndicatorStatus
{
    /// <summary>The target value is already met.</summary>
    Reached,
    /// <summary>At the recent pace the target is met by its date.</summary>
    OnTrack,
    /// <summary>At the recent pace the target is met, but less than a year after its date.</summary>
    AtRisk,
    /// <summary>The recent pace does not lead to the target, or only more than a year late.</summary>
    OffTrack,
    /// <summary>No target, or fewer than two values: no trend can be drawn.</summary>
    Unknown,
}

public sealed record IndicatorAssessment(
    decimal? Current,
    DateOnly? AsOf,
    decimal? ProjectedAtTargetDate,
    DateOnly? ProjectedReachDate,
    IndicatorStatus Status,
    decimal? SlopePerYear);

/// <summary>
/// The observatory's trajectory rule (Scoran.Observatory.Targets.Trajectory) applied to dated
/// values: a least-squares line through the last <see cref="RecentPoints"/> values, extended to
/// the target date and to the date the target is crossed. Status: reached; on track when the
/// crossing comes by the target date; at risk when it comes within <see cref="GraceDays"/> after;
/// off track otherwise (including a flat or wrong-way trend).
/// </summary>
public static class IndicatorTrajectory
{
    public const int RecentPoints = 4;
    public const int GraceDays = 365;

    /// <summary>
    /// The assessment; values at the edge of <see cref="decimal"/> (stored before writes were bounded, security review F6)
    /// give « unknown » with the last value instead of an overflow that would break every page showing the indicator.
    /// </summary>
    public static IndicatorAssessment Assess(Indicator indicator, IReadOnlyList<IndicatorPoint> series)
    {
        try
        {
            return AssessUnchecked(indicator, series);
        }
        catch (Exception e) when (e is OverflowException or ArgumentOutOfRangeException or DivideByZeroException)
        {
            var last = series.MaxBy(p => p.Date)!;
            return new IndicatorAssessment(last.Value, last.Date, null, null, IndicatorStatus.Unknown, null);
        }
    }

    private static IndicatorAssessment AssessUnchecked(Indicator indicator, IReadOnlyList<IndicatorPoint> series)
    {
        if (series.Count == 0)
        {
            return new IndicatorAssessment(null, null, null, null, IndicatorStatus.Unknown, null);
        }

        var ordered = series.OrderBy(p => p.Date).ToList();
        var last = ordered[^1];
        var lowerIsBetter = indicator.Direction == IndicatorDirection.LowerIsBetter;
        bool Meets(decimal value, decimal target) => lowerIsBetter ? value <= target : value >= target;
        if (indicator.TargetValue is { } reachedTarget && Meets(last.Value, reachedTarget))
        {
            return new IndicatorAssessment(last.Value, last.Date, last.Value, last.Date, IndicatorStatus.Reached, null);
        }

        var recent = ordered.TakeLast(RecentPoints).ToList();
        if (recent.Count < 2 || recent.Select(r => r.Date).Distinct().Count() < 2)
        {
            return new IndicatorAssessment(last.Value, last.Date, null, null, IndicatorStatus.Unknown, null);
        }

        // x in years since the first recent value, so the slope reads "units per year".
        var origin = recent[0].Date;
        decimal Years(DateOnly d) => (d.DayNumber - origin.DayNumber) / 365.25m;
        var xs = recent.Select(r => Years(r.Date)).ToList();
        var ys = recent.Select(r => r.Value).ToList();
        var meanX = xs.Average();
        var meanY = ys.Average();
        var slope = xs.Zip(ys, (x, y) => (x - meanX) * (y - meanY)).Sum() / xs.Sum(x => (x - meanX) * (x - meanX));
        var intercept = meanY - slope * meanX;

        if (indicator.TargetValue is not { } target || indicator.TargetDate is not { } targetDate)
        {
            return new IndicatorAssessment(last.Value, last.Date, null, null, IndicatorStatus.Unknown, Math.Round(slope, 4));
        }

        var atTarget = Math.Round(intercept + slope * Years(targetDate), 4);
        var improving = lowerIsBetter ? slope < 0 : slope > 0;
        if (!improving)
        {
            return new IndicatorAssessment(last.Value, last.Date, atTarget, null, IndicatorStatus.OffTrack, Math.Round(slope, 4));
        }

        var yearsToTarget = (target - intercept) / slope;
        var reach = origin.AddDays((int)Math.Ceiling(yearsToTarget * 365.25m));
        var status = reach <= targetDate ? IndicatorStatus.OnTrack
            : reach <= targetDate.AddDays(GraceDays) ? IndicatorStatus.AtRisk
            : IndicatorStatus.OffTrack;
        return new IndicatorAssessment(last.Value, last.Date, atTarget, reach, status, Math.Round(slope, 4));
    }
}
