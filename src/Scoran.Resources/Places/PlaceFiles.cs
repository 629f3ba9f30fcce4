using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Scoran.Core.Imports;
using Sylvan.Data.Csv;

namespace Scoran.Resources.Places;

/// <summary>One place as read from a file, before its commune is resolved.</summary>
public sealed record PlaceRecord(
    string SourceId,
    long Line,
    string Name,
    string Address,
    string? AddressComplement,
    string? PostalCode,
    string? CommuneCode,
    string? CommuneName,
    double? Latitude,
    double? Longitude)
{
    public string Services { get; init; } = "";
    public string Publics { get; init; } = "";
    public string Labels { get; init; } = "";
    public string? OpeningHours { get; init; }
    public string? HoursNote { get; init; }
    public string? Accessibility { get; init; }
    public bool Itinerant { get; init; }
    public string? Phone { get; init; }
    public string? Email { get; init; }
    public string? Website { get; init; }
    public string? Description { get; init; }
}

/// <summary>A file of places, read and validated, ready to replace its source's places.</summary>
public sealed record PlaceFile(string File, string Source, string Publisher, string Vintage, string Licence, IReadOnlyList<PlaceRecord> Records, string ContentSha256);

/// <summary>The file formats Scoran reads places from.</summary>
public enum PlaceFormat
{
    /// <summary>ANCT's national list of France Services (« liste-fs-AAAAMMJJ.csv »).</summary>
    FranceServices,
    /// <summary>The national « lieux de médiation numérique » standard (Table Schema v1.0.x), CSV.</summary>
    MediationNumerique,
    /// <summary>data·inclusion structures (schema v1), a JSON array.</summary>
    DataInclusion,
}

/// <summary>
/// Readers of the three formats. Every reader validates every row before anything is written and
/// reports errors with file, line (physical line of the file, counting line breaks inside quoted
/// fields), column and reason; one error rejects the whole file.
/// </summary>
public static partial class PlaceFiles
{
    public const string FranceServicesSource = "france-services";
    public const string MediationNumeriqueSource = "mediation-numerique";
    public const string DataInclusionSource = "data-inclusion";

    public static readonly string[] FranceServicesColumns =
        ["id_fs", "insee_dep", "lib_fs", "adresse", "complement_adresse", "insee_com", "code_postal", "lib_com", "latitude", "longitude", "mail", "telephone",
         "h_lundi", "h_mardi", "h_mercredi", "h_jeudi", "h_vendredi", "h_samedi", "commentaire", "itinerance", "format_fs", "groupe", "labellisation"];

    /// <summary>Columns of the « lieux de médiation numérique » schema, in the schema's order.</summary>
    public static readonly string[] MediationNumeriqueColumns =
        ["id", "pivot", "nom", "commune", "code_postal", "code_insee", "adresse", "complement_adresse", "latitude", "longitude", "typologie", "telephone",
         "courriels", "site_web", "horaires", "presentation_resume", "presentation_detail", "source", "itinerance", "structure_parente", "date_maj", "services",
         "publics_specifiquement_adresses", "prise_en_charge_specifique", "frais_a_charge", "dispositif_programmes_nationaux", "formations_labels",
         "autres_formations_labels", "modalites_acces", "modalites_accompagnement", "fiche_acces_libre", "prise_rdv"];

    public static string SourceOf(PlaceFormat format) => format switch
    {
        PlaceFormat.FranceServices => FranceServicesSource,
        PlaceFormat.MediationNumerique => MediationNumeriqueSource,
        _ => DataInclusionSource,
    };

    /// <summary>Tells the format from the content: a JSON array, the France Services header, or the schema's header.</summary>
    public static PlaceFormat? Detect(string file)
    {
        var head = ReadHead(file);
        if (head.TrimStart().StartsWith('['))
        {
            return PlaceFormat.DataInclusion;
        }

        var firstLine = head.Split('\n')[0];
        if (firstLine.Contains("id_fs", StringComparison.Ordinal))
        {
            return PlaceFormat.FranceServices;
        }

        return firstLine.Contains("pivot", StringComparison.Ordinal) && firstLine.Contains("nom", StringComparison.Ordinal) ? PlaceFormat.MediationNumerique : null;
    }

    public static async Task<PlaceFile> ReadAsync(string file, PlaceFormat? format = null, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(file))
        {
            throw new ImportRejectedException([new ImportError(file, null, null, "fichier introuvable")]);
        }

