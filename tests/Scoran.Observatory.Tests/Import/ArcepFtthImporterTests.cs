using Microsoft.Extensions.DependencyInjection;
using Scoran.Core.Imports;
using Scoran.Data;
using Scoran.Observatory.Import.Arcep;
using Scoran.Observatory.Model;
using Scoran.Observatory.Queries;
using Scoran.Territories.Import;
using Scoran.Territories.Model;
using Scoran.Testing;

namespace Scoran.Observatory.Tests.Import;

/// <summary>The real 2018 release stored on each engine, then read back as the dashboards read it.</summary>
public abstract class ArcepFtthImporterTests(DatabaseProvider provider)
{
    internal static readonly string Folder = Path.Combine(SharedData.Root, "data", "ftth", "arcep-observatoire-2018T1");
    private static readonly Quarter[] Quarters = [new(2017, 3), new(2017, 4), new(2018, 1)];
    private static readonly string[] Bfc = ["21", "25", "39", "58", "70", "71", "89", "90"];

    private async Task<TestDatabase> DatabaseWithTerritoriesAsync()
    {
        TestDatabase.RequireEngine(provider);

        var database = await TestDatabase.CreateAsync(provider, "ftth", TestTemplates.France);
        return database;
    }

    private static Task<FtthImportReport> ImportAsync(TestDatabase database, string deployment, bool force = false) =>
        database.WithScopeAsync(async sp => await sp.GetRequiredService<ArcepFtthImporter>().ImportAsync(
            await ArcepFtthImporter.ReadAsync(deployment, Path.Combine(Folder, ArcepFtthImporter.InformationFileName), TestContext.Current.CancellationToken),
            force, cancellationToken: TestContext.Current.CancellationToken));

    private static async Task<Dictionary<string, List<string>>> DumpAsync(TestDatabase database) => new()
    {
        ["quarters"] = await database.DumpAsync("ftth_commune_quarters", "release, commune_code, quarter"),
        ["profiles"] = await database.DumpAsync("ftth_commune_profiles", "release, commune_code"),
    };

    [Fact]
    public async Task Bfc_departement_and_region_figures_equal_the_published_totals()
    {
        await using var database = await DatabaseWithTerritoriesAsync();
        var report = await ImportAsync(database, Path.Combine(Folder, ArcepFtthImporter.DeploymentFileName));
        var errors = new List<ImportError>();
        var publishedDepartements = (await FtthLongLayout.ReadAsync(Path.Combine(Folder, "ftthDepartements.csv"), "Code département", errors, TestContext.Current.CancellationToken))!;
        var publishedRegions = (await FtthLongLayout.ReadAsync(Path.Combine(Folder, "ftthRegions.csv"), "Code région", errors, TestContext.Current.CancellationToken))!;

        Assert.Equal("2018T1", report.Release);
        Assert.Contains(new Scoran.Observatory.Import.CommuneCodeChange("21513", "21178"), report.CodeChanges);
        await database.WithScopeAsync(async sp =>
        {
            var queries = sp.GetRequiredService<FtthQueries>();
            foreach (var code in Bfc)
            {
                var series = await queries.SeriesAsync(TerritoryKind.Departement, code, cancellationToken: TestContext.Current.CancellationToken);
                var published = publishedDepartements.Rows.Single(r => r.Code == code);
                Assert.Equal(Quarters.Select(q => published.ConnectablePremises[q]), series!.Points.Select(p => p.ConnectablePremises));
            }

            var region = await queries.SeriesAsync(TerritoryKind.Region, "27", cancellationToken: TestContext.Current.CancellationToken);
            Assert.Equal(Quarters.Select(q => publishedRegions.Rows.Single(r => r.Code == "27").ConnectablePremises[q]),
                region!.Points.Select(p => (long)Math.Round(p.ConnectablePremises / 1000m, MidpointRounding.AwayFromZero) * 1000));
            Assert.Equal("T1 2018", region.Source.Vintage);
            Assert.Equal("Licence Ouverte 2.0", region.Source.Licence);

            var departements = await queries.BreakdownAsync(TerritoryKind.Region, "27", TerritoryKind.Departement, Quarters[2], "2018T1", TestContext.Current.CancellationToken);
            Assert.Equal(Bfc, departements.Select(d => d.Code));
            Assert.Equal(region.Points[2].ConnectablePremises, departements.Sum(d => d.ConnectablePremises));
            Assert.Equal(region.Points[2].Premises, departements.Sum(d => d.Premises));

            var assessments = await sp.GetRequiredService<Scoran.Observatory.Targets.TargetQueries>().AssessAsync(TerritoryKind.Region, "27", "27", TestContext.Current.CancellationToken);
            var bfcTarget = assessments.Single(a => a.Target.Id == "scoran-bfc-ftth-2025");
            // 12.0 % → 15.2 % over two quarters (+1.6 points a quarter): 100 % only in the 2030s.
            Assert.Equal(Scoran.Observatory.Targets.TrajectoryStatus.Late, bfcTarget.Status);
            Assert.True(bfcTarget.ProjectedReachDate!.Value.Year > 2030);
            Assert.Equal(Scoran.Observatory.Targets.TrajectoryStatus.Unknown, assessments.Single(a => a.Target.Id == "plan-thd-thd-2022").Status);
            var atRisk = await sp.GetRequiredService<Scoran.Observatory.Targets.TargetQueries>().AtRiskAsync(
                TerritoryKind.Region, "27", TerritoryKind.Departement, bfcTarget.Target, cancellationToken: TestContext.Current.CancellationToken);
            Assert.Equal(atRisk.Select(r => r.PremisesGap).OrderDescending(), atRisk.Select(r => r.PremisesGap));
            Assert.NotEmpty(atRisk);

            var zones = await queries.ZonesAsync(TerritoryKind.Region, "27", Quarters[2], "2018T1", TestContext.Current.CancellationToken);
            Assert.Equal([FtthZone.PrivateCommitment, FtthZone.PublicInitiative], zones.Select(z => z.Zone));
            Assert.Equal(region.Points[2].ConnectablePremises, zones.Sum(z => z.ConnectablePremises));
            Assert.Equal(region.Points[2].Premises, zones.Sum(z => z.Premises));
        });
    }

