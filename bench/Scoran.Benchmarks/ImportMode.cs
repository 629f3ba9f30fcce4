using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Scoran.Data;

namespace Scoran.Benchmarks;

/// <summary>
/// Times the imports with a Stopwatch, <c>runs</c> times per engine, each run on a freshly
/// created and migrated database (creation and migration are not timed):
/// <list type="number">
/// <item>read: <c>DecoupageAdministratifSource.ReadAsync</c> of the whole of France;</item>
/// <item>import: <c>TerritoriesImporter.ImportAsync(force: true)</c> into the empty database;</item>
/// <item>contours: <c>ContoursImporter.ReadAsync</c> + <c>ImportAsync(force: true)</c> of the ten BFC files of data/contours/bfc;</item>
/// <item>re-import: read + import with force again, over the populated database (nothing changes).</item>
/// </list>
/// </summary>
public static class ImportMode
{
    private static readonly string[] Steps =
    [
        "Read France (ReadAsync)",
        "Import France into empty DB (ImportAsync, force)",
        "France total: read + import",
        "Contours BFC (ContoursImporter)",
        "Re-import France over itself (read + import, force)",
    ];

    public static async Task<int> RunAsync(int runs, IReadOnlyList<DatabaseProvider> engines)
    {
        var output = new StringBuilder();
        foreach (var engine in engines)
        {
            var database = BenchDatabase.For(engine, "import");
            var seconds = Steps.ToDictionary(s => s, _ => new List<double>());
            var allocated = Steps.ToDictionary(s => s, _ => new List<double>());
            try
            {
                for (var run = 1; run <= runs; run++)
                {
                    await database.RecreateAsync();
                    await using var services = database.Services();

                    var set = await TimeAsync(Steps[0], FranceData.ReadAsync);
                    var report = await TimeAsync(Steps[1], () => FranceData.ImportTerritoriesAsync(services, set));
                    seconds[Steps[2]].Add(seconds[Steps[0]][^1] + seconds[Steps[1]][^1]);
                    allocated[Steps[2]].Add(allocated[Steps[0]][^1] + allocated[Steps[1]][^1]);
                    if (report.Created != set.Territories.Count)
                    {
                        throw new InvalidOperationException($"expected {set.Territories.Count} territories created, got {report.Created}");
                    }

                    var contours = await TimeAsync(Steps[3], () => FranceData.ImportContoursAsync(services));
                    var again = await TimeAsync(Steps[4], async () => await FranceData.ImportTerritoriesAsync(services, await FranceData.ReadAsync()));
                    if (again.Skipped || again.Created != 0 || again.Updated != 0 || again.MarkedObsolete != 0)
                    {
                        throw new InvalidOperationException("the forced re-import of the same content changed something");
                    }

                    Console.WriteLine($"{database.Describe()} run {run}/{runs}: " +
                                      string.Join(", ", Steps.Select(s => $"{Short(s)} {seconds[s][^1]:F2} s")) +
                                      $" — {report.Territories} territories, {report.PostalCodes} postal codes, {report.Aliases} former codes, " +
                                      $"{contours.FeaturesRead} outlines read, {contours.ContoursStored} stored");
                }
            }
            finally
            {
                await database.DropAsync();
            }

            output.AppendLine(CultureInfo.InvariantCulture, $"### {database.Describe()} — {runs} runs");
            output.AppendLine();
            output.AppendLine("| Step | " + string.Join(" | ", Enumerable.Range(1, runs).Select(r => $"Run {r}")) + " | Min | Median | Max | Allocated (median) |");
            output.AppendLine("|---|" + string.Concat(Enumerable.Repeat("---:|", runs + 4)));
            foreach (var step in Steps)
            {
                var values = seconds[step];
                output.AppendLine(CultureInfo.InvariantCulture,
                    $"| {step} | {string.Join(" | ", values.Select(v => $"{v:F2} s"))} | {values.Min():F2} s | {Median(values):F2} s | {values.Max():F2} s | {Median(allocated[step]):F0} MB |");
            }

            output.AppendLine();

            async Task<T> TimeAsync<T>(string step, Func<Task<T>> action)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                GC.Collect();
                var before = GC.GetTotalAllocatedBytes(precise: true);
                var stopwatch = Stopwatch.StartNew();
                var result = await action();
                stopwatch.Stop();
                seconds[step].Add(stopwatch.Elapsed.TotalSeconds);
                allocated[step].Add((GC.GetTotalAllocatedBytes(precise: true) - before) / 1024.0 / 1024.0);
                return result;
            }
        }

        var text = output.ToString();
        Console.WriteLine();
        Console.WriteLine(text);
        Console.WriteLine($"Peak working set of this process: {Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024} MB");
        var file = Path.Combine(BenchPaths.ArtifactsFolder("benchmarks"), "import-results.md");
        await File.WriteAllTextAsync(file, text);
        Console.WriteLine($"Written to {file}");
        return 0;
    }

    private static string Short(string step) => step.Split(' ')[0].ToLowerInvariant() switch
    {
        "read" => "read",
        "import" => "import",
        "france" => "total",
        "contours" => "contours",
        _ => "re-import",
    };

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
