using System.Text.Json;
using System.Text.Json.Serialization;
using Scoran.Core;
using Scoran.Core.Imports;

namespace Scoran.Observatory.Mobile;

/// <summary>What a mobile file holds: announced coverage per commune, or New Deal sites.</summary>
public enum MobileDataset
{
    Coverage,
    Sites,
    /// <summary>Antenna sites (Arcep « sites mobiles »): operator, position or commune, technologies.</summary>
    Antennas,
}

/// <summary>
/// The column layout of one version of a mobile file, as configuration: which header names
/// (with alternatives) give each field, and how the file spells operators, technologies, levels
/// and statuses. Arcep's per-commune mobile files have no documented schema, so a new layout is
/// imported by writing one of these (JSON, in data/arcep/mobile-mappings), not by changing code.
/// </summary>
public sealed record MobileMapping
{
    public required string Id { get; init; }
    public required string Label { get; init; }
    public required MobileDataset Dataset { get; init; }
    public string? Description { get; init; }
    /// <summary>Where the layout was seen (publisher file, or a public repository, path and commit holding it): why it can be trusted.</summary>
    public string? Source { get; init; }
    /// <summary>Field → accepted header names, first match wins (case- and accent-insensitive).</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<string>> Columns { get; init; }
    /// <summary>Fields that may be missing from the header (they then take <see cref="Defaults"/> or stay empty).</summary>
    public IReadOnlyList<string> Optional { get; init; } = [];
    /// <summary>Field → value used when the column is absent (e.g. level = bonne for a file of one level).</summary>
    public IReadOnlyDictionary<string, string> Defaults { get; init; } = new Dictionary<string, string>();
    /// <summary>Field → file spelling → Scoran spelling, for values the built-in aliases do not know.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Values { get; init; } = new Dictionary<string, IReadOnlyDictionary<string, string>>();
    /// <summary>Date formats of the file (.NET patterns), tried in order.</summary>
    public IReadOnlyList<string> DateFormats { get; init; } = ["yyyy-MM-dd", "dd/MM/yyyy"];
    /// <summary>
    /// Coordinate system of the <c>x</c>/<c>y</c> columns when the file gives positions instead of
    /// communes: <c>lambert93</c> (RGF93 / EPSG:2154, metres) or <c>wgs84</c> (x = longitude,
    /// y = latitude). The commune is then found by point-in-polygon in the commune outlines.
    /// </summary>
    public string? Coordinates { get; init; }
    /// <summary>
    /// Wide layouts: field → value → accepted header names of a column holding a yes/no flag
    /// (1/0, oui/non, true/false). A row gives the field every value whose flag is set, e.g.
    /// <c>"technology": { "2G": ["2G", "site_2g"], "4G": ["4G", "site_4g"] }</c>.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>> Flags { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>>();
    /// <summary>Cell values meaning "no value" in this layout (e.g. « #N/A » of a spreadsheet export).</summary>
    public IReadOnlyList<string> Absent { get; init; } = [];
    /// <summary>Whether the file says what it holds is synthetic (demonstration files); a file name containing "synthetique" also does.</summary>
    public bool Synthetic { get; init; }

    /// <summary>Where the mapping was read from (file path), for messages.</summary>
    [JsonIgnore]
    public string Origin { get; init; } = "";

    public IReadOnlyList<string> Required => MobileFields.Of(Dataset)
        .Where(f => f != MobileFields.Vintage && !Optional.Contains(f) && !Defaults.ContainsKey(f))
        // Antennas: the position or the commune, not both; the site reference is a nicety.
        .Where(f => Dataset != MobileDataset.Antennas || f switch
        {
            MobileFields.SiteId => false,
            MobileFields.Commune => Coordinates is null,
            MobileFields.X or MobileFields.Y => Coordinates is not null,
            _ => true,
        })
        .ToList();

    /// <summary>For each flag column (field, value), its index in <paramref name="header"/> (-1 when absent).</summary>
    public IReadOnlyDictionary<(string Field, string Value), int> LocateFlags(IReadOnlyList<string> header)
    {
        var keys = header.Select(MobileText.Key).ToList();
        return Flags.SelectMany(f => f.Value.Select(v => (Key: (f.Key, v.Key), Index: v.Value.Select(n => keys.IndexOf(MobileText.Key(n))).FirstOrDefault(i => i >= 0, -1))))
            .ToDictionary(x => x.Key, x => x.Index);
    }

    public bool IsAbsent(string text) => text.Length == 0 || Absent.Any(a => string.Equals(a.Trim(), text, StringComparison.OrdinalIgnoreCase));

    public IReadOnlyDictionary<string, string> ValuesOf(string field) =>
        Values.TryGetValue(field, out var v) ? v.ToDictionary(kv => MobileText.Key(kv.Key), kv => kv.Value) : new Dictionary<string, string>();

    /// <summary>For each mapped field, its column index in <paramref name="header"/> (-1 when absent).</summary>
    public IReadOnlyDictionary<string, int> Locate(IReadOnlyList<string> header)
    {
        var keys = header.Select(MobileText.Key).ToList();
        return Columns.ToDictionary(c => c.Key, c =>
        {
            foreach (var name in c.Value)
            {
                var index = keys.IndexOf(MobileText.Key(name));
                if (index >= 0)
                {
                    return index;
                }
            }

            return -1;
        });
    }

