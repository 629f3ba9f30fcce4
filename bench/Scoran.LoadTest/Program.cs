using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

// Load and fault test of crowdsourced measurements (docs/reliability.md).
//   dotnet run -c Release --project bench/Scoran.LoadTest -- [--rate 1000] [--seconds 60] [--batch 50] [--kill-at 30] [--port 5187] [--scoran path/to/scoran.dll]
//     [--postgres "Host=127.0.0.1;Port=54329;Username=postgres;Database=postgres" [--keep]]
// With --postgres, a fresh database scoran_loadtest_<stamp> is created on that server, migrated by
// `scoran db migrate` (as production does for PostgreSQL), checked, then dropped (kept with --keep).
// Loopback only: the server listens on 127.0.0.1 and the clients call 127.0.0.1.

var options = Options.Parse(args);
var root = FindRoot();
var scoran = options.Scoran ?? new[] { "Release", "Debug" }.Select(c => Path.Combine(root, "src", "Scoran.Cli", "bin", c, "net10.0", "scoran.dll")).FirstOrDefault(File.Exists)
    ?? throw new InvalidOperationException("scoran.dll not found: dotnet build src/Scoran.Cli -c Release first, or pass --scoran");
var folder = Path.Combine(root, "artifacts", "loadtest");
Directory.CreateDirectory(folder);
var stamp = DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
var database = Path.Combine(folder, $"measurements-{stamp}.db");
var connection = $"Data Source={database}";
var provider = "sqlite";
if (options.Postgres is { } server0)
{
    provider = "postgres";
    database = $"scoran_loadtest_{stamp.Replace('-', '_')}";
    await AdminAsync(server0, $"CREATE DATABASE \"{database}\"");
    connection = new NpgsqlConnectionStringBuilder(server0) { Database = database }.ConnectionString;
}
var baseAddress = new Uri($"http://127.0.0.1:{options.Port}");

Console.WriteLine($"scoran: {scoran}\ndatabase: {database}\nrate: {options.Rate}/s for {options.Seconds} s, batches of {options.Batch}, kill at {(options.KillAt is { } k ? k + " s" : "never")}");
if (options.Postgres is not null)
{
    // The server migrates an SQLite file at start but not PostgreSQL (production runs `scoran db migrate`): do as production does.
    var migrate = Process.Start(new ProcessStartInfo("dotnet") { ArgumentList = { scoran, "db", "migrate", "--provider", "postgres", "--connection", connection } })!;
    await migrate.WaitForExitAsync();
    if (migrate.ExitCode != 0)
    {
        throw new InvalidOperationException($"scoran db migrate exited with {migrate.ExitCode}");
    }
}

var server = new Server(scoran, baseAddress, provider, connection, Path.Combine(folder, $"server-{stamp}.log"));
await server.StartAsync();

using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.Concurrency, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
{
    BaseAddress = baseAddress,
    Timeout = TimeSpan.FromSeconds(30),
};
var latencies = new ConcurrentBag<double>();
var accepted = new ConcurrentDictionary<string, string>();
var failures = new ConcurrentDictionary<string, int>();
var retries = 0L;
var sentItems = 0L;
var gate = new SemaphoreSlim(options.Concurrency);
var random = new Random(27);
var batches = options.Rate * options.Seconds / options.Batch;
var interval = TimeSpan.FromSeconds((double)options.Batch / options.Rate);
var run = Stopwatch.StartNew();
var killed = false;
TimeSpan? downtime = null;
var tasks = new List<Task>(batches);
for (var b = 0; b < batches; b++)
{
    var due = interval * b;
    if (due > run.Elapsed)
    {
        await Task.Delay(due - run.Elapsed);
    }

    if (options.KillAt is { } killAt && !killed && run.Elapsed >= TimeSpan.FromSeconds(killAt))
    {
        killed = true;
        // SIGKILL mid-run, then a new process on the same file; clients keep retrying meanwhile.
        _ = Task.Run(async () =>
        {
            var down = Stopwatch.StartNew();
            server.Kill();
            await server.StartAsync();
            downtime = down.Elapsed;
            Console.WriteLine($"server killed (SIGKILL) at {killAt} s and back after {down.Elapsed.TotalSeconds:0.0} s");
        });
    }

    var items = Enumerable.Range(0, options.Batch).Select(_ => Item(random)).ToList();
    var key = Guid.NewGuid().ToString("N");
    Interlocked.Add(ref sentItems, items.Count);
    await gate.WaitAsync();
    tasks.Add(Task.Run(async () =>
    {
        try
        {
            await SendWithRetriesAsync(items, key);
        }
        finally
        {
            gate.Release();
        }
    }));
}

