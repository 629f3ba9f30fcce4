using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Scoran.Core.Imports;
using Scoran.Data;
using Scoran.Observatory.Connexion;
using Scoran.Observatory.Import.Arcep;
using Scoran.Observatory.Indicators;
using Scoran.Observatory.Model;
using Scoran.Observatory.Targets;
using Scoran.Territories.Import;
using Scoran.Territories.Model;
using Scoran.Testing;

namespace Scoran.Observatory.Tests.Connexion;

/// <summary>The hand-checkable fixture (totals in tests/Scoran.Testing/Connexion/README.md) stored on each engine and read back at every level.</summary>
public abstract class ConnexionTests(DatabaseProvider provider)
{
    private static readonly DateOnly FixtureDate = new(2024, 6, 30);
    private static readonly string[] Families = ["debit", "techno", "meilleure_techno"];
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private async Task<TestDatabase> DatabaseWithTerritoriesAsync(bool withFtth = false)
    {
        TestDatabase.RequireEngine(provider);
        var database = await TestDatabase.CreateAsync(provider, "cnx", TestTemplates.France);
        await database.WithScopeAsync(async sp =>
        {
            if (withFtth)
            {
                var folder = Path.Combine(SharedData.Root, "data", "ftth", "arcep-observatoire-2018T1");
                await sp.GetRequiredService<ArcepFtthImporter>().ImportAsync(await ArcepFtthImporter.ReadAsync(
                    Path.Combine(folder, ArcepFtthImporter.DeploymentFileName), Path.Combine(folder, ArcepFtthImporter.InformationFileName), Token), cancellationToken: Token);
            }
        });
        return database;
    }

    private static Task<ConnexionImportReport> ImportAsync(TestDatabase database, string file, bool force = false) =>
        database.WithScopeAsync(async sp => await sp.GetRequiredService<ConnexionImporter>().ImportAsync(
            await ConnexionFiles.ReadAsync(file, cancellationToken: Token), force, cancellationToken: Token));

    private static async Task ImportFixtureAsync(TestDatabase database)
    {
        foreach (var family in Families)
        {
            await ImportAsync(database, SharedData.ConnexionFixture(family));
        }
    }

    private static Task<List<string>> DumpAsync(TestDatabase database) =>
        database.DumpAsync("connexion_commune_counts", "date, family, premises_type, commune_code, measure");

    private static Task<T> QueryAsync<T>(TestDatabase database, Func<ConnexionQueries, Task<T>> query) =>
        database.WithScopeAsync(sp => query(sp.GetRequiredService<ConnexionQueries>()));

    private static string Copy(string name, string text, Encoding? encoding = null)
    {
        var path = Path.Combine(SharedData.ArtifactsFolder("connexion"), $"{Guid.NewGuid():N}-{name}");
        File.WriteAllText(path, text, encoding ?? new UTF8Encoding(false));
        return path;
    }

