using System.Buffers.Text;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Scoran.Benchmarks.Eligibility;

/// <summary>
/// STUB — NOT THE PRODUCT. A bench-only stand-in used to build and check the harness before the
/// eligibility branch had its importer: it trusts the generated files (no quoting, no validation,
/// no commune-code mapping, no database, no provenance), keys buildings by a 64-bit hash of
/// <c>imb_id</c>, and finds the nearest building on a 250 m Web Mercator grid, giving up beyond
/// 5 km. Its figures are a lower bound on the work, not a measurement of Scoran.
/// </summary>
public sealed class StubEligibilitySystem : IEligibilitySystem
{
    private const double Cell = 250;
    private const int MaxRings = 20;

    private readonly Dictionary<long, ushort> _communeIndex = [];
    private readonly List<string> _communes = [];
    private double[] _x = [];
    private double[] _y = [];
    private ushort[] _commune = [];
    private int[] _premises = [];
    private byte[] _techMask = [];
    private byte[] _bestClass = [];
    private long[] _cellKeys = [];
    private int[] _cellStarts = [];
    private int[] _order = [];
    private CommuneAggregate[] _aggregates = [];
    private WebApplication? _web;

    public string Name => "bench stub (NOT the product)";

    public Task PrepareAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<ImportFigures> ImportAsync(string folder, CancellationToken cancellationToken)
    {
        var manifest = EligibilityGenerator.ReadManifest(folder) ?? throw new InvalidOperationException("no manifest in " + folder);
        var count = (int)manifest.Buildings;
        _x = new double[count];
        _y = new double[count];
        _commune = new ushort[count];
        _premises = new int[count];
        _techMask = new byte[count];
        _bestClass = new byte[count];
        var byId = new Dictionary<ulong, int>(count);
        var n = 0;
        ForEachRow(Path.Combine(folder, EligibilityFormat.BuildingsFile), fields =>
        {
            byId.Add(Hash(fields[0]), n);
            Utf8Parser.TryParse(fields[1], out _x[n], out _);
            Utf8Parser.TryParse(fields[2], out _y[n], out _);
            _commune[n] = CommuneOf(fields[4]);
            Utf8Parser.TryParse(fields[5], out _premises[n], out _);
            n++;
        });

        long rows = 0;
        ForEachRow(Path.Combine(folder, EligibilityFormat.EligibilityFile), fields =>
        {
            var building = byId[Hash(fields[0])];
            var technology = EligibilityFormat.TechnologyIndex(Encoding.ASCII.GetString(fields[3]));
            var download = EligibilityFormat.ClassIndex(Encoding.ASCII.GetString(fields[5]));
            _techMask[building] |= (byte)(1 << technology);

            // Stored +1 so that 0 means "no row at all".
            _bestClass[building] = Math.Max(_bestClass[building], (byte)(download + 1));
            rows++;
        });

        Aggregate();
        BuildGrid();
        return Task.FromResult(new ImportFigures(n, rows, "stub: hash join in memory, no database"));
    }

    public Task RecomputeAsync(CancellationToken cancellationToken)
    {
        Aggregate();
        return Task.CompletedTask;
    }

    public int Nearest(double latitude, double longitude)
    {
        var x = WebMercator.X(longitude);
        var y = WebMercator.Y(latitude);
        var cx = (int)Math.Floor(x / Cell);
        var cy = (int)Math.Floor(y / Cell);
        var best = -1;
        var bestDistance = double.MaxValue;
        for (var ring = 0; ring <= MaxRings; ring++)
        {
            // Everything beyond ring r is at least r cells away.
            var reach = (ring - 1) * Cell;
            if (best >= 0 && reach > 0 && reach * reach > bestDistance)
            {
                break;
            }

            for (var ix = cx - ring; ix <= cx + ring; ix++)
            {
                var step = ix == cx - ring || ix == cx + ring ? 1 : 2 * ring;
                for (var iy = cy - ring; iy <= cy + ring; iy += Math.Max(step, 1))
                {
                    var slot = Array.BinarySearch(_cellKeys, Key(ix, iy));
                    if (slot < 0)
                    {
                        continue;
                    }

                    for (var k = _cellStarts[slot]; k < _cellStarts[slot + 1]; k++)
                    {
                        var b = _order[k];
                        var dx = _x[b] - x;
                        var dy = _y[b] - y;
                        var d = dx * dx + dy * dy;
                        if (d < bestDistance || (d == bestDistance && b < best))
                        {
                            bestDistance = d;
                            best = b;
                        }
                    }
                }
            }
        }

        return best;
    }

    public IReadOnlyDictionary<string, CommuneAggregate> CommuneAggregates() =>
        _communes.Select((code, i) => (code, i)).ToDictionary(c => c.code, c => _aggregates[c.i], StringComparer.Ordinal);

