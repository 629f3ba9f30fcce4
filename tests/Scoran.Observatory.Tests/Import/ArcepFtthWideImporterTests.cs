using Microsoft.Extensions.DependencyInjection;
using Scoran.Core.Imports;
using Scoran.Data;
using Scoran.Observatory.Import;
using Scoran.Observatory.Import.Arcep;
using Scoran.Observatory.Indicators;
using Scoran.Observatory.Model;
using Scoran.Observatory.Queries;
using Scoran.Territories.Import;
using Scoran.Territories.Model;
using Scoran.Testing;

namespace Scoran.Observatory.Tests.Import;

/// <summary>
/// The 2020+ layout, from fixtures written at test time in its three shapes (no real file of that
/// layout is available here), stored on each engine and read back as the dashboards read it.
/// </summary>
public abstract class ArcepFtthWideImporterTests(DatabaseProvider provider)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private async Task<TestDatabase> DatabaseAsync(bool with2018)
    {
        TestDatabase.RequireEngine(provider);
        var database = await TestDatabase.CreateAsync(provider, "ftthwide", TestTemplates.France);
        await database.WithScopeAsync(async sp =>
        {
            if (with2018)
            {
                await sp.GetRequiredService<ArcepFtthImporter>().ImportAsync(await ArcepFtthImporter.ReadAsync(
                    Path.Combine(ArcepFtthImporterTests.Folder, ArcepFtthImporter.DeploymentFileName),
                    Path.Combine(ArcepFtthImporterTests.Folder, ArcepFtthImporter.InformationFileName), Token), cancellationToken: Token);
            }
        });
        return database;
    }

    private static Task<FtthWideImportReport> ImportAsync(TestDatabase database, string file, bool force = false) =>
        database.WithScopeAsync(async sp => await sp.GetRequiredService<ArcepFtthWideImporter>().ImportAsync(
            await FtthWideLayout.ReadAsync(file, Token), force, cancellationToken: Token));

    private static async Task<List<string>> DumpAsync(TestDatabase database) =>
    [
        .. await database.DumpAsync("ftth_commune_quarters", "release, commune_code, quarter"),
        .. await database.DumpAsync("ftth_commune_profiles", "release, commune_code"),
    ];

    [Fact]
    public async Task The_workbook_and_both_csv_exports_store_the_same_exact_figures()
    {
        await using var database = await DatabaseAsync(with2018: true);

        var report = await ImportAsync(database, WideFixture.Write(WideFormat.Xlsx));
        var fromWorkbook = await DumpAsync(database);
        var latin1 = await ImportAsync(database, WideFixture.Write(WideFormat.Latin1Semicolon));
        var fromLatin1 = await DumpAsync(database);
        var utf8 = await ImportAsync(database, WideFixture.Write(WideFormat.Utf8Comma));

        Assert.Equal(fromWorkbook, fromLatin1);
        Assert.Equal(fromWorkbook, await DumpAsync(database));
        Assert.All([report, latin1, utf8], r => Assert.Equal(("2020T4", 5, false), (r.Release, r.Quarters, r.Skipped)));
        Assert.Contains(new CommuneCodeChange(WideFixture.FormerCode, WideFixture.FormerCodeCurrent), report.CodeChanges);
        Assert.Equal([WideFixture.AboveEstimate], report.CommunesAboveEstimate);
        Assert.Equal(new Dictionary<string, int> { ["2018T1"] = report.Communes }, report.ZoningSources);
        Assert.Contains(report.Notes(), n => n.Contains("21513 → 21178", StringComparison.Ordinal));
        Assert.Contains(report.Notes(), n => n.Contains("repris de la publication la plus proche qui le donne (2018T1 pour", StringComparison.Ordinal));

        var communes = WideFixture.Communes;
        await database.WithScopeAsync(async sp =>
        {
            var queries = sp.GetRequiredService<FtthQueries>();
            Assert.Equal(["2020T4", "2018T1"], await queries.ReleasesAsync(Token));
            var region = (await queries.SeriesAsync(TerritoryKind.Region, "27", "2020T4", Token))!;
            Assert.Equal(WideFixture.Quarters, region.Points.Select(p => p.Quarter));
            Assert.Equal(WideFixture.Quarters.Select((_, k) => communes.Sum(c => c.Connectable[k])), region.Points.Select(p => p.ConnectablePremises));
            // The denominator is the file's best estimate, not housing + businesses.
            Assert.All(region.Points, p => Assert.Equal(communes.Sum(c => c.Estimate), p.Premises));
            Assert.NotEqual(communes.Sum(c => c.Housing + c.Businesses), communes.Sum(c => c.Estimate));
            Assert.True(region.EstimatedPremises);
            Assert.Equal("T4 2020", region.Source.Vintage);
            Assert.Contains("format 2020+", region.Source.File);

            // 21513 was merged into 21178: both rows of the file add up there.
            var merged = (await queries.SeriesAsync(TerritoryKind.Commune, WideFixture.FormerCodeCurrent, "2020T4", Token))!;
            var parts = communes.Where(c => c.Code is WideFixture.FormerCode or WideFixture.FormerCodeCurrent).ToList();
            Assert.Equal(new CoverageRate(parts.Sum(c => c.Connectable[^1]), parts.Sum(c => c.Estimate)), merged.Points[^1].Coverage);

            var belfort = (await queries.SeriesAsync(TerritoryKind.Commune, WideFixture.AboveEstimate, "2020T4", Token))!.Points[^1].Coverage;
            Assert.True(belfort.ExceedsPremises);
            Assert.True(belfort.Rate > 1m);

            // Zoning: Belfort and Dijon are AMII in 2018; Dijon is flagged very dense in the file, and the file wins.
            var zones = (await queries.ZonesAsync(TerritoryKind.Region, "27", WideFixture.Quarters[^1], "2020T4", Token)).ToDictionary(z => z.Zone);
            Assert.Equal(1, zones[FtthZone.VeryDense].Communes);
            Assert.Equal(communes.Single(c => c.Code == WideFixture.VeryDense).Estimate, zones[FtthZone.VeryDense].Premises);
            Assert.True(zones[FtthZone.PrivateCommitment].Communes > 0);
            Assert.Equal(region.Points[^1].ConnectablePremises, zones.Values.Sum(z => z.ConnectablePremises));

            // The 2018 release keeps its own denominator (housing + businesses).
            var bfc2018 = (await queries.SeriesAsync(TerritoryKind.Region, "27", "2018T1", Token))!;
            Assert.Equal(new CoverageRate(244_643, 1_613_986), bfc2018.Points[^1].Coverage);
            Assert.False(bfc2018.EstimatedPremises);
        });
    }

    [Fact]
    public async Task The_same_file_is_skipped_and_a_changed_file_of_the_same_quarter_replaces_the_release()
    {
        await using var database = await DatabaseAsync(with2018: false);
        var file = WideFixture.Write(WideFormat.Xlsx);
        var first = await ImportAsync(database, file);
        var before = await DumpAsync(database);

        var again = await ImportAsync(database, file);
        Assert.True(again.Skipped);
        Assert.Equal(before, await DumpAsync(database));

        // Without any zoned release, communes outside very dense zones default to RIP, and the notes say so.
        Assert.Empty(first.ZoningSources);
        Assert.Contains(first.Notes(), n => n.Contains("RIP par défaut", StringComparison.Ordinal));

        var revised = WideFixture.Communes
            .Where(c => c.Code != "90001")
            .Select(c => c.Code == "90010" ? c with { Connectable = [.. c.Connectable[..^1], 20_000] } : c)
            .ToList();
        var replaced = await ImportAsync(database, WideFixture.Write(WideFormat.Utf8Comma, revised));

        Assert.False(replaced.Skipped);
        Assert.Equal(first.Communes - 1, replaced.Communes);
        await database.WithScopeAsync(async sp =>
        {
            var queries = sp.GetRequiredService<FtthQueries>();
            Assert.Equal(["2020T4"], await queries.ReleasesAsync(Token));
            Assert.Equal(20_000, (await queries.SeriesAsync(TerritoryKind.Commune, "90010", "2020T4", Token))!.Points[^1].ConnectablePremises);
            Assert.Null(await queries.SeriesAsync(TerritoryKind.Commune, "90001", "2020T4", Token));
            var region = (await queries.SeriesAsync(TerritoryKind.Region, "27", "2020T4", Token))!;
            Assert.Equal(revised.Sum(c => c.Connectable[^1]), region.Points[^1].ConnectablePremises);
        });
    }

    public static TheoryData<string> Damages => ["truncated-csv", "truncated-xlsx", "missing-estimate", "non-numeric-csv", "non-numeric-xlsx", "unknown-commune"];

    [Theory]
    [MemberData(nameof(Damages))]
    public async Task A_damaged_file_is_rejected_with_where_and_why_and_the_previous_release_stays(string damage)
    {
        await using var database = await DatabaseAsync(with2018: false);
        await ImportAsync(database, WideFixture.Write(WideFormat.Xlsx));
        var before = await DumpAsync(database);
        var communes = WideFixture.Communes;
        var latinHeader = 5;
        string file;
        (long? Line, long? Column, string Reason) expected;
        switch (damage)
        {
            case "truncated-csv":
            {
                file = WideFixture.Write(WideFormat.Latin1Semicolon);
                var bytes = await File.ReadAllBytesAsync(file, Token);
                // Cut in the middle of the last row: fewer fields than the header.
                var cut = Array.LastIndexOf(bytes, (byte)';', bytes.Length - 40);
                await File.WriteAllBytesAsync(file, bytes[..cut], Token);
                var fields = System.Text.Encoding.Latin1.GetString(bytes[..cut]).Split("\r\n")[^1].Split(';').Length;
                expected = (latinHeader + communes.Count, fields + 1, "ligne incomplète");
                break;
            }

            case "truncated-xlsx":
            {
                file = WideFixture.Write(WideFormat.Xlsx);
                var bytes = await File.ReadAllBytesAsync(file, Token);
                await File.WriteAllBytesAsync(file, bytes[..(bytes.Length / 2)], Token);
                expected = (null, null, "classeur XLSX illisible");
                break;
            }

            case "missing-estimate":
                file = WideFixture.Write(WideFormat.Utf8Comma);
                await File.WriteAllTextAsync(file, (await File.ReadAllTextAsync(file, Token)).Replace("Meilleure estimation des locaux à date", "Locaux", StringComparison.Ordinal), Token);
                expected = (5, null, "colonne « Meilleure estimation des locaux… » absente");
                break;
            case "non-numeric-csv":
                file = WideFixture.Write(WideFormat.Latin1Semicolon, textCells: new Dictionary<(string, string), string> { [(communes[3].Code, "T2 2020")] = "douze" });
                // Latin-1 header: 7 columns, then "Estimation locaux en cours…", 3 flags, T4 2019, T1 2020, T2 2020 = column 14 (N).
                expected = (latinHeader + 4, 14, "colonne « T2 2020 » (N) : nombre invalide pour " + communes[3].Code + " : « douze »");
                break;
            case "non-numeric-xlsx":
                file = WideFixture.Write(WideFormat.Xlsx, textCells: new Dictionary<(string, string), string> { [(communes[10].Code, "Logements")] = "n.d." });
                expected = (5 + 11, 5, "feuille « Communes », colonne « Logements » (E) : nombre invalide pour " + communes[10].Code + " : « n.d. »");
                break;
            default:
                file = WideFixture.Write(WideFormat.Utf8Comma, [.. communes.Take(20), communes[20] with { Code = "90999" }]);
                expected = (5 + 21, 3, "colonne « Code commune » (C) : code commune inconnu : « 90999 »");
                break;
        }

        var rejected = await Assert.ThrowsAsync<ImportRejectedException>(() => ImportAsync(database, file));

        var error = rejected.Errors[0];
        Assert.Equal((file, expected.Line, expected.Column), (error.File, error.Line, error.Column));
        Assert.Contains(expected.Reason, error.Reason);
        Assert.Equal(before, await DumpAsync(database));
    }
}

