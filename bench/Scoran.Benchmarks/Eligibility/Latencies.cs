using System.Diagnostics;

namespace Scoran.Benchmarks.Eligibility;

/// <summary>Exact percentiles: every latency is kept and sorted once (a few million longs at most).</summary>
public sealed record LatencySummary(long Count, double P50Ms, double P90Ms, double P99Ms, double P999Ms, double MaxMs, double MeanMs)
{
    public static LatencySummary FromTimestamps(long[] ticks, int count)
    {
        if (count == 0)
        {
            return new LatencySummary(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        }

        var values = ticks.AsSpan(0, count);
        values.Sort();
        var toMs = 1000.0 / Stopwatch.Frequency;
        double sum = 0;
        foreach (var v in values)
        {
            sum += v;
        }

        return new LatencySummary(
            count,
            At(values, 0.50) * toMs,
            At(values, 0.90) * toMs,
            At(values, 0.99) * toMs,
            At(values, 0.999) * toMs,
            values[^1] * toMs,
            sum / count * toMs);
    }

    /// <summary>Nearest-rank percentile.</summary>
    private static long At(Span<long> sorted, double quantile) =>
        sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Length) - 1, 0, sorted.Length - 1)];
}
