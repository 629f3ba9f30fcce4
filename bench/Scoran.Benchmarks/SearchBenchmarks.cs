using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Scoran.Data;
using Scoran.Territories.Queries;

namespace Scoran.Benchmarks;

/// <summary>
/// Latency of <see cref="TerritoryQueries.SearchAsync"/> on a database holding the whole of
/// France plus the BFC outlines (prepared once by <see cref="SearchMode"/> before BenchmarkDotNet
/// starts its child processes). One operation is one web request's worth of work: a fresh DI
/// scope (so a fresh DbContext, connection taken from the pool), then the search with the
/// defaults of the API (any kind, 20 results).
/// </summary>
[Config(typeof(Config))]
public class SearchBenchmarks
{
    public const string DatabaseName = "search";

    private ServiceProvider? _services;

    public static IEnumerable<DatabaseProvider> Engines() => BenchDatabase.Providers();

    [ParamsSource(nameof(Engines))]
    public DatabaseProvider Engine { get; set; }

    [Params("besancon", "saint", "25000", "25056", "grand besancon", "s")]
    public string Query { get; set; } = "";

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var database = BenchDatabase.For(Engine, DatabaseName);
        if (await database.CountTerritoriesAsync() == 0)
        {
            throw new InvalidOperationException(
                $"{database.Describe()} holds no territories: run the benchmarks through 'dotnet run -c Release --project bench/Scoran.Benchmarks -- search', which imports France first.");
        }

        _services = database.Services();
    }

    [Benchmark(Description = "SearchAsync")]
    public async Task<int> SearchAsync()
    {
        await using var scope = _services!.CreateAsyncScope();
        var hits = await scope.ServiceProvider.GetRequiredService<TerritoryQueries>().SearchAsync(Query);
        return hits.Count;
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }
    }

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            // A short job: one launch, 3 warm-up and 5 measured iterations of ~0.5 s each per case.
            AddJob(Job.ShortRun.WithIterationCount(5).WithId("Short"));
            AddDiagnoser(MemoryDiagnoser.Default);
            AddColumn(StatisticColumn.Median, StatisticColumn.Min, StatisticColumn.Max, StatisticColumn.P95);
            ArtifactsPath = Path.Combine(BenchPaths.ArtifactsFolder("benchmarks"), "BenchmarkDotNet.Artifacts");
        }
    }
}
