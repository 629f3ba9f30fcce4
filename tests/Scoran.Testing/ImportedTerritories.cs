using Xunit;
using Microsoft.Extensions.DependencyInjection;
using Scoran.Data;
using Scoran.Observatory.Import.Arcep;
using Scoran.Territories.Import;

namespace Scoran.Testing;

/// <summary>
/// A database holding the whole of France (shared/ decoupage-administratif 6.0.0), the BFC
/// outlines, Arcep's FttH release of T1 2018 and the synthetic « Ma connexion internet » demo files, imported once per test assembly and engine.
/// Tests must only read its data; they may add accounts, under addresses of their own.
/// </summary>
public abstract class ImportedTerritories(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase? _database;

    public DatabaseProvider Provider { get; } = provider;

    public TestDatabase Database => _database ?? throw new InvalidOperationException(SkipReason ?? "not initialised");

    public TerritoriesImportReport TerritoriesReport { get; private set; } = null!;

    public ContoursImportReport ContoursReport { get; private set; } = null!;

    /// <summary>Why this engine is unavailable (tests skip, except on CI where they fail).</summary>
    public string? SkipReason => Provider == DatabaseProvider.Postgres ? TestDatabase.PostgresUnavailableReason : null;

    public async ValueTask InitializeAsync()
    {
        if (SkipReason is not null)
        {
            return;
        }

        _database = await TestDatabase.CreateAsync(Provider, "imported");
        var set = await DecoupageAdministratifSource.ReadAsync(SharedData.Territories);
        await _database.WithScopeAsync(async sp =>
        {
            TerritoriesReport = await sp.GetRequiredService<TerritoriesImporter>().ImportAsync(set);
            ContoursReport = await sp.GetRequiredService<ContoursImporter>().ImportAsync(await ContoursImporter.ReadAsync(SharedData.BfcContourFiles()), "shared/data/geo/france-geojson");
            var ftth = Path.Combine(SharedData.Root, "data", "ftth", "arcep-observatoire-2018T1");
            await sp.GetRequiredService<ArcepFtthImporter>().ImportAsync(await ArcepFtthImporter.ReadAsync(
                Path.Combine(ftth, ArcepFtthImporter.DeploymentFileName), Path.Combine(ftth, ArcepFtthImporter.InformationFileName)));
            await sp.GetRequiredService<Scoran.Observatory.Commitments.CommitmentImporter>().ImportAsync(
                await Scoran.Observatory.Commitments.CommitmentImporter.ReadAsync(Path.Combine(ftth, ArcepFtthImporter.InformationFileName)));
            foreach (var file in SharedData.ConnexionDemoFiles())
            {
                await sp.GetRequiredService<Scoran.Observatory.Connexion.ConnexionImporter>().ImportAsync(await Scoran.Observatory.Connexion.ConnexionFiles.ReadAsync(file));
            }
        });
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
