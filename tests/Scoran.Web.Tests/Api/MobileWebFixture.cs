using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Scoran.Data;
using Scoran.Observatory.Mobile;
using Scoran.Territories.Import;
using Scoran.Testing;

namespace Scoran.Web.Tests.Api;

/// <summary>
/// A database of its own holding France, the BFC outlines and the shipped SYNTHETIC mobile demo
/// files (the shared fixture has no mobile data, and these tests must not change it).
/// </summary>
public abstract class MobileWebFixture(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase? _database;

    public DatabaseProvider Provider => provider;

    public TestDatabase Database => _database ?? throw new InvalidOperationException("not initialised");

    public static string AntennaFixture => Path.Combine(SharedData.RepositoryRoot, "tests", "Scoran.Observatory.Tests", "Mobile", "Fixtures", "Sites_mobiles_2G_3G_4G_BFC_L93_extrait-invente.csv");

    public static string DemoFolder => Path.Combine(SharedData.RepositoryRoot, "data", "arcep", "mobile-demo");

    public static string DemoAntennaList => Path.Combine(DemoFolder, "sites-antennes-l93_2025T4_synthetique.csv");

    /// <summary>Whether the database also holds the SYNTHETIC demo antenna list (the antenna-layer browser test).</summary>
    protected virtual bool DemoAntennas => false;

    public async ValueTask InitializeAsync()
    {
        if (provider == DatabaseProvider.Postgres && TestDatabase.PostgresUnavailableReason is not null)
        {
            return;
        }

        _database = await TestDatabase.CreateAsync(provider, "mobileweb", TestTemplates.FranceWithBfcOutlines);
        var mappings = await MobileMappings.LoadAsync(Directory.GetFiles(Path.Combine(SharedData.RepositoryRoot, "data", "arcep", "mobile-mappings"), "*.json"));
        await _database.WithScopeAsync(async sp =>
        {
            foreach (var path in Directory.GetFiles(DemoFolder, "*.csv").Order(StringComparer.Ordinal).Where(p => !Path.GetFileName(p).StartsWith("sites-antennes", StringComparison.Ordinal)))
            {
                var dataset = Path.GetFileName(path).StartsWith("new-deal", StringComparison.Ordinal) ? MobileDataset.Sites : MobileDataset.Coverage;
                await sp.GetRequiredService<MobileImporter>().ImportAsync(await MobileFiles.ReadAsync(path, dataset, mappings));
            }

            // The verified Arcep L93 site layout, with invented sites (5 placed in BFC communes, 1 in Paris, 1 without position).
            await sp.GetRequiredService<MobileAntennaImporter>().ImportAsync(await MobileFiles.ReadAsync(AntennaFixture, MobileDataset.Antennas, mappings, "2018T1"));
            if (DemoAntennas)
            {
                // The SYNTHETIC demo list (2025T4) after the fixture: the latest list, as ./scoran.sh run shows it.
                await sp.GetRequiredService<MobileAntennaImporter>().ImportAsync(await MobileFiles.ReadAsync(DemoAntennaList, MobileDataset.Antennas, mappings));
            }
        });
    }

    /// <summary>
    /// The application with the given measurements as its only <see cref="IMeasuredQualitySource"/>
    /// (a test double of the contract), or with none when null, whatever the host registers.
    /// </summary>
    public Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> App(IReadOnlyList<CommuneOperatorMeasurements>? measurements,
        IReadOnlyDictionary<string, string>? settings = null) =>
        new ScoranAppFactory(Database.Storage).WithWebHostBuilder(b =>
        {
            foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            {
                b.UseSetting(key, value);
            }

            b.ConfigureTestServices(services =>
        {
            services.RemoveAll<IMeasuredQualitySource>();
            if (measurements is not null)
            {
                services.AddSingleton<IMeasuredQualitySource>(new FixedMeasurements(measurements));
            }
        });
        });

    public async ValueTask DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    /// <summary>Measurements that contradict Orange's announcement in the demo's most covered large commune.</summary>
    public static IReadOnlyList<CommuneOperatorMeasurements> Contradicting(string commune) =>
    [
        new(commune, "20801", "4G", 10, 6, 0, 30.0),
        new(commune, "20801", "aucune", 6, 5, 6, null),
        new(commune, "20810", "4G", 12, 7, 0, 42.0),
    ];

    private sealed class FixedMeasurements(IReadOnlyList<CommuneOperatorMeasurements> rows) : IMeasuredQualitySource
    {
        public Task<IReadOnlyList<CommuneOperatorMeasurements>> ByCommuneAndOperatorAsync(string? territoryCode, DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellationToken = default) =>
            Task.FromResult(rows);
    }
}

public sealed class SqliteMobileWebFixture() : MobileWebFixture(DatabaseProvider.Sqlite);

public sealed class PostgresMobileWebFixture() : MobileWebFixture(DatabaseProvider.Postgres);

/// <summary>The demo coverage and the demo antenna list, as ./scoran.sh run loads them.</summary>
public sealed class SqliteMobileDemoAntennasFixture() : MobileWebFixture(DatabaseProvider.Sqlite)
{
    protected override bool DemoAntennas => true;
}
