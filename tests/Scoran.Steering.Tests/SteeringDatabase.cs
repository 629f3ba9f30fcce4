using Microsoft.Extensions.DependencyInjection;
using Scoran.Data;
using Scoran.Observatory;
using Scoran.Steering;
using Scoran.Steering.Exchange;
using Scoran.Territories;
using Scoran.Territories.Import;
using Scoran.Testing;

namespace Scoran.Steering.Tests;

/// <summary>The services of the steering capability over a test database (TestDatabase.Services() knows only the observatory's).</summary>
internal static class SteeringDatabase
{
    public static CancellationToken Token => TestContext.Current.CancellationToken;

    public static string StrategyFolder => Path.Combine(SharedData.RepositoryRoot, "data", "strategy");

    public static async Task<T> SteeringScopeAsync<T>(this TestDatabase database, Func<IServiceProvider, Task<T>> action, TimeProvider? clock = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddScoranTestData(database.Storage);
        services.AddTerritories();
        services.AddObservatory();
        services.AddSteering();
        if (clock is not null)
        {
            services.AddSingleton(clock);
        }

        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    /// <summary>Loads data/strategy as the default run does (scoran strategy import).</summary>
    public static Task<List<StrategyImportReport>> ImportReferenceAsync(this TestDatabase database) => database.SteeringScopeAsync(async sp =>
    {
        var reports = new List<StrategyImportReport>();
        foreach (var file in Directory.GetFiles(StrategyFolder, "*.json").Order(StringComparer.Ordinal))
        {
            reports.Add(await sp.GetRequiredService<StrategyStore>().ImportAsync(await StrategyFiles.ReadAsync(file, Token), Path.GetFileName(file), "système", Token));
        }

        return reports;
    });
}
