using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scoran.Core.Audit;
using Scoran.Core.Imports;
using Scoran.Data;
using Scoran.Observatory.Mobile;
using Scoran.Observatory.Targets;
using Scoran.Territories.Import;
using Scoran.Territories.Model;
using Scoran.Testing;

namespace Scoran.Observatory.Tests.Mobile;

/// <summary>Mobile files stored on each engine and read back: exact sums at every level, idempotence, all-or-nothing, New Deal, targets, theory vs measured.</summary>
public abstract class MobileTests(DatabaseProvider provider)
{
    private const int Vintage2025 = 20254;
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private async Task<TestDatabase> DatabaseWithTerritoriesAsync()
    {
        TestDatabase.RequireEngine(provider);
        var database = await TestDatabase.CreateAsync(provider, "mobile", TestTemplates.France);
        return database;
    }

    private static async Task<MobileImportReport> ImportAsync(TestDatabase database, string text, MobileDataset dataset = MobileDataset.Coverage, string name = "couverture.csv", bool force = false)
    {
        var mappings = await MobileMappings.LoadAsync(MobileFixture.ShippedMappingFiles, Token);
        var file = await MobileFiles.ReadAsync(MobileFixture.Write(name, text), dataset, mappings, cancellationToken: Token);
        return await database.WithScopeAsync(sp => sp.GetRequiredService<MobileImporter>().ImportAsync(file, force, cancellationToken: Token));
    }

    private static Task<T> QueryAsync<T>(TestDatabase database, Func<MobileQueries, Task<T>> query) =>
        database.WithScopeAsync(sp => query(sp.GetRequiredService<MobileQueries>()));

    private static Task<List<string>> DumpAsync(TestDatabase database) =>
        database.DumpAsync("mobile_coverage", "vintage, commune_code, operator, technology, level");

    [Fact]
    public async Task The_hand_file_gives_its_exact_sums_at_commune_and_departement_level()
    {
        await using var database = await DatabaseWithTerritoriesAsync();

        var report = await ImportAsync(database, MobileFixture.Coverage2025);

        Assert.Equal([new Scoran.Observatory.Import.CommuneCodeChange("21513", "21178")], report.CodeChanges);
        Assert.Equal((3, 6), (report.Communes, report.Rows));
        var dep = (await QueryAsync(database, q => q.AtAsync(TerritoryKind.Departement, "21", null, Token)))!;
        Assert.Equal((Vintage2025, 3, 157_500L, 80.9m), (dep.Vintage, dep.Communes, dep.Population, dep.AreaKm2));
        Assert.Equal(new MobileShare(151_070, 157_500, 50.5m, 80.9m), dep.Of("orange", "4G"));
        Assert.Equal(new MobileShare(140_000, 157_500, 35m, 80.9m), dep.Of("sfr", "4G"));
        Assert.Equal(new MobileShare(120_000, 157_500, 30m, 80.9m), dep.Of("orange", "4G", MobileLevels.VeryGood));
        Assert.Equal(151_070m / 157_500m, dep.Of("orange", "4G").PopulationRate);
        // Best operator per commune: Dijon 150 000 (Orange), 21178 1 070 (Orange), 21001 nothing.
        Assert.Equal(new MobileShare(151_070, 157_500, 50.5m, 80.9m), dep.AtLeastOneOperator4G);
        Assert.Equal([(0, 1, 400L), (1, 1, 1_100L), (2, 1, 156_000L), (3, 0, 0L), (4, 0, 0L)], dep.Presence.Select(p => (p.Operators, p.Communes, p.Population)));
        var white = Assert.Single(dep.WhiteZones);
        Assert.Equal(("21001", 400L, 25.5m), (white.Code, white.Population, white.AreaKm2));

        var merged = (await QueryAsync(database, q => q.AtAsync(TerritoryKind.Commune, "21178", null, Token)))!;
        Assert.Equal((1_100L, 15m), (merged.Population, merged.AreaKm2));
        Assert.Equal(new MobileShare(100, 1_100, 3m, 15m), merged.Of("sfr", "2G"));

        var breakdown = await QueryAsync(database, q => q.BreakdownAsync(TerritoryKind.Departement, "21", TerritoryKind.Commune, Vintage2025, Token));
        Assert.Equal(["21001", "21178", "21231"], breakdown.Select(b => b.Code));
        Assert.Equal(dep.Population, breakdown.Sum(b => b.Indicators.Population));

        var source = await QueryAsync(database, q => q.SourceAsync(Vintage2025, Token));
        Assert.False(source.Synthetic);
        Assert.Contains("millésime 2025T4, Licence Ouverte 2.0", source.Line);
        var audit = await database.WithScopeAsync(sp => AuditTrail.HistoryAsync(sp.GetRequiredService<ScoranDbContext>(), "observatory.mobile-import", "arcep-mobile:couverture:2025T4", Token));
        Assert.Equal(("système", "imported"), (Assert.Single(audit).Author, audit[0].Action));
    }

