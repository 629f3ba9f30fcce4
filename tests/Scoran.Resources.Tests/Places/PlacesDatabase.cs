using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scoran.Data;
using Scoran.Resources;
using Scoran.Resources.Places;
using Scoran.Territories;
using Scoran.Territories.Import;
using Scoran.Testing;

namespace Scoran.Resources.Tests.Places;

/// <summary>
/// A database of its own per engine: France's territories, the BFC outlines, and the real France
/// Services list (shared/data/inclusion) imported once. Tests must only read it.
/// </summary>
public abstract class PlacesDatabase(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase? _database;

    public DatabaseProvider Provider { get; } = provider;

    public TestDatabase Database => _database ?? throw new InvalidOperationException("not initialised");

    public static string FranceServicesFile => Path.Combine(SharedData.Root, "data", "inclusion", "france-services", "liste-fs-20221201.csv");

    public PlaceImportReport Report { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        if (Provider == DatabaseProvider.Postgres && TestDatabase.PostgresUnavailableReason is not null)
        {
            return;
        }

        _database = await TestDatabase.CreateAsync(Provider, "places", TestTemplates.FranceWithBfcOutlines);
        var file = await PlaceFiles.ReadAsync(FranceServicesFile);
        await WithScopeAsync(async sp =>
        {
            Report = await sp.GetRequiredService<PlaceImporter>().ImportAsync(file);
        });
    }

    /// <summary>The services the web host gives the resources capability, on this database.</summary>
    public ServiceProvider Services()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddScoranTestData(Database.Storage);
        services.AddTerritories();
        services.AddResources();
        return services.BuildServiceProvider();
    }

    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var services = Services();
        await using var scope = services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    public Task WithScopeAsync(Func<IServiceProvider, Task> action) => WithScopeAsync<bool>(async sp =>
    {
        await action(sp);
        return true;
    });

    public Task<T> WithDbAsync<T>(Func<DbContext, Task<T>> action) => WithScopeAsync(sp => action(sp.GetRequiredService<ScoranDbContext>()));

    public async ValueTask DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}

public sealed class SqlitePlacesDatabase() : PlacesDatabase(DatabaseProvider.Sqlite);

public sealed class PostgresPlacesDatabase() : PlacesDatabase(DatabaseProvider.Postgres);
