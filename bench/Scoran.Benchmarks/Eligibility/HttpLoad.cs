using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;

namespace Scoran.Benchmarks.Eligibility;

public sealed record LoadResult(
    int TargetRate,
    double Seconds,
    long Sent,
    long Succeeded,
    long Failed,
    double AchievedRate,
    LatencySummary Latency,
    LatencySummary ServiceTime,
    long NotOk,
    string? FirstError);

/// <summary>
/// Open-loop load generator: request i is due at start + i / rate whatever happened to the
/// previous ones (a closed loop would slow down with the server and hide its queueing). Latency
/// is measured from the due time, so a request the client sent late because everything was
/// backed up counts its wait (no coordinated omission); the service time (from the actual send)
/// is reported beside it. Runs in its own process (<c>eligibility-load</c>) so that its CPU and
/// garbage collections are not charged to the server's process, though both share the 2 cores.
/// </summary>
public static class HttpLoad
{
    /// <summary>
    /// One client for the whole series, so that its JIT and connections are warm: first
    /// <paramref name="warmupSeconds"/> at the first rate (returned first, not to be reported),
    /// then each rate for <paramref name="seconds"/>.
    /// </summary>
    public static async Task<List<LoadResult>> RunSeriesAsync(string urlTemplate, IReadOnlyList<(double Lat, double Lon)> points, int[] rates, double seconds,
        double warmupSeconds, int connections)
    {
        using var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            AutomaticDecompression = DecompressionMethods.None,
            UseProxy = false,
        };
        using var client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestVersion = HttpVersion.Version11;
        var results = new List<LoadResult> { await RunAsync(client, urlTemplate, points, rates[0], warmupSeconds, 0) };
        var offset = results[0].Sent;
        foreach (var rate in rates)
        {
            results.Add(await RunAsync(client, urlTemplate, points, rate, seconds, offset));
            offset += results[^1].Sent;
        }

        return results;
    }

    private static async Task<LoadResult> RunAsync(HttpClient client, string urlTemplate, IReadOnlyList<(double Lat, double Lon)> points, int rate, double seconds, long offset)
    {
        var total = (int)(rate * seconds);
        var latency = new long[total];
        var service = new long[total];
        var ok = new bool[total];
        long notOk = 0;
        string? firstError = null;
        var tasks = new Task[total];
        var frequency = Stopwatch.Frequency;
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < total; i++)
        {
            var due = start + (long)(i * (double)frequency / rate);
            var now = Stopwatch.GetTimestamp();
            if (now < due)
            {
                var waitMs = (due - now) * 1000 / frequency;
                if (waitMs >= 2)
                {
                    await Task.Delay((int)(waitMs - 1));
                }

                while (Stopwatch.GetTimestamp() < due)
                {
                    Thread.SpinWait(20);
                }
            }

            tasks[i] = SendOne(i, due);
        }

        await Task.WhenAll(tasks);
        var elapsed = Stopwatch.GetElapsedTime(start).TotalSeconds;
        var succeeded = ok.Count(x => x);
        var goodLatency = new long[succeeded];
        var goodService = new long[succeeded];
        for (int i = 0, j = 0; i < total; i++)
        {
            if (ok[i])
            {
                goodLatency[j] = latency[i];
                goodService[j++] = service[i];
            }
        }

        return new LoadResult(rate, elapsed, total, succeeded, total - succeeded, succeeded / elapsed,
            LatencySummary.FromTimestamps(goodLatency, succeeded), LatencySummary.FromTimestamps(goodService, succeeded), notOk, firstError);

        async Task SendOne(int i, long due)
        {
            var sent = Stopwatch.GetTimestamp();
            try
            {
                using var response = await client.GetAsync(Url(urlTemplate, points[(int)((offset + i) % points.Count)]), HttpCompletionOption.ResponseContentRead);
                var end = Stopwatch.GetTimestamp();
                latency[i] = end - due;
                service[i] = end - sent;
                // 404 is an answer too (no building near the point); 5xx and timeouts are errors.
                ok[i] = (int)response.StatusCode < 500;
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    Interlocked.Increment(ref notOk);
                }

                if (!ok[i])
                {
                    Interlocked.CompareExchange(ref firstError, $"HTTP {(int)response.StatusCode}", null);
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                Interlocked.CompareExchange(ref firstError, ex.GetType().Name + ": " + ex.Message, null);
            }
        }
    }

    public static string Url(string template, (double Lat, double Lon) point) =>
        template.Replace("{lat}", point.Lat.ToString("F6", CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{lon}", point.Lon.ToString("F6", CultureInfo.InvariantCulture), StringComparison.Ordinal);

    public static IReadOnlyList<(double Lat, double Lon)> ReadQueries(string path, int max)
    {
        var points = new List<(double, double)>();
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var separator = line.IndexOf(';');
            points.Add((double.Parse(line.AsSpan(0, separator), CultureInfo.InvariantCulture), double.Parse(line.AsSpan(separator + 1), CultureInfo.InvariantCulture)));
            if (points.Count == max)
            {
                break;
            }
        }

        return points;
    }

    /// <summary>Runs the load in a child process of this same benchmark program and reads its result.</summary>
    public static async Task<List<LoadResult>> RunInChildAsync(string urlTemplate, string queries, int[] rates, double seconds, double warmupSeconds, int connections)
    {
        var self = Environment.ProcessPath!;
        var start = new ProcessStartInfo(self)
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(typeof(HttpLoad).Assembly.Location);
        }

        foreach (var argument in new[] { "eligibility-load", "--url", urlTemplate, "--queries", queries, "--rates", string.Join(",", rates), "--warmup", warmupSeconds.ToString(CultureInfo.InvariantCulture),
                     "--seconds", seconds.ToString(CultureInfo.InvariantCulture), "--connections", connections.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        var last = output.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1];
        return process.ExitCode == 0
            ? JsonSerializer.Deserialize<List<LoadResult>>(last)!
            : throw new InvalidOperationException($"load generator exited with {process.ExitCode}: {output}");
    }
}