    [Fact]
    public async Task An_identical_file_is_skipped_and_a_new_file_of_the_same_vintage_replaces_it()
    {
        await using var database = await DatabaseWithTerritoriesAsync();
        await ImportAsync(database, MobileFixture.Coverage2025);
        var before = await DumpAsync(database);

        var again = await ImportAsync(database, MobileFixture.Coverage2025);
        var replaced = await ImportAsync(database, MobileFixture.Coverage2025.Replace("150000,38.5", "155000,39"));

        Assert.True(again.Skipped);
        Assert.False(replaced.Skipped);
        var after = await DumpAsync(database);
        Assert.Equal(before.Count, after.Count);
        var dep = (await QueryAsync(database, q => q.AtAsync(TerritoryKind.Departement, "21", null, Token)))!;
        Assert.Equal(156_070, dep.Of("orange", "4G").PopulationCovered);
        var imports = await database.WithScopeAsync(sp => sp.GetRequiredService<ScoranDbContext>().Set<DatasetImport>().CountAsync(i => i.Dataset == MobileImporter.CoverageDataset, Token));
        Assert.Equal(2, imports);
    }

    [Fact]
    public async Task A_file_with_an_unknown_commune_changes_nothing_and_says_where()
    {
        await using var database = await DatabaseWithTerritoriesAsync();
        await ImportAsync(database, MobileFixture.Coverage2025);
        var before = await DumpAsync(database);

        var rejected = await Assert.ThrowsAsync<ImportRejectedException>(() =>
            ImportAsync(database, MobileFixture.Coverage2025.Replace("150000,38.5", "1,1") + "99999,orange,4G,bonne,1,1,2,2,2025T4\n"));

        Assert.Equal(9, rejected.Errors[0].Line);
        Assert.Contains("code commune inconnu : « 99999 »", rejected.Errors[0].Reason);
        Assert.Equal(before, await DumpAsync(database));
    }

    [Fact]
    public async Task A_file_of_another_layout_imports_through_its_mapping_to_the_same_figures()
    {
        await using var database = await DatabaseWithTerritoriesAsync();
        var mappings = await MobileMappings.LoadAsync(MobileFixture.ShippedMappingFiles.Append(MobileFixture.Write("autre.json", MobileFixture.OtherLayoutMapping)), Token);
        var file = await MobileFiles.ReadAsync(MobileFixture.Write("export.csv", MobileFixture.OtherLayout2025, Encoding.Latin1), MobileDataset.Coverage, mappings, "T4 2025", Token);

        var report = await database.WithScopeAsync(sp => sp.GetRequiredService<MobileImporter>().ImportAsync(file, cancellationToken: Token));

        Assert.Equal("test-autre-format-v2", report.MappingId);
        var dep = (await QueryAsync(database, q => q.AtAsync(TerritoryKind.Departement, "21", null, Token)))!;
        Assert.Equal((157_500L, 80.9m), (dep.Population, dep.AreaKm2));
        Assert.Equal(new MobileShare(151_070, 157_500, 50.5m, 80.9m), dep.Of("orange", "4G"));
        Assert.Equal("21001", Assert.Single(dep.WhiteZones).Code);
    }

