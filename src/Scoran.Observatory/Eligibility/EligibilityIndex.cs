using System.Text;
using Scoran.Core.Text;

namespace Scoran.Observatory.Eligibility;

/// <summary>The building nearest to a point, and its great-circle distance in metres.</summary>
public readonly record struct NearestBuilding(int Building, double DistanceMeters);

/// <summary>
/// A snapshot held in memory with a uniform grid over longitude and latitude (cells of
/// <see cref="EligibilitySnapshot.CellDegrees"/>), for an exact nearest-building query, and a
/// token index of the addresses.
/// </summary>
/// <remarks>
/// Exactness: the metric is the great-circle (haversine) distance on the mean Earth sphere, and
/// buildings are compared on the haversine term <c>a = sin²(Δφ/2) + cos φ₁ cos φ₂ sin²(Δλ/2)</c>,
/// which grows with the distance, ties broken by the lower building number, exactly as
/// <see cref="BruteForceNearest"/> does. Rings of cells are searched outwards; after ring r
/// every building not yet seen lies beyond one of the four sides of the searched block, and the
/// path to it must cross that side: beyond a parallel at least the latitude difference, beyond a
/// meridian at least <c>asin(cos φ · sin Δλ)</c> (the distance to that meridian's great
/// circle). The search stops once that lower bound exceeds the best distance found, so no
/// unseen building can be nearer. Far from every building (beyond 1° of search), it falls back
/// to the brute-force scan, which is exact by definition.
/// </remarks>
public sealed class EligibilityIndex
{
    public const double EarthRadiusMeters = 6_371_008.8;
    private const double DegToRad = Math.PI / 180;
    private const double E7ToRad = DegToRad / 1e7;

    private readonly Dictionary<long, int> _cells;
    private readonly Dictionary<long, List<int>> _coarse = [];
    private readonly Lazy<AddressIndex> _addresses;

