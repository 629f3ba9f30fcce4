using Scoran.Territories.Geography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scoran.Core.Audit;
using Scoran.Core.Imports;
using Scoran.Data;
using Scoran.Resources.Places;
using Scoran.Testing;

namespace Scoran.Resources.Tests.Places;

/// <summary>The real France Services list in the database: located, attached to today's communes, idempotent, all-or-nothing, traced.</summary>
public abstract class PlaceImporterTests(PlacesDatabase data)
{
    private static readonly string[] Bfc = ["21", "25", "39", "58", "70", "71", "89", "90"];

    private static CancellationToken T => TestContext.Current.CancellationToken;

    private void Require() => TestDatabase.RequireEngine(data.Provider);

    [Fact]
    public async Task The_real_list_imports_with_216_places_in_BFC_and_rows_nothing_locates_reported()
    {
        Require();
        Assert.False(data.Report.Skipped);
        // 2,683 rows; 30 have no coordinates and their commune has no outline here (outside BFC) or no code: left out, each reported with its line.
        Assert.Equal(2653, data.Report.Places);
        Assert.Equal(30, data.Report.Unlocated.Count);
        Assert.Contains(data.Report.Unlocated, e => e.Line == 493 && e.Reason.Contains("Corcieux"));

        var (bfc, byDepartement, fromFile) = await data.WithDbAsync(async db =>
        {
            var places = await db.Set<InclusionPlace>().AsNoTracking().ToListAsync();
            return (places.Count(p => Bfc.Contains(p.DepartementCode)),
                places.Where(p => Bfc.Contains(p.DepartementCode)).GroupBy(p => p.DepartementCode!).ToDictionary(g => g.Key, g => g.Count()),
                places.Single(p => p.SourceId == "1"));
        });
        Assert.Equal(216, bfc);
        // Counts per département of the source file's insee_dep column (README of shared/data: 216 in BFC).
        Assert.Equal(new Dictionary<string, int> { ["21"] = 24, ["25"] = 29, ["39"] = 25, ["58"] = 32, ["70"] = 24, ["71"] = 48, ["89"] = 31, ["90"] = 3 }, byDepartement);
        Assert.Equal(("France services de Valserhône", "01033", "01", 2L, false), (fromFile.Name, fromFile.CommuneCode, fromFile.DepartementCode, fromFile.SourceLine, fromFile.LocatedAtCommune));
    }

    [Fact]
    public async Task Re_importing_the_same_file_changes_nothing_and_a_forced_one_replaces_without_duplicates()
    {
        Require();
        var file = await PlaceFiles.ReadAsync(PlacesDatabase.FranceServicesFile, cancellationToken: TestContext.Current.CancellationToken);
        var again = await data.WithScopeAsync(sp => sp.GetRequiredService<PlaceImporter>().ImportAsync(file, cancellationToken: TestContext.Current.CancellationToken));
        Assert.True(again.Skipped);
        var (count, provenance, audit) = await data.WithDbAsync(async db => (
            await db.Set<InclusionPlace>().CountAsync(),
            await db.Set<DatasetImport>().Where(i => i.Dataset == PlaceImporter.Dataset("france-services")).ToListAsync(),
            await db.Set<AuditEntry>().Where(a => a.EntityType == "resources.places-source").ToListAsync()));
        Assert.Equal(2653, count);
        var import = Assert.Single(provenance);
        Assert.Equal(("liste-fs-20221201.csv", "2022-12-01", 2653), (import.Source, import.Vintage, import.RowCount));
        Assert.Equal("imported", Assert.Single(audit).Action);
    }

    [Fact]
    public async Task A_file_with_a_centroid_fallback_places_the_place_at_its_commune_and_a_bad_file_leaves_the_database_unchanged()
    {
        Require();
        // Its own database: this test writes.
        await using var database = await TestDatabase.CreateAsync(data.Provider, "placesw", TestTemplates.France);
        var services = new ServiceCollection().AddLogging().AddScoranTestData(database.Storage);
        Scoran.Territories.TerritoriesModule.AddTerritories(services);
        services.AddResources();
        await using var provider = services.BuildServiceProvider();
        await using (var scope = provider.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<Scoran.Territories.Import.ContoursImporter>().ImportAsync(
                await Scoran.Territories.Import.ContoursImporter.ReadAsync(SharedData.BfcContourFiles().Where(f => f.Contains("-21", StringComparison.Ordinal)).ToList(), cancellationToken: T), "test", cancellationToken: T);
        }

        var header = string.Join(',', PlaceFiles.MediationNumeriqueColumns);
        var folder = SharedData.ArtifactsFolder("places-files");
        var good = Path.Combine(folder, $"{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(good, header + "\n" +
            "epn-1,0,EPN de Semur,Semur-en-Auxois,21140,21603,1 place,,,,EPN,,,,Tu-Sa 10:00-12:00,,,,,,2024-01-01,Accès à du matériel,Seniors,,,,,,,,https://acceslibre.beta.gouv.fr/x,\n", new UTF8Encoding(false), TestContext.Current.CancellationToken);
        await using (var scope = provider.CreateAsyncScope())
        {
            var report = await scope.ServiceProvider.GetRequiredService<PlaceImporter>().ImportAsync(await PlaceFiles.ReadAsync(good, cancellationToken: T), cancellationToken: T);
            Assert.Equal((1, 1), (report.Places, report.AtCommune));
            var db = scope.ServiceProvider.GetRequiredService<ScoranDbContext>();
            var place = await db.Set<InclusionPlace>().SingleAsync(T);
            var point = (await scope.ServiceProvider.GetRequiredService<Scoran.Territories.Geography.CommunePointsStore>().GetAsync(db, T)).Single(p => p.Code == "21603");
            Assert.True(place.LocatedAtCommune);
            Assert.Equal((point.Latitude, point.Longitude), (place.Latitude, place.Longitude));
            Assert.Equal(["EPN", "Lieu de médiation numérique"], place.LabelList.Order().ToArray());
        }

        var bad = Path.Combine(folder, $"{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(bad, header + "\n" +
            "epn-2,0,Autre,Dijon,21000,21231,1 rue,,47.3,5.0,,,,,,,,,,,2024-01-01,,,,,,,,,,,\n" +
            "epn-3,0,,Dijon,21000,21231,1 rue,,47.3,5.0,,,,,,,,,,,2024-01-01,,,,,,,,,,,\n", new UTF8Encoding(false), TestContext.Current.CancellationToken);
        var ex = await Assert.ThrowsAsync<ImportRejectedException>(() => PlaceFiles.ReadAsync(bad, cancellationToken: T));
        Assert.Equal((3L, 3L), (ex.Errors[0].Line!.Value, ex.Errors[0].Column!.Value));
        Assert.Equal(["epn-1"], await database.WithScopeAsync(async sp => await sp.GetRequiredService<ScoranDbContext>().Set<InclusionPlace>().Select(p => p.SourceId).ToListAsync(T)));
    }
}

public sealed class SqlitePlaceImporterTests(SqlitePlacesDatabase data) : PlaceImporterTests(data), IClassFixture<SqlitePlacesDatabase>;

public sealed class PostgresPlaceImporterTests(PostgresPlacesDatabase data) : PlaceImporterTests(data), IClassFixture<PostgresPlacesDatabase>;
