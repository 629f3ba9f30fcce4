using Scoran.Territories.Geography;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scoran.Observatory.Mobile;
using Scoran.Territories.Import;
using Scoran.Territories.Model;
using Scoran.Data;
using Scoran.Testing;

namespace Scoran.Observatory.Tests.Mobile;

/// <summary>
/// Antenna sites per commune (the map layer and the antennes.csv/.xlsx downloads) and the
/// SYNTHETIC demonstration list: the invented fixture (Côte-d'Or: Orange in Dijon with 2G/3G/4G and
/// in Clémencey with nothing flagged, SFR in Dijon without 4G, Bouygues in Beaune with 2G/4G; Doubs:
/// Free in Besançon with 4G) and the shipped demo list read through the verified 2018 layout.
/// </summary>
public abstract class MobileAntennaCommuneTests(DatabaseProvider provider)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private async Task<TestDatabase> DatabaseAsync(string name, Func<string, bool> outlines)
    {
        TestDatabase.RequireEngine(provider);
        var database = await TestDatabase.CreateAsync(provider, name, TestTemplates.France);
        await database.WithScopeAsync(async sp =>
        {
            var files = SharedData.BfcContourFiles().Where(outlines).ToList();
            await sp.GetRequiredService<ContoursImporter>().ImportAsync(await ContoursImporter.ReadAsync(files, cancellationToken: Token), "test", cancellationToken: Token);
        });
        return database;
    }

    private static async Task<MobileFile> ReadAsync(string path, string? vintage = null) =>
        await MobileFiles.ReadAsync(path, MobileDataset.Antennas, await MobileMappings.LoadAsync(MobileFixture.ShippedMappingFiles, Token), vintage, Token);

    [Fact]
    public async Task Every_commune_of_a_territory_gets_its_site_count_for_an_operator_and_technology_and_the_downloads_carry_the_source()
    {
        await using var database = await DatabaseAsync("mobile-antenna-communes", f => f.Contains("communes-21", StringComparison.Ordinal) || f.Contains("communes-25", StringComparison.Ordinal));
        await database.WithScopeAsync(async sp => await sp.GetRequiredService<MobileAntennaImporter>().ImportAsync(await ReadAsync(MobileAntennaTests.Fixture, "2018T1"), cancellationToken: Token));

        var dep = (await database.WithScopeAsync(sp => sp.GetRequiredService<MobileAntennaQueries>().CommunesAsync(TerritoryKind.Departement, "21", cancellationToken: Token)))!;
        var all = dep.Filter(null, null);
        var orange4G = dep.Filter("orange", "4G");
        var sfr4G = dep.Filter("sfr", "4G");
        var bouygues2G = dep.Filter("bouygues", "2G");

        // Every current commune of Côte-d'Or is listed, those without a site at 0 (the map tells « none » from « no data »).
        var communes = await database.WithScopeAsync(sp => sp.GetRequiredService<ScoranDbContext>().Set<Territory>()
            .CountAsync(t => t.Kind == TerritoryKind.Commune && !t.IsObsolete && t.DepartementCode == "21", Token));
        Assert.Equal(communes, all.Count);
        Assert.Equal(4, all.Sum(c => c.Sites));
        Assert.Equal(3, all.Count(c => c.Sites > 0));
        Assert.Equal(2, all.Single(c => c.Code == "21231").Sites);
        Assert.Equal([("21231", 1)], orange4G.Where(c => c.Sites > 0).Select(c => (c.Code, c.Sites)));
        Assert.Equal(0, sfr4G.Sum(c => c.Sites));
        Assert.Equal([("21054", 1)], bouygues2G.Where(c => c.Sites > 0).Select(c => (c.Code, c.Sites)));
        Assert.Equal(20181, dep.Vintage);

        var csv = MobileAntennaExport.Csv(dep).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("# Source : Arcep — « Mon réseau mobile » (sites mobiles 2G/3G/4G/5G par opérateur), Sites_mobiles_2G_3G_4G_BFC_L93_extrait-invente.csv, millésime 2018T1, Licence Ouverte 2.0", csv[0]);
        Assert.EndsWith("; millésime 2018T1 ; licence Licence Ouverte 2.0", csv[0]);
        Assert.Equal("code_commune;commune;operateur;technologie;sites;millesime", csv[2]);
        Assert.Contains("21231;Dijon;Orange;toutes;1;2018T1", csv);
        Assert.Contains("21231;Dijon;Orange;4G;1;2018T1", csv);
        Assert.Contains("21231;Dijon;SFR;3G;1;2018T1", csv);
        Assert.DoesNotContain("21231;Dijon;SFR;4G;1;2018T1", csv);
        Assert.Contains("21054;Beaune;\"Bouygues Telecom\";4G;1;2018T1", csv);
        // Orange in Clémencey carries no flagged technology: only its « toutes » row.
        Assert.Single(csv, l => l.Contains(";Orange;", StringComparison.Ordinal) && !l.StartsWith("21231", StringComparison.Ordinal));
        Assert.Equal(3 + 4 + 3 + 1 + 3, csv.Length); // 3 comment/header lines; Orange Dijon 4 rows, SFR Dijon 3, Orange Clémencey 1, Bouygues Beaune 3

        using var xlsx = SpreadsheetDocument.Open(new MemoryStream(MobileAntennaExport.Xlsx(dep)), false);
        var cells = xlsx.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>()
            .Select(r => string.Join('|', r.Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().Select(c => c.InlineString?.InnerText ?? c.CellValue?.Text))).ToList();
        Assert.Equal(csv.Length, cells.Count);
        Assert.StartsWith("Source : Arcep", cells[0]);
        Assert.Contains("21231|Dijon|Orange|4G|1|2018T1", cells);
    }

    [Fact]
    public async Task The_shipped_demo_list_is_synthetic_deterministic_and_every_site_falls_in_a_bfc_commune()
    {
        await using var database = await DatabaseAsync("mobile-antenna-demo", _ => true);
        var shipped = Path.Combine(SharedData.RepositoryRoot, "data", "arcep", "mobile-demo", "sites-antennes-l93_2025T4_synthetique.csv");
        var file = await ReadAsync(shipped);

        var report = await database.WithScopeAsync(sp => sp.GetRequiredService<MobileAntennaImporter>().ImportAsync(file, cancellationToken: Token));
        var again = await database.WithScopeAsync(sp => sp.GetRequiredService<MobileAntennaImporter>().ImportAsync(file, cancellationToken: Token));
        var region = (await database.WithScopeAsync(sp => sp.GetRequiredService<MobileAntennaQueries>().SummaryAsync(TerritoryKind.Region, "27", cancellationToken: Token)))!;
        var regenerated = await database.WithScopeAsync(async sp => MobileAntennaDemo.Write(await MobileAntennaDemo.CommunesAsync(sp.GetRequiredService<ScoranDbContext>(), "27", Token)));

        Assert.Equal("arcep-sites-mobiles-l93-2018", file.Mapping.Id);
        Assert.True(file.Synthetic);
        Assert.Equal("2025T4", report.Vintage);
        Assert.InRange(report.Sites, 300, 1000);
        // Each invented site was drawn inside its commune's outline: none falls outside the région.
        Assert.Equal((0, 0), (report.OutsideCommunes, report.WithoutPosition));
        Assert.True(again.Skipped);
        Assert.Equal(report.Sites, region.Total);
        Assert.StartsWith("Données de démonstration synthétiques (pas des chiffres réels) — Scoran — données de démonstration synthétiques", region.Source.Line);
        Assert.True(region.Source.Synthetic);
        // Regenerating from the same outlines gives the shipped file byte for byte.
        Assert.Equal(await File.ReadAllTextAsync(shipped, Token), regenerated);
    }

    [Fact]
    public void Lambert93_direct_and_inverse_projections_agree_to_the_millimetre()
    {
        var (x, y) = Lambert93.FromGeographic(46.5, 3.0);
        Assert.Equal(700_000, x, 1e-3);
        Assert.Equal(6_600_000, y, 1e-3);
        foreach (var (lat, lon) in new[] { (47.3253, 5.0387), (46.1, 3.4), (48.4, 6.9) })
        {
            var (px, py) = Lambert93.FromGeographic(lat, lon);
            var (backLat, backLon) = Lambert93.ToGeographic(px, py);
            Assert.Equal(lat, backLat, 1e-8);
            Assert.Equal(lon, backLon, 1e-8);
        }
    }
}

public sealed class SqliteMobileAntennaCommuneTests() : MobileAntennaCommuneTests(DatabaseProvider.Sqlite);

public sealed class PostgresMobileAntennaCommuneTests() : MobileAntennaCommuneTests(DatabaseProvider.Postgres);
