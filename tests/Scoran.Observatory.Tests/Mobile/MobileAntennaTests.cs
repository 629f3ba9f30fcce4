using Scoran.Territories.Geography;
using Microsoft.Extensions.DependencyInjection;
using Scoran.Core.Imports;
using Scoran.Data;
using Scoran.Observatory.Mobile;
using Scoran.Territories.Import;
using Scoran.Territories.Model;
using Scoran.Testing;

namespace Scoran.Observatory.Tests.Mobile;

/// <summary>
/// The verified Arcep layout « Sites mobiles 2G/3G/4G … L93 » (Operateur;X;Y;2G;3G;4G), read
/// through its shipped mapping: MCC-MNC operators, technologies as flag columns, Lambert-93
/// positions placed in communes by point-in-polygon. The fixture file is written in that layout
/// with INVENTED sites (positions chosen inside Dijon, Beaune, Clémencey and Besançon, one in Paris,
/// one « #N/A » row as the publisher's file has).
/// </summary>
public abstract class MobileAntennaTests(DatabaseProvider provider)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public static string Fixture => Path.Combine(SharedData.RepositoryRoot, "tests", "Scoran.Observatory.Tests", "Mobile", "Fixtures", "Sites_mobiles_2G_3G_4G_BFC_L93_extrait-invente.csv");

    private async Task<TestDatabase> DatabaseWithOutlinesAsync()
    {
        TestDatabase.RequireEngine(provider);
        var database = await TestDatabase.CreateAsync(provider, "mobile-antennas", TestTemplates.France);
        await database.WithScopeAsync(async sp =>
        {
            var outlines = SharedData.BfcContourFiles().Where(f => f.Contains("communes-21", StringComparison.Ordinal) || f.Contains("communes-25", StringComparison.Ordinal)).ToList();
            await sp.GetRequiredService<ContoursImporter>().ImportAsync(await ContoursImporter.ReadAsync(outlines, cancellationToken: Token), "test", cancellationToken: Token);
        });
        return database;
    }

    private static async Task<MobileFile> ReadAsync(string path, string? vintage = "2018T1") =>
        await MobileFiles.ReadAsync(path, MobileDataset.Antennas, await MobileMappings.LoadAsync(MobileFixture.ShippedMappingFiles, Token), vintage, Token);

    [Fact]
    public async Task The_verified_l93_site_layout_imports_sites_into_their_communes_and_counts_them_per_operator_and_technology()
    {
        await using var database = await DatabaseWithOutlinesAsync();
        var file = await ReadAsync(Fixture);

        var report = await database.WithScopeAsync(sp => sp.GetRequiredService<MobileAntennaImporter>().ImportAsync(file, cancellationToken: Token));
        var again = await database.WithScopeAsync(sp => sp.GetRequiredService<MobileAntennaImporter>().ImportAsync(file, cancellationToken: Token));
        var dep = (await database.WithScopeAsync(sp => sp.GetRequiredService<MobileAntennaQueries>().SummaryAsync(TerritoryKind.Departement, "21", cancellationToken: Token)))!;
        var region = (await database.WithScopeAsync(sp => sp.GetRequiredService<MobileAntennaQueries>().SummaryAsync(TerritoryKind.Region, "27", cancellationToken: Token)))!;
        var dijon = (await database.WithScopeAsync(sp => sp.GetRequiredService<MobileAntennaQueries>().SummaryAsync(TerritoryKind.Commune, "21231", cancellationToken: Token)))!;

        Assert.Equal("arcep-sites-mobiles-l93-2018", file.Mapping.Id);
        Assert.Equal(6, file.Antennas.Count);
        Assert.Equal(1, file.WithoutPosition);
        // Paris is outside the loaded outlines: counted, not refused (the publisher's file is national).
        Assert.Equal((false, "2018T1", 5, 4, 1, 1), (report.Skipped, report.Vintage, report.Sites, report.Communes, report.OutsideCommunes, report.WithoutPosition));
        Assert.True(again.Skipped);
        // Côte-d'Or: Orange in Dijon (2G/3G/4G) and Clémencey (no technology flagged), SFR in Dijon (no 4G), Bouygues in Beaune (2G, 4G).
        Assert.Equal(
            [new MobileAntennaCount("orange", 2, 1, 1, 1, 0), new MobileAntennaCount("sfr", 1, 1, 1, 0, 0), new MobileAntennaCount("bouygues", 1, 1, 0, 1, 0), new MobileAntennaCount("free", 0, 0, 0, 0, 0)],
            dep.ByOperator);
        Assert.Equal((20181, 4, 3, 2), (dep.Vintage, dep.Total, dep.Communes, dep.CommunesWith4G));
        Assert.Equal((5, 4, 3), (region.Total, region.Communes, region.CommunesWith4G));
        Assert.Equal(1, region.ByOperator.Single(o => o.Operator == "free").Sites4G);
        Assert.Equal(2, dijon.Total);
        Assert.Contains("Arcep — « Mon réseau mobile » (sites mobiles", dijon.Source.Line);
        Assert.Contains("millésime 2018T1, Licence Ouverte 2.0", dijon.Source.Line);
        Assert.Equal(5, (await database.DumpAsync("mobile_antenna_sites", "id")).Count);

        // The publisher's file name (year_month_…) gives the quarter without --millesime.
        var named = Path.Combine(SharedData.ArtifactsFolder("mobile"), Guid.NewGuid().ToString("N"), "2018_05_Sites_mobiles_2G_3G_4G_France_metropolitaine_L93.csv");
        Directory.CreateDirectory(Path.GetDirectoryName(named)!);
        File.Copy(Fixture, named);
        Assert.Equal("2018T2", MobileVintage.Format((await ReadAsync(named, vintage: null)).Vintage));
    }

    [Fact]
    public async Task A_bad_value_is_refused_with_line_and_column_and_a_site_layout_missing_a_technology_names_it()
    {
        var text = await File.ReadAllTextAsync(Fixture, Token);
        var bad = MobileFixture.Write("sites.csv", text.Replace("20820;840197;6659800;1;0;1", "20899;840197;6659800;1;0;oui-ish").Replace("20815;928401;", "20815;9x8401;"));
        var unmapped = MobileFixture.Write("sites.csv", "Operateur;X;Y;2G;3G\n20801;853964;6693654;1;1\n");

        var rejected = await Assert.ThrowsAsync<ImportRejectedException>(() => ReadAsync(bad));
        var refused = await Assert.ThrowsAsync<ImportRejectedException>(() => ReadAsync(unmapped));

        Assert.Equal([(4, 1, "opérateur inconnu : « 20899 »"), (4, 6, "indicateur 4G invalide : « oui-ish »"), (5, 2, "coordonnée invalide : « 9x8401 »")],
            rejected.Errors.Select(e => ((int)e.Line!.Value, e.Column!.Value, e.Reason[..e.Reason.IndexOf('»')] + "»")));
        var error = Assert.Single(refused.Errors);
        Assert.Contains("« arcep-sites-mobiles-l93-2018 »", error.Reason);
        Assert.EndsWith("n'y trouve pas les colonnes : « 4G ». Pour un nouveau format, ajoutez un mapping JSON (voir docs/observatory-mobile.md).", error.Reason);
    }

    [Fact]
    public void Lambert93_inverse_gives_the_projection_origin_and_ign_published_test_point()
    {
        var (lat, lon) = Lambert93.ToGeographic(700_000, 6_600_000);
        Assert.Equal(46.5, lat, 1e-9);
        Assert.Equal(3.0, lon, 1e-9);

        // IGN note ALG0004, test set (Lambert I parameters, Paris meridian): X 1 029 705.083 m, Y 272 723.849 m → λ 0.145512099 rad, φ 0.872664626 rad.
        var (phi, lambda) = Lambert93.Inverse(1029705.083, 272723.849, 0.7604059656, 11603796.98, 600000, 5657616.674, 0.08248325676, 0.04079234433);
        Assert.Equal(0.872664626, phi * Math.PI / 180, 1e-9);
        Assert.Equal(0.145512099, lambda * Math.PI / 180, 1e-9);

        // Dijon's town hall area, as a check of order of magnitude (47.32° N, 5.04° E).
        var (dLat, dLon) = Lambert93.ToGeographic(853964, 6693654);
        Assert.Equal(47.3253, dLat, 1e-3);
        Assert.Equal(5.0387, dLon, 1e-3);
    }
}

public sealed class SqliteMobileAntennaTests() : MobileAntennaTests(DatabaseProvider.Sqlite);

public sealed class PostgresMobileAntennaTests() : MobileAntennaTests(DatabaseProvider.Postgres);
