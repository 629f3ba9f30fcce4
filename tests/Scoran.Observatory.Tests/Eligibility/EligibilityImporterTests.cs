using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scoran.Core;
using Scoran.Core.Imports;
using Scoran.Data;
using Scoran.Observatory.Eligibility;
using Scoran.Territories.Import;
using Scoran.Territories.Model;
using Scoran.Testing;

namespace Scoran.Observatory.Tests.Eligibility;

/// <summary>The shipped synthetic demo pair through the real importer: sums, provenance, idempotence, refusals that change nothing.</summary>
public abstract class EligibilityImporterTests(DatabaseProvider provider)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private async Task<TestDatabase> DatabaseWithTerritoriesAsync()
    {
        TestDatabase.RequireEngine(provider);
        var database = await TestDatabase.CreateAsync(provider, "elig", TestTemplates.France);
        return database;
    }

    private static Task<EligibilityImportReport> ImportAsync(TestDatabase database, string buildings, string eligibility, bool force = false) =>
        database.WithScopeAsync(sp => sp.GetRequiredService<EligibilityImporter>().ImportAsync(buildings, eligibility, force: force, cancellationToken: Token));

    private static string Folder(string name)
    {
        var folder = Path.Combine(SharedData.ArtifactsFolder("eligibility"), $"{name}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        return folder;
    }

    private static async Task<(byte[] Snapshot, List<string> Stats, List<string> Imports)> StateAsync(TestDatabase database)
    {
        var store = Path.Combine(database.Storage.EffectiveFilesFolder, "eligibility");
        return (await File.ReadAllBytesAsync(Path.Combine(store, "demo.bin"), Token),
            await database.DumpAsync("eligibility_commune_stats", "vintage, commune_code"),
            await database.DumpAsync("dataset_imports", "id"));
    }

    [Fact]
    public async Task The_demo_pair_is_imported_summed_per_commune_and_found_again_by_point_and_address()
    {
        await using var database = await DatabaseWithTerritoriesAsync();
        // One building moved onto a former commune code: it must land on today's commune, and be reported.
        var alias = await database.WithScopeAsync(sp => sp.GetRequiredService<DbContext>().Set<CommuneAlias>()
            .Where(a => a.Code.StartsWith("21")).OrderBy(a => a.Code).FirstAsync(Token));
        var folder = Folder("alias");
        var lines = await File.ReadAllLinesAsync(EligibilityFixtures.DemoBuildings, Token);
        var fields = lines[1].Split(';');
        fields[4] = alias.Code;
        lines[1] = string.Join(';', fields);
        var buildings = Path.Combine(folder, "immeubles.csv");
        await File.WriteAllLinesAsync(buildings, lines, Token);
        var eligibility = EligibilityFixtures.DemoEligibility;

        var report = await ImportAsync(database, buildings, eligibility);

        Assert.False(report.Skipped);
        Assert.Equal("demo", report.Vintage);
        Assert.True(report.Synthetic);
        Assert.Equal(lines.Length - 1, report.Buildings);
        Assert.Equal(File.ReadLines(eligibility).Count() - 1, report.EligibilityRows);
        Assert.Contains(new Scoran.Observatory.Import.CommuneCodeChange(alias.Code, alias.CurrentCode), report.CodeChanges);
        var filePremises = lines.Skip(1).Sum(l => long.Parse(l.Split(';')[5], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(filePremises, report.Premises);

        await database.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<DbContext>();
            var stats = await db.Set<EligibilityCommuneStat>().Where(s => s.Vintage == "demo").ToListAsync(Token);
            Assert.Equal(filePremises, stats.Sum(s => s.Premises));
            Assert.Equal(report.Buildings, stats.Sum(s => s.Buildings));
            Assert.Contains(stats, s => s.CommuneCode == alias.CurrentCode);
            Assert.DoesNotContain(stats, s => s.CommuneCode == alias.Code);
            foreach (var s in stats)
            {
                // Best classes partition the premises; no-wired premises are those without DSL, cable or fibre.
                Assert.Equal(s.Premises, s.PremisesBestInel + s.PremisesBestHd05 + s.PremisesBestHd3 + s.PremisesBestBhd8 + s.PremisesBestThd30 + s.PremisesBestThd100 + s.PremisesBestThd1g);
                Assert.True(s.PremisesNoWiredAlternative <= s.PremisesNoWired && s.PremisesNoWired <= s.Premises);
            }

            Assert.True(stats.Sum(s => s.PremisesNoWired) > 0, "the demo has buildings without wired broadband");
            var import = await db.Set<DatasetImport>().SingleAsync(i => i.Dataset == EligibilityImporter.Dataset, Token);
            Assert.Equal("demo", import.Vintage);
            Assert.Contains("synthétiques", import.Publisher);
            Assert.Equal(report.Buildings, import.RowCount);

            // A fresh service provider reads the snapshot back from the files folder.
            var queries = sp.GetRequiredService<EligibilityQueries>();
            var at = queries.AtPoint(47.5216, 5.112966)!;
            Assert.Equal("20 Place Général Leclerc, Is-sur-Tille", at.Address);
            Assert.True(at.DistanceMeters < 1);
            Assert.True(at.Source.Synthetic);
            var search = queries.Search("20 place general leclerc IS SUR TILLE")!;
            Assert.Equal(at.BuildingId, search.Best!.BuildingId);
        });

        // Same files: skipped; forced: the same sums again.
        var before = await StateAsync(database);
        Assert.True((await ImportAsync(database, buildings, eligibility)).Skipped);
        Assert.Equal(before.Stats, (await StateAsync(database)).Stats);
        Assert.False((await ImportAsync(database, buildings, eligibility, force: true)).Skipped);
        var after = await StateAsync(database);
        Assert.Equal(before.Stats, after.Stats);
        Assert.Equal(before.Snapshot, after.Snapshot);
        Assert.Equal(before.Imports.Count + 1, after.Imports.Count);
    }

    [Fact]
    public async Task A_refused_file_leaves_the_previous_snapshot_and_sums_untouched()
    {
        await using var database = await DatabaseWithTerritoriesAsync();
        await ImportAsync(database, EligibilityFixtures.DemoBuildings, EligibilityFixtures.DemoEligibility);
        var before = await StateAsync(database);
        var buildingLines = await File.ReadAllLinesAsync(EligibilityFixtures.DemoBuildings, Token);
        var eligibilityLines = await File.ReadAllLinesAsync(EligibilityFixtures.DemoEligibility, Token);

        string[] Edit(string[] source, int line, int column, string value)
        {
            var copy = (string[])source.Clone();
            var fields = copy[line - 1].Split(';');
            fields[column - 1] = value;
            copy[line - 1] = string.Join(';', fields);
            return copy;
        }

        var eligibilityText = string.Join('\n', eligibilityLines) + "\n";
        var cases = new (string Name, string[]? Buildings, string? EligibilityText, bool InBuildings, long Line, long? Column, string Reason)[]
        {
            ("tronque", null, eligibilityText[..(eligibilityText.Length - 20)], false, eligibilityLines.Length, null, "ligne incomplète"),
            ("colonne", Edit(buildingLines, 1, 6, "nb_locaux"), null, true, 1, null, "colonne manquante : « imb_nbr_logloc »"),
            ("locaux", Edit(buildingLines, 5, 6, "douze"), null, true, 5, 6, "nombre de locaux"),
            ("longitude", Edit(buildingLines, 9, 2, "5,1,2"), null, true, 9, 2, "longitude"),
            ("commune", Edit(buildingLines, 7, 5, "99999"), null, true, 7, 5, "code commune inconnu : « 99999 »"),
            ("immeuble", null, string.Join('\n', Edit(eligibilityLines, 4, 1, "IMB/00000/X/0000")) + "\n", false, 4, 1, "immeuble inconnu"),
            ("techno", null, string.Join('\n', Edit(eligibilityLines, 6, 4, "ADSL")) + "\n", false, 6, 4, "technologie inconnue"),
            ("classe", null, string.Join('\n', Edit(eligibilityLines, 3, 6, "THD10G")) + "\n", false, 3, 6, "classe de débit inconnue"),
        };
        foreach (var c in cases)
        {
            var folder = Folder(c.Name);
            var buildings = Path.Combine(folder, "immeubles.csv");
            var eligibility = Path.Combine(folder, "eligibilite.csv");
            await File.WriteAllLinesAsync(buildings, c.Buildings ?? buildingLines, Token);
            await File.WriteAllTextAsync(eligibility, c.EligibilityText ?? eligibilityText, Token);

            var rejected = await Assert.ThrowsAsync<ImportRejectedException>(() => ImportAsync(database, buildings, eligibility, force: true));

            var error = rejected.Errors[0];
            Assert.True((c.InBuildings ? buildings : eligibility, c.Line) == (error.File, error.Line), $"{c.Name}: {error}");
            if (c.Column is not null)
            {
                Assert.True(c.Column == error.Column, $"{c.Name}: {error}");
            }

            Assert.Contains(c.Reason, error.Reason);
            var after = await StateAsync(database);
            Assert.Equal(before.Snapshot, after.Snapshot);
            Assert.Equal(before.Stats, after.Stats);
            Assert.Equal(before.Imports, after.Imports);
        }

        // Nothing was left behind in the files folder either.
        var files = Directory.GetFiles(Path.Combine(database.Storage.EffectiveFilesFolder, "eligibility")).Select(Path.GetFileName).Order().ToList();
        Assert.Equal(["current.txt", "demo.bin"], files);
    }

    [Fact]
    public async Task A_latin1_comma_separated_release_reads_like_its_utf8_twin()
    {
        var folder = Folder("latin1");
        var buildings = Path.Combine(folder, "immeubles-2025_T4.csv");
        var eligibility = Path.Combine(folder, "eligibilite-2025_T4.csv");
        // Commas as separators: fields holding a comma are quoted.
        static string Comma(string line) => string.Join(',', line.Split(';').Select(f => f.Contains(',') ? $"\"{f}\"" : f));
        var text = string.Join('\n', (await File.ReadAllLinesAsync(EligibilityFixtures.DemoBuildings, Token)).Select(Comma)) + "\n";
        await File.WriteAllBytesAsync(buildings, System.Text.Encoding.Latin1.GetBytes(text), Token);
        await File.WriteAllTextAsync(eligibility, (await File.ReadAllTextAsync(EligibilityFixtures.DemoEligibility, Token)).Replace(';', ','), Token);

        var latin = await EligibilityFiles.ReadAsync(buildings, eligibility, cancellationToken: Token);
        var utf8 = await EligibilityFiles.ReadAsync(EligibilityFixtures.DemoBuildings, EligibilityFixtures.DemoEligibility, cancellationToken: Token);

        // Characters outside Latin-1 (the typographic apostrophe) cannot survive the Latin-1 file.
        Assert.Equal(utf8.Addresses.Select(a => System.Text.Encoding.Latin1.GetString(System.Text.Encoding.Latin1.GetBytes(a))), latin.Addresses);
        Assert.Contains(latin.Addresses, a => a.Contains("Général", StringComparison.Ordinal));
        Assert.Equal(utf8.LatE7, latin.LatE7);
        Assert.Equal(utf8.TechClass, latin.TechClass);
        Assert.Equal("2025T4", EligibilityImporter.VintageFromPath(buildings));
    }
}

public sealed class SqliteEligibilityImporterTests() : EligibilityImporterTests(DatabaseProvider.Sqlite);

public sealed class PostgresEligibilityImporterTests() : EligibilityImporterTests(DatabaseProvider.Postgres);