    [Fact]
    public async Task Two_vintages_give_the_history_and_the_trajectory_towards_the_2026_target()
    {
        await using var database = await DatabaseWithTerritoriesAsync();
        await ImportAsync(database, MobileFixture.Coverage2024);
        await ImportAsync(database, MobileFixture.Coverage2025);

        var history = await QueryAsync(database, q => q.HistoryAsync(TerritoryKind.Departement, "21", Token));
        var assessments = await QueryAsync(database, q => q.AssessAsync(TerritoryKind.Departement, "21", "27", null, Token));
        var elsewhere = await QueryAsync(database, q => q.AssessAsync(TerritoryKind.Departement, "75", "11", null, Token));

        Assert.Equal([20244, 20254], history.Select(h => h.Vintage));
        Assert.Equal([141_070L, 151_070L], history.Select(h => h.AtLeastOne.PopulationCovered));
        Assert.Equal([130_000L, 140_000L], history.Select(h => h.ByOperator["sfr"].PopulationCovered));
        var target = Assert.Single(assessments);
        Assert.Equal("scoran-bfc-mobile-4g-2026", target.Target.Id);
        Assert.Equal(151_070m / 157_500m, target.Current);
        // +10 000 people a year out of 157 500: the remaining 6 430 take about 2.6 quarters, before the end of 2026.
        Assert.Equal(TrajectoryStatus.OnTrack, target.Status);
        Assert.Empty(elsewhere);
        // The fixed-network dashboards do not list the mobile target.
        Assert.DoesNotContain(new TargetQueries(null!, null!).Catalog, t => t.Indicator == MobileTargets.Coverage4G);
    }

    [Fact]
    public async Task New_deal_sites_are_counted_planned_in_service_and_late()
    {
        await using var database = await DatabaseWithTerritoriesAsync();
        var report = await ImportAsync(database, MobileFixture.Sites, MobileDataset.Sites, "sites.csv");

        Assert.Equal([new Scoran.Observatory.Import.CommuneCodeChange("21513", "21178")], report.CodeChanges);
        var dep = (await QueryAsync(database, q => q.NewDealAsync(TerritoryKind.Departement, "21", null, Token)))!;
        // ND-1 is past its deadline (2025-07-01 < 2025-12-31) and not in service; ND-2 is within its time; ND-3 is in service; ND-4 is in the Doubs.
        Assert.Equal((3, 1, 1, 1), (dep.Total, dep.Planned, dep.InService, dep.Late));
        Assert.Equal(["ND-1", "ND-2", "ND-3"], dep.Sites.Select(s => s.Site.SiteId));
        Assert.Equal("en retard", dep.Sites[0].StatusLabel);
        Assert.Equal("21178", dep.Sites[2].Site.CommuneCode);
        var region = (await QueryAsync(database, q => q.NewDealAsync(TerritoryKind.Region, "27", null, Token)))!;
        Assert.Equal((4, 2), (region.Total, region.Late));
    }