    public async Task<HttpTarget> StartHttpAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _web = builder.Build();
        _web.MapGet("/api/eligibility", (double lat, double lon) =>
        {
            var b = Nearest(lat, lon);
            return b < 0
                ? Results.NotFound()
                : Results.Text($"{{\"commune\":\"{_communes[_commune[b]]}\",\"premises\":{_premises[b]},\"technologies\":{_techMask[b]},\"best\":{_bestClass[b]}}}", "application/json");
        });
        await _web.StartAsync(cancellationToken);
        var address = _web.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new HttpTarget(address + "/api/eligibility?lat={lat}&lon={lon}", null, () => Process.GetCurrentProcess().TotalProcessorTime);
    }

    public async ValueTask DisposeAsync()
    {
        if (_web is not null)
        {
            await _web.DisposeAsync();
            _web = null;
        }
    }

    private void Aggregate()
    {
        var aggregates = Enumerable.Range(0, _communes.Count).Select(_ => CommuneAggregate.Empty()).ToArray();
        var buildings = new long[_communes.Count];
        var premises = new long[_communes.Count];
        var noWired = new long[_communes.Count];
        for (var b = 0; b < _x.Length; b++)
        {
            var c = _commune[b];
            var p = _premises[b];
            buildings[c]++;
            premises[c] += p;
            aggregates[c].PremisesByBestClass[Math.Max(_bestClass[b] - 1, 0)] += p;

            var mask = _techMask[b];
            for (var t = 0; t < EligibilityFormat.Technologies.Length; t++)
            {
                if ((mask & (1 << t)) != 0)
                {
                    aggregates[c].PremisesByTechnology[t] += p;
                }
            }

            if ((mask & 0b111) == 0)
            {
                noWired[c] += p;
            }
        }

        _aggregates = aggregates.Select((a, i) => a with { Buildings = buildings[i], Premises = premises[i], PremisesWithoutWired = noWired[i] }).ToArray();
    }

    private void BuildGrid()
    {
        var keys = new long[_x.Length];
        _order = new int[_x.Length];
        for (var b = 0; b < keys.Length; b++)
        {
            keys[b] = Key((int)Math.Floor(_x[b] / Cell), (int)Math.Floor(_y[b] / Cell));
            _order[b] = b;
        }

        Array.Sort(keys, _order);
        var cellKeys = new List<long>();
        var starts = new List<int>();
        for (var k = 0; k < keys.Length; k++)
        {
            if (k == 0 || keys[k] != keys[k - 1])
            {
                cellKeys.Add(keys[k]);
                starts.Add(k);
            }
        }

        starts.Add(keys.Length);
        _cellKeys = [.. cellKeys];
        _cellStarts = [.. starts];
    }

    private static long Key(int ix, int iy) => ((long)ix << 32) | (uint)iy;

    private ushort CommuneOf(ReadOnlySpan<byte> code)
    {
        long key = 0;
        foreach (var b in code)
        {
            key = (key << 8) | b;
        }

        if (!_communeIndex.TryGetValue(key, out var index))
        {
            index = (ushort)_communes.Count;
            _communeIndex[key] = index;
            _communes.Add(Encoding.UTF8.GetString(code));
        }

        return index;
    }

    private static ulong Hash(ReadOnlySpan<byte> bytes)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        return hash;
    }

    private delegate void RowAction(Fields fields);

    /// <summary>The fields of one line, as slices of the read buffer.</summary>
    private readonly ref struct Fields(ReadOnlySpan<byte> line, Span<Range> ranges)
    {
        private readonly ReadOnlySpan<byte> _line = line;
        private readonly Span<Range> _ranges = ranges;

        public ReadOnlySpan<byte> this[int index] => _line[_ranges[index]];
    }

    private static void ForEachRow(string path, RowAction action)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 0);
        var buffer = new byte[4 << 20];
        Span<Range> ranges = stackalloc Range[32];
        int filled = 0;
        var header = true;
        while (true)
        {
            var read = stream.Read(buffer, filled, buffer.Length - filled);
            filled += read;
            var span = buffer.AsSpan(0, filled);
            var consumed = 0;
            while (true)
            {
                var end = span[consumed..].IndexOf((byte)'\n');
                if (end < 0)
                {
                    break;
                }

                var line = span.Slice(consumed, end);
                consumed += end + 1;
                if (header)
                {
                    header = false;
                    continue;
                }

                var count = 0;
                var from = 0;
                for (var i = 0; i <= line.Length && count < ranges.Length; i++)
                {
                    if (i == line.Length || line[i] == (byte)';')
                    {
                        ranges[count++] = new Range(from, i);
                        from = i + 1;
                    }
                }

                action(new Fields(line, ranges[..count]));
            }

            span[consumed..].CopyTo(buffer);
            filled -= consumed;
            if (read == 0)
            {
                return;
            }
        }
    }
}
