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
    /// <summary>
    /// Wide coverage layouts: one column per operator (and technology, level, measure), e.g.
    /// <c>{ "column": "Orange 4G pop", "operator": "orange", "measure": "population_covered" }</c>.
    /// A row of such a file gives one coverage figure per operator × technology × level; technology
    /// and level come from the entry or from <see cref="Defaults"/>.
    /// </summary>
    public IReadOnlyList<MobileOperatorColumn> OperatorColumns { get; init; } = [];
    /// <summary>Cell values meaning "no value" in this layout (e.g. « #N/A » of a spreadsheet export).</summary>
    public IReadOnlyList<string> Absent { get; init; } = [];
    /// <summary>Whether the file says what it holds is synthetic (demonstration files); a file name containing "synthetique" also does.</summary>
    public bool Synthetic { get; init; }

    /// <summary>Where the mapping was read from (file path), for messages.</summary>
    [JsonIgnore]
    public string Origin { get; init; } = "";

    public IReadOnlyList<string> Required => MobileFields.Of(Dataset)
        .Where(f => f != MobileFields.Vintage && !Optional.Contains(f) && !Defaults.ContainsKey(f))
        // A wide layout gives operator, technology, level and covered figures through its operator columns.
        .Where(f => OperatorColumns.Count == 0 || !MobileOperatorColumn.Fields.Contains(f))
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
            .Concat(LocateOperatorColumns(header).Where(c => c.Index < 0).Select(c => c.Column.Column))
            .ToList();
    }

    /// <summary>Each operator column with its index in <paramref name="header"/> (-1 when absent).</summary>
    public IReadOnlyList<(MobileOperatorColumn Column, int Index)> LocateOperatorColumns(IReadOnlyList<string> header)
    {
        var keys = header.Select(MobileText.Key).ToList();
        return OperatorColumns.Select(c => (c, keys.IndexOf(MobileText.Key(c.Column)))).ToList();
    }

    /// <summary>
    /// Checks what JSON deserialisation cannot: field names known for the dataset, coordinate system,
    /// and the operator columns of a wide layout (operator, measure, technology and level resolvable,
    /// one population column per operator × technology × level). Each problem names its field.
    /// </summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        var known = MobileFields.Of(Dataset);
        foreach (var field in Columns.Keys.Where(k => !known.Contains(k)))
        {
            problems.Add($"« columns.{field} » : champ inconnu pour ce type de fichier (attendus : {string.Join(", ", known)})");
        }

        foreach (var field in Flags.Keys.Where(k => Dataset != MobileDataset.Antennas || k != MobileFields.Technology))
        {
            problems.Add($"« flags.{field} » : seules les technologies d'un site d'antennes se donnent par colonnes oui/non");
        }

        if (Coordinates is not null and not ("lambert93" or "wgs84"))
        {
            problems.Add($"« coordinates » : système de coordonnées « {Coordinates} » inconnu (lambert93 ou wgs84)");
        }

        if (OperatorColumns.Count == 0)
        {
            return problems;
        }

        if (Dataset != MobileDataset.Coverage)
        {
            problems.Add("« operatorColumns » : réservé aux fichiers de couverture (dataset coverage)");
            return problems;
        }

        foreach (var field in MobileOperatorColumn.Fields.Where(Columns.ContainsKey))
        {
            problems.Add($"« columns.{field} » : ce champ vient des colonnes par opérateur (operatorColumns) ; retirez-le de « columns »");
        }

        var groups = new Dictionary<(string, string, string), HashSet<string>>();
        for (var i = 0; i < OperatorColumns.Count; i++)
        {
            var c = OperatorColumns[i];
            var at = $"operatorColumns[{i}]";
            if (string.IsNullOrWhiteSpace(c.Column))
            {
                problems.Add($"« {at}.column » : nom de colonne vide");
            }

            var op = MobileOperators.Resolve(c.Operator ?? "", ValuesOf(MobileFields.Operator));
            if (op is null)
            {
                problems.Add($"« {at}.operator » : opérateur inconnu « {c.Operator} » (orange, sfr, bouygues, free ou leur MCC-MNC)");
            }

            if (c.Measure is not (MobileFields.PopulationCovered or MobileFields.AreaCovered))
            {
                problems.Add($"« {at}.measure » : mesure inconnue « {c.Measure} » ({MobileFields.PopulationCovered} ou {MobileFields.AreaCovered})");
            }

            var techText = c.Technology ?? Defaults.GetValueOrDefault(MobileFields.Technology);
            var tech = techText is null ? null : MobileTechnologies.Resolve(techText, ValuesOf(MobileFields.Technology));
            if (tech is null)
            {
                problems.Add(techText is null
                    ? $"« {at}.technology » : technologie absente (donnez-la ici ou dans « defaults.technology »)"
                    : $"« {at}.technology » : technologie inconnue « {techText} » (2G, 3G, 4G ou 5G)");
            }

            var levelText = c.Level ?? Defaults.GetValueOrDefault(MobileFields.Level);
            var level = levelText is null ? null : MobileLevels.Resolve(levelText, ValuesOf(MobileFields.Level));
            if (level is null)
            {
                problems.Add(levelText is null
                    ? $"« {at}.level » : niveau absent (donnez-le ici ou dans « defaults.level »)"
                    : $"« {at}.level » : niveau inconnu « {levelText} » (très bonne couverture, bonne couverture ou couverture limitée)");
            }

            if (op is null || tech is null || level is null || c.Measure is not (MobileFields.PopulationCovered or MobileFields.AreaCovered))
            {
                continue;
            }

            var measures = groups.TryGetValue((op, tech, level), out var m) ? m : groups[(op, tech, level)] = [];
            if (!measures.Add(c.Measure))
            {
                problems.Add($"« {at} » : {MobileOperators.Name(op)} {tech} {MobileLevels.Label(level)} a déjà une colonne {c.Measure}");
            }
        }

        foreach (var ((op, tech, level), measures) in groups)
        {
            if (!measures.Contains(MobileFields.PopulationCovered))
            {
                problems.Add($"« operatorColumns » : {MobileOperators.Name(op)} {tech} {MobileLevels.Label(level)} n'a pas de colonne {MobileFields.PopulationCovered}");
            }
            else if (!measures.Contains(MobileFields.AreaCovered) && Defaults.GetValueOrDefault(MobileFields.Area) != "0")
            {
                // Without covered areas the area rates would be false; a file without areas says so by an area of 0 (rates then shown as « — »).
                problems.Add($"« operatorColumns » : {MobileOperators.Name(op)} {tech} {MobileLevels.Label(level)} n'a pas de colonne {MobileFields.AreaCovered} ; " +
                             "pour un fichier sans surfaces, déclarez « defaults » : { \"area_km2\": \"0\" }");
            }
        }

        return problems;
    }

    /// <summary>The operator columns of a wide layout resolved to Scoran's ids, grouped by operator × technology × level (call after <see cref="Validate"/>).</summary>
    public IReadOnlyList<MobileWideGroup> WideGroups(IReadOnlyList<string> header) =>
        LocateOperatorColumns(header)
            .GroupBy(c => (Operator: MobileOperators.Resolve(c.Column.Operator ?? "", ValuesOf(MobileFields.Operator))!,
                Technology: MobileTechnologies.Resolve(c.Column.Technology ?? Defaults[MobileFields.Technology], ValuesOf(MobileFields.Technology))!,
                Level: MobileLevels.Resolve(c.Column.Level ?? Defaults[MobileFields.Level], ValuesOf(MobileFields.Level))!))
            .Select(g => new MobileWideGroup(g.Key.Operator, g.Key.Technology, g.Key.Level,
                g.Single(c => c.Column.Measure == MobileFields.PopulationCovered).Index,
                g.Where(c => c.Column.Measure == MobileFields.AreaCovered).Select(c => c.Index).DefaultIfEmpty(-1).First()))
            .ToList();
}

