using System.Text;
using System.Text.Json;

namespace Scoran.Benchmarks.Eligibility;

/// <summary>One current commune with where its buildings go.</summary>
public sealed record GeneratedCommune(
    string Code,
    string Name,
    string Department,
    int Population,
    double CentreLatitude,
    double CentreLongitude,
    double RadiusMetres)
{
    public byte[] CodeUtf8 { get; } = Encoding.UTF8.GetBytes(Code);

    public byte[] NameUtf8 { get; } = Encoding.UTF8.GetBytes(Name);

    /// <summary>0 for a village of 100 inhabitants or fewer, 1 for a city of a million or more.</summary>
    public double Urban { get; } = Math.Clamp((Math.Log10(Math.Max(Population, 1)) - 2) / 4, 0, 1);
}

/// <summary>
/// The real current communes (decoupage-administratif 6.0.0, metropolitan France and the five
/// DROM) with a synthetic centre: the shared data has no commune centre or outline for the whole
/// country, so each centre is drawn (seeded by the commune code) inside its département's real
/// outline (france-geojson, simplified), and the radius grows with the population, from 1 km for
/// a hamlet to 12 km for the largest cities. The DROM, without outlines in the shared data, get
/// a disk around a fixed point of the island or territory.
/// </summary>
public static class CommunePlacement
{
    // Approximate centre and spread (km) of each DROM; Guyane's communes are mostly on the coast.
    private static readonly Dictionary<string, (double Lat, double Lon, double Km)> Overseas = new()
    {
        ["971"] = (16.20, -61.55, 20),
        ["972"] = (14.65, -61.02, 15),
        ["973"] = (4.60, -52.80, 80),
        ["974"] = (-21.12, 55.53, 20),
        ["976"] = (-12.82, 45.15, 8),
    };

    public static string DepartmentOutlines =>
        Path.GetFullPath(Path.Combine(BenchPaths.RepositoryRoot, "..", "shared", "data", "geo", "france-geojson", "departements-version-simplifiee.geojson"));

    /// <summary>A point anywhere on metropolitan France's land (inside one of the départements' outlines), uniformly.</summary>
    public static Func<(double Lat, double Lon)> MetropolitanSampler(ulong seed)
    {
        var outlines = ReadOutlines(DepartmentOutlines).Values.ToList();
        var random = new SplitMix64(seed);
        return () =>
        {
            while (true)
            {
                var lon = -5.2 + random.NextDouble() * 13.8;
                var lat = 41.3 + random.NextDouble() * 9.9;
                if (outlines.Any(o => o.Contains(lon, lat)))
                {
                    return (lat, lon);
                }
            }
        };
    }

