using System.Globalization;
using System.Security.Cryptography;
using Scoran.Core.Imports;
using Scoran.Observatory.Import.Arcep;
using Scoran.Observatory.Model;

namespace Scoran.Observatory.Mobile;

public sealed record MobileCoverageRow(long Line, string CommuneCode, string Operator, string Technology, string Level,
    long PopulationCovered, decimal AreaCoveredKm2, long Population, decimal AreaKm2);

public sealed record NewDealSiteRow(long Line, string SiteId, string CommuneCode, IReadOnlyList<string> Operators, string Status,
    DateOnly? DecreeDate, DateOnly? Deadline, DateOnly? InServiceDate);

/// <summary>A mobile file read through the mapping its header matched, validated, ready to replace its vintage.</summary>
public sealed record MobileFile(string File, MobileMapping Mapping, Quarter Vintage, string ContentSha256, bool Synthetic,
    IReadOnlyList<MobileCoverageRow> Coverage, IReadOnlyList<NewDealSiteRow> Sites)
{
    public MobileDataset Dataset => Mapping.Dataset;

    public IReadOnlyList<MobileAntennaRow> Antennas { get; init; } = [];

    /// <summary>Antenna rows the publisher left without a position (e.g. « #N/A »): skipped, and counted in the import summary.</summary>
    public int WithoutPosition { get; init; }
}

/// <summary>
/// Reads a mobile file (CSV or XLSX, UTF-8 or Latin-1, comma or semicolon: the Arcep table
/// reader) through the mapping whose columns its header holds. A header that matches no mapping
/// is refused naming the columns the closest mapping misses; every bad value is reported with
/// its line and column, and nothing is imported from a file with any error.
/// </summary>
public static class MobileFiles
{
    public const string SyntheticMarker = "synthetique";