    [Fact]
    public async Task Measurements_contradict_an_announcement_only_under_the_documented_rule()
    {
        await using var database = await DatabaseWithTerritoriesAsync();
        await ImportAsync(database, MobileFixture.Coverage2025);
        var measurements = new FixedMeasurements(
        [
            // Orange in Dijon, announced 96 %: 16 measurements from up to 4 people, 4 without service and 2 in 3G → contradiction, 6 pieces of evidence.
            new("21231", "20801", "4G", 10, 4, 0, 25.0),
            new("21231", "20801", "aucune", 4, 4, 4, null),
            new("21231", "20801", "3G", 2, 2, 0, 1.5),
            // SFR in Dijon, announced 89.7 % (below 90 %): the same bad measurements are no contradiction.
            new("21231", "20810", "aucune", 10, 5, 10, null),
            // Orange in 21178, announced 97 %, but only 2 contributors: not enough people to conclude.
            new("21178", "20801", "aucune", 6, 2, 6, null),
            // Free in Dijon announces nothing: nothing to contradict.
            new("21231", "20815", "aucune", 8, 6, 8, null),
            // A commune of another département is left out of Côte-d'Or's list.
            new("25056", "20801", "aucune", 8, 6, 8, null),
        ]);

        var result = await database.WithScopeAsync(sp =>
        {
            var withSource = new ServiceCollection().AddSingleton<IMeasuredQualitySource>(measurements).BuildServiceProvider();
            return new TheoryVsMeasured(sp.GetRequiredService<MobileQueries>(), sp.GetRequiredService<ScoranDbContext>(), withSource)
                .CompareAsync(TerritoryKind.Departement, "21", cancellationToken: Token);
        });
        // No source registered (the measurements capability absent): the comparison says so instead of failing.
        var without = await database.WithScopeAsync(sp => new TheoryVsMeasured(sp.GetRequiredService<MobileQueries>(), sp.GetRequiredService<ScoranDbContext>(), new ServiceCollection().BuildServiceProvider())
            .CompareAsync(TerritoryKind.Departement, "21", cancellationToken: Token));

        Assert.True(result.MeasurementsAvailable);
        var contradiction = Assert.Single(result.Contradictions);
        Assert.Equal(("21231", "orange", 16, 4, 4, 2, 6), (contradiction.CommuneCode, contradiction.Operator, contradiction.Measurements, contradiction.Contributors,
            contradiction.NoService, contradiction.BelowFourG, contradiction.Evidence));
        Assert.Equal(150_000m / 156_000m, contradiction.Announced4GShare);
        Assert.Equal(25.0, contradiction.MedianDownloadMbps);
        Assert.Equal([("21231", "orange", true), ("21231", "sfr", false), ("21231", "free", false), ("21178", "orange", false)],
            result.Rows.Select(r => (r.CommuneCode, r.Operator, r.Contradiction)));
        Assert.Null(result.Rows.Single(r => r.Operator == "free").Announced4GShare);

        Assert.False(without.MeasurementsAvailable);
        Assert.Empty(without.Rows);
    }