    [Fact]
    public async Task The_hand_fixture_gives_its_exact_totals_at_every_level()
    {
        await using var database = await DatabaseWithTerritoriesAsync();
        var report = await ImportAsync(database, SharedData.ConnexionFixture("debit"));
        await ImportAsync(database, SharedData.ConnexionFixture("techno"));
        await ImportAsync(database, SharedData.ConnexionFixture("meilleure_techno"));

        Assert.Equal([new Scoran.Observatory.Import.CommuneCodeChange("21513", "21178")], report.CodeChanges);
        Assert.Equal(3, report.Communes);

        async Task<ConnexionIndicators> At(TerritoryKind? kind, string code) => (await QueryAsync(database, q => q.AtAsync(kind, code, FixtureDate, Token)))!;

        // 21178 carries the counts of the former 21513: 100 + 50 premises.
        var valforet = await At(TerritoryKind.Commune, "21178");
        Assert.Equal(new CoverageRate(110, 150), valforet.Bhd8);
        Assert.Equal(new CoverageRate(60, 150), valforet.Thd30);
        Assert.Equal(new CoverageRate(30, 150), valforet.Thd100);
        Assert.Equal(new CoverageRate(30, 150), valforet.Gigabit);
        Assert.Equal(new CoverageRate(30, 150), valforet.Ftth);
        Assert.Equal(new CoverageRate(65, 150), valforet.NoWired);

        // Only the type = all rows count: Dijon's log row (900 premises) is stored but not added.
        var dijon = await At(TerritoryKind.Commune, "21231");
        Assert.Equal(1_000, dijon.Premises);
        Assert.Equal(new CoverageRate(40, 1_000), dijon.NoWired);

        var cote = await At(TerritoryKind.Departement, "21");
        Assert.Equal(new CoverageRate(1_080, 1_150), cote.Bhd8);
        Assert.Equal(new CoverageRate(960, 1_150), cote.Thd30);
        Assert.Equal(new CoverageRate(830, 1_150), cote.Thd100);
        Assert.Equal(new CoverageRate(630, 1_150), cote.Gigabit);
        Assert.Equal(new CoverageRate(630, 1_150), cote.Ftth);
        Assert.Equal(new CoverageRate(105, 1_150), cote.NoWired);
        Assert.Equal(new CoverageRate(15, 1_150), cote.Thdr);
        Assert.Equal(new CoverageRate(890, 1_150), cote.FixedFourG);
        Assert.Equal(new CoverageRate(1_150, 1_150), cote.Satellite);

        var doubs = await At(TerritoryKind.Departement, "25");
        Assert.Equal((760L, 700L, 600L, 500L, 500L, 50L), (doubs.Bhd8.Covered, doubs.Thd30.Covered, doubs.Thd100.Covered, doubs.Gigabit.Covered, doubs.Ftth.Covered, doubs.NoWired.Covered));

        var region = await At(TerritoryKind.Region, "27");
        Assert.Equal(new CoverageRate(1_840, 1_950), region.Bhd8);
        Assert.Equal(new CoverageRate(1_660, 1_950), region.Thd30);
        Assert.Equal(new CoverageRate(1_430, 1_950), region.Thd100);
        Assert.Equal(new CoverageRate(1_130, 1_950), region.Gigabit);
        Assert.Equal(new CoverageRate(1_130, 1_950), region.Ftth);
        Assert.Equal(new CoverageRate(155, 1_950), region.NoWired);
        Assert.False(region.ExceedsPremises);
        Assert.Equal(new Quarter(2024, 2), region.Quarter);

        // Dijon Métropole holds only Dijon in the fixture; France is every commune of the data.
        Assert.Equal(dijon.Thd30, (await At(TerritoryKind.Epci, "242100410")).Thd30);
        Assert.Equal(region.Thd30, (await At(null, "FR")).Thd30);

        // Breakdowns are sums of communes: département and région totals add up.
        var departements = await QueryAsync(database, q => q.BreakdownAsync(TerritoryKind.Region, "27", TerritoryKind.Departement, FixtureDate, Token));
        Assert.Equal(["21", "25"], departements.Select(d => d.Code));
        Assert.Equal("Côte-d'Or", departements[0].Name);
        var communes = await QueryAsync(database, q => q.BreakdownAsync(TerritoryKind.Region, "27", TerritoryKind.Commune, FixtureDate, Token));
        Assert.Equal(["21178", "21231", "25056"], communes.Select(c => c.Code));
        foreach (var parts in new[] { departements.Select(d => d.Indicators).ToList(), communes.Select(c => c.Indicators).ToList() })
        {
            foreach (var indicator in ConnexionIndicator.All)
            {
                Assert.Equal(region.Of(indicator), CoverageRate.Sum(parts.Select(p => p.Of(indicator)!.Value)));
            }
        }

        var comparison = await QueryAsync(database, q => q.ComparisonAsync(TerritoryKind.Commune, "21231", FixtureDate, Token));
        Assert.Equal([TerritoryKind.Commune, TerritoryKind.Epci, TerritoryKind.Departement, TerritoryKind.Region, (TerritoryKind?)null], comparison.Select(c => c.Kind));
        Assert.Equal([1_000L, 1_000L, 1_150L, 1_950L, 1_950L], comparison.Select(c => c.Indicators.Premises));

        var source = await QueryAsync(database, q => q.SourceAsync(FixtureDate, Token));
        Assert.Equal(3, source.Files.Count);
        Assert.False(source.Synthetic);
        Assert.All(source.Files, f => Assert.Equal("Licence Ouverte 2.0", f.Licence));
        Assert.Contains("commune_debit.csv", source.Line);
    }

