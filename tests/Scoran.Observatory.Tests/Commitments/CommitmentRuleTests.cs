using Scoran.Observatory.Commitments;
using Scoran.Observatory.Model;

namespace Scoran.Observatory.Tests.Commitments;

/// <summary>The status rule on made-up histories whose answer can be worked out by hand.</summary>
public sealed class CommitmentRuleTests
{
    private static OperatorCommitment Commitment(decimal? share, long? premises, DateOnly deadline) => new()
    {
        Register = "test", CommuneCode = "21231", OperatorCode = "FRTE", OperatorName = "Orange", Zone = CommitmentZone.Amii,
        TargetShare = share, TargetPremises = premises, Deadline = deadline, Source = "test", LegalStatus = "accepté",
    };

    private static readonly (Quarter, long)[] Steady = [(new Quarter(2017, 3), 100), (new Quarter(2017, 4), 200), (new Quarter(2018, 1), 300)];

    [Fact]
    public void Arcep_cells_give_operator_and_partial_flag()
    {
        Assert.Equal(("FRTE", false), L3313Commitments.Parse("FRTE "));
        Assert.Equal(("FRTE", true), L3313Commitments.Parse("FRTE partielle "));
        Assert.Equal(("FRTE-SFR0", false), L3313Commitments.Parse("SFR0-FRTE"));
        Assert.Null(L3313Commitments.Parse("oui"));
    }

    [Fact]
    public void A_share_is_rounded_up_to_whole_premises_and_met_when_reached()
    {
        var row = CommitmentQueries.Assess(Commitment(0.92m, null, new DateOnly(2020, 12, 31)), "Dijon", "21", null, 101, [(new Quarter(2018, 1), 93)]);

        Assert.Equal(93, row.TargetPremises);
        Assert.Equal(CommitmentStatus.Met, row.Status);
        Assert.Equal(0, row.Gap);
    }

    [Fact]
    public void The_recent_pace_decides_between_on_time_and_at_risk()
    {
        // +100 premises a quarter from 300 at the end of March 2018: about 300 + 100 × 11 = 1 400 by the end of 2020.
        var onTime = CommitmentQueries.Assess(Commitment(null, 1_300, new DateOnly(2020, 12, 31)), "X", null, null, 2_000, Steady);
        var atRisk = CommitmentQueries.Assess(Commitment(null, 1_500, new DateOnly(2020, 12, 31)), "X", null, null, 2_000, Steady);

        Assert.Equal(CommitmentStatus.OnTime, onTime.Status);
        Assert.Equal(CommitmentStatus.AtRisk, atRisk.Status);
        Assert.InRange(atRisk.ProjectedConnectable!.Value, 1_390, 1_410);
        Assert.Equal(1_500 - atRisk.ProjectedConnectable, atRisk.ProjectedGap);
        Assert.Equal(1_200, atRisk.Gap);
    }

    [Fact]
    public void A_deadline_before_the_latest_quarter_makes_an_unmet_commitment_late()
    {
        var late = CommitmentQueries.Assess(Commitment(null, 400, new DateOnly(2017, 12, 31)), "X", null, null, 500, Steady);
        var unknown = CommitmentQueries.Assess(Commitment(null, 400, new DateOnly(2020, 12, 31)), "X", null, null, 500, []);

        Assert.Equal(CommitmentStatus.Late, late.Status);
        Assert.Equal(100, late.Gap);
        Assert.Equal(CommitmentStatus.Unknown, unknown.Status);
    }
}
