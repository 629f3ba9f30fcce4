using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scoran.Core.Audit;
using Scoran.Data;
using Scoran.Steering.Exchange;
using Scoran.Steering.Indicators;
using Scoran.Steering.Model;
using Scoran.Steering.Reviews;
using Scoran.Testing;

namespace Scoran.Steering.Tests;

/// <summary>
/// Corrections of budget lines, milestones and indicator targets: same validation as an addition,
/// exact totals, every change audited with the state before and after, and target edits that
/// survive the re-import of an unchanged strategy but give way to a revised one.
/// </summary>
public abstract class EditingTests(DatabaseProvider provider)
{
    private static CancellationToken Token => SteeringDatabase.Token;

    private const string Author = "editeur@region.invalid";

    [Fact]
    public async Task Budget_lines_and_milestones_are_corrected_and_removed_with_exact_totals_and_an_audited_before_and_after()
    {
        TestDatabase.RequireEngine(provider);
        await using var database = await TestDatabase.CreateAsync(provider, "steeringedit");
        await database.ImportReferenceAsync();
        var clock = new FixedClock(new DateTimeOffset(2026, 10, 20, 9, 0, 0, TimeSpan.Zero));

        await database.SteeringScopeAsync(async sp =>
        {
            var service = sp.GetRequiredService<SteeringService>();
            var db = sp.GetRequiredService<ScoranDbContext>();
            long Id(string code) => db.Set<StrategyNode>().Single(n => n.Code == code && n.Strategy!.Code == "scoran-bfc-2019").Id;
            var action = Id("O1.A2");
            Assert.Empty(await service.AddBudgetLineAsync(action, 2026, "Région Bourgogne-Franche-Comté", 100_000.10m, 50_000m, 10_000.01m, Author, Token));
            Assert.Empty(await service.AddBudgetLineAsync(action, 2027, "État (FSN)", 0.20m, 0m, 0m, Author, Token));
            Assert.Empty(await service.AddMilestoneAsync(action, "Étude", new DateOnly(2026, 3, 1), null, Author, Token));
            var lines = await db.Set<BudgetLine>().Where(b => b.NodeId == action).OrderBy(b => b.Year).ToListAsync(Token);
            var milestone = await db.Set<Milestone>().SingleAsync(m => m.NodeId == action, Token);

            // Same refusals as an addition, field by field, and nothing changes.
            var refused = await service.UpdateBudgetLineAsync(action, lines[0].Id, 1999, " ", -1m, 1.005m, null, Author, Token);
            Assert.Equal(["Indiquez une année entre 2000 et 2100."], refused!["Year"]);
            Assert.Equal(["Indiquez le financeur."], refused["Funder"]);
            Assert.Equal(["Le montant ne peut pas être négatif."], refused["Planned"]);
            Assert.Equal(["Indiquez un montant en euros, au centime près (au plus deux décimales)."], refused["Committed"]);
            // A line of another action is not this action's to correct.
            Assert.Null(await service.UpdateBudgetLineAsync(Id("O1.A1"), lines[0].Id, 2026, "x", 1, 1, 1, Author, Token));
            Assert.False(await service.RemoveBudgetLineAsync(Id("O1.A1"), lines[0].Id, Author, Token));
            Assert.Null(await service.UpdateMilestoneAsync(Id("O1.A1"), milestone.Id, "x", new DateOnly(2026, 1, 1), null, Author, Token));

            Assert.Empty((await service.UpdateBudgetLineAsync(action, lines[0].Id, 2026, " Région Bourgogne-Franche-Comté ", 120_000.10m, 60_000.05m, 15_000.01m, Author, Token))!);
            Assert.True(await service.RemoveBudgetLineAsync(action, lines[1].Id, Author, Token));
            var refusedMilestone = await service.UpdateMilestoneAsync(action, milestone.Id, "", null, new DateOnly(1990, 1, 1), Author, Token);
            Assert.Equal(new[] { "Indiquez l'intitulé du jalon.", "Indiquez la date prévue.", "Indiquez une date réelle entre 2000 et 2100." },
                new[] { refusedMilestone!["Title"][0], refusedMilestone["PlannedDate"][0], refusedMilestone["ActualDate"][0] });
            Assert.Empty((await service.UpdateMilestoneAsync(action, milestone.Id, "Étude de faisabilité", new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 21), Author, Token))!);
            return true;
        }, clock);