    [Fact]
    public async Task Speed_targets_are_measured_from_the_speed_classes()
    {
        await using var database = await DatabaseWithTerritoriesAsync();
        await ImportFixtureAsync(database);

        var assessments = await database.WithScopeAsync(sp => sp.GetRequiredService<TargetQueries>().AssessAsync(TerritoryKind.Region, "27", "27", Token));

        var thd = assessments.Single(a => a.Target.Id == "scoran-bfc-thd-2022");
        Assert.Equal(1_660m / 1_950m, thd.Current);
        Assert.Equal(new Quarter(2024, 2), thd.AsOf);
        Assert.Equal(1_130m / 1_950m, assessments.Single(a => a.Target.Id == "scoran-bfc-gigabit-2025").Current);
        Assert.Equal(1_840m / 1_950m, assessments.Single(a => a.Target.Id == "plan-thd-bhd-2020").Current);
        // One date only: the level is known, the trend is not.
        Assert.Equal(TrajectoryStatus.Unknown, thd.Status);
    }

    [Fact]
    public async Task Zones_come_from_the_ftth_zoning_and_add_up_to_the_territory()
    {
        await using var database = await DatabaseWithTerritoriesAsync(withFtth: true);
        await ImportFixtureAsync(database);

        var zones = await QueryAsync(database, q => q.ZonesAsync(TerritoryKind.Region, "27", FixtureDate, Token));
        var region = (await QueryAsync(database, q => q.AtAsync(TerritoryKind.Region, "27", FixtureDate, Token)))!;

        // Dijon and Besançon are AMII communes in the 2018 release; Valforêt is in the public-initiative zone.
        Assert.Equal([FtthZone.PrivateCommitment, FtthZone.PublicInitiative], zones.Select(z => z.Zone));
        Assert.Equal([2, 1], zones.Select(z => z.Communes));
        Assert.Equal(new CoverageRate(1_600, 1_800), zones[0].Indicators.Thd30);
        foreach (var indicator in ConnexionIndicator.All)
        {
            Assert.Equal(region.Of(indicator), CoverageRate.Sum(zones.Select(z => z.Indicators.Of(indicator)!.Value)));
        }
    }

    [Fact]
    public async Task Importing_the_same_file_twice_changes_nothing_and_a_new_file_of_the_same_date_replaces_it()
    {
        await using var database = await DatabaseWithTerritoriesAsync();
        await ImportFixtureAsync(database);
        var before = await DumpAsync(database);

        var second = await ImportAsync(database, SharedData.ConnexionFixture("debit"));
        await ImportAsync(database, SharedData.ConnexionFixture("debit"), force: true);

        Assert.True(second.Skipped);
        Assert.Equal(before, await DumpAsync(database));

        // Same date, same family, one count changed: the file replaces the previous one, nothing is added.
        var revised = Copy("commune_debit.csv", File.ReadAllText(SharedData.ConnexionFixture("debit")).Replace("25056,Besançon,25,27,800,all,2024-06-30,0,0,40,60,100,100,500", "25056,Besançon,25,27,800,all,2024-06-30,0,0,40,60,100,50,550"));
        var third = await ImportAsync(database, revised);
        Assert.False(third.Skipped);
        Assert.Equal(before.Count, (await DumpAsync(database)).Count);
        var doubs = (await QueryAsync(database, q => q.AtAsync(TerritoryKind.Departement, "25", FixtureDate, Token)))!;
        Assert.Equal(550, doubs.Gigabit.Covered);
        Assert.Equal(600, doubs.Thd100.Covered);
        Assert.Equal(500, doubs.Ftth.Covered); // the techno file is untouched
    }