        format ??= Detect(file) ?? throw new ImportRejectedException([new ImportError(file, 1, null,
            "format non reconnu : ni la liste nationale des France Services (colonne id_fs), ni le schéma des lieux de médiation numérique (colonnes id, pivot, nom…), ni un tableau JSON de structures data·inclusion")]);
        var bytes = await File.ReadAllBytesAsync(file, cancellationToken);
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var errors = new List<ImportError>();
        var text = Decode(file, bytes, errors);
        var records = errors.Count > 0 ? [] : format switch
        {
            PlaceFormat.FranceServices => await ReadFranceServicesAsync(file, text, errors),
            PlaceFormat.MediationNumerique => await ReadMediationNumeriqueAsync(file, text, errors),
            _ => ReadDataInclusion(file, text, errors),
        };
        var duplicate = records.GroupBy(r => r.SourceId, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            errors.Add(new ImportError(file, duplicate.ElementAt(1).Line, null, $"identifiant « {duplicate.Key} » déjà utilisé ligne {duplicate.First().Line}"));
        }

        if (errors.Count > 0)
        {
            throw new ImportRejectedException(errors);
        }

        var vintage = VintageOf(file);
        return format switch
        {
            PlaceFormat.FranceServices => new PlaceFile(file, FranceServicesSource, "ANCT — programme France Services", vintage, "Licence Ouverte 2.0 (publication ANCT sur data.gouv.fr)", records, sha),
            PlaceFormat.MediationNumerique => new PlaceFile(file, MediationNumeriqueSource, "Lieux de médiation numérique (schéma national ANCT / La MedNum)", vintage, "Licence Ouverte 2.0", records, sha),
            _ => new PlaceFile(file, DataInclusionSource, "data·inclusion (GIP Plateforme de l'inclusion), structures", vintage, "Licence Ouverte 2.0", records, sha),
        };
    }

    private static string VintageOf(string file)
    {
        var date = VintageInName().Match(Path.GetFileName(file));
        return date.Success ? $"{date.Groups[1].Value}-{date.Groups[2].Value}-{date.Groups[3].Value}" : File.GetLastWriteTimeUtc(file).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    private static string ReadHead(string file)
    {
        using var reader = new StreamReader(file, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var buffer = new char[4096];
        var read = reader.Read(buffer, 0, buffer.Length);
        return new string(buffer, 0, read);
    }

    private static string Decode(string file, byte[] bytes, List<ImportError> errors)
    {
        if (bytes.Length > 4 && bytes[0] == (byte)'P' && bytes[1] == (byte)'K' && bytes[2] == 3 && bytes[3] == 4)
        {
            return XlsxAsCsv(file, bytes, errors);
        }

        try
        {
            var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
            return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
        }
        catch (DecoderFallbackException)
        {
            errors.Add(new ImportError(file, null, null, "le fichier n'est pas encodé en UTF-8, comme l'exigent les schémas nationaux"));
            return "";
        }
    }

    /// <summary>
    /// The first worksheet of an XLSX workbook as semicolon CSV text, one line per worksheet row
    /// (empty rows kept), so the mapping step, its preview and its errors work as for a CSV and an
    /// error's line is the row number people see in their spreadsheet.
    /// </summary>
    private static string XlsxAsCsv(string file, byte[] bytes, List<ImportError> errors)
    {
        try
        {
            using var stream = new MemoryStream(bytes);
            using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(stream, false);
            var workbook = document.WorkbookPart ?? throw new InvalidDataException("classeur sans feuille");
            var sheet = workbook.Workbook.Sheets?.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().FirstOrDefault() ?? throw new InvalidDataException("classeur sans feuille");
            var part = (DocumentFormat.OpenXml.Packaging.WorksheetPart)workbook.GetPartById(sheet.Id!.Value!);
            var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<DocumentFormat.OpenXml.Spreadsheet.SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
            var text = new StringBuilder();
            var line = 0u;
            foreach (var row in part.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>())
            {
                var index = row.RowIndex?.Value ?? line + 1;
                while (++line < index)
                {
                    text.Append('\n');
                }

                var cells = new List<string>();
                foreach (var cell in row.Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>())
                {
                    var column = ColumnIndex(cell.CellReference?.Value) ?? cells.Count;
                    while (cells.Count < column)
                    {
                        cells.Add("");
                    }

                    var raw = cell.CellValue?.Text ?? cell.InlineString?.InnerText ?? "";
                    cells.Add(cell.DataType?.Value == DocumentFormat.OpenXml.Spreadsheet.CellValues.SharedString && int.TryParse(raw, out var i) && i < shared.Count ? shared[i] : raw);
                }

                text.AppendJoin(';', cells.Select(c => "\"" + c.Replace("\"", "\"\"") + "\"")).Append('\n');
            }

            return text.ToString();
        }
        catch (Exception ex) when (ex is InvalidDataException or DocumentFormat.OpenXml.Packaging.OpenXmlPackageException or System.Xml.XmlException or InvalidOperationException)
        {
            errors.Add(new ImportError(file, null, null, "classeur XLSX illisible : " + ex.Message));
            return "";
        }
    }

    private static int? ColumnIndex(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return null;
        }

        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsLetter))
        {
            index = index * 26 + (char.ToUpperInvariant(c) - 'A' + 1);
        }

        return index - 1;
    }

    /// <summary>
    /// Walks the records of a CSV with Sylvan, giving each its physical line: quoted fields may hold
    /// line breaks (France Services comments and hours do), so the record number is not the line.
    /// </summary>
    private static async Task ForEachRecordAsync(string file, string text, IReadOnlyList<string> required, List<ImportError> errors, Action<Row> handle,
        IReadOnlyDictionary<string, string>? mapping = null)
    {
        var delimiter = text.Split('\n')[0].Count(c => c == ';') > text.Split('\n')[0].Count(c => c == ',') ? ';' : ',';
        await using var reader = await CsvDataReader.CreateAsync(new StringReader(text), new CsvDataReaderOptions { HasHeaders = true, Delimiter = delimiter });
        var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < reader.FieldCount; i++)
        {
            columns.TryAdd(reader.GetName(i).Trim(), i);
        }

        if (mapping is not null)
        {
            // Schema field → the file's column chosen at the mapping step; fields left unmapped read as empty.
            var mapped = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            foreach (var (field, column) in mapping)
            {
                if (columns.TryGetValue(column, out var index))
                {
                    mapped[field] = index;
                }
                else
                {
                    errors.Add(new ImportError(file, 1, null, $"colonne « {column} » (pour {field}) absente du fichier"));
                }
            }

            columns = mapped;
        }

        var missing = required.Where(c => !columns.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            errors.Add(new ImportError(file, 1, null, $"colonne(s) manquante(s) : {string.Join(", ", missing)}"));
            return;
        }

        var headerLines = 1 + reader.GetName(reader.FieldCount - 1).Count(c => c == '\n');
        long line = headerLines + 1;
        while (await reader.ReadAsync())
        {
            var row = new Row(file, line, reader, columns, errors);
            handle(row);
            var breaks = 0;
            for (var i = 0; i < reader.RowFieldCount; i++)
            {
                breaks += reader.GetString(i).Count(c => c == '\n');
            }

            line += 1 + breaks;
        }
    }

    /// <summary>One CSV record with its physical line, reading columns by name.</summary>
    private sealed class Row(string file, long line, CsvDataReader reader, Dictionary<string, int> columns, List<ImportError> errors)
    {
        public long Line => line;

        public string? Get(string column)
        {
            if (!columns.TryGetValue(column, out var i) || i >= reader.RowFieldCount)
            {
                return null;
            }

            // Our own export prefixes formula-like cells with « ' » (security review F7): read back, the value is the original.
            var value = Scoran.Core.Text.CsvText.Restore(reader.GetString(i).Trim());
            return value.Length == 0 ? null : value;
        }

        public string Required(string column)
        {
            var value = Get(column);
            if (value is null)
            {
                Error(column, "valeur obligatoire manquante");
            }

            return value ?? "";
        }

        public double? Coordinate(string column, double limit)
        {
            var value = Get(column);
            if (value is null)
            {
                return null;
            }

            if (!double.TryParse(value.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var degrees) || Math.Abs(degrees) > limit || !double.IsFinite(degrees))
            {
                Error(column, $"« {value} » n'est pas une coordonnée en degrés décimaux entre -{limit} et {limit}");
                return null;
            }

            return degrees;
        }

        public void Error(string column, string reason) =>
            errors.Add(new ImportError(file, line, columns.TryGetValue(column, out var i) ? i + 1 : null, $"{column} : {reason}"));
    }

    private static async Task<List<PlaceRecord>> ReadFranceServicesAsync(string file, string text, List<ImportError> errors)
    {
        var records = new List<PlaceRecord>();
        string[] dayColumns = ["h_lundi", "h_mardi", "h_mercredi", "h_jeudi", "h_vendredi", "h_samedi"];
        await ForEachRecordAsync(file, text, FranceServicesColumns, errors, row =>
        {
            var id = row.Required("id_fs");
            var name = row.Required("lib_fs");
            var latitude = row.Coordinate("latitude", 90);
            var longitude = row.Coordinate("longitude", 180);
            if (latitude.HasValue != longitude.HasValue)
            {
                row.Error(latitude.HasValue ? "longitude" : "latitude", "latitude et longitude vont ensemble");
            }

            var commune = row.Get("insee_com");
            var hours = FranceServicesHours(dayColumns.Select(row.Get).ToList(), out var note);
            var format = row.Get("format_fs");
            var labels = new List<string> { PlaceLabels.FranceServices };
            records.Add(new PlaceRecord(id, row.Line, name, row.Get("adresse") ?? "", row.Get("complement_adresse"), row.Get("code_postal"),
                commune is not null && CommuneCodeLike().IsMatch(commune) ? commune : null, row.Get("lib_com"), latitude, longitude)
            {
                Labels = InclusionPlace.Join(labels),
                // France Services help with the procedures of the State's partners, online ones first.
                Services = InclusionPlace.Join(["Accéder à des droits", "Réaliser des démarches administratives avec un accompagnement"]),
                OpeningHours = hours,
                HoursNote = note,
                Itinerant = string.Equals(row.Get("itinerance"), "Oui", StringComparison.OrdinalIgnoreCase),
                Phone = row.Get("telephone"),
                Email = row.Get("mail"),
                Description = string.Join(" — ", new[] { format, row.Get("labellisation"), row.Get("commentaire") }.Where(s => s is not null)),
            });
        });
        return records;
    }

    /// <summary>
    /// France Services give one free-text column per day (« 09:00 - 12:00 / 13:30 - 17:00 »):
    /// written in the OSM syntax when every day reads as time ranges, else kept as a note.
    /// </summary>
    internal static string? FranceServicesHours(IReadOnlyList<string?> days, out string? note)
    {
        note = null;
        var week = new List<IReadOnlyList<(int, int)>>();
        var readable = true;
        foreach (var day in days)
        {
            var value = day?.Trim();
            if (value is null or "" or "-")
            {
                week.Add([]);
                continue;
            }

            var spans = new List<(int, int)>();
            var cleaned = value.Replace(" :", ":").Replace('h', ':').Replace('H', ':');
            foreach (Match m in TimeRange().Matches(cleaned))
            {
                var from = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) * 60 + int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
                var to = int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture) * 60 + int.Parse(m.Groups[4].Value, CultureInfo.InvariantCulture);
                spans.Add((from, to));
            }

            var rest = TimeRange().Replace(cleaned, "").Trim(' ', '/', ',', ';', '-', '\t');
            if (spans.Count == 0 || rest.Length > 0 || spans.Any(s => s.Item2 <= s.Item1 || s.Item2 > 24 * 60))
            {
                readable = false;
            }

            week.Add(spans.OrderBy(s => s.Item1).ToList());
        }

        if (!readable)
        {
            string[] names = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"];
            note = string.Join(" ; ", days.Select((d, i) => (d, i)).Where(x => !string.IsNullOrWhiteSpace(x.d) && x.d!.Trim() != "-").Select(x => $"{names[x.i]} {x.d!.Trim()}"));
            return null;
        }

        var text = OpeningHours.Format(week);
        return text.Length == 0 ? null : text;
    }

    /// <summary>Schema fields a column mapping must give.</summary>
    public static readonly string[] RequiredMappedFields = ["id", "nom", "commune", "code_postal", "adresse"];

    private static async Task<List<PlaceRecord>> ReadMediationNumeriqueAsync(string file, string text, List<ImportError> errors, IReadOnlyDictionary<string, string>? mapping = null)
    {
        var records = new List<PlaceRecord>();
        await ForEachRecordAsync(file, text, RequiredMappedFields, errors, row =>
        {
            var id = row.Required("id");
            var name = row.Required("nom");
            var communeName = row.Required("commune");
            var postal = row.Required("code_postal");
            if (postal.Length > 0 && !PostalCodeLike().IsMatch(postal))
            {
                row.Error("code_postal", $"« {postal} » n'est pas un code postal à 5 chiffres");
            }

            var insee = row.Get("code_insee");
            if (insee is not null && !CommuneCodeLike().IsMatch(insee))
            {
                row.Error("code_insee", $"« {insee} » n'est pas un code INSEE de commune (5 caractères)");
            }

            var latitude = row.Coordinate("latitude", 90);
            var longitude = row.Coordinate("longitude", 180);
            if (latitude.HasValue != longitude.HasValue)
            {
                row.Error(latitude.HasValue ? "longitude" : "latitude", "latitude et longitude vont ensemble");
            }

            var hours = row.Get("horaires");
            if (hours is not null && !OpeningHours.TryParse(hours, out _, out var hoursError))
            {
                row.Error("horaires", hoursError!);
            }

            var date = row.Get("date_maj");
            if (date is not null && !DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                row.Error("date_maj", $"« {date} » n'est pas une date AAAA-MM-JJ");
            }

            var labels = InclusionPlace.Split(row.Get("dispositif_programmes_nationaux"))
                .Concat(InclusionPlace.Split(row.Get("formations_labels")))
                .Concat(InclusionPlace.Split(row.Get("typologie")).Select(TypologyLabel).OfType<string>())
                .Append(PlaceLabels.MediationNumerique);
            records.Add(new PlaceRecord(id, row.Line, name, row.Get("adresse") ?? "", row.Get("complement_adresse"), postal, insee, communeName, latitude, longitude)
            {
                Services = InclusionPlace.Join(InclusionPlace.Split(row.Get("services"))),
                Publics = InclusionPlace.Join(InclusionPlace.Split(row.Get("publics_specifiquement_adresses"))),
                Labels = InclusionPlace.Join(labels),
                OpeningHours = hours,
                Accessibility = row.Get("fiche_acces_libre"),
                Itinerant = row.Get("itinerance")?.Contains("Itinérant", StringComparison.OrdinalIgnoreCase) == true,
                Phone = row.Get("telephone"),
                Email = InclusionPlace.Split(row.Get("courriels")).FirstOrDefault(),
                Website = InclusionPlace.Split(row.Get("site_web")).FirstOrDefault(),
                Description = row.Get("presentation_resume"),
            });
        }, mapping);
        return records;
    }

    /// <summary>
    /// Reads a regional network's own CSV through a column mapping (schema field → the file's
    /// column): the rows are then validated exactly as a file of the national schema.
    /// </summary>
    public static async Task<PlaceFile> ReadMappedAsync(string file, string source, IReadOnlyDictionary<string, string> mapping, CancellationToken cancellationToken = default)
    {
        var bytes = await File.ReadAllBytesAsync(file, cancellationToken);
        var errors = new List<ImportError>();
        var unknown = mapping.Keys.Where(k => !MediationNumeriqueColumns.Contains(k)).ToList();
        if (unknown.Count > 0)
        {
            throw new ImportRejectedException([new ImportError(file, null, null, $"champ(s) inconnu(s) du schéma : {string.Join(", ", unknown)}")]);
        }

        var text = Decode(file, bytes, errors);
        var records = errors.Count > 0 ? [] : await ReadMediationNumeriqueAsync(file, text, errors, mapping);
        var duplicate = records.GroupBy(r => r.SourceId, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            errors.Add(new ImportError(file, duplicate.ElementAt(1).Line, null, $"identifiant « {duplicate.Key} » déjà utilisé ligne {duplicate.First().Line}"));
        }

        if (errors.Count > 0)
        {
            throw new ImportRejectedException(errors);
        }

        return new PlaceFile(file, source, $"Fichier régional « {source} » (correspondance de colonnes)", VintageOf(file), "telle que déclarée par le réseau", records,
            Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }

    /// <summary>The header and first rows of a CSV, for the mapping step's preview.</summary>
    public static async Task<(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows)> PreviewAsync(string file, int rows = 5, CancellationToken cancellationToken = default)
    {
        var errors = new List<ImportError>();
        var text = Decode(file, await File.ReadAllBytesAsync(file, cancellationToken), errors);
        if (errors.Count > 0)
        {
            throw new ImportRejectedException(errors);
        }

        var first = text.Split('\n')[0];
        var delimiter = first.Count(c => c == ';') > first.Count(c => c == ',') ? ';' : ',';
        await using var reader = await CsvDataReader.CreateAsync(new StringReader(text), new CsvDataReaderOptions { HasHeaders = true, Delimiter = delimiter });
        var header = Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetName(i).Trim()).ToList();
        var preview = new List<IReadOnlyList<string>>();
        while (preview.Count < rows && await reader.ReadAsync(cancellationToken))
        {
            preview.Add(Enumerable.Range(0, reader.RowFieldCount).Select(reader.GetString).ToList());
        }

        return (header, preview);
    }

    /// <summary>Schema typologies that are labels people look for.</summary>
    private static string? TypologyLabel(string code) => code switch
    {
        "TIERS_LIEUX" => PlaceLabels.TiersLieu,
        "EPN" or "CYBER" => PlaceLabels.Epn,
        "FRANCE_SERVICE" or "MSAP" => PlaceLabels.FranceServices,
        _ => null,
    };

    private static List<PlaceRecord> ReadDataInclusion(string file, string text, List<ImportError> errors)
    {
        var records = new List<PlaceRecord>();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException ex)
        {
            errors.Add(new ImportError(file, ex.LineNumber + 1, ex.BytePositionInLine + 1, "JSON invalide : " + ex.Message));
            return records;
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                errors.Add(new ImportError(file, 1, 1, "un tableau JSON de structures data·inclusion est attendu"));
                return records;
            }

            // JSON has no per-element line from System.Text.Json: the line is the element's position (1-based), named as such.
            var index = 0;
            foreach (var item in document.RootElement.EnumerateArray())
            {
                index++;
                string? Get(string name) => item.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && v.GetString()!.Trim().Length > 0 ? v.GetString()!.Trim() : null;
                double? Number(string name, double limit)
                {
                    if (!item.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
                    {
                        return null;
                    }

                    if (v.ValueKind != JsonValueKind.Number || Math.Abs(v.GetDouble()) > limit)
                    {
                        errors.Add(new ImportError(file, index, null, $"structure n° {index}, {name} : nombre entre -{limit} et {limit} attendu"));
                        return null;
                    }

                    return v.GetDouble();
                }

                foreach (var required in new[] { "source", "id", "nom", "date_maj" })
                {
                    if (Get(required) is null)
                    {
                        errors.Add(new ImportError(file, index, null, $"structure n° {index}, {required} : valeur obligatoire manquante"));
                    }
                }

                var insee = Get("code_insee");
                if (insee is not null && !CommuneCodeLike().IsMatch(insee))
                {
                    errors.Add(new ImportError(file, index, null, $"structure n° {index}, code_insee : « {insee} » n'est pas un code de commune"));
                }

                var hours = Get("horaires_accueil");
                var reseaux = item.TryGetProperty("reseaux_porteurs", out var r) && r.ValueKind == JsonValueKind.Array
                    ? r.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToList()
                    : [];
                records.Add(new PlaceRecord($"{Get("source")}:{Get("id")}", index, Get("nom") ?? "", Get("adresse") ?? "", Get("complement_adresse"), Get("code_postal"), insee, Get("commune"),
                    Number("latitude", 90), Number("longitude", 180))
                {
                    Labels = InclusionPlace.Join(reseaux.Select(ReseauLabel).Append(null).OfType<string>()),
                    OpeningHours = hours is not null && OpeningHours.TryParse(hours, out _, out _) ? hours : null,
                    HoursNote = hours is not null && !OpeningHours.TryParse(hours, out _, out _) ? hours : null,
                    Accessibility = Get("accessibilite_lieu"),
                    Phone = Get("telephone"),
                    Email = Get("courriel"),
                    Website = Get("site_web"),
                    Description = Get("description"),
                });
            }
        }

        return records;
    }

    private static string? ReseauLabel(string code) => code switch
    {
        "france-service" or "msap" => PlaceLabels.FranceServices,
        "conseillers-numeriques" => PlaceLabels.ConseillerNumerique,
        "aidants-connect" => PlaceLabels.AidantsConnect,
        "espaces-publics-numeriques" => PlaceLabels.Epn,
        _ => null,
    };

    [GeneratedRegex(@"^[0-9][0-9AB][0-9]{3}$")]
    private static partial Regex CommuneCodeLike();

    [GeneratedRegex(@"^[0-9]{5}$")]
    private static partial Regex PostalCodeLike();

    [GeneratedRegex(@"(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})")]
    private static partial Regex TimeRange();

    [GeneratedRegex(@"(20\d\d)(\d\d)(\d\d)")]
    private static partial Regex VintageInName();
}
