using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Scoran.Territories.Queries;

namespace Scoran.Benchmarks;

/// <summary>
/// Diagnostic companion of the search benchmark: imports France into a scratch database, then for
/// each benchmark query prints the SQL commands SearchAsync sends and how long each took (EF Core's
/// own "Executed DbCommand" timings, after warm-up), to see where the time goes.
/// </summary>
public static class ExplainMode
{
    public static async Task<int> RunAsync()
    {
        foreach (var provider in BenchDatabase.Providers())
        {
            var database = BenchDatabase.For(provider, "explain");
            try
            {
                await database.RecreateAsync();
                await using (var services = database.Services())
                {
                    await FranceData.ImportTerritoriesAsync(services, await FranceData.ReadAsync());
                    await FranceData.ImportContoursAsync(services);
                }

                await database.AnalyzeAsync();
                var log = new SqlLog();
                var collection = new ServiceCollection();
                collection.AddLogging(b => b.AddProvider(log));
                Scoran.Data.DataModule.AddScoranData(collection, database.Storage);
                Scoran.Territories.TerritoriesModule.AddTerritories(collection);
                await using var provided = collection.BuildServiceProvider();

                Console.WriteLine($"## {database.Describe()}");
                foreach (var query in SearchMode.Queries)
                {
                    for (var i = 0; i < 20; i++)
                    {
                        log.Clear();
                        await Search(provided, query);
                    }

                    var stopwatch = Stopwatch.StartNew();
                    log.Clear();
                    var count = await Search(provided, query);
                    stopwatch.Stop();
                    Console.WriteLine($"### \"{query}\": {count} hits, {stopwatch.Elapsed.TotalMilliseconds:F1} ms in all");
                    foreach (var message in log.Messages)
                    {
                        Console.WriteLine(message);
                        Console.WriteLine();
                    }
                }
            }
            finally
            {
                await database.DropAsync();
            }
        }

        return 0;

        static async Task<int> Search(ServiceProvider services, string query)
        {
            await using var scope = services.CreateAsyncScope();
            return (await scope.ServiceProvider.GetRequiredService<TerritoryQueries>().SearchAsync(query)).Count;
        }
    }
}
