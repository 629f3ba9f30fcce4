using System.Diagnostics;
using BenchmarkDotNet.Running;
using Microsoft.Extensions.DependencyInjection;
using Scoran.Territories.Queries;

namespace Scoran.Benchmarks;

/// <summary>
/// Prepares the search databases (France + BFC outlines, on SQLite and, when
/// <c>SCORAN_TEST_POSTGRES</c> is set, PostgreSQL), prints what each query returns, runs
/// <see cref="SearchBenchmarks"/> and drops the databases (unless <c>--keep</c>).
/// </summary>
public static class SearchMode
{
    /// <summary>The values of <see cref="SearchBenchmarks.Query"/>.</summary>
    public static IReadOnlyList<string> Queries { get; } = typeof(SearchBenchmarks).GetProperty(nameof(SearchBenchmarks.Query))!
        .GetCustomAttributes(typeof(BenchmarkDotNet.Attributes.ParamsAttribute), false)
        .Cast<BenchmarkDotNet.Attributes.ParamsAttribute>().Single().Values.Cast<string>().ToList();

    public static async Task<int> RunAsync(bool keep, string[] benchmarkArgs)
    {
        var databases = BenchDatabase.Providers().Select(p => BenchDatabase.For(p, SearchBenchmarks.DatabaseName)).ToList();
        try
        {
            foreach (var database in databases)
            {
                Console.WriteLine($"== Preparing {database.Describe()}: France + BFC outlines");
                await database.RecreateAsync();
                var set = await FranceData.ReadAsync();
                await using var services = database.Services();
                var stopwatch = Stopwatch.StartNew();
                var report = await FranceData.ImportTerritoriesAsync(services, set);
                var contours = await FranceData.ImportContoursAsync(services);
                await database.AnalyzeAsync();
                Console.WriteLine($"   {report.Territories} territories, {report.PostalCodes} postal codes, {report.Aliases} former codes, " +
                                  $"{contours.ContoursStored} outlines, in {stopwatch.Elapsed.TotalSeconds:F1} s");

                foreach (var query in Queries)
                {
                    await using var scope = services.CreateAsyncScope();
                    var hits = await scope.ServiceProvider.GetRequiredService<TerritoryQueries>().SearchAsync(query);
                    var top = string.Join("; ", hits.Take(3).Select(h => $"{h.Territory.Kind} {h.Territory.Code} {h.Territory.Name} ({h.MatchedOn})"));
                    Console.WriteLine($"   \"{query}\": {hits.Count} hits — {top}");
                }
            }

            var summary = BenchmarkRunner.Run<SearchBenchmarks>(args: benchmarkArgs);
            return summary.HasCriticalValidationErrors || summary.Reports.Any(r => !r.Success) ? 1 : 0;
        }
        finally
        {
            if (!keep)
            {
                foreach (var database in databases)
                {
                    await database.DropAsync();
                }
            }
        }
    }
}
