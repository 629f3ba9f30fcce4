using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using Scoran.Data;
using Scoran.Observatory.Measurements;
using Scoran.Observatory.Tests.Measurements;
using Scoran.Territories.Model;

namespace Scoran.Benchmarks.Measurements;

/// <summary>
/// Aggregates of crowdsourced measurements at scale: France territories imported, then N synthetic
/// measurements over the BFC communes (deterministic seed, bulk written: one prepared SQLite
/// statement in one transaction, Npgsql binary COPY), then each public query of
/// <see cref="MeasurementQueries"/> timed for the région, a département and a commune, against the
/// former in-memory implementation (<see cref="InMemoryMeasurementQueries"/>, linked from the tests).
/// Each run uses a new DbContext; the results of both implementations are compared (JSON) and
/// must be identical.
/// </summary>
public static class MeasurementsMode
{
    public const string Campaign = "bench-21";

    public static async Task<int> RunAsync(string[] args)
    {
        var sizes = new List<int> { 100_000, 1_000_000 };
        var runs = 3;
        var engines = BenchDatabase.Providers().ToList();
        var keep = false;
        var skipBefore = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--sizes" when i + 1 < args.Length:
                    sizes = args[++i].Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
                    break;
                case "--runs" when i + 1 < args.Length:
                    runs = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--engine" when i + 1 < args.Length && Enum.TryParse<DatabaseProvider>(args[i + 1], true, out var engine):
                    engines = [engine];
                    i++;
                    break;
                case "--keep":
                    keep = true;
                    break;
                case "--after-only":
                    skipBefore = true;
                    break;
                default:
                    Console.Error.WriteLine("usage: measurements [--sizes 100000,1000000] [--runs 3] [--engine sqlite|postgres] [--keep] [--after-only]");
                    return 2;
            }
        }

        var set = await FranceData.ReadAsync();
        var report = new StringBuilder("| Engine | Rows | Query | Territory | Before (ms, median) | After (ms, median) | After min | Groups |\n|---|---|---|---|---|---|---|---|\n");
        foreach (var engine in engines)
        {
            foreach (var size in sizes)
            {
                var database = BenchDatabase.For(engine, "measurements");
                await database.RecreateAsync();
                await using var services = database.Services();
                await FranceData.ImportTerritoriesAsync(services, set);
                var communes = await WithDb(services, db => db.Set<Territory>().Where(t => t.Kind == TerritoryKind.Commune && !t.IsObsolete && t.RegionCode == "27")
                    .OrderBy(t => t.Code).Select(t => new { t.Code, t.DepartementCode }).ToListAsync());
                var watch = Stopwatch.StartNew();
                await WithDb(services, async db =>
                {
                    db.Add(new MeasurementCampaign
                    {
                        Code = Campaign, Name = "Bench", TerritoryKind = "departement", TerritoryCode = "21", StartsAt = Start, EndsAt = Start.AddDays(30),
                        Operators = "", Protocol = "bench", CreatedBy = "bench", CreatedAt = Start,
                    });
                    return await db.SaveChangesAsync();
                });
                var rows = Generate(size, communes.Select(c => (c.Code, c.DepartementCode == "21")).ToList());
                if (engine == DatabaseProvider.Sqlite)
                {
                    WriteSqlite(database.Storage.ConnectionString!, rows);
                }
                else
                {
                    await WriteCopyAsync(database.Storage.ConnectionString!, rows);
                }

                Console.WriteLine($"{engine} {size:N0} rows over {communes.Count} communes written in {watch.Elapsed.TotalSeconds:F1} s");
                await database.AnalyzeAsync();

                (string Name, Func<MeasurementQueries, Task<object?>> After, Func<InMemoryMeasurementQueries, Task<object?>> Before)[] cases =
                [
                    ("SummaryAsync", q => Box(q.SummaryAsync(TerritoryKind.Region, "27")), q => Box(q.SummaryAsync(TerritoryKind.Region, "27"))),
                    ("SummaryAsync", q => Box(q.SummaryAsync(TerritoryKind.Departement, "21")), q => Box(q.SummaryAsync(TerritoryKind.Departement, "21"))),
                    ("SummaryAsync", q => Box(q.SummaryAsync(TerritoryKind.Commune, "21231")), q => Box(q.SummaryAsync(TerritoryKind.Commune, "21231"))),
                    ("CellsAsync", q => Box(q.CellsAsync(TerritoryKind.Region, "27")), q => Box(q.CellsAsync(TerritoryKind.Region, "27"))),
                    ("CellsAsync", q => Box(q.CellsAsync(TerritoryKind.Departement, "21")), q => Box(q.CellsAsync(TerritoryKind.Departement, "21"))),
                    ("CellsAsync", q => Box(q.CellsAsync(TerritoryKind.Commune, "21231")), q => Box(q.CellsAsync(TerritoryKind.Commune, "21231"))),
                    ("ByCommuneAndOperatorAsync", q => Box(q.ByCommuneAndOperatorAsync("region/27", null, null)), q => Box(q.ByCommuneAndOperatorAsync("region/27", null, null))),
                    ("ByCommuneAndOperatorAsync", q => Box(q.ByCommuneAndOperatorAsync("departement/21", null, null)), q => Box(q.ByCommuneAndOperatorAsync("departement/21", null, null))),
                    ("ByCommuneAndOperatorAsync", q => Box(q.ByCommuneAndOperatorAsync("21231", null, null)), q => Box(q.ByCommuneAndOperatorAsync("21231", null, null))),
                    ("CampaignReportAsync", q => Box(q.CampaignReportAsync(Campaign)), q => Box(q.CampaignReportAsync(Campaign))),
                ];
                string[] territories = ["région 27", "département 21", "commune 21231", "région 27", "département 21", "commune 21231", "région 27", "département 21", "commune 21231", $"campagne {Campaign} (≈{size / 60:N0} rows)"];
                for (var c = 0; c < cases.Length; c++)
                {
                    var after = new List<double>();
                    var before = new List<double>();
                    string? afterJson = null, beforeJson = null;
                    for (var run = 0; run <= runs; run++)
                    {
                        // Run 0 warms up (JIT, caches) and is not counted.
                        var (a, aJson) = await TimeAsync(services, db => cases[c].After(new MeasurementQueries(db, Options)));
                        afterJson = aJson;
                        if (run > 0)
                        {
                            after.Add(a);
                        }

                        if (!skipBefore && (run == 0 || run <= Math.Min(runs, 3)))
                        {
                            var (b, bJson) = await TimeAsync(services, db => cases[c].Before(new InMemoryMeasurementQueries(db, Options)));
                            beforeJson = bJson;
                            if (run > 0)
                            {
                                before.Add(b);
                            }
                        }
                    }

                    if (beforeJson is not null && beforeJson != afterJson)
                    {
                        throw new InvalidOperationException($"{cases[c].Name} {territories[c]}: the SQL result differs from the in-memory reference");
                    }

                    var groups = CountGroups(afterJson!);
                    var line = $"| {engine} | {size:N0} | {cases[c].Name} | {territories[c]} | {(before.Count > 0 ? Median(before).ToString("F0", CultureInfo.InvariantCulture) : "—")} | {Median(after):F0} | {after.Min():F0} | {groups} |";
                    Console.WriteLine(line);
                    report.AppendLine(line);
                }

                if (!keep)
                {
                    await database.DropAsync();
                }
            }
        }

        var path = Path.Combine(BenchPaths.ArtifactsFolder("benchmarks"), "measurements-results.md");
        await File.WriteAllTextAsync(path, report.ToString());
        Console.WriteLine(report);
        Console.WriteLine($"written to {path}");
        return 0;
    }

    private static readonly DateTimeOffset Start = new(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly IOptions<MeasurementOptions> Options = Microsoft.Extensions.Options.Options.Create(new MeasurementOptions());

    private static async Task<object?> Box<T>(Task<T> task) => await task;

    private static string CountGroups(string json) => json.Length > 60 ? $"{json.Length / 1024:N0} KiB JSON" : json;

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static async Task<T> WithDb<T>(ServiceProvider services, Func<ScoranDbContext, Task<T>> action)
    {
        await using var scope = services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<ScoranDbContext>());
    }

    private static async Task<(double Ms, string Json)> TimeAsync(ServiceProvider services, Func<ScoranDbContext, Task<object?>> query)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ScoranDbContext>();
        var watch = Stopwatch.StartNew();
        var result = await query(db);
        var ms = watch.Elapsed.TotalMilliseconds;
        return (ms, JsonSerializer.Serialize(result));
    }

    private sealed record Row(string Key, DateTimeOffset MeasuredAt, double Latitude, double Longitude, string Operator, string Technology,
        double? Rsrp, double? Download, double? Upload, double? Latency, string Contributor, string Commune, string Cell, string? Campaign);

    /// <summary>
    /// Deterministic (seed 2026): each commune gets a centre in the BFC box and its measurements fall within
    /// about 3 km of it; 20,000 contributors, each measuring around one home commune (so that
    /// small communes fall below k); one value in eight missing; one in twenty-five "aucune" (no service).
    /// </summary>
    private static IEnumerable<Row> Generate(int count, List<(string Code, bool CoteDor)> communes)
    {
        var random = new Random(2026);
        var centres = communes.Select(_ => (Lat: 46.2 + random.NextDouble() * 2.1, Lon: 2.9 + random.NextDouble() * 4.1)).ToList();
        string[] operators = ["20801", "20810", "20815", "20820"];
        string[] technologies = ["4G", "4G", "4G", "5G", "5G", "3G"];
        const int contributors = 20_000;
        double? Maybe(double value) => random.Next(8) == 0 ? null : Math.Round(value, 2);
        for (var i = 0; i < count; i++)
        {
            var contributor = random.Next(contributors);
            // Most measurements near the contributor's home commune, some anywhere in the région.
            var c = random.Next(10) < 8 ? contributor * 7919 % communes.Count : random.Next(communes.Count);
            var lat = centres[c].Lat + (random.NextDouble() - 0.5) * 0.05;
            var lon = centres[c].Lon + (random.NextDouble() - 0.5) * 0.07;
            var technology = random.Next(25) == 0 ? "aucune" : technologies[random.Next(technologies.Length)];
            yield return new Row($"bench:{i}", Start.AddSeconds(random.Next(30 * 86_400)), lat, lon, operators[random.Next(4)], technology,
                Maybe(-70 - random.NextDouble() * 60), Maybe(random.NextDouble() * 300), Maybe(random.NextDouble() * 80), Maybe(15 + random.NextDouble() * 200),
                $"contributor-{contributor:D5}", communes[c].Code, MeasurementGrid.CellOf(lat, lon),
                communes[c].CoteDor && random.Next(10) < 2 ? Campaign : null);
        }
    }

    private const string Columns = "client_key, measured_at, received_at, latitude, longitude, accuracy_m, operator_code, technology, rsrp_dbm, download_mbps, upload_mbps, latency_ms, contributor_id, commune_code, cell_id, campaign_code, purged";

    private static void WriteSqlite(string connectionString, IEnumerable<Row> rows)
    {
        var instant = new DateTimeOffsetToBinaryConverter();
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        var names = Columns.Split(", ");
        command.CommandText = $"INSERT INTO mobile_measurements ({Columns}) VALUES ({string.Join(", ", names.Select((_, i) => "$p" + i))})";
        var parameters = names.Select((_, i) => command.Parameters.Add(new SqliteParameter("$p" + i, null))).ToArray();
        command.Prepare();
        foreach (var r in rows)
        {
            object?[] values = [r.Key, instant.ConvertToProvider(r.MeasuredAt), instant.ConvertToProvider(r.MeasuredAt.AddMinutes(1)), r.Latitude, r.Longitude, 10.0,
                r.Operator, r.Technology, r.Rsrp, r.Download, r.Upload, r.Latency, r.Contributor, r.Commune, r.Cell, r.Campaign, false];
            for (var i = 0; i < values.Length; i++)
            {
                parameters[i].Value = values[i] ?? DBNull.Value;
            }

            command.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    private static async Task WriteCopyAsync(string connectionString, IEnumerable<Row> rows)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var writer = await connection.BeginBinaryImportAsync($"COPY mobile_measurements ({Columns}) FROM STDIN (FORMAT BINARY)");
        foreach (var r in rows)
        {
            await writer.StartRowAsync();
            await writer.WriteAsync(r.Key, NpgsqlDbType.Varchar);
            await writer.WriteAsync(r.MeasuredAt, NpgsqlDbType.TimestampTz);
            await writer.WriteAsync(r.MeasuredAt.AddMinutes(1), NpgsqlDbType.TimestampTz);
            await writer.WriteAsync(r.Latitude, NpgsqlDbType.Double);
            await writer.WriteAsync(r.Longitude, NpgsqlDbType.Double);
            await writer.WriteAsync(10.0, NpgsqlDbType.Double);
            await writer.WriteAsync(r.Operator, NpgsqlDbType.Varchar);
            await writer.WriteAsync(r.Technology, NpgsqlDbType.Varchar);
            await WriteNullableAsync(writer, r.Rsrp);
            await WriteNullableAsync(writer, r.Download);
            await WriteNullableAsync(writer, r.Upload);
            await WriteNullableAsync(writer, r.Latency);
            await writer.WriteAsync(r.Contributor, NpgsqlDbType.Varchar);
            await writer.WriteAsync(r.Commune, NpgsqlDbType.Varchar);
            await writer.WriteAsync(r.Cell, NpgsqlDbType.Varchar);
            if (r.Campaign is null)
            {
                await writer.WriteNullAsync();
            }
            else
            {
                await writer.WriteAsync(r.Campaign, NpgsqlDbType.Varchar);
            }

            await writer.WriteAsync(false, NpgsqlDbType.Boolean);
        }

        await writer.CompleteAsync();
    }

    private static async Task WriteNullableAsync(NpgsqlBinaryImporter writer, double? value)
    {
        if (value is { } v)
        {
            await writer.WriteAsync(v, NpgsqlDbType.Double);
        }
        else
        {
            await writer.WriteNullAsync();
        }
    }
}