    /// <summary>Required fields whose column is missing, named by their first accepted header name.</summary>
    public IReadOnlyList<string> Missing(IReadOnlyList<string> header)
    {
        var located = Locate(header);
        var flags = LocateFlags(header);
        return Required.Where(f => located.GetValueOrDefault(f, -1) < 0)
            .Select(f => Columns.TryGetValue(f, out var names) && names.Count > 0 ? names[0] : f)
            .Concat(flags.Where(f => f.Value < 0).Select(f => Flags[f.Key.Field][f.Key.Value] is { Count: > 0 } n ? n[0] : f.Key.Value))
            .ToList();
    }
}

/// <summary>The fields a mapping can give, per dataset.</summary>
public static class MobileFields
{
    public const string Commune = "commune";
    public const string Operator = "operator";
    public const string Technology = "technology";
    public const string Level = "level";
    public const string PopulationCovered = "population_covered";
    public const string AreaCovered = "area_covered_km2";
    public const string Population = "population";
    public const string Area = "area_km2";
    public const string Vintage = "vintage";

    public const string SiteId = "site_id";
    public const string Operators = "operators";
    public const string Status = "status";
    public const string DecreeDate = "decree_date";
    public const string Deadline = "deadline";
    public const string InServiceDate = "in_service_date";

    public static readonly IReadOnlyList<string> Coverage = [Commune, Operator, Technology, Level, PopulationCovered, AreaCovered, Population, Area, Vintage];
    public static readonly IReadOnlyList<string> Sites = [SiteId, Commune, Operators, Status, DecreeDate, Deadline, InServiceDate, Vintage];

    public const string X = "x";
    public const string Y = "y";

    /// <summary>Antenna sites: technologies come from <see cref="MobileMapping.Flags"/> (one column per technology).</summary>
    public static readonly IReadOnlyList<string> Antennas = [SiteId, Operator, Commune, X, Y, Vintage];

    public static IReadOnlyList<string> Of(MobileDataset dataset) => dataset switch
    {
        MobileDataset.Coverage => Coverage,
        MobileDataset.Sites => Sites,
        _ => Antennas,
    };
}

/// <summary>The mappings Scoran knows: those shipped in data/arcep/mobile-mappings, plus any a user gives.</summary>
public static class MobileMappings
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>The shipped mappings folder of the clone, or null outside a clone.</summary>
    public static string? ShippedFolder => RepositoryLayout.FindRoot() is { } root ? Path.Combine(root, "data", "arcep", "mobile-mappings") : null;

    /// <summary>Reads mapping files (JSON); a malformed one is refused with its file and reason.</summary>
    public static async Task<IReadOnlyList<MobileMapping>> LoadAsync(IEnumerable<string> files, CancellationToken cancellationToken = default)
    {
        var mappings = new List<MobileMapping>();
        var errors = new List<ImportError>();
        foreach (var file in files)
        {
            try
            {
                await using var stream = File.OpenRead(file);
                var mapping = await JsonSerializer.DeserializeAsync<MobileMapping>(stream, Options, cancellationToken)
                    ?? throw new JsonException("fichier vide");
                var known = MobileFields.Of(mapping.Dataset);
                // Flag columns carry a multi-valued field; today that is the technologies of an antenna site.
                var unknown = mapping.Columns.Keys.Where(k => !known.Contains(k))
                    .Concat(mapping.Flags.Keys.Where(k => mapping.Dataset != MobileDataset.Antennas || k != MobileFields.Technology)).Distinct().ToList();
                if (mapping.Coordinates is not null and not ("lambert93" or "wgs84"))
                {
                    errors.Add(new ImportError(file, null, null, $"mapping {mapping.Id} : système de coordonnées « {mapping.Coordinates} » inconnu (lambert93 ou wgs84)"));
                    continue;
                }

                if (unknown.Count > 0)
                {
                    errors.Add(new ImportError(file, null, null, $"mapping {mapping.Id} : champ(s) inconnu(s) {string.Join(", ", unknown)} (attendus : {string.Join(", ", known)})"));
                    continue;
                }

                mappings.Add(mapping with { Origin = file });
            }
            catch (JsonException ex)
            {
                errors.Add(new ImportError(file, ex.LineNumber + 1, ex.BytePositionInLine + 1, $"mapping illisible : {ex.Message}"));
            }
        }

        if (errors.Count > 0)
        {
            throw new ImportRejectedException(errors);
        }

        return mappings;
    }

    /// <summary>The shipped mappings, then <paramref name="extra"/> files (a user's own layouts).</summary>
    public static Task<IReadOnlyList<MobileMapping>> LoadShippedAsync(IEnumerable<string>? extra = null, CancellationToken cancellationToken = default)
    {
        var files = ShippedFolder is { } folder && Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal).ToList()
            : [];
        return LoadAsync(files.Concat(extra ?? []), cancellationToken);
    }
}
