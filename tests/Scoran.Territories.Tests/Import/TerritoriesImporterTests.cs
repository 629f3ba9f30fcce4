using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scoran.Core.Imports;
using Scoran.Data;
using Scoran.Territories.Import;
using Scoran.Territories.Model;
using Scoran.Testing;

namespace Scoran.Territories.Tests.Import;

/// <summary>Imports into a fresh database of each engine (these tests write, so they do not use the shared import).</summary>
public abstract class TerritoriesImporterTests(DatabaseProvider provider)
{
    private static readonly (string Table, string Order)[] Tables =
    [
        ("territories", "kind, code"),
        ("postal_codes", "code, commune_code"),
        ("commune_aliases", "code"),
        ("territory_contours", "kind, code"),
    ];

    [Fact]
    public async Task Importing_the_same_files_twice_changes_nothing()
    {
        await using var database = await CreateDatabaseAsync();
        var set = await DecoupageAdministratifSource.ReadAsync(SharedData.Territories, TestContext.Current.CancellationToken);

        var first = await ImportAsync(database, set);
        var afterFirst = await DumpAsync(database);
        var second = await ImportAsync(database, set);
        var forced = await ImportAsync(database, set, force: true);
        var afterForced = await DumpAsync(database);

        Assert.Equal(36_359, first.Created);
        Assert.True(second.Skipped);
        Assert.Equal((0, 0, 0), (forced.Created, forced.Updated, forced.MarkedObsolete));
        Assert.Equal(afterFirst, afterForced);
        Assert.Equal(36_359, afterFirst["territories"].Count);
    }

    [Fact]
    public async Task A_rejected_file_leaves_the_database_unchanged()
    {
        await using var database = await CreateDatabaseAsync();
        await ImportAsync(database, await DecoupageAdministratifSource.ReadAsync(SharedData.Territories, TestContext.Current.CancellationToken));
        var before = await DumpAsync(database);
        var imports = await CountImportsAsync(database);

        var folder = DecoupageAdministratifSourceTests.CopyOfTerritoryFolder();
        var communes = Path.Combine(folder, "communes.json");
        var lines = await File.ReadAllLinesAsync(communes, TestContext.Current.CancellationToken);
        lines[100] = lines[100].Replace("\"population\":", "\"population\":-");
        lines[5] = lines[5].Replace("\"nom\":\"", "\"nom\":\"Renommée ");
        await File.WriteAllLinesAsync(communes, lines, TestContext.Current.CancellationToken);

        var rejected = await Assert.ThrowsAsync<ImportRejectedException>(() => DecoupageAdministratifSource.ReadAsync(folder, TestContext.Current.CancellationToken));

        Assert.Equal((communes, 101L), (rejected.Errors[0].File, rejected.Errors[0].Line));
        Assert.Equal(before, await DumpAsync(database));
        Assert.Equal(imports, await CountImportsAsync(database));
    }

    [Fact]
    public async Task A_failure_inside_the_transaction_rolls_everything_back()
    {
        await using var database = await CreateDatabaseAsync();
        var valid = await DecoupageAdministratifSource.ReadAsync(SharedData.Territories, TestContext.Current.CancellationToken);
        await ImportAsync(database, valid);
        var before = await DumpAsync(database);

        // A name longer than the column allows passes the file checks but fails in the database (PostgreSQL)
        // or, on SQLite which does not enforce lengths, a duplicate postal code row violates the primary key.
        var broken = valid with
        {
            Territories = valid.Territories.Select(t => t.Code == "25056"
                ? new Territory { Kind = t.Kind, Code = t.Code, Name = new string('x', 300), SearchName = "x", RegionCode = t.RegionCode, DepartementCode = t.DepartementCode }
                : t).ToList(),
            PostalCodes = [.. valid.PostalCodes, valid.PostalCodes[0]],
            ContentSha256 = "changed",
        };

        await Assert.ThrowsAnyAsync<Exception>(() => ImportAsync(database, broken));

        Assert.Equal(before, await DumpAsync(database));
    }

    [Fact]
    public async Task A_territory_that_vanishes_is_marked_obsolete_not_deleted()
    {
        await using var database = await CreateDatabaseAsync();
        var set = await DecoupageAdministratifSource.ReadAsync(SharedData.Territories, TestContext.Current.CancellationToken);
        await ImportAsync(database, set);

        var without = set with { Territories = set.Territories.Where(t => t.Code != "25223").ToList(), ContentSha256 = "without-25223" };
        var report = await ImportAsync(database, without);

        Assert.Equal(1, report.MarkedObsolete);
        var commune = await database.WithScopeAsync(sp => sp.GetRequiredService<DbContext>().Set<Territory>()
            .SingleAsync(t => t.Kind == TerritoryKind.Commune && t.Code == "25223", TestContext.Current.CancellationToken));
        Assert.True(commune.IsObsolete);
    }

    private async Task<TestDatabase> CreateDatabaseAsync()
    {
        TestDatabase.RequireEngine(provider);

        return await TestDatabase.CreateAsync(provider, "importer");
    }

    private static Task<TerritoriesImportReport> ImportAsync(TestDatabase database, TerritorySet set, bool force = false) =>
        database.WithScopeAsync(sp => sp.GetRequiredService<TerritoriesImporter>().ImportAsync(set, force, cancellationToken: TestContext.Current.CancellationToken));

    private static async Task<Dictionary<string, List<string>>> DumpAsync(TestDatabase database)
    {
        var dump = new Dictionary<string, List<string>>();
        foreach (var (table, order) in Tables)
        {
            dump[table] = await database.DumpAsync(table, order);
        }

        return dump;
    }

    private static Task<int> CountImportsAsync(TestDatabase database) =>
        database.WithScopeAsync(sp => sp.GetRequiredService<DbContext>().Set<DatasetImport>().CountAsync(TestContext.Current.CancellationToken));
}

public sealed class SqliteTerritoriesImporterTests() : TerritoriesImporterTests(DatabaseProvider.Sqlite);

public sealed class PostgresTerritoriesImporterTests() : TerritoriesImporterTests(DatabaseProvider.Postgres);