var sendingSeconds = run.Elapsed.TotalSeconds;
await Task.WhenAll(tasks);
var totalSeconds = run.Elapsed.TotalSeconds;
server.Stop();

// Verification straight from the database, not through the server.
SqliteConnection.ClearAllPools();
await using DbConnection db = options.Postgres is null ? new SqliteConnection($"Data Source={database};Mode=ReadOnly") : new NpgsqlConnection(connection);
await db.OpenAsync();
var stored = new Dictionary<string, int>();
await using (var command = db.CreateCommand())
{
    command.CommandText = "SELECT client_key, COUNT(*) FROM mobile_measurements GROUP BY client_key";
    await using var reader = await command.ExecuteReaderAsync();
    while (await reader.ReadAsync())
    {
        stored[reader.GetString(0)] = Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture);
    }
}

var rows = stored.Values.Sum();
var lost = accepted.Keys.Count(id => !stored.ContainsKey("i:" + id));
var duplicated = stored.Count(s => s.Value > 1);
var unexpected = stored.Keys.Count(k => !accepted.ContainsKey(k[2..]));
var sorted = latencies.Order().ToArray();
double P(double q) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
var report = new StringBuilder();
report.AppendLine(CultureInfo.InvariantCulture, $"scenario: {(options.KillAt is null ? "steady" : $"SIGKILL at {options.KillAt} s + restart")}; target {options.Rate}/s for {options.Seconds} s in batches of {options.Batch}; {options.Concurrency} concurrent clients max");
report.AppendLine(CultureInfo.InvariantCulture, $"database: {provider} {database}");
report.AppendLine(CultureInfo.InvariantCulture, $"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}");
report.AppendLine(CultureInfo.InvariantCulture, $"sent items: {sentItems}; accepted: {accepted.Count}; rows in database: {rows}; lost: {lost}; duplicated: {duplicated}; stored but never acknowledged: {unexpected}");
report.AppendLine(CultureInfo.InvariantCulture, $"alreadyStored answers (retries of items stored before their answer was lost): {accepted.Values.Count(v => v == "alreadyStored")}");
report.AppendLine(CultureInfo.InvariantCulture, $"achieved rate: {sentItems / sendingSeconds:0} items/s offered over {sendingSeconds:0.0} s; {accepted.Count / totalSeconds:0} items/s acknowledged over {totalSeconds:0.0} s until the last retry");
report.AppendLine(CultureInfo.InvariantCulture, $"request latency (successful attempts, ms): p50 {P(0.50):0.0}, p95 {P(0.95):0.0}, p99 {P(0.99):0.0}, max {P(1):0.0}; requests {sorted.Length}");
report.AppendLine(CultureInfo.InvariantCulture, $"retries: {retries}; failed attempts: {(failures.IsEmpty ? "none" : string.Join(", ", failures.OrderBy(f => f.Key).Select(f => $"{f.Key} × {f.Value}")))}");
if (downtime is { } d)
{
    report.AppendLine(CultureInfo.InvariantCulture, $"server down (kill to healthy): {d.TotalSeconds:0.0} s");
}

