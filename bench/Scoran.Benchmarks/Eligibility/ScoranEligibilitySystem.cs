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
/// with its grid index, store the sums and the provenance — and lookups through the
/// <see cref="EligibilityStore"/> the requests use; over HTTP, the product's own
/// <c>GET /api/eligibility?lat=&amp;lon=</c> (EligibilityApi) served by Kestrel on loopback.
/// </summary>
public sealed class ScoranEligibilitySystem : IEligibilitySystem
{
    public const string Vintage = "2099T4";

    private readonly string _database = Path.Combine(BenchPaths.ArtifactsFolder("benchmarks"), "bench-eligibility.db");
    private WebApplication? _app;
    private bool _started;
    private EligibilityStore? _store;
    private IReadOnlyList<EligibilityCommuneStat> _stats = [];

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

        _app = ScoranWebApp.Build(
        [
            "--urls", "http://127.0.0.1:0",
            "--environment", "Production",
            "--Scoran:Database:Provider", "sqlite",
            "--ConnectionStrings:Scoran", $"Data Source={_database}",
            "--Scoran:MigrateOnStart", "true",
            // One log line per request would measure the console, not the lookup.
            "--Logging:LogLevel:Default", "Warning",
            "--Logging:LogLevel:Microsoft.AspNetCore", "Warning",
        ]);
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

    public async Task<string> StartHttpAsync(CancellationToken cancellationToken)
    {
        // BENCH ROUTE until the product's API exists: what EligibilityQueries answers for a point.
        var app = _app!;
        await app.StartAsync(cancellationToken);
        _started = true;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return address + "/api/eligibility?lat={lat}&lon={lon}";
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            if (_started)
            {
                await ((IHost)_app).StopAsync();
            }

            await _app.DisposeAsync();
        }
    }
}
