namespace Scoran.Benchmarks.Eligibility;

/// <summary>
/// Arcep's building-level format (ARCEP-FORMATS.md §2, end): the building base and the
/// eligibility file, <c>;</c>-separated UTF-8 with a header row.
/// </summary>
public static class EligibilityFormat
{
    public const string BuildingsFile = "base_imb.csv";
    public const string EligibilityFile = "eligibilite.csv";
    public const string QueriesFile = "queries.csv";
    public const string ManifestFile = "manifest.json";

    public static readonly string[] BuildingColumns =
    [
        "imb_id", "imb_longitude", "imb_latitude", "imb_code", "imb_code_insee", "imb_nbr_logloc", "imb_source", "imb_type",
        "addr_code", "imb_num", "addr_numero", "addr_rep", "addr_nom_voie", "addr_nom_ld", "addr_code_insee", "addr_nom_commune",
        "addr_id_fantoir", "addr_source",
    ];

    public static readonly string[] EligibilityColumns =
    [
        "imb_id", "addr_code", "imb_code", "code_techno", "classe_debit_montant", "classe_debit_descendant", "limitation", "saturation",
    ];

    /// <summary>Speed classes, slowest first: the index is the order used for "best class".</summary>
    public static readonly string[] Classes = ["INEL", "HD05", "HD3", "BHD8", "THD30", "THD100", "THD1G"];

    /// <summary>Technologies; the first three are the wired ones (for the "no wired access" count).</summary>
    public static readonly string[] Technologies = ["CU", "COAX", "FO", "4GF", "THDR", "WMX", "SAT"];

    public const int Inel = 0;
    public const int Hd05 = 1;
    public const int Hd3 = 2;
    public const int Bhd8 = 3;
    public const int Thd30 = 4;
    public const int Thd100 = 5;
    public const int Thd1G = 6;

    public const int Cu = 0;
    public const int Coax = 1;
    public const int Fo = 2;
    public const int FourGf = 3;
    public const int Thdr = 4;
    public const int Wmx = 5;
    public const int Sat = 6;

    public static bool IsWired(int technology) => technology <= Fo;

    public static int ClassIndex(ReadOnlySpan<char> code) => code switch
    {
        "INEL" => Inel,
        "HD05" => Hd05,
        "HD3" => Hd3,
        "BHD8" => Bhd8,
        "THD30" => Thd30,
        "THD100" => Thd100,
        "THD1G" => Thd1G,
        _ => -1,
    };

    public static int TechnologyIndex(ReadOnlySpan<char> code) => code switch
    {
        "CU" => Cu,
        "COAX" => Coax,
        "FO" => Fo,
        "4GF" => FourGf,
        "THDR" => Thdr,
        "WMX" => Wmx,
        "SAT" => Sat,
        _ => -1,
    };
}

/// <summary>Web Mercator (EPSG:3857), the projection of <c>imb_longitude</c>/<c>imb_latitude</c>.</summary>
public static class WebMercator
{
    private const double Radius = 6378137.0;

    public static double X(double longitude) => Radius * longitude * Math.PI / 180.0;

    public static double Y(double latitude) => Radius * Math.Log(Math.Tan(Math.PI / 4 + latitude * Math.PI / 360.0));

    public static double Longitude(double x) => x / Radius * 180.0 / Math.PI;

    public static double Latitude(double y) => (2 * Math.Atan(Math.Exp(y / Radius)) - Math.PI / 2) * 180.0 / Math.PI;
}

/// <summary>
/// SplitMix64: deterministic whatever the runtime version (System.Random's algorithm is an
/// implementation detail) and cheap enough for a billion draws.
/// </summary>
public struct SplitMix64(ulong seed)
{
    private ulong _state = seed;

    public ulong NextUInt64()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    public int Next(int maxExclusive) => (int)((NextUInt64() >> 33) * (ulong)maxExclusive >> 31);

    public double NextGaussian()
    {
        // Box–Muller; the second value is dropped, determinism matters more than the draw.
        var u1 = 1.0 - NextDouble();
        var u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    /// <summary>A stable seed from a string (FNV-1a), unlike string.GetHashCode which changes per process.</summary>
    public static ulong Hash(ulong seed, string text)
    {
        var hash = 14695981039346656037UL ^ seed;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }
}
