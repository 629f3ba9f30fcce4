namespace Scoran.Resources.Accessibility;

/// <summary>A point to search among: a place's identifier and its WGS84 position.</summary>
public readonly record struct IndexedPoint(long Id, double Latitude, double Longitude);

/// <summary>The nearest point and its great-circle distance in metres.</summary>
public readonly record struct Nearest(long Id, double Meters);

/// <summary>
/// Exact nearest-point search on the sphere. Points are stored as unit vectors in 3D and searched
/// with a k-d tree in Euclidean space: the chord between two points of the sphere grows strictly
/// with their great-circle distance (chord² = 4·h, h the haversine term), so the nearest by chord
/// is the nearest by great-circle distance, and the k-d tree's pruning rule (skip a half-space
/// when the squared distance to its splitting plane exceeds the best squared chord) never skips
/// a closer point. Rounding could only swap points whose distances agree to about 1e-15; to match
/// a brute-force haversine scan exactly, every point within the best chord (plus a relative
/// 1e-9 and an absolute 1e-18 margin, far above rounding) is re-ranked by haversine distance, ties
/// by identifier — the same order a brute-force scan uses (<see cref="BruteForce"/>).
/// </summary>
public sealed class NearestPlaceIndex
{
    /// <summary>Mean Earth radius (IUGG), metres.</summary>
    public const double EarthRadiusMeters = 6_371_008.8;

    private const int LeafSize = 8;
    private readonly IndexedPoint[] _points;
    private readonly double[] _x, _y, _z;

    public NearestPlaceIndex(IEnumerable<IndexedPoint> points)
    {
        _points = points.ToArray();
        _x = new double[_points.Length];
        _y = new double[_points.Length];
        _z = new double[_points.Length];
        var order = Enumerable.Range(0, _points.Length).ToArray();
        var xyz = _points.Select(p => ToVector(p.Latitude, p.Longitude)).ToArray();
        Build(order, xyz, 0, order.Length, 0);
        _points = order.Select(i => _points[i]).ToArray();
        for (var i = 0; i < order.Length; i++)
        {
            (_x[i], _y[i], _z[i]) = xyz[order[i]];
        }
    }

    public int Count => _points.Length;

    /// <summary>The nearest point to (latitude, longitude), or null when the index is empty.</summary>
    public Nearest? Find(double latitude, double longitude)
    {
        if (_points.Length == 0)
        {
            return null;
        }

        var q = ToVector(latitude, longitude);
        var best = double.PositiveInfinity;
        Search(q, 0, _points.Length, 0, ref best);

        // Re-rank every point within the best chord (with margin) by haversine distance, ties by id.
        var limit = best * (1 + 1e-9) + 1e-18;
        Nearest? answer = null;
        Within(q, 0, _points.Length, 0, limit, i =>
        {
            var meters = Haversine(latitude, longitude, _points[i].Latitude, _points[i].Longitude);
            if (answer is null || meters < answer.Value.Meters || (meters == answer.Value.Meters && _points[i].Id < answer.Value.Id))
            {
                answer = new Nearest(_points[i].Id, meters);
            }
        });
        return answer;
    }

    /// <summary>The reference: every point's haversine distance, the smallest kept, ties by identifier.</summary>
    public static Nearest? BruteForce(IReadOnlyList<IndexedPoint> points, double latitude, double longitude)
    {
        Nearest? answer = null;
        foreach (var p in points)
        {
            var meters = Haversine(latitude, longitude, p.Latitude, p.Longitude);
            if (answer is null || meters < answer.Value.Meters || (meters == answer.Value.Meters && p.Id < answer.Value.Id))
            {
                answer = new Nearest(p.Id, meters);
            }
        }

        return answer;
    }

    /// <summary>Great-circle distance in metres (haversine formula, spherical Earth of mean radius).</summary>
    public static double Haversine(double lat1, double lon1, double lat2, double lon2)
    {
        var p1 = lat1 * Math.PI / 180;
        var p2 = lat2 * Math.PI / 180;
        var dp = p2 - p1;
        var dl = (lon2 - lon1) * Math.PI / 180;
        var h = Math.Sin(dp / 2) * Math.Sin(dp / 2) + Math.Cos(p1) * Math.Cos(p2) * Math.Sin(dl / 2) * Math.Sin(dl / 2);
        return 2 * EarthRadiusMeters * Math.Asin(Math.Sqrt(Math.Min(1, h)));
    }

    private static (double X, double Y, double Z) ToVector(double latitude, double longitude)
    {
        var phi = latitude * Math.PI / 180;
        var lambda = longitude * Math.PI / 180;
        return (Math.Cos(phi) * Math.Cos(lambda), Math.Cos(phi) * Math.Sin(lambda), Math.Sin(phi));
    }

    private static double Axis((double X, double Y, double Z) v, int axis) => axis switch { 0 => v.X, 1 => v.Y, _ => v.Z };

    private double Axis(int i, int axis) => axis switch { 0 => _x[i], 1 => _y[i], _ => _z[i] };

    /// <summary>Sorts each node's range on its axis so that its median sits in the middle (a balanced, implicit tree).</summary>
    private static void Build(int[] order, (double X, double Y, double Z)[] xyz, int from, int to, int depth)
    {
        if (to - from <= LeafSize)
        {
            return;
        }

        var axis = depth % 3;
        Array.Sort(order, from, to - from, Comparer<int>.Create((a, b) => Axis(xyz[a], axis).CompareTo(Axis(xyz[b], axis))));
        var mid = (from + to) / 2;
        Build(order, xyz, from, mid, depth + 1);
        Build(order, xyz, mid + 1, to, depth + 1);
    }

    private double Chord2((double X, double Y, double Z) q, int i)
    {
        var dx = q.X - _x[i];
        var dy = q.Y - _y[i];
        var dz = q.Z - _z[i];
        return dx * dx + dy * dy + dz * dz;
    }

    private void Search((double X, double Y, double Z) q, int from, int to, int depth, ref double best)
    {
        if (to - from <= LeafSize)
        {
            for (var i = from; i < to; i++)
            {
                best = Math.Min(best, Chord2(q, i));
            }

            return;
        }

        var axis = depth % 3;
        var mid = (from + to) / 2;
        best = Math.Min(best, Chord2(q, mid));
        var diff = Axis(q, axis) - Axis(mid, axis);
        if (diff < 0)
        {
            Search(q, from, mid, depth + 1, ref best);
            if (diff * diff <= best)
            {
                Search(q, mid + 1, to, depth + 1, ref best);
            }
        }
        else
        {
            Search(q, mid + 1, to, depth + 1, ref best);
            if (diff * diff <= best)
            {
                Search(q, from, mid, depth + 1, ref best);
            }
        }
    }

    private void Within((double X, double Y, double Z) q, int from, int to, int depth, double limit, Action<int> visit)
    {
        if (to - from <= LeafSize)
        {
            for (var i = from; i < to; i++)
            {
                if (Chord2(q, i) <= limit)
                {
                    visit(i);
                }
            }

            return;
        }

        var axis = depth % 3;
        var mid = (from + to) / 2;
        if (Chord2(q, mid) <= limit)
        {
            visit(mid);
        }

        var diff = Axis(q, axis) - Axis(mid, axis);
        if (diff <= 0 || diff * diff <= limit)
        {
            Within(q, from, mid, depth + 1, limit, visit);
        }

        if (diff >= 0 || diff * diff <= limit)
        {
            Within(q, mid + 1, to, depth + 1, limit, visit);
        }
    }
}
