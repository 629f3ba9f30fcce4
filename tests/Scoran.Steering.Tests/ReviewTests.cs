using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scoran.Core.Audit;
using Scoran.Data;
using Scoran.Steering.Model;
using Scoran.Steering.Reviews;
using Scoran.Testing;

namespace Scoran.Steering.Tests;

/// <summary>A committee review computes schedule and budget from the action's records, closes an abandoned action with its reason, and audits everything.</summary>
public abstract class ReviewTests(DatabaseProvider provider)
{
    private static CancellationToken Token => SteeringDatabase.Token;

    [Fact]
    public async Task Reviews_compute_delay_and_budget_abandon_closes_the_action_and_every_change_is_audited()
    {
        TestDatabase.RequireEngine(provider);
        await using var database = await TestDatabase.CreateAsync(provider, "steeringreview");
        await database.ImportReferenceAsync();
        var clock = new FixedClock(new DateTimeOffset(2026, 10, 20, 9, 0, 0, TimeSpan.Zero));

        var (late, over, abandoned, refused, meetingId) = await database.SteeringScopeAsync(async sp =>
        {
            var service = sp.GetRequiredService<SteeringService>();
            var db = sp.GetRequiredService<ScoranDbContext>();
            long Id(string code) => db.Set<StrategyNode>().Single(n => n.Code == code && n.Strategy!.Code == "scoran-bfc-2019").Id;
            Assert.Empty(await service.AddMilestoneAsync(Id("O1.A1"), "Comité de suivi AMII", new DateOnly(2026, 9, 1), null, "editeur@region.invalid", Token));
            Assert.Empty(await service.AddMilestoneAsync(Id("O1.A1"), "CPSD signées", new DateOnly(2026, 6, 1), new DateOnly(2026, 6, 11), "editeur@region.invalid", Token));
            Assert.Empty(await service.AddBudgetLineAsync(Id("O1.A2"), 2026, "Région Bourgogne-Franche-Comté", 100_000m, 90_000m, 120_000.50m, "editeur@region.invalid", Token));
            Assert.Empty(await service.AddBudgetLineAsync(Id("O1.A2"), 2026, "État (FSN)", 50_000m, 0m, 10_000m, "editeur@region.invalid", Token));
            var (meeting, errors) = await service.CreateMeetingAsync("scoran-bfc-2019", new MeetingInput(new DateOnly(2026, 10, 15), "Comité de pilotage du numérique", "Région\nPréfecture"), "secretaire@region.invalid", Token);
            Assert.Empty(errors);

            var (lateReview, _) = await service.RecordReviewAsync(meeting!.Id, new ReviewInput("O1.A1", 40, null, "Comité de suivi à reprogrammer", ReviewDecision.Maintain, "Comité"), "secretaire@region.invalid", Token);
            var (overReview, _) = await service.RecordReviewAsync(meeting.Id, new ReviewInput("O1.A2", 70, null, null, ReviewDecision.ScaleUp, "Comité"), "secretaire@region.invalid", Token);
            var (_, noReason) = await service.RecordReviewAsync(meeting.Id, new ReviewInput("O1.A3", 10, null, " ", ReviewDecision.Abandon, "Comité"), "secretaire@region.invalid", Token);
            var (abandonReview, _) = await service.RecordReviewAsync(meeting.Id, new ReviewInput("O1.A3", 10, Rag.Red, "Objectifs non atteints : aucun opérateur candidat", ReviewDecision.Abandon, "Comité"), "secretaire@region.invalid", Token);
            return (lateReview!, overReview!, abandonReview!, noReason, meeting.Id);
        }, clock);

        // Open milestone planned 1 Sept., meeting 15 Oct.: 44 days late (the other one was 10 days late).
        Assert.Equal(44, late.DaysLate);
        Assert.Equal(Rag.Amber, late.Rag);
        Assert.Equal((150_000m, 90_000m, 130_000.50m), (over.BudgetPlanned, over.BudgetCommitted, over.BudgetSpent));
        Assert.Equal(0, over.DaysLate);
        // Region line 20 % over its plan, but the action as a whole is within its 150 000 €: green.
        Assert.Equal(Rag.Green, over.Rag);
        Assert.Equal(["Un abandon doit être motivé : indiquez la raison dans le commentaire."], refused["Comment"]);
        Assert.Equal(Rag.Red, abandoned.Rag);

        var (action, history, reviewAgain) = await database.SteeringScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<ScoranDbContext>();
            var node = await db.Set<StrategyNode>().SingleAsync(n => n.Code == "O1.A3" && n.Strategy!.Code == "scoran-bfc-2019", Token);
            var trail = await AuditTrail.HistoryAsync(db, "steering.action", "scoran-bfc-2019:O1.A3", Token);
            var service = sp.GetRequiredService<SteeringService>();
            var (next, _) = await service.CreateMeetingAsync("scoran-bfc-2019", new MeetingInput(new DateOnly(2027, 1, 15), "Comité de pilotage du numérique", null), "s", Token);
            var (_, errors) = await service.RecordReviewAsync(next!.Id, new ReviewInput("O1.A3", 20, null, null, ReviewDecision.Maintain, "Comité"), "s", Token);
            return (node, trail, errors);
        }, clock);
        Assert.Equal((ActionStatus.Abandoned, "Objectifs non atteints : aucun opérateur candidat", new DateOnly(2026, 10, 15)), (action.Status, action.ClosedReason!, action.ClosedOn!.Value));
        var closed = Assert.Single(history);
        Assert.Equal(("closed", "secretaire@region.invalid", clock.GetUtcNow()), (closed.Action, closed.Author, closed.At));
        Assert.Contains("\"status\":\"Planned\"", closed.BeforeJson);
        Assert.Contains("\"status\":\"Abandoned\"", closed.AfterJson);
        // A closed action cannot be reviewed again at a later meeting.
        Assert.StartsWith("Cette action est close depuis le 15/10/2026", reviewAgain["ActionCode"][0]);

        var budgetAudit = await database.SteeringScopeAsync(async sp =>
            await AuditTrail.HistoryAsync(sp.GetRequiredService<ScoranDbContext>(), "steering.action", "scoran-bfc-2019:O1.A2", Token));
        Assert.Equal(["budget-added", "budget-added", "reviewed"], budgetAudit.Select(a => a.Action));
        Assert.True(meetingId > 0);
    }

    [Fact]
    public void Progress_rolls_up_as_the_weighted_mean_of_the_actions_leaving_out_abandoned_ones()
    {
        var orientation = new StrategyNode { Id = 1, Code = "O1", Title = "o", Level = NodeLevel.Orientation };
        var nodes = new List<StrategyNode>
        {
            new() { Id = 0, Code = "D1", Title = "d", Level = NodeLevel.Defi },
            orientation,
            new() { Id = 2, ParentId = 1, Code = "A1", Title = "a", Level = NodeLevel.Action, Progress = 50, Weight = 3 },
            new() { Id = 3, ParentId = 1, Code = "A2", Title = "a", Level = NodeLevel.Action, Progress = 10 },
            new() { Id = 4, ParentId = 1, Code = "A3", Title = "a", Level = NodeLevel.Action, Progress = 90, Status = ActionStatus.Abandoned },
            new() { Id = 5, ParentId = 1, Code = "A4", Title = "a", Level = NodeLevel.Action, Status = ActionStatus.Done },
            new() { Id = 6, ParentId = 0, Code = "O2", Title = "o", Level = NodeLevel.Orientation },
        };
        nodes[1].ParentId = 0;

        var progress = SteeringRules.RollUp(nodes);

        // (50×3 + 10×1 + 100×1) / 5 = 52; O2 has no action, so it leaves the défi's mean.
        Assert.Equal(52m, progress[1]);
        Assert.Null(progress[6]);
        Assert.Equal(52m, progress[0]);
        Assert.Null(progress[4]);
    }

    [Fact]
    public void Schedule_counts_the_latest_milestone_and_budget_flags_spending_or_commitments_above_plan()
    {
        var on = new DateOnly(2026, 3, 31);
        Assert.Equal(0, SteeringRules.Schedule([new Milestone { Title = "futur", PlannedDate = new DateOnly(2026, 6, 1) }], on).DaysLate);
        Assert.Equal(0, SteeringRules.Schedule([new Milestone { Title = "tenu", PlannedDate = new DateOnly(2026, 3, 1), ActualDate = new DateOnly(2026, 2, 1) }], on).DaysLate);
        var late = SteeringRules.Schedule([new Milestone { Title = "ouvert", PlannedDate = new DateOnly(2026, 3, 1) }, new Milestone { Title = "tard", PlannedDate = new DateOnly(2026, 1, 1), ActualDate = new DateOnly(2026, 1, 5) }], on);
        Assert.Equal((30, "ouvert", "En retard de 30 jours"), (late.DaysLate, late.LateMilestone!, late.Label));

        var within = SteeringRules.Budget([new BudgetLine { Funder = "Région", Planned = 100m, Committed = 80m, Spent = 50m }]);
        Assert.Equal((false, 0.5m), (within.OverBudget, within.Consumed!.Value));
        var over = SteeringRules.Budget([new BudgetLine { Funder = "Région", Planned = 100m, Committed = 115m, Spent = 50m }]);
        Assert.True(over.OverBudget);
        Assert.Equal(Rag.Red, SteeringRules.SuggestedRag(new ScheduleStatus(0, null), over, ReviewDecision.Maintain));
        Assert.Equal(Rag.Amber, SteeringRules.SuggestedRag(new ScheduleStatus(5, "x"), within, ReviewDecision.Maintain));
        Assert.Equal(Rag.Green, SteeringRules.SuggestedRag(new ScheduleStatus(0, null), within, ReviewDecision.ScaleUp));
    }
}

public sealed class SqliteReviewTests() : ReviewTests(DatabaseProvider.Sqlite);

public sealed class PostgresReviewTests() : ReviewTests(DatabaseProvider.Postgres);

internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