public sealed class SqliteArcepFtthWideImporterTests() : ArcepFtthWideImporterTests(DatabaseProvider.Sqlite);

public sealed class PostgresArcepFtthWideImporterTests() : ArcepFtthWideImporterTests(DatabaseProvider.Postgres);

/// <summary>The 2017–2019 layout read from a workbook holding both sheets, against the real CSV files.</summary>
public abstract class FtthLongLayoutWorkbookTests(DatabaseProvider provider)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_real_2018_release_as_a_workbook_stores_exactly_what_its_csv_sheets_store()
    {
        TestDatabase.RequireEngine(provider);
        await using var database = await TestDatabase.CreateAsync(provider, "longxlsx", TestTemplates.France);
        var folder = ArcepFtthImporterTests.Folder;
        async Task<FtthImportReport> ImportAsync(string deployment, string information) => await database.WithScopeAsync(async sp =>
            await sp.GetRequiredService<ArcepFtthImporter>().ImportAsync(await ArcepFtthImporter.ReadAsync(deployment, information, Token), cancellationToken: Token));

        var fromCsv = await ImportAsync(Path.Combine(folder, ArcepFtthImporter.DeploymentFileName), Path.Combine(folder, ArcepFtthImporter.InformationFileName));
        var csvQuarters = await database.DumpAsync("ftth_commune_quarters", "release, commune_code, quarter");
        var csvProfiles = await database.DumpAsync("ftth_commune_profiles", "release, commune_code");
        var workbook = XlsxWriter.WriteLongLayoutWorkbook();
        var fromWorkbook = await ImportAsync(workbook, workbook);

        Assert.False(fromWorkbook.Skipped);
        Assert.Equal((fromCsv.Release, fromCsv.Communes, fromCsv.Rows), (fromWorkbook.Release, fromWorkbook.Communes, fromWorkbook.Rows));
        Assert.Equal(fromCsv.CodeChanges, fromWorkbook.CodeChanges);
        Assert.Equal(csvQuarters, await database.DumpAsync("ftth_commune_quarters", "release, commune_code, quarter"));
        Assert.Equal(csvProfiles, await database.DumpAsync("ftth_commune_profiles", "release, commune_code"));
    }
}

public sealed class SqliteFtthLongLayoutWorkbookTests() : FtthLongLayoutWorkbookTests(DatabaseProvider.Sqlite);

public sealed class PostgresFtthLongLayoutWorkbookTests() : FtthLongLayoutWorkbookTests(DatabaseProvider.Postgres);
