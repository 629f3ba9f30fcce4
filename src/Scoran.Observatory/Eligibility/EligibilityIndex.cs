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
    private const int MaxRings = (int)(1.0 / EligibilitySnapshot.CellDegrees);

    private readonly Dictionary<long, int> _cells;
    private readonly Lazy<AddressIndex> _addresses;

    public EligibilityIndex(EligibilitySnapshot snapshot)
    {
        Snapshot = snapshot;
        _cells = new Dictionary<long, int>(snapshot.CellKeys.Length);
        for (var i = 0; i < snapshot.CellKeys.Length; i++)
        {
            _cells[snapshot.CellKeys[i]] = i;
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

        var qLat = latitude * DegToRad;
        var qLon = longitude * DegToRad;
        var cosQ = Math.Cos(qLat);
        var cx = EligibilitySnapshot.CellIndex(longitude);
        var cy = EligibilitySnapshot.CellIndex(latitude);
        var best = -1;
        var bestA = double.PositiveInfinity;
        for (var r = 0; r <= MaxRings; r++)
        {
            if (r == 0)
            {
                Scan(cx, cy);
            }
            else
            {
                for (var ix = cx - r; ix <= cx + r; ix++)
                {
                    Scan(ix, cy - r);
                    Scan(ix, cy + r);
                }

                for (var iy = cy - r + 1; iy <= cy + r - 1; iy++)
                {
                    Scan(cx - r, iy);
                    Scan(cx + r, iy);
                }
            }

            if (best >= 0)
            {
                var south = (cy - r) * EligibilitySnapshot.CellDegrees * DegToRad;
                var north = (cy + r + 1) * EligibilitySnapshot.CellDegrees * DegToRad;
                var west = (cx - r) * EligibilitySnapshot.CellDegrees * DegToRad;
                var east = (cx + r + 1) * EligibilitySnapshot.CellDegrees * DegToRad;
                var bound = Math.Min(Math.Min(qLat - south, north - qLat),
                    Math.Asin(cosQ * Math.Sin(Math.Min(qLon - west, east - qLon))));
                var s = Math.Sin(bound / 2);
                // A margin far above rounding error (1e-9 relative) keeps the proof valid in floating point.
                if (s * s > bestA * (1 + 1e-9) + 1e-17)
                {
                    return new NearestBuilding(best, Meters(bestA));
                }
            }
        }

        return BruteForceNearest(latitude, longitude);

        void Scan(int ix, int iy)
        {
            if (!_cells.TryGetValue(EligibilitySnapshot.CellKey(ix, iy), out var cell))
            {
                return;
            }

            var end = Snapshot.CellStarts[cell + 1];
            for (var i = Snapshot.CellStarts[cell]; i < end; i++)
            {
                var a = HaversineA(qLat, qLon, cosQ, i);
                if (a < bestA || (a == bestA && i < best))
                {
                    bestA = a;
                    best = i;
                }
            }
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
