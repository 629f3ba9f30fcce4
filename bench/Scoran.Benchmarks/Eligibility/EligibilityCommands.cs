using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Text;
using System.Text.Json;

namespace Scoran.Benchmarks.Eligibility;

/// <summary>
/// <c>eligibility-generate</c>, <c>eligibility</c> (the harness) and <c>eligibility-load</c>
/// (the HTTP load generator, run by the harness as a child process).
/// </summary>
public static class EligibilityCommands
{
    public const ulong DefaultSeed = 20261130;

    public static int Generate(string[] args)
    {
        var options = Options.Parse(args);
        if (options is null)
        {
            return 2;
        }

        EligibilityGenerator.Generate(options.Folder, options.Buildings, options.Seed, options.Queries, Console.Out);
        return 0;
    }

    public static async Task<int> LoadAsync(string[] args)
    {
        string? url = null, queries = null;
        int[] rates = [1000];
        var connections = 128;
        double seconds = 10, warmup = 5;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--url": url = args[i + 1]; break;
                case "--queries": queries = args[i + 1]; break;
                case "--rates": rates = [.. args[i + 1].Split(',').Select(r => int.Parse(r, CultureInfo.InvariantCulture))]; break;
                case "--warmup": warmup = double.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--seconds": seconds = double.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--connections": connections = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                default:
                    Console.Error.WriteLine($"unknown option {args[i]}");
                    return 2;
            }
        }

        if (url is null || queries is null)
        {
            Console.Error.WriteLine("usage: eligibility-load --url 'http://127.0.0.1:5080/api/eligibility?lat={lat}&lon={lon}' --queries queries.csv [--rates 1000,2000,5000] [--seconds 10] [--warmup 5] [--connections 128]" +
                                    " (prints one JSON array: the warm-up at the first rate, then each rate)");
            return 2;
        }

        var points = HttpLoad.ReadQueries(queries, 200_000);
        var results = await HttpLoad.RunSeriesAsync(url, points, rates, seconds, warmup, connections);
        Console.WriteLine(JsonSerializer.Serialize(results));
        return 0;
    }

    public static async Task<int> RunAsync(string[] args)
    {
        var options = Options.Parse(args);
        if (options is null)
        {
            return 2;
        }

        var report = new Report();
        report.Line($"Machine: {Environment.ProcessorCount} logical CPUs, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1e9:F1} GB available to .NET, " +
                    $".NET {Environment.Version}, {(GCSettings.IsServerGC ? "server" : "workstation")} GC, load average at start {LoadAverage()}");

        // 1. The files: reused when a previous run wrote them with the same arguments.
        var manifest = EligibilityGenerator.ReadManifest(options.Folder);
        if (manifest is null || manifest.Buildings != options.Buildings || manifest.Seed != options.Seed || manifest.Version != EligibilityGenerator.FormatVersion)
        {
            manifest = EligibilityGenerator.Generate(options.Folder, options.Buildings, options.Seed, options.Queries, Console.Out);
            report.Figure("Generation (not part of the goals)", $"{manifest.Seconds:F1} s", "");
        }
        else
        {
            Console.WriteLine($"reusing the files of {options.Folder}");
        }

        report.Line($"Files: {manifest.Buildings:N0} buildings ({manifest.BuildingsBytes / 1e9:F2} GB), {manifest.EligibilityRows:N0} eligibility rows " +
                    $"({manifest.EligibilityBytes / 1e9:F2} GB), {manifest.Premises:N0} premises, {manifest.Communes:N0} communes; seed {manifest.Seed}");
        var totalRows = manifest.Buildings + manifest.EligibilityRows;
        var queries = HttpLoad.ReadQueries(Path.Combine(options.Folder, EligibilityFormat.QueriesFile), options.Lookups);

        await using var system = options.CreateSystem(); // disposed early, before DuckDB; disposing twice is harmless
        report.Line($"System under test: {system.Name}");
        Console.WriteLine("prepare (not timed)…");
        await system.PrepareAsync(CancellationToken.None);
        Collect();
        var baseline = Process.GetCurrentProcess().WorkingSet64;

        // 2. Import end to end.
        Console.WriteLine("import…");
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var stopwatch = Stopwatch.StartNew();
        var imported = await system.ImportAsync(options.Folder, CancellationToken.None);
        stopwatch.Stop();
        var importSeconds = stopwatch.Elapsed.TotalSeconds;
        var importCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
        var rate = totalRows / importSeconds;
        report.Figure("Import end to end (parse, validate, aggregate, index)", $"{importSeconds:F1} s",
            $"{rate / 1e6:F2} M rows/s, {totalRows / importCpu / 1e6:F2} M rows per CPU-second ({totalRows:N0} rows: buildings + eligibility), CPU {importCpu:F0} s ({importCpu / importSeconds:F2} cores); {imported.Notes}");
        report.Goal("Import ≥ 1 million rows/s", rate >= 1e6, $"{rate / 1e6:F2} M rows/s");
        if (imported.Buildings != manifest.Buildings || imported.EligibilityRows != manifest.EligibilityRows)
        {
            report.Line($"**Count mismatch**: imported {imported.Buildings:N0} buildings / {imported.EligibilityRows:N0} rows, generated {manifest.Buildings:N0} / {manifest.EligibilityRows:N0}");
        }

        // 3. Memory with the national data resident.
        Collect();
        var process = Process.GetCurrentProcess();
        var workingSet = process.WorkingSet64;
        var heap = GC.GetTotalMemory(forceFullCollection: true);
        report.Figure("Importing process after import (full GC)", $"{workingSet / 1e9:F2} GB working set",
            $"GC heap {heap / 1e9:F2} GB, private {process.PrivateMemorySize64 / 1e9:F2} GB, working set before import {baseline / 1e9:F2} GB, peak {process.PeakWorkingSet64 / 1e9:F2} GB");
        var gcInfo = GC.GetGCMemoryInfo();
        report.Line($"GC after import: heap {gcInfo.HeapSizeBytes / 1e9:F2} GB, fragmented {gcInfo.FragmentedBytes / 1e9:F2} GB, committed {gcInfo.TotalCommittedBytes / 1e9:F2} GB");

        // 4. Recomputation of every indicator.
        var recompute = new List<double>();
        for (var i = 0; i < 3; i++)
        {
            stopwatch.Restart();
            await system.RecomputeAsync(CancellationToken.None);
            recompute.Add(stopwatch.Elapsed.TotalSeconds);
        }

        report.Figure("Full recomputation of the indicators", $"{recompute.Order().ElementAt(1):F2} s", $"median of 3 ({string.Join(", ", recompute.Select(r => r.ToString("F2", CultureInfo.InvariantCulture)))} s)");

        // 5. In-process lookups.
        var ticks = new long[queries.Count];
        var found = 0;
        for (var i = 0; i < Math.Min(10_000, queries.Count); i++)
        {
            system.Nearest(queries[i].Lat, queries[i].Lon);
        }

        stopwatch.Restart();
        for (var i = 0; i < queries.Count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            var building = system.Nearest(queries[i].Lat, queries[i].Lon);
            ticks[i] = Stopwatch.GetTimestamp() - start;
            found += building >= 0 ? 1 : 0;
        }

        stopwatch.Stop();
        var inProcess = LatencySummary.FromTimestamps(ticks, queries.Count);
        report.Figure($"Lookups in process ({queries.Count:N0}, one thread)", $"p50 {inProcess.P50Ms * 1000:F1} µs, p99 {inProcess.P99Ms * 1000:F1} µs",
            $"p99.9 {inProcess.P999Ms * 1000:F0} µs, max {inProcess.MaxMs:F2} ms, {queries.Count / stopwatch.Elapsed.TotalSeconds:N0} lookups/s, {found:N0} found");

        // Worst case: points at sea, far from every building (not part of the mix above).
        var sea = new SplitMix64(options.Seed);
        var far = Enumerable.Range(0, 10).Select(_ => (Lat: 44.5 + sea.NextDouble() * 2, Lon: -7.5 + sea.NextDouble() * 2)).ToList();
        var farTicks = new long[far.Count];
        for (var i = 0; i < far.Count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            system.Nearest(far[i].Lat, far[i].Lon);
            farTicks[i] = Stopwatch.GetTimestamp() - start;
        }

        var farSummary = LatencySummary.FromTimestamps(farTicks, far.Count);
        report.Figure("Lookups at sea, 150–400 km from any building (10, worst case)", $"p50 {farSummary.P50Ms:F1} ms, max {farSummary.MaxMs:F1} ms",
            "Bay of Biscay, 44.5–46.5° N, 5.5–7.5° W: not in the query mix above");

        // 6. HTTP lookups under an open-loop load from a child process.
        if (options.Rates.Length > 0)
        {
            var target = await system.StartHttpAsync(CancellationToken.None);
            var url = target.UrlTemplate;
            Console.WriteLine($"serving {url}");
            if (target.Memory is { } served)
            {
                report.Figure("Serving process: snapshot loaded from file (fresh process, full GC)", $"{served.WorkingSet / 1e9:F2} GB working set",
                    $"GC heap {served.GcHeap / 1e9:F2} GB, GC committed {served.GcCommitted / 1e9:F2} GB, {served.Buildings:N0} buildings loaded in {served.LoadSeconds:F1} s");
                report.Goal("National data resident in ≤ 4 GB (serving process)", served.WorkingSet <= 4e9, $"{served.WorkingSet / 1e9:F2} GB working set");
            }

            // One client process for the series: a warm-up at the first rate (not recorded: tiered
            // JIT of the request path on both sides, connection pool), then each rate.
            Console.WriteLine($"HTTP: warm-up 10 s, then {string.Join(", ", options.Rates)} req/s for {options.Seconds} s each…");
            using (var probe = new HttpClient())
            {
                var body = await probe.GetByteArrayAsync(HttpLoad.Url(url, queries[0]));
                report.Line($"One answer of {url.Split('?')[0]}: {body.Length:N0} bytes of JSON (uncompressed).");
            }

            var serverCpuBefore = target.ServerCpu();
            var loads = await HttpLoad.RunInChildAsync(url, Path.Combine(options.Folder, EligibilityFormat.QueriesFile), options.Rates, options.Seconds, 10, options.Connections);
            foreach (var load in loads)
            {
                var warm = ReferenceEquals(load, loads[0]);
                report.Figure(warm ? $"HTTP warm-up at {load.TargetRate:N0} req/s for 10 s (not a result)" : $"HTTP lookups at {load.TargetRate:N0} req/s for {options.Seconds} s",
                    $"p50 {load.Latency.P50Ms:F2} ms, p99 {load.Latency.P99Ms:F2} ms",
                    $"max {load.Latency.MaxMs:F1} ms, service time p99 {load.ServiceTime.P99Ms:F2} ms, achieved {load.AchievedRate:N0}/s, {load.NotOk:N0} answers other than 200, {load.Failed:N0} errors{(load.FirstError is null ? "" : " (" + load.FirstError + ")")}");
                if (!warm && load.TargetRate == 5000)
                {
                    report.Goal("HTTP p99 < 5 ms at 5,000 req/s", load.Latency.P99Ms < 5 && load.Failed == 0 && load.AchievedRate >= 0.95 * load.TargetRate,
                        $"p99 {load.Latency.P99Ms:F2} ms, achieved {load.AchievedRate:N0}/s, {load.Failed} errors");
                }
            }

            var serverCpu = (target.ServerCpu() - serverCpuBefore).TotalSeconds;
            var requests = loads.Sum(l => l.Sent);
            report.Figure("Server CPU per HTTP request (whole series, warm-up included)", $"{serverCpu / requests * 1e6:F0} µs",
                $"{serverCpu:F0} CPU s for {requests:N0} requests: at most {requests / serverCpu:N0} req/s per core, whatever the load of the machine");
            report.Line($"Load average after HTTP: {LoadAverage()}");
        }

        // 7. The peer, last: its native memory would otherwise count in the figures above. The
        // system under test is shut down first (its serving process holds the national snapshot).
        var ours = system.CommuneAggregates();
        await system.DisposeAsync();
        if (!options.SkipDuckDb)
        {
            Console.WriteLine("DuckDB…");
            var duckCpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var duck = DuckDbPeer.Run(options.Folder, options.DuckDbThreads);
            var duckCpu = (Process.GetCurrentProcess().TotalProcessorTime - duckCpuBefore).TotalSeconds;
            report.Figure("DuckDB read_csv + join + group by commune", $"{duck.Seconds:F1} s",
                $"CPU {duckCpu:F0} s ({duckCpu / duck.Seconds:F2} cores, {totalRows / duckCpu / 1e6:F2} M rows per CPU-second), {duck.Version}, {duck.Threads} threads, {duck.Communes:N0} communes, {duck.Buildings:N0} buildings, {duck.EligibilityRows:N0} rows");
            var ratio = importSeconds / duck.Seconds;
            report.Figure("Ratio Scoran import / DuckDB", $"{ratio:F2}", $"≤ 1.0 means Scoran is not slower; in CPU seconds {importCpu / duckCpu:F2}");
            report.Goal("Import + aggregation no slower than DuckDB (ratio ≤ 1.0)", ratio <= 1.0, $"ratio {ratio:F2}");

            var differing = duck.Aggregates.Count(d => !ours.TryGetValue(d.Key, out var mine) || !mine.SameAs(d.Value)) + ours.Keys.Count(k => !duck.Aggregates.ContainsKey(k));
            report.Line(differing == 0
                ? $"Cross-check: the {duck.Communes:N0} communes' aggregates are identical on both sides."
                : $"**Cross-check: {differing:N0} communes differ** between {system.Name} and DuckDB.");
        }

        report.Line($"Load average at end: {LoadAverage()}");
        var text = report.ToMarkdown();
        Console.WriteLine();
        Console.WriteLine(text);
        var file = Path.Combine(BenchPaths.ArtifactsFolder("benchmarks"), $"eligibility-{options.Buildings}.md");
        await File.WriteAllTextAsync(file, text);
        Console.WriteLine($"Written to {file}");
        return 0;
    }

    private static void Collect()
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private sealed class Report
    {
        private readonly List<string> _lines = [];
        private readonly List<(string Step, string Value, string Detail)> _figures = [];
        private readonly List<(string Goal, bool Met, string Measured)> _goals = [];

        public void Line(string line)
        {
            Console.WriteLine(line);
            _lines.Add(line);
        }

        public void Figure(string step, string value, string detail)
        {
            Console.WriteLine($"{step}: {value} — {detail}");
            _figures.Add((step, value, detail));
        }

        public void Goal(string goal, bool met, string measured) => _goals.Add((goal, met, measured));

        public string ToMarkdown()
        {
            var text = new StringBuilder();
            foreach (var line in _lines)
            {
                text.AppendLine(line).AppendLine();
            }

            text.AppendLine("| Step | Result | Detail |").AppendLine("|---|---:|---|");
            foreach (var (step, value, detail) in _figures)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"| {step} | {value} | {detail} |");
            }

            text.AppendLine().AppendLine("| Goal | Met | Measured |").AppendLine("|---|---|---|");
            foreach (var (goal, met, measured) in _goals)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"| {goal} | {(met ? "yes" : "**no**")} | {measured} |");
            }

            return text.ToString();
        }
    }

    private sealed record Options(
        long Buildings, string Folder, ulong Seed, int Queries, int Lookups, int[] Rates, double Seconds, int Connections,
        bool SkipDuckDb, int? DuckDbThreads, string System)
    {
        public IEligibilitySystem CreateSystem() => System switch
        {
            "stub" => new StubEligibilitySystem(),
            "scoran" => new ScoranEligibilitySystem(),
            _ => throw new InvalidOperationException($"unknown --system {System}"),
        };

        public static Options? Parse(string[] args)
        {
            long buildings = 20_000_000;
            string? folder = null;
            var seed = DefaultSeed;
            var queries = 1_000_000;
            var lookups = 1_000_000;
            int[] rates = [1000, 2000, 5000];
            double seconds = 20;
            var connections = 128;
            var skipDuckDb = false;
            int? duckThreads = null;
            var system = "scoran";
            for (var i = 0; i < args.Length; i++)
            {
                var value = i + 1 < args.Length ? args[i + 1] : null;
                switch (args[i])
                {
                    case "--buildings" when value is not null: buildings = long.Parse(value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture); i++; break;
                    case "--out" when value is not null: folder = Path.GetFullPath(value); i++; break;
                    case "--seed" when value is not null: seed = ulong.Parse(value, CultureInfo.InvariantCulture); i++; break;
                    case "--queries" when value is not null: queries = int.Parse(value, CultureInfo.InvariantCulture); i++; break;
                    case "--lookups" when value is not null: lookups = int.Parse(value, CultureInfo.InvariantCulture); i++; break;
                    case "--rates" when value is not null:
                        rates = value.Length == 0 || value == "none" ? [] : [.. value.Split(',').Select(r => int.Parse(r, CultureInfo.InvariantCulture))];
                        i++;
                        break;
                    case "--seconds" when value is not null: seconds = double.Parse(value, CultureInfo.InvariantCulture); i++; break;
                    case "--connections" when value is not null: connections = int.Parse(value, CultureInfo.InvariantCulture); i++; break;
                    case "--duckdb-threads" when value is not null: duckThreads = int.Parse(value, CultureInfo.InvariantCulture); i++; break;
                    case "--system" when value is not null: system = value; i++; break;
                    case "--skip-duckdb": skipDuckDb = true; break;
                    default:
                        Console.Error.WriteLine($"unknown option {args[i]}: [--buildings N] [--out DIR] [--seed N] [--queries N] [--lookups N] " +
                                                "[--rates 1000,2000,5000|none] [--seconds S] [--connections C] [--duckdb-threads T] [--skip-duckdb] [--system scoran|stub]");
                        return null;
                }
            }

            folder ??= Path.Combine(BenchPaths.ArtifactsFolder("eligibility"), buildings.ToString(CultureInfo.InvariantCulture));
            return new Options(buildings, folder, seed, queries, lookups, rates, seconds, connections, skipDuckDb, duckThreads, system);
        }
    }
}
