using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scoran.Data;
using Scoran.Steering.Model;
using Scoran.Testing;

namespace Scoran.Steering.Tests;

/// <summary>The reference trees shipped in data/strategy load with the counts of shared/strategy/README.md, once.</summary>
public abstract class ReferenceStrategyTests(DatabaseProvider provider)
{
    [Fact]
    public async Task The_default_load_gives_the_SCORAN_and_PPUN_trees_with_their_counts_and_a_second_load_changes_nothing()
    {
        TestDatabase.RequireEngine(provider);
        await using var database = await TestDatabase.CreateAsync(provider, "steeringref");

        var first = await database.ImportReferenceAsync();
        var second = await database.ImportReferenceAsync();

        Assert.All(first, r => Assert.False(r.Skipped));
        Assert.All(second, r => Assert.True(r.Skipped));
        var counts = await database.SteeringScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<ScoranDbContext>();
            return await db.Set<StrategyNode>().GroupBy(n => new { n.Strategy!.Code, n.Level }).Select(g => new { g.Key.Code, g.Key.Level, Count = g.Count() }).ToListAsync(SteeringDatabase.Token);
        });
        int Count(string code, NodeLevel level) => counts.SingleOrDefault(c => c.Code == code && c.Level == level)?.Count ?? 0;
        Assert.Equal([3, 3, 5, 15, 53], new[] { NodeLevel.Principle, NodeLevel.Enjeu, NodeLevel.Defi, NodeLevel.Orientation, NodeLevel.Action }.Select(l => Count("scoran-bfc-2019", l)));
        Assert.Equal([0, 3, 7, 15, 53], new[] { NodeLevel.Principle, NodeLevel.Enjeu, NodeLevel.Defi, NodeLevel.Orientation, NodeLevel.Action }.Select(l => Count("ppun-bfc-2021", l)));

        var (indicators, o1, titles) = await database.SteeringScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<ScoranDbContext>();
            var list = await db.Set<Indicator>().OrderBy(i => i.Code).ToListAsync(SteeringDatabase.Token);
            var actions = await db.Set<StrategyNode>().Where(n => n.Parent!.Code == "O1" && n.Strategy!.Code == "scoran-bfc-2019").OrderBy(n => n.Position).Select(n => n.Title).ToListAsync(SteeringDatabase.Token);
            var ppunTitles = await db.Set<StrategyNode>().Where(n => n.Strategy!.Code == "ppun-bfc-2021" && n.Code == "1.1.T1.A1").Select(n => n.Title).SingleAsync(SteeringDatabase.Token);
            return (list, actions, ppunTitles);
        });
        Assert.Equal(17, indicators.Count);
        Assert.Equal(4, indicators.Count(i => i.NodeCode == "E1"));
        var ftth = Assert.Single(indicators, i => i.Kind == IndicatorKind.Computed);
        Assert.Equal(("E1.R2.I1", "Le taux de locaux raccordables au FttH", 100m, new DateOnly(2025, 12, 31)), (ftth.Code, ftth.Title, ftth.TargetValue!.Value, ftth.TargetDate!.Value));
        // Per-orientation action counts from the README: O1 has 5, verbatim titles.
        Assert.Equal(5, o1.Count);
        Assert.Equal("Assurer le suivi des déploiements du FttH dans les zones d’initiatives privées (AMII/AMEL)", o1[0]);
        Assert.Equal("Créer la plateforme régionale de l'inclusion numérique", titles);
    }

    [Fact]
    public void The_shipped_reference_files_are_verbatim_copies_of_shared_strategy()
    {
        foreach (var name in new[] { "scoran-bfc-2019.json", "ppun-bfc-2021.json" })
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(SharedData.Root, "strategy", name)), File.ReadAllBytes(Path.Combine(SteeringDatabase.StrategyFolder, name)));
        }
    }
}

public sealed class SqliteReferenceStrategyTests() : ReferenceStrategyTests(DatabaseProvider.Sqlite);

public sealed class PostgresReferenceStrategyTests() : ReferenceStrategyTests(DatabaseProvider.Postgres);