    [Theory]
    [InlineData("21231,Dijon,21,27,1000,all,2024-06-30,0,10,20,70,100,200,600", "21231,Dijon,21,27,1000,all,2024-06-30,0,10,vingt,70,100,200,600", 2, 10, "« vingt »")]
    [InlineData("25056,Besançon", "99999,Besançon", 6, 1, "code commune inconnu")]
    [InlineData("21178,Valforêt,21,27,100,all", "21178,Valforêt,21,27,100,tous", 4, 6, "type de locaux inconnu")]
    [InlineData("21513,Ancienne commune,21,27,50,all,2024-06-30", "21513,Ancienne commune,21,27,50,all,2024-07-31", 5, 7, "un fichier = une date")]
    public async Task A_malformed_file_is_rejected_with_its_location_and_the_data_stays_intact(string from, string to, long line, long column, string reason)
    {
        await using var database = await DatabaseWithTerritoriesAsync();
        await ImportFixtureAsync(database);
        var before = await DumpAsync(database);
        var broken = Copy("commune_debit.csv", File.ReadAllText(SharedData.ConnexionFixture("debit")).Replace(from, to));

        var rejected = await Assert.ThrowsAsync<ImportRejectedException>(() => ImportAsync(database, broken));

        Assert.Equal((broken, line, column), (rejected.Errors[0].File, rejected.Errors[0].Line, rejected.Errors[0].Column));
        Assert.Contains(reason, rejected.Errors[0].Reason);
        Assert.Equal(before, await DumpAsync(database));
    }

    [Fact]
    public async Task Rates_above_100_percent_are_kept_and_flagged()
    {
        await using var database = await DatabaseWithTerritoriesAsync();
        // Besançon's premises estimate below its speed classes (760 ≥ 8 Mbit/s for 700 premises).
        await ImportAsync(database, Copy("commune_debit.csv", File.ReadAllText(SharedData.ConnexionFixture("debit")).Replace("25056,Besançon,25,27,800", "25056,Besançon,25,27,700")));

        var besancon = (await QueryAsync(database, q => q.AtAsync(TerritoryKind.Commune, "25056", FixtureDate, Token)))!;

        Assert.Equal(760m / 700m, besancon.Bhd8.Rate);
        Assert.True(besancon.Bhd8.ExceedsPremises);
        Assert.True(besancon.ExceedsPremises);
        Assert.False((await QueryAsync(database, q => q.AtAsync(TerritoryKind.Commune, "21231", FixtureDate, Token)))!.ExceedsPremises);
    }

    [Fact]
    public async Task The_shipped_demo_files_are_what_the_generator_writes_for_the_bfc_communes()
    {
        await using var database = await DatabaseWithTerritoriesAsync(withFtth: true);
        var folder = SharedData.ArtifactsFolder($"connexion-demo-{Guid.NewGuid():N}");

        var communes = await database.WithScopeAsync(sp => ConnexionDemoGenerator.CommunesAsync(sp.GetRequiredService<ScoranDbContext>(), "27", Token));
        var written = await ConnexionDemoGenerator.WriteAsync(folder, communes, ConnexionDemoGenerator.DefaultDates, Token);

        Assert.Equal(3_685, communes.Count);
        Assert.Equal(SharedData.ConnexionDemoFiles().Select(Path.GetFileName), written.Select(Path.GetFileName).Order(StringComparer.Ordinal));
        foreach (var file in written)
        {
            var shipped = Path.Combine(SharedData.RepositoryRoot, "data", "arcep", "connexion-demo", Path.GetFileName(file));
            Assert.Equal(await File.ReadAllBytesAsync(shipped, Token), await File.ReadAllBytesAsync(file, Token));
        }

        // Every file reads back, is marked synthetic, and its speed classes partition the premises.
        foreach (var file in written)
        {
            var read = await ConnexionFiles.ReadAsync(file, cancellationToken: Token);
            Assert.True(read.Synthetic);
            Assert.Equal(3_685, read.Rows.Count);
            if (read.Family == ConnexionFamily.Debit)
            {
                Assert.All(read.Rows, r => Assert.Equal(r.Counts["nbr"], ConnexionFiles.Measures[ConnexionFamily.Debit].Sum(m => r.Counts[m])));
            }
        }
    }
}

public sealed class SqliteConnexionTests() : ConnexionTests(DatabaseProvider.Sqlite);

public sealed class PostgresConnexionTests() : ConnexionTests(DatabaseProvider.Postgres);