    public static IReadOnlyList<GeneratedCommune> Load(ulong seed)
    {
        var outlines = ReadOutlines(DepartmentOutlines);
        using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(BenchPaths.Territories, "communes.json")));
        var communes = new List<GeneratedCommune>();
        foreach (var element in json.RootElement.EnumerateArray())
        {
            if (element.GetProperty("type").GetString() != "commune-actuelle"
                || !element.TryGetProperty("population", out var populationElement)
                || populationElement.GetInt32() <= 0)
            {
                continue;
            }

            var code = element.GetProperty("code").GetString()!;
            var department = element.GetProperty("departement").GetString()!;
            var population = populationElement.GetInt32();
            var random = new SplitMix64(SplitMix64.Hash(seed, code));
            (double Lat, double Lon) centre;
            if (outlines.TryGetValue(department, out var outline))
            {
                centre = outline.RandomPointInside(ref random);
            }
            else if (Overseas.TryGetValue(department, out var island))
            {
                centre = Around(island.Lat, island.Lon, island.Km * 1000, ref random);
            }
            else
            {
                // Collectivités d'outre-mer: not in Arcep's building base.
                continue;
            }

            var radius = Math.Clamp(1000 + 15 * Math.Sqrt(population), 1000, 12000);
            communes.Add(new GeneratedCommune(code, element.GetProperty("nom").GetString()!, department, population, centre.Lat, centre.Lon, radius));
        }

        communes.Sort((a, b) => string.CompareOrdinal(a.Code, b.Code));
        return communes;
    }

    /// <summary>A point at a Gaussian distance (σ = radius / 2, cut at the radius) from a centre: denser in the middle, like a town.</summary>
    public static (double Lat, double Lon) Around(double latitude, double longitude, double radiusMetres, ref SplitMix64 random)
    {
        double dx, dy;
        do
        {
            dx = random.NextGaussian() * radiusMetres / 2;
            dy = random.NextGaussian() * radiusMetres / 2;
        }
        while (dx * dx + dy * dy > radiusMetres * radiusMetres);

        return (latitude + dy / 111_320.0, longitude + dx / (111_320.0 * Math.Cos(latitude * Math.PI / 180)));
    }

    private static Dictionary<string, Outline> ReadOutlines(string path)
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(path));
        var outlines = new Dictionary<string, Outline>(StringComparer.Ordinal);
        foreach (var feature in json.RootElement.GetProperty("features").EnumerateArray())
        {
            var code = feature.GetProperty("properties").GetProperty("code").GetString()!;
            var geometry = feature.GetProperty("geometry");
            var rings = new List<double[]>();
            var coordinates = geometry.GetProperty("coordinates");
            if (geometry.GetProperty("type").GetString() == "Polygon")
            {
                AddRings(coordinates, rings);
            }
            else
            {
                foreach (var polygon in coordinates.EnumerateArray())
                {
                    AddRings(polygon, rings);
                }
            }

            outlines[code] = new Outline(rings);
        }

        return outlines;

        static void AddRings(JsonElement polygon, List<double[]> rings)
        {
            foreach (var ring in polygon.EnumerateArray())
            {
                var points = new List<double>();
                foreach (var point in ring.EnumerateArray())
                {
                    points.Add(point[0].GetDouble());
                    points.Add(point[1].GetDouble());
                }

                rings.Add([.. points]);
            }
        }
    }

    /// <summary>Rings as flat lon,lat arrays; even-odd rule, so holes and islands need no special case.</summary>
    private sealed class Outline
    {
        private readonly List<double[]> _rings;
        private readonly double _minLon = double.MaxValue, _maxLon = double.MinValue, _minLat = double.MaxValue, _maxLat = double.MinValue;

        public Outline(List<double[]> rings)
        {
            _rings = rings;
            foreach (var ring in rings)
            {
                for (var i = 0; i < ring.Length; i += 2)
                {
                    _minLon = Math.Min(_minLon, ring[i]);
                    _maxLon = Math.Max(_maxLon, ring[i]);
                    _minLat = Math.Min(_minLat, ring[i + 1]);
                    _maxLat = Math.Max(_maxLat, ring[i + 1]);
                }
            }
        }

        public (double Lat, double Lon) RandomPointInside(ref SplitMix64 random)
        {
            while (true)
            {
                var lon = _minLon + random.NextDouble() * (_maxLon - _minLon);
                var lat = _minLat + random.NextDouble() * (_maxLat - _minLat);
                if (Contains(lon, lat))
                {
                    return (lat, lon);
                }
            }
        }

        public bool Contains(double lon, double lat)
        {
            if (lon < _minLon || lon > _maxLon || lat < _minLat || lat > _maxLat)
            {
                return false;
            }

            var inside = false;
            foreach (var ring in _rings)
            {
                for (int i = 0, j = ring.Length - 2; i < ring.Length; j = i, i += 2)
                {
                    var (xi, yi, xj, yj) = (ring[i], ring[i + 1], ring[j], ring[j + 1]);
                    if ((yi > lat) != (yj > lat) && lon < (xj - xi) * (lat - yi) / (yj - yi) + xi)
                    {
                        inside = !inside;
                    }
                }
            }

            return inside;
        }
    }
}