    /// <param name="vintage">The vintage when the file has no vintage column (CLI --millesime); a vintage in the file name is used otherwise.</param>
    public static async Task<MobileFile> ReadAsync(string file, MobileDataset dataset, IReadOnlyList<MobileMapping> mappings, string? vintage = null, CancellationToken cancellationToken = default)
    {
        var candidates = mappings.Where(m => m.Dataset == dataset).ToList();
        if (candidates.Count == 0)
        {
            throw new ImportRejectedException([new ImportError(file, null, null, $"aucun mapping de colonnes pour ce type de fichier ({Describe(dataset)}) : ajoutez-en un dans data/arcep/mobile-mappings")]);
        }

        // Any known column name marks the header line, so a file of a new layout still gets its header read and compared.
        var markers = candidates.SelectMany(m => m.Columns.Values.SelectMany(v => v).Concat(m.Flags.Values.SelectMany(f => f.Values.SelectMany(n => n)))
                .Concat(m.OperatorColumns.Select(c => c.Column)))
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var errors = new List<ImportError>();
        var table = await ArcepTable.ReadAsync(file, markers, errors, cancellationToken);
        if (table is null)
        {
            if (!errors.Any(e => e.Reason.StartsWith("en-tête introuvable", StringComparison.Ordinal)))
            {
                // The header was found (a file with no data rows): the mapping is not the problem.
                throw new ImportRejectedException(errors);
            }

            var closest = candidates[0];
            errors.Add(new ImportError(file, null, null, $"aucun mapping ne correspond ; colonnes attendues par le mapping le plus proche « {closest.Id} » : {string.Join(", ", closest.Missing([]))}"));
            throw new ImportRejectedException(errors);
        }

        var ranked = candidates
            .Select(m => (Mapping: m, Missing: m.Missing(table.Header), Found: m.Locate(table.Header).Count(c => c.Value >= 0)))
            .OrderBy(x => x.Missing.Count).ThenByDescending(x => x.Found).ThenBy(x => x.Mapping.Id, StringComparer.Ordinal)
            .ToList();
        var best = ranked[0];
        if (best.Missing.Count > 0)
        {
            throw new ImportRejectedException([new ImportError(file, table.HeaderLine, null,
                $"en-tête non reconnu : aucun mapping ne correspond. Le plus proche, « {best.Mapping.Id} » ({best.Mapping.Label}), " +
                $"n'y trouve pas les colonnes : {string.Join(", ", best.Missing.Select(c => $"« {c} »"))}. " +
                "Pour un nouveau format, ajoutez un mapping JSON (voir docs/observatory-mobile.md).")]);
        }

        var mapping = best.Mapping;
        var columns = mapping.Locate(table.Header);
        var fileVintage = VintageFromName(file) ?? vintage;
        var synthetic = mapping.Synthetic || Path.GetFileName(file).Contains(SyntheticMarker, StringComparison.OrdinalIgnoreCase);
        var reader = new RowReader(file, mapping, columns, errors);
        Quarter? found = null;
        var coverage = new List<MobileCoverageRow>();
        var sites = new List<NewDealSiteRow>();
        var antennas = new List<MobileAntennaRow>();
        var flags = mapping.LocateFlags(table.Header);
        var withoutPosition = 0;
        var wide = dataset == MobileDataset.Coverage && mapping.OperatorColumns.Count > 0 ? mapping.WideGroups(table.Header) : null;
        var seen = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            reader.Row = row;
            var rowVintage = reader.Text(MobileFields.Vintage) is { Length: > 0 } v ? v : fileVintage;
            if (!MobileVintage.TryParse(rowVintage, out var quarter))
            {
                reader.Error(MobileFields.Vintage, rowVintage is null
                    ? "millésime inconnu : le fichier n'a pas de colonne de millésime ; indiquez-le (--millesime 2025T4)"
                    : $"millésime invalide : « {rowVintage} » (2025T4 attendu)");
                if (rowVintage is null)
                {
                    break;
                }

                continue;
            }

            if (found is null)
            {
                found = quarter;
            }
            else if (found != quarter)
            {
                reader.Error(MobileFields.Vintage, $"millésime {MobileVintage.Format(quarter)} différent de celui des lignes précédentes ({MobileVintage.Format(found.Value)}) : un fichier = un millésime");
                continue;
            }

            if (dataset == MobileDataset.Antennas)
            {
                switch (MobileAntennaReader.Read(row, mapping, flags, reader.Text, reader.Error, reader.ErrorAt, mapping.Coordinates is null ? reader.Commune : () => null))
                {
                    case { } antenna:
                        antennas.Add(antenna);
                        break;
                    case null when reader.PositionAbsent(mapping):
                        withoutPosition++;
                        break;
                }

                continue;
            }

            var commune = reader.Commune();
            if (wide is not null)
            {
                // One row, one figure per operator × technology × level; an empty cell means the file gives nothing for that operator.
                var population = reader.Count(MobileFields.Population, "population");
                var area = reader.Area(MobileFields.Area, "surface");
                foreach (var g in wide)
                {
                    var popText = reader.At(g.PopulationIndex);
                    var areaText = g.AreaIndex >= 0 ? reader.At(g.AreaIndex) : null;
                    if (mapping.IsAbsent(popText) && (areaText is null || mapping.IsAbsent(areaText)))
                    {
                        continue;
                    }

                    var popCovered = reader.CountAt(g.PopulationIndex, popText, "population couverte");
                    var areaCovered = areaText is null ? 0m : reader.AreaAt(g.AreaIndex, areaText, "surface couverte");
                    if (commune is null || population is null || area is null || popCovered is null || areaCovered is null)
                    {
                        continue;
                    }

                    var key = $"{commune}|{g.Operator}|{g.Technology}|{g.Level}";
                    if (seen.TryGetValue(key, out var first))
                    {
                        reader.Error(MobileFields.Commune, $"commune {commune}, {MobileOperators.Name(g.Operator)}, {g.Technology}, {MobileLevels.Label(g.Level)} déjà présente ligne {first}");
                        continue;
                    }

                    seen[key] = row.Line;
                    coverage.Add(new MobileCoverageRow(row.Line, commune, g.Operator, g.Technology, g.Level, popCovered.Value, areaCovered.Value, population.Value, area.Value));
                }
            }
            else if (dataset == MobileDataset.Coverage)
            {
                var op = reader.Resolve(MobileFields.Operator, MobileOperators.Resolve, "opérateur inconnu", "Orange, SFR, Bouygues Telecom, Free Mobile ou leur MCC-MNC");
                var tech = reader.Resolve(MobileFields.Technology, MobileTechnologies.Resolve, "technologie inconnue", "2G, 3G, 4G ou 5G");
                var level = reader.Resolve(MobileFields.Level, MobileLevels.Resolve, "niveau de couverture inconnu", "très bonne couverture, bonne couverture ou couverture limitée");
                var popCovered = reader.Count(MobileFields.PopulationCovered, "population couverte");
                var areaCovered = reader.Area(MobileFields.AreaCovered, "surface couverte");
                var population = reader.Count(MobileFields.Population, "population");
                var area = reader.Area(MobileFields.Area, "surface");
                if (commune is null || op is null || tech is null || level is null || popCovered is null || areaCovered is null || population is null || area is null)
                {
                    continue;
                }

                var key = $"{commune}|{op}|{tech}|{level}";
                if (seen.TryGetValue(key, out var first))
                {
                    reader.Error(MobileFields.Commune, $"commune {commune}, {MobileOperators.Name(op)}, {tech}, {MobileLevels.Label(level)} déjà présente ligne {first}");
                    continue;
                }

                seen[key] = row.Line;
                coverage.Add(new MobileCoverageRow(row.Line, commune, op, tech, level, popCovered.Value, areaCovered.Value, population.Value, area.Value));
            }
            else
            {
                var id = reader.Text(MobileFields.SiteId);
                if (string.IsNullOrWhiteSpace(id))
                {
                    reader.Error(MobileFields.SiteId, "identifiant de site vide");
                }

                var operators = new List<string>();
                var opText = reader.Text(MobileFields.Operators) ?? "";
                foreach (var part in opText.Split([',', ';', '/', '+', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    if (MobileOperators.Resolve(part, mapping.ValuesOf(MobileFields.Operator)) is { } op)
                    {
                        operators.Add(op);
                    }
                    else
                    {
                        reader.Error(MobileFields.Operators, $"opérateur inconnu : « {part} »");
                    }
                }

                if (operators.Count == 0 && opText.Trim().Length == 0)
                {
                    reader.Error(MobileFields.Operators, "aucun opérateur");
                }

                var status = reader.Resolve(MobileFields.Status, NewDealStatuses.Resolve, "statut inconnu", "à construire ou en service");
                var decree = reader.Date(MobileFields.DecreeDate);
                var deadline = reader.Date(MobileFields.Deadline);
                var inService = reader.Date(MobileFields.InServiceDate);
                if (commune is null || string.IsNullOrWhiteSpace(id) || operators.Count == 0 || status is null || decree.Failed || deadline.Failed || inService.Failed)
                {
                    continue;
                }

                if (id.Length > 64)
                {
                    reader.Error(MobileFields.SiteId, "identifiant de site trop long (64 caractères au plus)");
                    continue;
                }

                if (seen.TryGetValue(id, out var first))
                {
                    reader.Error(MobileFields.SiteId, $"site {id} déjà présent ligne {first}");
                    continue;
                }

                seen[id] = row.Line;
                var ordered = MobileOperators.All.Select(o => o.Id).Where(operators.Contains).ToList();
                sites.Add(new NewDealSiteRow(row.Line, id.Trim(), commune, ordered, status, decree.Value, deadline.Value, inService.Value));
            }
        }

        if (errors.Count > 0)
        {
            throw new ImportRejectedException(errors);
        }

        var sha = Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(file, cancellationToken)));
        if (found is null)
        {
            throw new ImportRejectedException([new ImportError(file, table.HeaderLine, null, "aucune ligne de données")]);
        }