var ok = lost == 0 && duplicated == 0 && unexpected == 0 && accepted.Count == sentItems;
report.AppendLine(ok ? "RESULT: PASS (every accepted measurement stored exactly once, none lost)" : "RESULT: FAIL");
Console.Write(report);
await File.WriteAllTextAsync(Path.Combine(folder, $"report-{stamp}.txt"), report.ToString());
if (options.Postgres is { } server1 && !options.Keep)
{
    await db.CloseAsync();
    NpgsqlConnection.ClearAllPools();
    await AdminAsync(server1, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
}

return ok ? 0 : 1;

static async Task AdminAsync(string server, string sql)
{
    await using var admin = new NpgsqlConnection(server);
    await admin.OpenAsync();
    await using var command = new NpgsqlCommand(sql, admin);
    await command.ExecuteNonQueryAsync();
}

async Task SendWithRetriesAsync(List<object> items, string key)
{
    var deadline = run.Elapsed + TimeSpan.FromMinutes(3);
    for (var attempt = 0; ; attempt++)
    {
        if (attempt > 0)
        {
            Interlocked.Increment(ref retries);
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(2000, 100 * Math.Pow(2, Math.Min(attempt, 5))) + Random.Shared.Next(100)));
        }

        var watch = Stopwatch.StartNew();
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/measurements") { Content = JsonContent.Create(items) };
            request.Headers.Add("Idempotency-Key", key);
            using var response = await http.SendAsync(request);
            if (response.IsSuccessStatusCode)
            {
                latencies.Add(watch.Elapsed.TotalMilliseconds);
                var body = await response.Content.ReadFromJsonAsync<JsonElement>();
                foreach (var item in body.GetProperty("items").EnumerateArray())
                {
                    accepted[item.GetProperty("id").GetString()!] = item.GetProperty("status").GetString()!;
                }

                return;
            }

            failures.AddOrUpdate($"HTTP {(int)response.StatusCode}", 1, (_, n) => n + 1);
            if ((int)response.StatusCode == 400)
            {
                Console.Error.WriteLine(await response.Content.ReadAsStringAsync());
                return;
            }
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            failures.AddOrUpdate(e.GetType().Name, 1, (_, n) => n + 1);
        }

        if (run.Elapsed > deadline)
        {
            failures.AddOrUpdate("gave up", 1, (_, n) => n + 1);
            return;
        }
    }
}

static object Item(Random random) => new
{
    id = Guid.NewGuid().ToString("N"),
    time = DateTimeOffset.UtcNow.AddSeconds(-random.Next(1, 600)),
    // Anywhere in Bourgogne-Franche-Comté's bounding box.
    lat = Math.Round(46.15 + random.NextDouble() * 2.25, 6),
    lon = Math.Round(2.85 + random.NextDouble() * 4.3, 6),
    accuracy = random.Next(3, 60),
    @operator = new[] { "20801", "20810", "20815", "20820" }[random.Next(4)],
    technology = new[] { "4G", "4G", "4G", "5G", "3G" }[random.Next(5)],
    rsrp = -random.Next(60, 130),
    rsrq = -random.Next(3, 20),
    sinr = random.Next(-5, 30),
    downloadMbps = Math.Round(random.NextDouble() * 200, 2),
    uploadMbps = Math.Round(random.NextDouble() * 40, 2),
    latencyMs = random.Next(15, 120),
    indoor = random.Next(2) == 0,
    appVersion = "loadtest/1",
    installationId = "loadtest-" + random.Next(500),
};

static string FindRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "Scoran.slnx")))
        {
            return dir.FullName;
        }
    }

    return Directory.GetCurrentDirectory();
}

internal sealed record Options(int Rate, int Seconds, int Batch, int? KillAt, int Port, int Concurrency, string? Scoran, string? Postgres, bool Keep)
{
    public static Options Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        int Int(string name, int fallback) => Value(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        return new Options(Int("--rate", 1000), Int("--seconds", 60), Int("--batch", 50),
            Value("--kill-at") is { } k ? int.Parse(k, CultureInfo.InvariantCulture) : null, Int("--port", 5187), Int("--concurrency", 64), Value("--scoran"),
            Value("--postgres"), args.Contains("--keep"));
    }
}

/// <summary>The real server, <c>scoran serve</c>, as a child process on loopback.</summary>
internal sealed class Server(string scoran, Uri address, string provider, string connection, string log)
{
    private Process? _process;

    public async Task StartAsync()
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { scoran, "serve", "--urls", address.ToString().TrimEnd('/'), "--provider", provider, "--connection", connection })
        {
            start.ArgumentList.Add(a);
        }

        // The per-client limit would throttle one loopback client sending 1,000 items/s: raise it for the test only.
        start.Environment["Scoran__Measurements__RequestsPerMinute"] = "1000000";
        start.Environment["Scoran__Logging__Json"] = "false";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var process = Process.Start(start) ?? throw new InvalidOperationException("scoran serve did not start");
        var writer = TextWriter.Synchronized(new StreamWriter(log, append: true) { AutoFlush = true });
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { writer.WriteLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { writer.WriteLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        using var probe = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(2) };
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"scoran serve exited with {process.ExitCode}; see {log}");
            }

            try
            {
                if ((await probe.GetAsync("/health")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("scoran serve not healthy after 90 s");
    }

    /// <summary>SIGKILL: no shutdown hook runs, in-flight requests are cut.</summary>
    public void Kill() => _process?.Kill(entireProcessTree: false);

    public void Stop()
    {
        if (_process is { HasExited: false } p)
        {
            p.Kill();
            p.WaitForExit();
        }
    }
}