/// <summary>One column of a wide coverage layout: which operator (technology, level) and which measure it holds.</summary>
public sealed record MobileOperatorColumn
{
    /// <summary>The fields a wide layout gives through its operator columns instead of <see cref="MobileMapping.Columns"/>.</summary>
    public static readonly IReadOnlyList<string> Fields = [MobileFields.Operator, MobileFields.Technology, MobileFields.Level, MobileFields.PopulationCovered, MobileFields.AreaCovered];

    /// <summary>Header name of the column (compared without case, accents or punctuation).</summary>
    public string Column { get; init; } = "";
    /// <summary>Operator id, name or MCC-MNC (or a spelling declared in the mapping's « values.operator »).</summary>
    public string? Operator { get; init; }
    /// <summary><c>population_covered</c> or <c>area_covered_km2</c>.</summary>
    public string? Measure { get; init; }
    public string? Technology { get; init; }
    public string? Level { get; init; }
}

/// <summary>The columns of one operator × technology × level of a wide layout (area index -1: the file has no covered areas).</summary>
public sealed record MobileWideGroup(string Operator, string Technology, string Level, int PopulationIndex, int AreaIndex);

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
                var bytes = await File.ReadAllBytesAsync(file, cancellationToken);
                var shape = CheckShape(bytes);
                if (shape.Count > 0)
                {
                    errors.AddRange(shape.Select(p => new ImportError(file, null, null, $"mapping invalide : {p}")));
                    continue;
                }

                var mapping = JsonSerializer.Deserialize<MobileMapping>(bytes, Options) ?? throw new JsonException("fichier vide");
                var problems = mapping.Validate();
                if (problems.Count > 0)
                {
                    errors.AddRange(problems.Select(p => new ImportError(file, null, null, $"mapping {mapping.Id} invalide : {p}")));
                    continue;
                }

                mappings.Add(mapping with { Origin = file });
            }
            catch (JsonException ex)
            {
                var field = string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? "" : $"champ « {ex.Path.TrimStart('$', '.')} » : ";
                errors.Add(new ImportError(file, ex.LineNumber + 1, ex.BytePositionInLine + 1, $"mapping illisible : {field}valeur de type inattendu ou JSON mal formé"));
            }
        }

        if (errors.Count > 0)
        {
            throw new ImportRejectedException(errors);
        }

        return mappings;
    }

    private static readonly string[] Datasets = ["coverage", "sites", "antennas"];

    /// <summary>The required members and their types, checked before deserialising so each problem names its field in French.</summary>
    private static List<string> CheckShape(byte[] bytes)
    {
        var problems = new List<string>();
        System.Text.Json.Nodes.JsonNode? root;
        try
        {
            root = System.Text.Json.Nodes.JsonNode.Parse(bytes, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            return [$"JSON mal formé ligne {ex.LineNumber + 1}, position {ex.BytePositionInLine + 1}"];
        }

        if (root is not System.Text.Json.Nodes.JsonObject obj)
        {
            return ["un objet JSON est attendu ({ \"id\": …, \"label\": …, \"dataset\": …, \"columns\": { … } })"];
        }

        var members = obj.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.OrdinalIgnoreCase);
        foreach (var name in new[] { "id", "label" })
        {
            if (!members.TryGetValue(name, out var v) || v is not System.Text.Json.Nodes.JsonValue value || !value.TryGetValue<string>(out var text) || string.IsNullOrWhiteSpace(text))
            {
                problems.Add($"champ « {name} » manquant ou vide (texte attendu)");
            }
        }

        if (!members.TryGetValue("dataset", out var d) || d is not System.Text.Json.Nodes.JsonValue dv || !dv.TryGetValue<string>(out var ds) || !Datasets.Contains(ds, StringComparer.OrdinalIgnoreCase))
        {
            problems.Add("champ « dataset » manquant ou inconnu (coverage, sites ou antennas attendu)");
        }

        if (!members.TryGetValue("columns", out var c) || c is not System.Text.Json.Nodes.JsonObject columns)
        {
            problems.Add("champ « columns » manquant (objet champ → liste de noms de colonnes attendu)");
        }
        else
        {
            foreach (var (field, names) in columns)
            {
                if (names is not System.Text.Json.Nodes.JsonArray list || list.Count == 0 || list.Any(n => n is not System.Text.Json.Nodes.JsonValue nv || !nv.TryGetValue<string>(out _)))
                {
                    problems.Add($"champ « columns.{field} » : liste non vide de noms de colonnes attendue");
                }
            }
        }

        if (members.TryGetValue("operatorColumns", out var oc) && oc is not null && oc is not System.Text.Json.Nodes.JsonArray)
        {
            problems.Add("champ « operatorColumns » : liste attendue ([{ \"column\": …, \"operator\": …, \"measure\": … }])");
        }

        return problems;
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
