using Scoran.Core.Imports;
using Scoran.Territories.Import;
using Scoran.Testing;

namespace Scoran.Territories.Tests.Import;

public sealed class ContoursImporterTests(SqliteImportedTerritories imported)
{
    [Fact]
    public void Every_current_bfc_commune_gets_an_outline_from_the_2018_files()
    {
        var report = imported.ContoursReport;

        // 3,734 commune features of 2018 + 8 départements + 1 région.
        Assert.Equal(3_743, report.FeaturesRead);
        // 3,685 current communes + 8 départements + 1 région.
        Assert.Equal(3_694, report.ContoursStored);
        Assert.Empty(report.UnmatchedCodes);
        Assert.Empty(report.CommunesWithoutContour);
        Assert.Equal(3_734 - 3_685, report.MergedCommunes.Sum(m => m.Split(',').Length - 1));
    }

    [Fact]
    public void Merged_communes_are_listed_with_their_2018_codes()
    {
        // 21513 was a commune in the 2018 COG and is now part of 21178 (checked against communes-bfc.json).
        Assert.Contains("21178 ← 21178, 21513", imported.ContoursReport.MergedCommunes);
    }

    [Fact]
    public async Task A_file_whose_kind_cannot_be_told_is_rejected_before_anything_is_written()
    {
        var path = Path.Combine(SharedData.ArtifactsFolder("contours"), "unknown.geojson");
        await File.WriteAllTextAsync(path, "{\"type\":\"FeatureCollection\",\"features\":[]}", TestContext.Current.CancellationToken);
        await using var database = await TestDatabase.CreateAsync(Data.DatabaseProvider.Sqlite, "contours");

        var rejected = await Assert.ThrowsAsync<ImportRejectedException>(() => database.WithScopeAsync(sp =>
            Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<ContoursImporter>(sp)
                .ImportAsync([path], "test", cancellationToken: TestContext.Current.CancellationToken)));

        Assert.Equal(path, rejected.Errors.Single().File);
    }

    [Fact]
    public async Task Invalid_geojson_is_rejected_with_its_line()
    {
        var path = Path.Combine(SharedData.ArtifactsFolder("contours"), $"communes-{Guid.NewGuid():N}.geojson");
        await File.WriteAllTextAsync(path, "{\"type\":\"FeatureCollection\",\n\"features\":[\n{\"type\":\"Feature\" \"geometry\":null}]}", TestContext.Current.CancellationToken);
        await using var database = await TestDatabase.CreateAsync(Data.DatabaseProvider.Sqlite, "contours");

        var rejected = await Assert.ThrowsAsync<ImportRejectedException>(() => database.WithScopeAsync(sp =>
            Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<ContoursImporter>(sp)
                .ImportAsync([path], "test", cancellationToken: TestContext.Current.CancellationToken)));

        Assert.Equal((path, 3L), (rejected.Errors.Single().File, rejected.Errors.Single().Line));
    }
}
