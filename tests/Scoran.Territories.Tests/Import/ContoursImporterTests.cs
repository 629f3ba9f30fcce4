using Microsoft.Extensions.DependencyInjection;
using Scoran.Core.Imports;
using Scoran.Territories.Import;
using Scoran.Testing;

namespace Scoran.Territories.Tests.Import;

public abstract class ContoursImporterTests(ImportedTerritories imported)
{
    [Fact]
    public async Task Every_current_bfc_commune_gets_an_outline_from_the_2018_files()
    {
        imported.RequireAvailable();
        var report = await imported.ContoursReportAsync();

        // 3,734 commune features of 2018 + 8 départements + 1 région.
        Assert.Equal(3_743, report.FeaturesRead);
        // 3,685 current communes + 8 départements + 1 région.
        Assert.Equal(3_694, report.ContoursStored);
        Assert.Empty(report.UnmatchedCodes);
        Assert.Empty(report.CommunesWithoutContour);
        Assert.Equal(3_734 - 3_685, report.MergedCommunes.Sum(m => m.Split(',').Length - 1));
    }

    [Fact]
    public async Task Merged_communes_are_listed_with_their_2018_codes()
    {
        imported.RequireAvailable();

        // 21513 was a commune in the 2018 COG and is now part of 21178 (checked against communes-bfc.json).
        Assert.Contains("21178 ← 21178, 21513", (await imported.ContoursReportAsync()).MergedCommunes);
    }

    [Fact]
    public async Task Importing_the_same_outlines_twice_changes_nothing()
    {
        imported.RequireAvailable();
        await using var database = await TestDatabase.CreateAsync(imported.Provider, "contours", TestTemplates.France);
        var outlines = await ContoursImporter.ReadAsync(SharedData.BfcContourFiles(), cancellationToken: TestContext.Current.CancellationToken);
        Task<ContoursImportReport> ImportAsync(bool force) => database.WithScopeAsync(sp =>
            sp.GetRequiredService<ContoursImporter>().ImportAsync(outlines, "test", force, cancellationToken: TestContext.Current.CancellationToken));
        var first = await ImportAsync(force: false);
        var before = await database.DumpAsync("territory_contours", "kind, code");
        var importsBefore = await database.DumpAsync("dataset_imports", "id");
        var second = await ImportAsync(force: false);

        Assert.False(first.Skipped);
        Assert.True(second.Skipped);
        Assert.Equal(before, await database.DumpAsync("territory_contours", "kind, code"));
        Assert.Equal(importsBefore, await database.DumpAsync("dataset_imports", "id"));
        Assert.Equal(before, await ImportAsync(force: true).ContinueWith(_ => database.DumpAsync("territory_contours", "kind, code")).Unwrap());
    }

    [Fact]
    public async Task A_file_whose_kind_cannot_be_told_is_rejected()
    {
        var path = await WriteAsync("unknown.geojson", "{\"type\":\"FeatureCollection\",\"features\":[]}");

        var rejected = await Assert.ThrowsAsync<ImportRejectedException>(() => ContoursImporter.ReadAsync([path], cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(path, rejected.Errors.Single().File);
        Assert.Contains("nom de fichier", rejected.Errors.Single().Reason);
    }

    [Fact]
    public async Task Invalid_geojson_is_rejected_with_its_line()
    {
        var path = await WriteAsync($"communes-{Guid.NewGuid():N}.geojson", "{\"type\":\"FeatureCollection\",\n\"features\":[\n{\"type\":\"Feature\" \"geometry\":null}]}");

        var rejected = await Assert.ThrowsAsync<ImportRejectedException>(() => ContoursImporter.ReadAsync([path], cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal((path, 3L), (rejected.Errors.Single().File, rejected.Errors.Single().Line));
    }

    [Fact]
    public async Task A_feature_without_code_is_rejected_with_the_line_where_it_starts()
    {
        const string polygon = "{\"type\":\"Polygon\",\"coordinates\":[[[5,47],[6,47],[6,48],[5,47]]]}";
        var path = await WriteAsync($"communes-{Guid.NewGuid():N}.geojson",
            "{\"type\":\"FeatureCollection\",\"features\":[\n" +
            $"{{\"type\":\"Feature\",\"properties\":{{\"code\":\"25056\"}},\"geometry\":{polygon}}},\n" +
            $"{{\"type\":\"Feature\",\"properties\":{{\"nom\":\"sans code\"}},\"geometry\":{polygon}}}\n]}}");

        var rejected = await Assert.ThrowsAsync<ImportRejectedException>(() => ContoursImporter.ReadAsync([path], cancellationToken: TestContext.Current.CancellationToken));

        var error = rejected.Errors.Single();
        Assert.Equal((path, 3L, 1L), (error.File, error.Line, error.Column));
        Assert.Contains("code", error.Reason);
    }

    private static async Task<string> WriteAsync(string name, string content)
    {
        var path = Path.Combine(SharedData.ArtifactsFolder("contours"), name);
        await File.WriteAllTextAsync(path, content, TestContext.Current.CancellationToken);
        return path;
    }
}

public sealed class SqliteContoursImporterTests(SqliteImportedTerritories imported) : ContoursImporterTests(imported);

public sealed class PostgresContoursImporterTests(PostgresImportedTerritories imported) : ContoursImporterTests(imported);
