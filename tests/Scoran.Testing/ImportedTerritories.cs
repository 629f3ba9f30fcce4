using Xunit;
using Microsoft.Extensions.DependencyInjection;
using Scoran.Data;
using Scoran.Territories.Import;

namespace Scoran.Testing;

/// <summary>
/// A database holding the whole of France (shared/ decoupage-administratif 6.0.0), the BFC
/// outlines, Arcep's FttH release of T1 2018 and the synthetic « Ma connexion internet » demo files
/// (<see cref="TestTemplates.Observatory"/>), copied once per test assembly and engine from the run's template.
/// Tests must only read its data; they may add accounts, under addresses of their own.
/// </summary>
public abstract class ImportedTerritories(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase? _database;
    private Task<ContoursImportReport>? _contoursReport;

    public DatabaseProvider Provider { get; } = provider;

    public TestDatabase Database => _database ?? throw new InvalidOperationException(SkipReason ?? "not initialised");

    /// <summary>Why this engine is unavailable (tests skip, except on CI where they fail).</summary>
    public string? SkipReason => Provider == DatabaseProvider.Postgres ? TestDatabase.PostgresUnavailableReason : null;

    public async ValueTask InitializeAsync()
    {
        if (SkipReason is not null)
        {
            return;
        }

        _database = await TestDatabase.CreateAsync(Provider, "imported", TestTemplates.Observatory);
    }

    /// <summary>
    /// The report of importing the BFC outlines over France, as <see cref="TestTemplates.FranceWithBfcOutlines"/> does:
    /// the template's own report stays in the process that built it, so this imports them once more, into a copy of France.
    /// </summary>
    public Task<ContoursImportReport> ContoursReportAsync() => _contoursReport ??= ImportContoursAsync();

    private async Task<ContoursImportReport> ImportContoursAsync()
    {
        await using var france = await TestDatabase.CreateAsync(Provider, "outlines", TestTemplates.France);
        var outlines = await ContoursImporter.ReadAsync(SharedData.BfcContourFiles());
        return await france.WithScopeAsync(sp => sp.GetRequiredService<ContoursImporter>().ImportAsync(outlines, TestTemplates.BfcOutlinesSource));
    }

    public async ValueTask DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    /// <summary>Skips the calling test when the engine is unavailable here; on CI a missing engine is a failure.</summary>
    public void RequireAvailable() => TestDatabase.RequireEngine(Provider);
}

public sealed class SqliteImportedTerritories() : ImportedTerritories(DatabaseProvider.Sqlite);

public sealed class PostgresImportedTerritories() : ImportedTerritories(DatabaseProvider.Postgres);