        var (view, history, count) = await database.SteeringScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<ScoranDbContext>();
            var v = await sp.GetRequiredService<SteeringQueries>().ActionAsync("scoran-bfc-2019", "O1.A2", Token);
            return (v!, await AuditTrail.HistoryAsync(db, "steering.action", "scoran-bfc-2019:O1.A2", Token), await db.Set<BudgetLine>().CountAsync(Token));
        });
        Assert.Equal(1, count);
        Assert.Equal((120_000.10m, 60_000.05m, 15_000.01m), (view.Budget.Planned, view.Budget.Committed, view.Budget.Spent));
        Assert.Equal("Région Bourgogne-Franche-Comté", view.Action.Budget.Single().Funder);
        Assert.Equal(20, view.Schedule.DaysLate);
        Assert.Equal(["budget-added", "budget-added", "milestone-added", "budget-updated", "budget-removed", "milestone-updated"], history.Select(h => h.Action));
        var updated = history.Single(h => h.Action == "budget-updated");
        Assert.Contains("\"planned\":100000.10", updated.BeforeJson);
        Assert.Contains("\"planned\":120000.10", updated.AfterJson);
        Assert.Equal(Author, updated.Author);
        Assert.Equal(new DateTimeOffset(2026, 10, 20, 9, 0, 0, TimeSpan.Zero), updated.At);
        var removed = history.Single(h => h.Action == "budget-removed");
        Assert.Contains("tat (FSN)", removed.BeforeJson);
        Assert.Null(removed.AfterJson);
        Assert.Contains("\"actualDate\":\"2026-03-21\"", history.Last().AfterJson);
    }

    [Fact]
    public async Task Target_points_set_the_final_target_and_status_and_a_reimport_keeps_them_unless_the_strategy_states_another_target()
    {
        TestDatabase.RequireEngine(provider);
        await using var database = await TestDatabase.CreateAsync(provider, "steeringtarget");
        await database.ImportReferenceAsync();

        // E2.R3.I1 has no figure in the strategy: no point, status not assessable.
        var (before, after, refusals, history) = await database.SteeringScopeAsync(async sp =>
        {
            var service = sp.GetRequiredService<SteeringService>();
            var queries = sp.GetRequiredService<SteeringQueries>();
            var db = sp.GetRequiredService<ScoranDbContext>();
            var indicator = await db.Set<Indicator>().SingleAsync(i => i.Code == "E2.R3.I1", Token);
            await service.AddIndicatorValueAsync(indicator.Id, new DateOnly(2024, 12, 31), 4_000m, "Bilan", Author, Token);
            await service.AddIndicatorValueAsync(indicator.Id, new DateOnly(2025, 12, 31), 8_000m, "Bilan", Author, Token);
            var was = (await queries.IndicatorAsync("scoran-bfc-2019", "E2.R3.I1", Token))!;

            var errors = await service.AddTargetAsync(indicator.Id, null, null, Author, Token);
            Assert.Empty(await service.AddTargetAsync(indicator.Id, new DateOnly(2026, 12, 31), 12_000m, Author, Token));
            var duplicate = await service.AddTargetAsync(indicator.Id, new DateOnly(2026, 12, 31), 1m, Author, Token);
            Assert.Empty(await service.AddTargetAsync(indicator.Id, new DateOnly(2028, 12, 31), 30_000m, Author, Token));
            var points = await db.Set<IndicatorTarget>().Where(t => t.IndicatorId == indicator.Id).OrderBy(t => t.Date).AsNoTracking().ToListAsync(Token);
            // The final target moves nearer: 15 000 by the end of 2027, which the trend (+4 000 a year) reaches in the autumn of 2027.
            Assert.Empty((await service.UpdateTargetAsync(indicator.Id, points[1].Id, new DateOnly(2027, 12, 31), 15_000m, Author, Token))!);
            Assert.Null(await service.UpdateTargetAsync(indicator.Id + 1, points[1].Id, new DateOnly(2027, 12, 31), 1m, Author, Token));
            var now = (await queries.IndicatorAsync("scoran-bfc-2019", "E2.R3.I1", Token))!;
            return (was, now, (errors, duplicate), await queries.IndicatorHistoryAsync("E2.R3.I1", Token));
        });
        Assert.Equal(IndicatorStatus.Unknown, before.Assessment.Status);
        Assert.Equal(["Indiquez la date de la cible."], refusals.errors["Date"]);
        Assert.Equal(["Indiquez la valeur cible (nombre décimal)."], refusals.errors["Value"]);
        Assert.Equal(["Une cible existe déjà au 31/12/2026 : modifiez-la plutôt."], refusals.duplicate["Date"]);
        Assert.Equal((15_000m, new DateOnly(2027, 12, 31)), (after.Indicator.TargetValue!.Value, after.Indicator.TargetDate!.Value));
        Assert.Equal([12_000m, 15_000m], after.Indicator.Targets.OrderBy(t => t.Date).Select(t => t.Value));
        Assert.Equal(IndicatorStatus.OnTrack, after.Assessment.Status);
        Assert.Equal(["value-added", "value-added", "target-added", "target-added", "target-updated"], history.Select(h => h.Action));
        Assert.Contains("\"targetValue\":30000", history.Last().BeforeJson);
        Assert.Contains("\"targetValue\":15000", history.Last().AfterJson);

        // E1.R2.I1 comes with 100 % by 2025 from the strategy: one point, "import".
        var edited = await database.SteeringScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<ScoranDbContext>();
            var indicator = await db.Set<Indicator>().Include(i => i.Targets).SingleAsync(i => i.Code == "E1.R2.I1", Token);
            Assert.Equal((100m, new DateOnly(2025, 12, 31), "import"), (indicator.Targets.Single().Value, indicator.Targets.Single().Date, indicator.Targets.Single().Author));
            var service = sp.GetRequiredService<SteeringService>();
            Assert.Empty(await service.AddTargetAsync(indicator.Id, new DateOnly(2023, 12, 31), 80m, Author, Token));
            Assert.Empty((await service.UpdateTargetAsync(indicator.Id, indicator.Targets.Single(t => t.Date.Year == 2025).Id, new DateOnly(2026, 12, 31), 100m, Author, Token))!);
            var refused = await service.AddTargetAsync(indicator.Id, new DateOnly(2024, 12, 31), 101m, Author, Token);
            Assert.Equal(["Une cible en pourcentage doit être comprise entre 0 et 100."], refused["Value"]);
            return await Points(db);
        });
        Assert.Equal([(new DateOnly(2023, 12, 31), 80m), (new DateOnly(2026, 12, 31), 100m)], edited);

        // Re-importing the unchanged reference strategies: skipped, edits kept.
        var again = await database.ImportReferenceAsync();
        Assert.All(again, r => Assert.True(r.Skipped));
        Assert.Equal(edited, await database.SteeringScopeAsync(sp => Points(sp.GetRequiredService<ScoranDbContext>())));

        // A revision stating another target replaces the points, under a new revision, with its audit entry.
        var revised = await database.SteeringScopeAsync(async sp =>
        {
            var document = await StrategyFiles.ReadAsync(Path.Combine(SteeringDatabase.StrategyFolder, "scoran-bfc-2019.json"), Token);
            document = document with
            {
                Indicators = document.Indicators.Select(i => i.Code == "E1.R2.I1" ? i with { TargetDate = new DateOnly(2030, 12, 31) } : i).ToList(),
            };
            return await sp.GetRequiredService<StrategyStore>().ImportAsync(document, "scoran-bfc-2019-revisee.json", "système", Token);
        });
        Assert.False(revised.Skipped);
        Assert.Equal(2, revised.Revision);
        var (replaced, trail, indicatorAfter, untouched) = await database.SteeringScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<ScoranDbContext>();
            var i = await db.Set<Indicator>().AsNoTracking().SingleAsync(x => x.Code == "E1.R2.I1", Token);
            var otherId = await db.Set<Indicator>().Where(x => x.Code == "E2.R3.I1").Select(x => x.Id).SingleAsync(Token);
            var other = await db.Set<IndicatorTarget>().CountAsync(t => t.IndicatorId == otherId, Token);
            return (await Points(db), await AuditTrail.HistoryAsync(db, "steering.indicator", "E1.R2.I1", Token), i, other);
        });
        Assert.Equal([(new DateOnly(2030, 12, 31), 100m)], replaced);
        Assert.Equal((100m, new DateOnly(2030, 12, 31)), (indicatorAfter.TargetValue!.Value, indicatorAfter.TargetDate!.Value));
        Assert.Equal(2, untouched);
        var entry = trail.Last();
        Assert.Equal(("targets-replaced", "système", "révision 2 de la stratégie"), (entry.Action, entry.Author, entry.Comment));
        Assert.Contains("\"value\":80", entry.BeforeJson);
        Assert.Contains("2030-12-31", entry.AfterJson);
    }

    private static async Task<List<(DateOnly, decimal)>> Points(ScoranDbContext db)
    {
        var id = await db.Set<Indicator>().Where(i => i.Code == "E1.R2.I1").Select(i => i.Id).SingleAsync(Token);
        return (await db.Set<IndicatorTarget>().AsNoTracking().Where(t => t.IndicatorId == id).OrderBy(t => t.Date).ToListAsync(Token)).Select(t => (t.Date, t.Value)).ToList();
    }
}

public sealed class SqliteEditingTests() : EditingTests(DatabaseProvider.Sqlite);

public sealed class PostgresEditingTests() : EditingTests(DatabaseProvider.Postgres);