    [Fact]
    public async Task The_contradiction_settings_change_the_list_and_bad_settings_are_refused()
    {
        await using var database = await DatabaseWithTerritoriesAsync();
        await ImportAsync(database, MobileFixture.Coverage2025);
        var measurements = new FixedMeasurements(
        [
            // Orange in Dijon, announced 96 %: 16 measurements, 4 contributors, 6 pieces of evidence (37.5 %).
            new("21231", "20801", "4G", 10, 4, 0, 25.0),
            new("21231", "20801", "aucune", 4, 4, 4, null),
            new("21231", "20801", "3G", 2, 2, 0, 1.5),
            // Orange in 21178, announced 97 %: 6 measurements without service but from only 2 contributors.
            new("21178", "20801", "aucune", 6, 2, 6, null),
        ]);

        Task<TheoryVsMeasuredResult> CompareWith(Action<ContradictionOptions>? configure) => database.WithScopeAsync(sp =>
        {
            var settings = new ServiceCollection().AddSingleton<IMeasuredQualitySource>(measurements);
            ContradictionOptions.Register(settings);
            if (configure is not null)
            {
                settings.Configure(configure);
            }

            return new TheoryVsMeasured(sp.GetRequiredService<MobileQueries>(), sp.GetRequiredService<ScoranDbContext>(), settings.BuildServiceProvider())
                .CompareAsync(TerritoryKind.Departement, "21", cancellationToken: Token);
        });

        var defaults = await CompareWith(null);
        // Two contributors are enough: 21178 joins the list.
        var fewerPeople = await CompareWith(o => o.MinContributors = 2);
        // 97 % announced required: Dijon (96 %) leaves it, 21178 (97 %) would stay but has too few contributors.
        var stricterAnnouncement = await CompareWith(o => o.AnnouncedShare = 0.97m);
        // Half the measurements must be evidence: Dijon's 37.5 % is no longer enough.
        var moreEvidence = await CompareWith(o => o.MinEvidenceShare = 0.5m);

        Assert.Equal(ContradictionRule.Default, defaults.Rule);
        Assert.Equal([("21231", "orange")], defaults.Contradictions.Select(r => (r.CommuneCode, r.Operator)));
        // Same evidence count (6): ordered by commune code.
        Assert.Equal([("21178", "orange"), ("21231", "orange")], fewerPeople.Contradictions.Select(r => (r.CommuneCode, r.Operator)));
        Assert.Equal(2, fewerPeople.Rule.MinContributors);
        Assert.Empty(stricterAnnouncement.Contradictions);
        Assert.Equal(2, stricterAnnouncement.Rows.Count);
        Assert.Empty(moreEvidence.Contradictions);
        Assert.Contains("au moins 97 % de la population", stricterAnnouncement.Rule.Describe());

        var bad = new ServiceCollection();
        ContradictionOptions.Register(bad);
        bad.Configure<ContradictionOptions>(o => (o.AnnouncedShare, o.MinContributors) = (90m, 0));
        var refused = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() =>
            bad.BuildServiceProvider().GetRequiredService<Microsoft.Extensions.Options.IOptions<ContradictionOptions>>().Value);
        Assert.Contains(refused.Failures, f => f.StartsWith("Scoran:Mobile:Contradiction:AnnouncedShare : part entre 0 et 1", StringComparison.Ordinal));
        Assert.Contains(refused.Failures, f => f.StartsWith("Scoran:Mobile:Contradiction:MinContributors : entier au moins égal à 1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_shipped_synthetic_demo_imports_and_gives_bfc_figures_labelled_as_synthetic()
    {
        await using var database = await DatabaseWithTerritoriesAsync();
        var folder = Path.Combine(SharedData.RepositoryRoot, "data", "arcep", "mobile-demo");
        var mappings = await MobileMappings.LoadAsync(MobileFixture.ShippedMappingFiles, Token);
        // The demo antenna list has its own test (MobileAntennaCommuneTests).
        foreach (var path in Directory.GetFiles(folder, "*.csv").Order(StringComparer.Ordinal).Where(p => !Path.GetFileName(p).StartsWith("sites-antennes", StringComparison.Ordinal)))
        {
            var dataset = Path.GetFileName(path).StartsWith("new-deal", StringComparison.Ordinal) ? MobileDataset.Sites : MobileDataset.Coverage;
            var file = await MobileFiles.ReadAsync(path, dataset, mappings, cancellationToken: Token);
            Assert.True(file.Synthetic);
            await database.WithScopeAsync(sp => sp.GetRequiredService<MobileImporter>().ImportAsync(file, cancellationToken: Token));
        }

        var region = (await QueryAsync(database, q => q.AtAsync(TerritoryKind.Region, "27", null, Token)))!;
        var source = await QueryAsync(database, q => q.SourceAsync(region.Vintage, Token));
        var newDeal = (await QueryAsync(database, q => q.NewDealAsync(TerritoryKind.Region, "27", null, Token)))!;
        var communes = await database.WithScopeAsync(sp => sp.GetRequiredService<ScoranDbContext>().Set<Territory>()
            .Where(t => t.Kind == TerritoryKind.Commune && !t.IsObsolete && t.RegionCode == "27").ToListAsync(Token));

        Assert.Equal((20254, communes.Count), (region.Vintage, region.Communes));
        Assert.Equal(communes.Sum(c => c.Population ?? 0), region.Population);
        Assert.NotEmpty(region.WhiteZones);
        Assert.InRange(region.AtLeastOneOperator4G.PopulationRate!.Value, 0.5m, 0.9999m);
        Assert.True(source.Synthetic);
        Assert.StartsWith("Données de démonstration synthétiques", source.Line);
        Assert.Equal(File.ReadAllLines(Path.Combine(folder, "new-deal-sites_2025T4_synthetique.csv")).Length - 1, newDeal.Total);
    }

    private sealed class FixedMeasurements(IReadOnlyList<CommuneOperatorMeasurements> rows) : IMeasuredQualitySource
    {
        public Task<IReadOnlyList<CommuneOperatorMeasurements>> ByCommuneAndOperatorAsync(string? territoryCode, DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellationToken = default) =>
            Task.FromResult(rows);
    }
}

public sealed class SqliteMobileTests() : MobileTests(DatabaseProvider.Sqlite);

public sealed class PostgresMobileTests() : MobileTests(DatabaseProvider.Postgres);
