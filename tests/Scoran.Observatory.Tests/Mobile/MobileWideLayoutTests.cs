using Microsoft.Extensions.DependencyInjection;
using Scoran.Core.Imports;
using Scoran.Observatory.Mobile;
using Scoran.Territories.Import;
using Scoran.Territories.Model;
using Scoran.Data;
using Scoran.Testing;

namespace Scoran.Observatory.Tests.Mobile;

/// <summary>
/// Wide coverage layouts (one column per operator) described by a mapping's « operatorColumns »,
/// with a mapping and a file written here (no such Arcep layout is shipped: none could be verified).
/// Hand-checkable: Dijon (21231) 156 000 inhabitants, Orange 150 000, SFR 140 000, Free empty (nothing
/// given), Bouygues 0; 21513 (a former commune of 21178) and 21178 add up: 1 000 + 100 people.
/// </summary>
public abstract class MobileWideLayoutTests(DatabaseProvider provider)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public const string Mapping = """
        {
          "id": "test-large-4g-v1",
          "label": "Couverture 4G, une colonne par opérateur (format de test)",
          "dataset": "coverage",
          "columns": { "commune": ["Code commune"], "population": ["Population"], "vintage": ["Trimestre"] },
          "optional": ["vintage"],
          "defaults": { "technology": "4G", "level": "bonne couverture", "area_km2": "0" },
          "operatorColumns": [
            { "column": "Orange 4G pop", "operator": "orange", "measure": "population_covered" },
            { "column": "SFR 4G pop", "operator": "SFR", "measure": "population_covered" },
            { "column": "Bouygues 4G pop", "operator": "20820", "measure": "population_covered" },
            { "column": "Free 4G pop", "operator": "free", "measure": "population_covered" },
            { "column": "Orange 4G TBC pop", "operator": "orange", "measure": "population_covered", "level": "très bonne couverture" }
          ]
        }
        """;

    public const string File = """
        Code commune;Population;Orange 4G pop;SFR 4G pop;Bouygues 4G pop;Free 4G pop;Orange 4G TBC pop
        21231;156000;150000;140000;0;;120000
        21178;1000;990;;;;
        21513;100;80;50;;;
        """;

    private static async Task<IReadOnlyList<MobileMapping>> MappingsAsync(string mapping = Mapping) =>
        await MobileMappings.LoadAsync([.. MobileFixture.ShippedMappingFiles, MobileFixture.Write("large.json", mapping)], Token);

    [Fact]
    public async Task A_wide_file_gives_one_figure_per_operator_column_and_imports_like_a_long_one()
    {
        TestDatabase.RequireEngine(provider);
        var file = await MobileFiles.ReadAsync(MobileFixture.Write("couverture-large_2025T4.csv", File), MobileDataset.Coverage, await MappingsAsync(), cancellationToken: Token);

        Assert.Equal("test-large-4g-v1", file.Mapping.Id);
        Assert.Equal(
        [
            (2, "21231", "orange", "bonne", 150000L), (2, "21231", "sfr", "bonne", 140000L), (2, "21231", "bouygues", "bonne", 0L), (2, "21231", "orange", "tres-bonne", 120000L),
            (3, "21178", "orange", "bonne", 990L), (4, "21513", "orange", "bonne", 80L), (4, "21513", "sfr", "bonne", 50L),
        ], file.Coverage.Select(r => ((int)r.Line, r.CommuneCode, r.Operator, r.Level, r.PopulationCovered)));
        Assert.All(file.Coverage, r => Assert.Equal(("4G", 0m, 0m), (r.Technology, r.AreaCoveredKm2, r.AreaKm2)));

        await using var database = await TestDatabase.CreateAsync(provider, "mobile-wide", TestTemplates.France);
        var report = await database.WithScopeAsync(sp => sp.GetRequiredService<MobileImporter>().ImportAsync(file, cancellationToken: Token));
        var dep = (await database.WithScopeAsync(sp => sp.GetRequiredService<MobileQueries>().AtAsync(TerritoryKind.Departement, "21", cancellationToken: Token)))!;

        Assert.Equal((false, "2025T4", 2, 6), (report.Skipped, report.Vintage, report.Communes, report.Rows));
        Assert.Equal(157_100, dep.Population);
        Assert.Equal(150_000 + 990 + 80, dep.Of("orange", "4G").PopulationCovered);
        Assert.Equal(140_050, dep.Of("sfr", "4G").PopulationCovered);
        // No areas in the file: area rates are not given rather than false.
        Assert.Null(dep.Of("orange", "4G").AreaRate);
    }

    [Fact]
    public async Task A_bad_cell_of_an_operator_column_is_refused_with_its_line_and_column_and_nothing_is_read()
    {
        var bad = File.Replace("21178;1000;990;", "21178;1000;99O;").Replace("21513;100;80;50;", "21513;100;80;-5;");
        var missing = File.Replace("Free 4G pop", "Free pop");

        var rejected = await Assert.ThrowsAsync<ImportRejectedException>(async () =>
            await MobileFiles.ReadAsync(MobileFixture.Write("couverture-large_2025T4.csv", bad), MobileDataset.Coverage, await MappingsAsync(), cancellationToken: Token));
        var refused = await Assert.ThrowsAsync<ImportRejectedException>(async () =>
            await MobileFiles.ReadAsync(MobileFixture.Write("couverture-large_2025T4.csv", missing), MobileDataset.Coverage, await MappingsAsync(), cancellationToken: Token));

        Assert.Equal([(3L, 3, "population couverte invalide : « 99O » (entier positif ou nul attendu)"), (4L, 4, "population couverte invalide : « -5 » (entier positif ou nul attendu)")],
            rejected.Errors.Select(e => (e.Line!.Value, e.Column!.Value, e.Reason)));
        var error = Assert.Single(refused.Errors);
        Assert.Contains("« test-large-4g-v1 »", error.Reason);
        Assert.Contains("n'y trouve pas les colonnes : « Free 4G pop »", error.Reason);
    }

    [Fact]
    public async Task An_invalid_wide_mapping_is_refused_naming_each_field()
    {
        var broken = Mapping.Replace("\"operator\": \"20820\"", "\"operator\": \"Zorglub\"")
            .Replace("\"measure\": \"population_covered\", \"level\"", "\"measure\": \"habitants\", \"level\"")
            .Replace("\"area_km2\": \"0\"", "\"area_km2\": \"12\"");

        var rejected = await Assert.ThrowsAsync<ImportRejectedException>(() => MappingsAsync(broken));

        var reasons = rejected.Errors.Select(e => e.Reason).ToList();
        Assert.Contains(reasons, r => r.Contains("« operatorColumns[2].operator » : opérateur inconnu « Zorglub »", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.Contains("« operatorColumns[4].measure » : mesure inconnue « habitants »", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.Contains("n'a pas de colonne area_covered_km2", StringComparison.Ordinal));
        Assert.All(rejected.Errors, e => Assert.EndsWith("large.json", e.File));
    }
}

public sealed class SqliteMobileWideLayoutTests() : MobileWideLayoutTests(DatabaseProvider.Sqlite);

public sealed class PostgresMobileWideLayoutTests() : MobileWideLayoutTests(DatabaseProvider.Postgres);
