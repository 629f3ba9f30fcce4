using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Scoran.Observatory.Measurements;

/// <summary>Settings under <c>Scoran:Measurements</c>.</summary>
public sealed class MeasurementOptions
{
    public const string Section = "Scoran:Measurements";
    /// <summary>k: a commune or cell is published only with at least this many distinct contributors.</summary>
    public int MinimumContributors { get; set; } = 5;
    /// <summary>Raw positions older than this (by reception time) are removed by <c>scoran measurements purge</c>.</summary>
    public int RetentionDays { get; set; } = 90;
    /// <summary>How often the web app runs the retention purge (MeasurementPurgeService); zero or negative: never (schedule the CLI verb instead).</summary>
    public TimeSpan PurgeInterval { get; set; } = TimeSpan.FromHours(24);
    /// <summary>Delay between the web app's start and its first purge: soon, but not in the way of start-up and migrations.</summary>
    public TimeSpan PurgeStartDelay { get; set; } = TimeSpan.FromMinutes(1);
    /// <summary>Oldest measurement accepted, by measurement time.</summary>
    public int MaximumAgeDays { get; set; } = 30;
    /// <summary>Tolerated clock skew of a phone ahead of the server.</summary>
    public int FutureSkewMinutes { get; set; } = 5;
    /// <summary>Items per request.</summary>
    public int MaximumBatch { get; set; } = 500;
    /// <summary>Requests per client and minute on POST /api/measurements.</summary>
    public int RequestsPerMinute { get; set; } = 120;

    /// <summary>
    /// Largest body of <c>POST /api/measurements</c>, in bytes (security review F3): about 1 KB per measurement of a full batch.
    /// A larger body is refused with 413 while it is read, before any parsing.
    /// </summary>
    public long MaximumBodyBytes { get; set; } = 512 * 1024;
}

/// <summary>A measurement as submitted (API body item or page form), before validation.</summary>
public sealed record MeasurementSubmission
{
    /// <summary>Client-generated id (a UUID is advised): the idempotency key of the item.</summary>
    public string? Id { get; init; }
    public DateTimeOffset? Time { get; init; }
    public double? Lat { get; init; }
    public double? Lon { get; init; }
    public double? Accuracy { get; init; }
    /// <summary>MCC-MNC.</summary>
    public string? Operator { get; init; }
    public string? Technology { get; init; }
    public double? Rsrp { get; init; }
    public double? Rsrq { get; init; }
    public double? Sinr { get; init; }
    public double? Rssi { get; init; }
    public double? DownloadMbps { get; init; }
    public double? UploadMbps { get; init; }
    public double? LatencyMs { get; init; }
    public bool? Indoor { get; init; }
    public string? AppVersion { get; init; }
    public string? Device { get; init; }
    /// <summary>Stable random id of the app installation, hashed into the contributor id.</summary>
    public string? InstallationId { get; init; }
    public string? Campaign { get; init; }
}

/// <summary>The validation rules, all in one place so the API, the page and the documentation agree.</summary>
public static class MeasurementRules
{
    /// <summary>French mobile network codes (MCC 208) of the four operators with a network, and their names.</summary>
    public static readonly IReadOnlyDictionary<string, string> Operators = new Dictionary<string, string>
    {
        ["20801"] = "Orange",
        ["20810"] = "SFR",
        ["20815"] = "Free Mobile",
        ["20820"] = "Bouygues Telecom",
    };

    public static readonly IReadOnlyList<string> Technologies = ["2G", "3G", "4G", "5G", "aucune"];

    public const double MaxDownloadMbps = 10_000;
    public const double MaxUploadMbps = 5_000;
    public const double MaxLatencyMs = 60_000;
    public const double MaxAccuracyMeters = 5_000;

    /// <summary>
    /// Bounding boxes of metropolitan France (with Corsica) and the five overseas départements,
    /// used when no commune outline is loaded: (south, west, north, east).
    /// </summary>
    public static readonly IReadOnlyList<(string Name, double South, double West, double North, double East)> FranceBoxes =
    [
        ("France métropolitaine", 41.30, -5.25, 51.15, 9.65),
        ("Guadeloupe", 15.80, -61.85, 16.55, -60.95),
        ("Martinique", 14.35, -61.25, 14.90, -60.80),
        ("Guyane", 2.10, -54.65, 5.80, -51.60),
        ("La Réunion", -21.40, 55.20, -20.85, 55.85),
        ("Mayotte", -13.05, 44.95, -12.60, 45.35),
    ];

    public static bool InFranceBox(double lat, double lon) =>
        FranceBoxes.Any(b => lat >= b.South && lat <= b.North && lon >= b.West && lon <= b.East);