    public EligibilityIndex(EligibilitySnapshot snapshot)
    {
        Snapshot = snapshot;
        _cells = new Dictionary<long, int>(snapshot.CellKeys.Length);
        for (var i = 0; i < snapshot.CellKeys.Length; i++)
        {
            _cells[snapshot.CellKeys[i]] = i;
            var key = snapshot.CellKeys[i];
            var coarse = EligibilitySnapshot.CellKey(Coarse((int)(key >> 32)), Coarse((int)key));
            if (!_coarse.TryGetValue(coarse, out var list))
            {
                _coarse[coarse] = list = [];
            }

            list.Add(i);
        }

        _addresses = new Lazy<AddressIndex>(() => new AddressIndex(snapshot), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public EligibilitySnapshot Snapshot { get; }

    public int Count => Snapshot.Count;

    public static EligibilityIndex Load(string path) => new(EligibilitySnapshot.Read(path));

    /// <summary>Builds the address index now rather than on the first search (a few seconds for the whole of France).</summary>
    public void WarmUp() => _ = _addresses.Value;

    /// <summary>The exact nearest building (see remarks), or null when the snapshot is empty.</summary>
    public NearestBuilding? Nearest(double latitude, double longitude)
    {
        if (Count == 0)
        {
            return null;
        }

        var search = new Search(this, latitude, longitude);
        var cx = EligibilitySnapshot.CellIndex(longitude);
        var cy = EligibilitySnapshot.CellIndex(latitude);
        // Fine rings first: near any building, a few cells settle it.
        for (var r = 0; r <= FineRings; r++)
        {
            ForRing(cx, cy, r, (ix, iy) => search.ScanCell(ix, iy));
            if (search.Settled(cx - r, cy - r, cx + r + 1, cy + r + 1, 1))
            {
                return search.Result;
            }
        }

        // Far from buildings (sea, border): rings of coarse cells, each gathering its fine cells.
        var kx = Coarse(cx);
        var ky = Coarse(cy);
        for (var r = 0; r <= CoarseRings; r++)
        {
            ForRing(kx, ky, r, search.ScanCoarse);
            if (search.Settled(kx - r, ky - r, kx + r + 1, ky + r + 1, CoarseFactor))
            {
                return search.Result;
            }
        }

        return BruteForceNearest(latitude, longitude);
    }

    private const int FineRings = 40;
    private const int CoarseFactor = 40;
    // 45° of longitude on each side at most, where the meridian bound below still holds.
    private const int CoarseRings = (int)(45 / (CoarseFactor * EligibilitySnapshot.CellDegrees));

    private static int Coarse(int fine) => (int)Math.Floor(fine / (double)CoarseFactor);

    private static void ForRing(int cx, int cy, int r, Action<int, int> visit)
    {
        if (r == 0)
        {
            visit(cx, cy);
            return;
        }

        for (var ix = cx - r; ix <= cx + r; ix++)
        {
            visit(ix, cy - r);
            visit(ix, cy + r);
        }

        for (var iy = cy - r + 1; iy <= cy + r - 1; iy++)
        {
            visit(cx - r, iy);
            visit(cx + r, iy);
        }
    }

    /// <summary>The state of one query: the best building so far, compared on the haversine term.</summary>
    private sealed class Search(EligibilityIndex index, double latitude, double longitude)
    {
        private readonly double _qLat = latitude * DegToRad;
        private readonly double _qLon = longitude * DegToRad;
        private readonly double _cosQ = Math.Cos(latitude * DegToRad);
        private int _best = -1;
        private double _bestA = double.PositiveInfinity;

        public NearestBuilding Result => new(_best, Meters(_bestA));

        public void ScanCell(int ix, int iy)
        {
            if (index._cells.TryGetValue(EligibilitySnapshot.CellKey(ix, iy), out var cell))
            {
                ScanRange(index.Snapshot.CellStarts[cell], index.Snapshot.CellStarts[cell + 1]);
            }
        }

        public void ScanCoarse(int kx, int ky)
        {
            if (index._coarse.TryGetValue(EligibilitySnapshot.CellKey(kx, ky), out var cells))
            {
                foreach (var cell in cells)
                {
                    ScanRange(index.Snapshot.CellStarts[cell], index.Snapshot.CellStarts[cell + 1]);
                }
            }
        }

        private void ScanRange(int start, int end)
        {
            for (var i = start; i < end; i++)
            {
                var a = index.HaversineA(_qLat, _qLon, _cosQ, i);
                if (a < _bestA || (a == _bestA && i < _best))
                {
                    _bestA = a;
                    _best = i;
                }
            }
        }

        /// <summary>
        /// True when every building outside the scanned block of cells (given in units of
        /// <paramref name="factor"/> fine cells) is farther than the best one found.
        /// </summary>
        public bool Settled(int west, int south, int east, int north, int factor)
        {
            if (_best < 0)
            {
                return false;
            }

            var size = factor * EligibilitySnapshot.CellDegrees * DegToRad;
            var bound = Math.Min(Math.Min(_qLat - south * size, north * size - _qLat),
                Math.Asin(Math.Min(1, _cosQ * Math.Sin(Math.Min(_qLon - west * size, east * size - _qLon)))));
            var s = Math.Sin(bound / 2);
            // A margin far above rounding error (1e-9 relative) keeps the proof valid in floating point.
            return s * s > _bestA * (1 + 1e-9) + 1e-17;
        }
    }

    /// <summary>The reference answer: every building compared with the same metric and tie rule.</summary>
    public NearestBuilding? BruteForceNearest(double latitude, double longitude)
    {
        if (Count == 0)
        {
            return null;
        }

        var qLat = latitude * DegToRad;
        var qLon = longitude * DegToRad;
        var cosQ = Math.Cos(qLat);
        var best = -1;
        var bestA = double.PositiveInfinity;
        for (var i = 0; i < Count; i++)
        {
            var a = HaversineA(qLat, qLon, cosQ, i);
            if (a < bestA)
            {
                bestA = a;
                best = i;
            }
        }

        return new NearestBuilding(best, Meters(bestA));
    }

    public double Latitude(int building) => Snapshot.LatE7[building] / 1e7;

    public double Longitude(int building) => Snapshot.LonE7[building] / 1e7;

    private double HaversineA(double qLat, double qLon, double cosQ, int i)
    {
        var lat = Snapshot.LatE7[i] * E7ToRad;
        var dLat = Math.Sin((lat - qLat) / 2);
        var dLon = Math.Sin((Snapshot.LonE7[i] * E7ToRad - qLon) / 2);
        return dLat * dLat + cosQ * Math.Cos(lat) * dLon * dLon;
    }

    private static double Meters(double a) => 2 * EarthRadiusMeters * Math.Asin(Math.Min(1, Math.Sqrt(a)));

    /// <summary>Buildings whose address holds every word of the query (accents and case ignored), the house number first.</summary>
    public IReadOnlyList<int> SearchAddress(string query, int limit = 10) => _addresses.Value.Search(query, limit);

    /// <summary>Normalised words of an address: inverted lists of building numbers, in increasing order.</summary>
    private sealed class AddressIndex
    {
        private const int MaxCandidates = 200_000;
        private readonly Dictionary<string, int[]> _postings;
        private readonly EligibilitySnapshot _snapshot;

        public AddressIndex(EligibilitySnapshot snapshot)
        {
            _snapshot = snapshot;
            var lists = new Dictionary<string, List<int>>();
            for (var i = 0; i < snapshot.Count; i++)
            {
                foreach (var word in Words(SearchText.Normalize(snapshot.Addresses[i])).Distinct())
                {
                    if (!lists.TryGetValue(word, out var list))
                    {
                        lists[word] = list = [];
                    }

                    list.Add(i);
                }
            }

            _postings = lists.ToDictionary(l => l.Key, l => l.Value.ToArray());
        }

        // House numbers are left out of the lists (they are in every street) and used to rank instead.
        private static IEnumerable<string> Words(string normalized) =>
            normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !w.All(char.IsAsciiDigit));

        public IReadOnlyList<int> Search(string query, int limit)
        {
            var normalized = SearchText.Normalize(query);
            var words = Words(normalized).Distinct().ToList();
            if (words.Count == 0)
            {
                return [];
            }

            var lists = new List<int[]>();
            foreach (var word in words)
            {
                if (!_postings.TryGetValue(word, out var list))
                {
                    return [];
                }

                lists.Add(list);
            }

            lists.Sort((a, b) => a.Length.CompareTo(b.Length));
            var number = normalized.Split(' ').FirstOrDefault(w => w.Length > 0 && w.All(char.IsAsciiDigit));
            var candidates = new List<(int Building, int Score, int Length)>();
            foreach (var building in lists[0])
            {
                if (candidates.Count >= MaxCandidates)
                {
                    break;
                }

                var all = true;
                for (var k = 1; k < lists.Count && all; k++)
                {
                    all = Array.BinarySearch(lists[k], building) >= 0;
                }

                if (!all)
                {
                    continue;
                }

                var address = _snapshot.Addresses.Utf8(building);
                var score = number is not null && StartsWithNumber(address, number) ? 0 : 1;
                candidates.Add((building, score, address.Length));
            }

            return candidates.OrderBy(c => c.Score).ThenBy(c => c.Length).ThenBy(c => c.Building).Take(limit).Select(c => c.Building).ToList();
        }

        private static bool StartsWithNumber(ReadOnlySpan<byte> address, string number)
        {
            var digits = Encoding.ASCII.GetBytes(number);
            return address.StartsWith(digits) && (address.Length == digits.Length || !char.IsAsciiDigit((char)address[digits.Length]));
        }
    }
}
