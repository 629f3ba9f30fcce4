using Scoran.Observatory.Model;
using Scoran.Observatory.Targets;
using Scoran.Territories.Model;

namespace Scoran.Observatory.Tests.Targets;

public sealed class TrajectoryTests
{
    private static readonly Target Full2025 = TargetCatalog.Shipped.Single(t => t.Id == "scoran-bfc-ftth-2025");

    private static List<(Quarter, decimal)> Linear(params decimal[] rates) =>
        rates.Select((r, i) => (new Quarter(2020, 1).Plus(i), r)).ToList();

    [Fact]
    public void A_steady_pace_is_extended_to_the_threshold()
    {
        // +10 points a quarter from 10 % at T1 2020: 100 % six quarters after 40 % (T4 2020), i.e. around mid-2022.
        var assessment = Trajectory.Assess(Full2025, Linear(0.10m, 0.20m, 0.30m, 0.40m));

        Assert.Equal(TrajectoryStatus.OnTrack, assessment.Status);
        Assert.InRange(assessment.ProjectedReachDate!.Value, new DateOnly(2022, 6, 10), new DateOnly(2022, 7, 10));
        Assert.InRange(assessment.PerQuarter!.Value, 0.099m, 0.101m);
    }

    [Fact]
    public void A_slow_pace_reaches_the_threshold_after_the_deadline()
    {
        var assessment = Trajectory.Assess(Full2025, Linear(0.10m, 0.11m, 0.12m, 0.13m));

        Assert.Equal(TrajectoryStatus.Late, assessment.Status);
        Assert.True(assessment.ProjectedReachDate > Full2025.Deadline);
        Assert.True(assessment.ProjectedAtDeadline < 1m);
    }

    [Theory]
    [InlineData(0.5, 0.5, 0.5, TrajectoryStatus.Stalled)]
    [InlineData(0.6, 0.5, 0.4, TrajectoryStatus.Stalled)]
    [InlineData(0.9, 0.95, 1.0, TrajectoryStatus.Reached)]
    public void Flat_falling_and_reached_series_are_told_apart(double a, double b, double c, TrajectoryStatus expected) =>
        Assert.Equal(expected, Trajectory.Assess(Full2025, Linear((decimal)a, (decimal)b, (decimal)c)).Status);

    [Fact]
    public void One_quarter_is_not_a_trend() =>
        Assert.Equal(TrajectoryStatus.Unknown, Trajectory.Assess(Full2025, Linear(0.3m)).Status);

    [Fact]
    public void Only_the_last_four_quarters_set_the_pace()
    {
        // A fast start followed by a year of stagnation must read as stalled.
        Assert.Equal(TrajectoryStatus.Stalled, Trajectory.Assess(Full2025, Linear(0.0m, 0.3m, 0.6m, 0.6m, 0.6m, 0.6m, 0.6m)).Status);
    }

    [Fact]
    public void The_bfc_target_applies_to_the_region_and_its_territories_only_national_ones_everywhere()
    {
        Assert.True(Full2025.AppliesTo(TerritoryKind.Region, "27", "27"));
        Assert.True(Full2025.AppliesTo(TerritoryKind.Commune, "25056", "27"));
        Assert.False(Full2025.AppliesTo(TerritoryKind.Commune, "75056", "11"));
        Assert.True(TargetCatalog.Shipped.Single(t => t.Id == "plan-thd-fibre-2025").AppliesTo(TerritoryKind.Commune, "75056", "11"));
    }
}
