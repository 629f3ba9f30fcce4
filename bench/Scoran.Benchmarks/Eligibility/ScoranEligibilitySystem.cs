using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Scoran.Observatory.Eligibility;
using Scoran.Web;

namespace Scoran.Benchmarks.Eligibility;

/// <summary>
/// The product: the Scoran web application (<see cref="ScoranWebApp"/>, as <c>scoran serve</c>
/// hosts it) on an SQLite database under artifacts/benchmarks/, France's territories imported
/// beforehand (not timed), then <see cref="EligibilityImporter"/> end to end from the two files —
/// read and validate, map the commune codes, aggregate per commune, build and write the snapshot
/// with its grid index, store the sums and the provenance — and in-process lookups through the
/// <see cref="EligibilityStore"/> the requests use. HTTP is served the way it runs in production:
/// a fresh process (<c>eligibility-serve</c>, the same <see cref="ScoranWebApp"/> as
/// <c>scoran serve</c>) that loads the snapshot file the import wrote, answering the product's own
/// <c>GET /api/eligibility?lat=&amp;lon=</c> on loopback; its memory is the "resident" figure.
/// </summary>
public sealed class ScoranEligibilitySystem : IEligibilitySystem
{
    public const string Vintage = "2099T4";

    private readonly string _database = Path.Combine(BenchPaths.ArtifactsFolder("benchmarks"), "bench-eligibility.db");
    private WebApplication? _app;
    private EligibilityStore? _store;
    private IReadOnlyList<EligibilityCommuneStat> _stats = [];
    private Process? _server;

    public string Name => "Scoran (EligibilityImporter + EligibilityIndex, SQLite)";

    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        foreach (var suffix in new[] { "", "-journal", "-wal", "-shm" })
        {
            File.Delete(_database + suffix);
        }

        if (Directory.Exists(_database + ".files"))
        {
            Directory.Delete(_database + ".files", recursive: true);
        }

        _app = Build(_database, "http://127.0.0.1:0");
        _store = _app.Services.GetRequiredService<EligibilityStore>();
        await using var services = _app.Services.CreateAsyncScope();
        await services.ServiceProvider.GetRequiredService<Scoran.Territories.Import.TerritoriesImporter>()
            .ImportAsync(await FranceData.ReadAsync(), force: true, cancellationToken: cancellationToken);
    }

    public async Task<ImportFigures> ImportAsync(string folder, CancellationToken cancellationToken)
    {
        await using var scope = _app!.Services.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<EligibilityImporter>().ImportAsync(
            Path.Combine(folder, EligibilityFormat.BuildingsFile), Path.Combine(folder, EligibilityFormat.EligibilityFile),
            Vintage, force: true, cancellationToken: cancellationToken);
        _stats = EligibilityImporter.Aggregate(_store!.Current!.Snapshot);
        return new ImportFigures(report.Buildings, report.EligibilityRows,
            $"read+validate {report.ReadTime.TotalSeconds:F1} s, snapshot+aggregate {report.BuildTime.TotalSeconds:F1} s, write {report.WriteTime.TotalSeconds:F1} s");
    }

    public Task RecomputeAsync(CancellationToken cancellationToken)
    {
        _stats = EligibilityImporter.Aggregate(_store!.Current!.Snapshot);
        return Task.CompletedTask;
    }

    public int Nearest(double latitude, double longitude) => _store!.Current!.Nearest(latitude, longitude) is { } nearest ? nearest.Building : -1;

    public IReadOnlyDictionary<string, CommuneAggregate> CommuneAggregates() => _stats.ToDictionary(
        s => s.CommuneCode,
        s => new CommuneAggregate(s.Buildings, s.Premises,
            [s.PremisesBestInel, s.PremisesBestHd05, s.PremisesBestHd3, s.PremisesBestBhd8, s.PremisesBestThd30, s.PremisesBestThd100, s.PremisesBestThd1g],
            [s.PremisesCu, s.PremisesCoax, s.PremisesFo, s.Premises4gf, s.PremisesThdr, s.PremisesWmx, s.PremisesSat],
            s.PremisesNoWired),
        StringComparer.Ordinal);

    public async Task<HttpTarget> StartHttpAsync(CancellationToken cancellationToken)
    {
        // The importing process's memory says little about serving (import garbage, committed
        // heap the GC keeps): serve from a fresh process, as after `scoran serve` starts.
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, RedirectStandardInput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            start.ArgumentList.Add(typeof(ScoranEligibilitySystem).Assembly.Location);
        }

        start.ArgumentList.Add("eligibility-serve");
        start.ArgumentList.Add(_database);
        _server = Process.Start(start)!;
        while (await _server.StandardOutput.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.StartsWith("{\"Url\"", StringComparison.Ordinal))
            {
                var memory = JsonSerializer.Deserialize<ServerMemory>(line)!;
                var server = _server;
                return new HttpTarget(memory.Url + "/api/eligibility?lat={lat}&lon={lon}", memory, () =>
                {
                    server.Refresh();
                    return server.TotalProcessorTime;
                });
            }
        }

        throw new InvalidOperationException("eligibility-serve ended before serving");
    }

    /// <summary>
    /// <c>eligibility-serve &lt;database&gt;</c>: the web application on that database, the current
    /// snapshot loaded before the first request; prints a <see cref="ServerMemory"/> line, serves
    /// until its standard input closes.
    /// </summary>
    public static async Task<int> ServeAsync(string database)
    {
        var app = Build(database, "http://127.0.0.1:0");
        await app.StartAsync();
        var stopwatch = Stopwatch.StartNew();
        var index = app.Services.GetRequiredService<EligibilityStore>().Current ?? throw new InvalidOperationException("no eligibility snapshot in " + database);
        var loadSeconds = stopwatch.Elapsed.TotalSeconds;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        var info = GC.GetGCMemoryInfo();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var process = Process.GetCurrentProcess();
        Console.WriteLine(JsonSerializer.Serialize(new ServerMemory(address, loadSeconds, process.WorkingSet64, GC.GetTotalMemory(false), info.TotalCommittedBytes, index.Count)));
        await Console.In.ReadToEndAsync();
        await app.StopAsync();
        return 0;
    }

    private static WebApplication Build(string database, string urls) => ScoranWebApp.Build(
    [
        "--urls", urls,
        "--environment", "Production",
        "--Scoran:Database:Provider", "sqlite",
        "--ConnectionStrings:Scoran", $"Data Source={database}",
        "--Scoran:MigrateOnStart", "true",
        // One log line per request would measure the console, not the lookup.
        "--Logging:LogLevel:Default", "Warning",
        "--Logging:LogLevel:Microsoft.AspNetCore", "Warning",
        "--Logging:LogLevel:Microsoft.AspNetCore.DataProtection", "Error",
    ]);

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            _server.StandardInput.Close();
            await _server.WaitForExitAsync();
            _server.Dispose();
            _server = null;
        }

        if (_app is not null)
        {
            await _app.DisposeAsync();
            _app = null;
        }
    }
}