    [Fact]
    public async Task Dijon_coverage_is_its_connectable_premises_over_its_housing_and_business_premises()
    {
        await using var database = await DatabaseWithTerritoriesAsync();
        await ImportAsync(database, Path.Combine(Folder, ArcepFtthImporter.DeploymentFileName));

        var dijon = await database.WithScopeAsync(sp => sp.GetRequiredService<FtthQueries>().SeriesAsync(TerritoryKind.Commune, "21231", cancellationToken: TestContext.Current.CancellationToken));

        // communes.csv: 90 452 logements + 4 797 établissements; ftthCommunes.csv: 61 148 raccordables at T1 2018.
        Assert.Equal(new Scoran.Observatory.Indicators.CoverageRate(61_148, 95_249), dijon!.Points[2].Coverage);
    }

    [Fact]
    public async Task Importing_the_same_release_twice_changes_nothing()
    {
        await using var database = await DatabaseWithTerritoriesAsync();
        var deployment = Path.Combine(Folder, ArcepFtthImporter.DeploymentFileName);

        await ImportAsync(database, deployment);
        var before = await DumpAsync(database);
        var second = await ImportAsync(database, deployment);
        await ImportAsync(database, deployment, force: true);

        Assert.True(second.Skipped);
        Assert.Equal(before, await DumpAsync(database));
    }

    [Theory]
    [InlineData("non-numeric", 6, "« douze »")]
    [InlineData("unknown-commune", 6, "code commune inconnu")]
    public async Task A_rejected_file_leaves_the_previous_release_intact(string damage, long line, string reason)
    {
        await using var database = await DatabaseWithTerritoriesAsync();
        var deployment = Path.Combine(Folder, ArcepFtthImporter.DeploymentFileName);
        await ImportAsync(database, deployment);
        var before = await DumpAsync(database);
        var lines = await File.ReadAllLinesAsync(deployment, TestContext.Current.CancellationToken);
        lines[5] = damage == "non-numeric" ? lines[5].Replace(",0,0,0", ",0,douze,0") : lines[5].Replace("01001,", "99999,");
        var broken = Path.Combine(SharedData.ArtifactsFolder("ftth"), $"{damage}-{Guid.NewGuid():N}.csv");
        await File.WriteAllLinesAsync(broken, lines, TestContext.Current.CancellationToken);

        var rejected = await Assert.ThrowsAsync<ImportRejectedException>(() => ImportAsync(database, broken));

        Assert.Equal((broken, line), (rejected.Errors[0].File, rejected.Errors[0].Line));
        Assert.Contains(reason, rejected.Errors[0].Reason);
        Assert.Equal(before, await DumpAsync(database));
    }
}

public sealed class SqliteArcepFtthImporterTests() : ArcepFtthImporterTests(DatabaseProvider.Sqlite);

public sealed class PostgresArcepFtthImporterTests() : ArcepFtthImporterTests(DatabaseProvider.Postgres);