        return new MobileFile(file, mapping, found.Value, sha, synthetic, coverage, sites) { Antennas = antennas, WithoutPosition = withoutPosition };
    }

    public static string Describe(MobileDataset dataset) => dataset switch
    {
        MobileDataset.Coverage => "couverture mobile par commune",
        MobileDataset.Sites => "sites du New Deal mobile (couverture ciblée)",
        _ => "sites d'antennes mobiles",
    };

    private static string? VintageFromName(string file)
    {
        var name = Path.GetFileName(file);
        var match = System.Text.RegularExpressions.Regex.Match(name, @"(\d{4})[-_ ]?[tT]([1-4])(?!\d)");
        if (match.Success)
        {
            return $"{match.Groups[1].Value}T{match.Groups[2].Value}";
        }

        // Arcep's site lists are named year_month_… (2018_01_Sites_mobiles…): the month's quarter.
        var month = System.Text.RegularExpressions.Regex.Match(name, @"^(\d{4})_(0[1-9]|1[0-2])_");
        return month.Success ? $"{month.Groups[1].Value}T{(int.Parse(month.Groups[2].Value, CultureInfo.InvariantCulture) - 1) / 3 + 1}" : null;
    }

    private sealed class RowReader(string file, MobileMapping mapping, IReadOnlyDictionary<string, int> columns, List<ImportError> errors)
    {
        public ArcepRow Row { get; set; } = null!;

        private int Index(string field) => columns.GetValueOrDefault(field, -1);

        public string? Text(string field)
        {
            var index = Index(field);
            if (index < 0)
            {
                return mapping.Defaults.GetValueOrDefault(field);
            }

            return index < Row.Fields.Count ? Row.Fields[index].Trim() : "";
        }

        /// <summary>Whether the row has no position at all (both coordinates absent): the publisher's own gaps, not an error.</summary>
        public bool PositionAbsent(MobileMapping m) => m.Coordinates is not null && m.IsAbsent(Text(MobileFields.X) ?? "") && m.IsAbsent(Text(MobileFields.Y) ?? "");

        public void ErrorAt(int index, string reason) => errors.Add(new ImportError(file, Row.Line, index + 1, reason));

        public void Error(string field, string reason)
        {
            var index = Index(field);
            errors.Add(new ImportError(file, Row.Line, index >= 0 ? index + 1 : null, reason));
        }

        public string? Commune()
        {
            var code = Text(MobileFields.Commune) ?? "";
            if (code.Length == 4 && code.All(char.IsAsciiDigit))
            {
                // A spreadsheet dropped the leading zero of an Ain–Ardèche code.
                code = "0" + code;
            }

            if (code.Length != 5)
            {
                Error(MobileFields.Commune, $"code commune invalide : « {code} » (5 caractères attendus)");
                return null;
            }

            return code.ToUpperInvariant();
        }

        public string? Resolve(string field, Func<string, IReadOnlyDictionary<string, string>?, string?> resolve, string what, string expected)
        {
            var text = Text(field) ?? "";
            var value = resolve(text, mapping.ValuesOf(field));
            if (value is null)
            {
                Error(field, $"{what} : « {text} » ({expected} attendu ; un mapping peut déclarer d'autres libellés dans « values »)");
            }

            return value;
        }

        public long? Count(string field, string what)
        {
            var text = Text(field) ?? "";
            var value = ParseCount(text);
            if (value is null)
            {
                Error(field, $"{what} invalide : « {text} » (entier positif ou nul attendu)");
            }

            return value;
        }

        public decimal? Area(string field, string what)
        {
            var value = ParseArea(Text(field) ?? "");
            if (value is null)
            {
                Error(field, $"{what} invalide : « {Text(field)} » (nombre de km² positif ou nul attendu)");
            }

            return value;
        }

        /// <summary>The cell at a column index (wide layouts), trimmed; empty past the row's end.</summary>
        public string At(int index) => index < Row.Fields.Count ? Row.Fields[index].Trim() : "";

        public long? CountAt(int index, string text, string what)
        {
            var value = ParseCount(text);
            if (value is null)
            {
                ErrorAt(index, $"{what} invalide : « {text} » (entier positif ou nul attendu)");
            }

            return value;
        }

        public decimal? AreaAt(int index, string text, string what)
        {
            var value = ParseArea(text);
            if (value is null)
            {
                ErrorAt(index, $"{what} invalide : « {text} » (nombre de km² positif ou nul attendu)");
            }

            return value;
        }

        private static long? ParseCount(string text)
        {
            if (ArcepNumber.TryParseCount(text, out var value) && value is >= 0)
            {
                return value;
            }

            if (decimal.TryParse(text.Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d) && d == decimal.Truncate(d) && d >= 0)
            {
                return (long)d;
            }

            return null;
        }

        private static decimal? ParseArea(string raw)
        {
            var text = raw.Replace('\u00a0', ' ').Replace('\u202f', ' ').Replace(" ", "").Replace(',', '.');
            return decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) && value >= 0 ? Math.Round(value, 4) : null;
        }

        public (DateOnly? Value, bool Failed) Date(string field)
        {
            var text = Text(field);
            if (string.IsNullOrWhiteSpace(text))
            {
                return (null, false);
            }

            if (DateOnly.TryParseExact(text, mapping.DateFormats.ToArray(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return (date, false);
            }

            Error(field, $"date invalide : « {text} » ({string.Join(" ou ", mapping.DateFormats)} attendu)");
            return (null, true);
        }
    }
}