    /// <summary>Field-level errors of one item; keys are prefixed (e.g. "items[3].").</summary>
    public static void Validate(MeasurementSubmission m, string prefix, DateTimeOffset now, MeasurementOptions options, IDictionary<string, List<string>> errors)
    {
        void Add(string field, string message)
        {
            var key = prefix + field;
            if (!errors.TryGetValue(key, out var list))
            {
                errors[key] = list = [];
            }

            list.Add(message);
        }

        void Range(string field, double? value, double min, double max, string unit)
        {
            if (value is { } v && (double.IsNaN(v) || v < min || v > max))
            {
                Add(field, string.Create(CultureInfo.InvariantCulture, $"Valeur hors plage : attendu entre {min} et {max} {unit}."));
            }
        }

        if (m.Id is { } id && (id.Length is 0 or > 100 || id.Any(char.IsControl)))
        {
            Add("id", "Identifiant de 1 à 100 caractères attendu (un UUID de préférence).");
        }

        if (m.Time is not { } time)
        {
            Add("time", "Heure de la mesure obligatoire (ISO 8601 avec fuseau, ex. 2026-05-12T14:03:00+02:00).");
        }
        else if (time > now.AddMinutes(options.FutureSkewMinutes))
        {
            Add("time", $"Heure de la mesure dans le futur (plus de {options.FutureSkewMinutes} min d'avance sur le serveur).");
        }
        else if (time < now.AddDays(-options.MaximumAgeDays))
        {
            Add("time", $"Mesure trop ancienne : plus de {options.MaximumAgeDays} jours.");
        }

        if (m.Lat is null || m.Lon is null)
        {
            Add(m.Lat is null ? "lat" : "lon", "Position obligatoire (latitude et longitude WGS84 en degrés).");
        }
        else
        {
            Range("lat", m.Lat, -90, 90, "°");
            Range("lon", m.Lon, -180, 180, "°");
        }

        Range("accuracy", m.Accuracy, 0, MaxAccuracyMeters, "m");
        if (m.Operator is null || !Operators.ContainsKey(m.Operator))
        {
            Add("operator", "Opérateur inconnu : code MCC-MNC français attendu (" + string.Join(", ", Operators.Select(o => $"{o.Key} {o.Value}")) + ").");
        }

        if (m.Technology is null || !Technologies.Contains(m.Technology, StringComparer.OrdinalIgnoreCase))
        {
            Add("technology", "Technologie attendue : 2G, 3G, 4G, 5G ou « aucune » (pas de service).");
        }

        Range("rsrp", m.Rsrp, -156, -31, "dBm");
        Range("rsrq", m.Rsrq, -34, 3, "dB");
        Range("sinr", m.Sinr, -23, 40, "dB");
        Range("rssi", m.Rssi, -120, -25, "dBm");
        Range("downloadMbps", m.DownloadMbps, 0, MaxDownloadMbps, "Mbit/s");
        Range("uploadMbps", m.UploadMbps, 0, MaxUploadMbps, "Mbit/s");
        Range("latencyMs", m.LatencyMs, 0, MaxLatencyMs, "ms");
        if (m.AppVersion is { Length: > 64 })
        {
            Add("appVersion", "64 caractères au plus.");
        }

        if (m.Device is { Length: > 128 })
        {
            Add("device", "128 caractères au plus.");
        }

        if (m.InstallationId is { Length: > 100 })
        {
            Add("installationId", "100 caractères au plus.");
        }
    }

    public static string NormaliseTechnology(string technology) =>
        technology.Equals("aucune", StringComparison.OrdinalIgnoreCase) ? "aucune" : technology.ToUpperInvariant();

    /// <summary>SHA-256 in lower-case hex, with a purpose prefix so the same secret gives different ids for different uses.</summary>
    public static string Hash(string purpose, string secret) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(purpose + ":" + secret)));
}

/// <summary>
/// The publication grid: cells of 0.01° of latitude by 0.015° of longitude (about 1.1 km × 1.1 km
/// at 47° N, BFC's latitude), identified by their south-west corner indexes.
/// </summary>
public static class MeasurementGrid
{
    public const double LatitudeStep = 0.01;
    public const double LongitudeStep = 0.015;

    public static string CellOf(double lat, double lon)
    {
        var row = (long)Math.Floor(lat / LatitudeStep);
        var column = (long)Math.Floor(lon / LongitudeStep);
        return string.Create(CultureInfo.InvariantCulture, $"{row}_{column}");
    }

    /// <summary>(south, west, north, east) of a cell.</summary>
    public static (double South, double West, double North, double East) Bounds(string cellId)
    {
        var parts = cellId.Split('_');
        var row = long.Parse(parts[0], CultureInfo.InvariantCulture);
        var column = long.Parse(parts[1], CultureInfo.InvariantCulture);
        return (Math.Round(row * LatitudeStep, 6), Math.Round(column * LongitudeStep, 6),
                Math.Round((row + 1) * LatitudeStep, 6), Math.Round((column + 1) * LongitudeStep, 6));
    }
}
