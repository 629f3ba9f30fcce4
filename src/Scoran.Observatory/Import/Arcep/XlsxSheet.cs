using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Scoran.Core.Imports;

namespace Scoran.Observatory.Import.Arcep;

/// <summary>
/// Reads one worksheet of an XLSX workbook into an <see cref="ArcepTable"/>, row by row (a
/// commune sheet has ~35,000 rows × 27 columns: the DOM of the whole sheet would not be cheap).
/// Lines are the worksheet's row numbers, so an error points at the row Excel shows.
/// </summary>
internal static class XlsxSheet
{
    /// <summary>Rows searched for the header before a sheet is deemed not to hold the table.</summary>
    private const int HeaderSearchRows = 50;

    public static bool IsZip(byte[] bytes) => bytes.Length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;

    public static ArcepTable? Read(
        string file, byte[] bytes, string? preferredSheet, Func<IReadOnlyList<string>, bool> isHeader, IReadOnlyList<string> headerMarkers,
        List<ImportError> errors, CancellationToken cancellationToken)
    {
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            using var document = SpreadsheetDocument.Open(stream, false);
            var workbook = document.WorkbookPart ?? throw new InvalidDataException("no workbook part");
            var shared = workbook.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(Text).ToArray() ?? [];
            var sheets = workbook.Workbook.Sheets?.Elements<Sheet>().ToList() ?? [];
            var ordered = sheets
                .OrderBy(s => string.Equals(s.Name?.Value, preferredSheet, StringComparison.OrdinalIgnoreCase) ? 0 : 1)
                .ToList();
            var before = errors.Count;
            foreach (var sheet in ordered)
            {
                if (sheet.Id?.Value is not { } id || workbook.GetPartById(id) is not WorksheetPart part)
                {
                    continue;
                }

                var table = ReadSheet(file, sheet.Name?.Value ?? id, part, shared, isHeader, errors, cancellationToken);
                if (table is not null || errors.Count > before)
                {
                    return table;
                }
            }

            errors.Add(new ImportError(file, null, null,
                $"en-tête introuvable : aucune feuille du classeur ({string.Join(", ", sheets.Select(s => $"« {s.Name?.Value} »"))}) " +
                $"ne contient la colonne {string.Join(" ou ", headerMarkers.Select(m => $"« {m} »"))}"));
            return null;
        }
        catch (Exception e) when (e is InvalidDataException or OpenXmlPackageException or IOException or System.Xml.XmlException or FormatException)
        {
            errors.Add(new ImportError(file, null, null, $"classeur XLSX illisible (fichier tronqué ou corrompu ?) : {e.Message}"));
            return null;
        }
    }

    private static ArcepTable? ReadSheet(
        string file, string sheetName, WorksheetPart part, string[] shared, Func<IReadOnlyList<string>, bool> isHeader,
        List<ImportError> errors, CancellationToken cancellationToken)
    {
        IReadOnlyList<string>? header = null;
        long headerLine = 0;
        var rows = new List<ArcepRow>();
        using var reader = OpenXmlReader.Create(part);
        long previous = 0;
        while (reader.Read())
        {
            if (reader.ElementType != typeof(Row) || !reader.IsStartElement)
            {
                continue;
            }

            cancellationToken.ThrowIfCancellationRequested();
            var row = (Row)reader.LoadCurrentElement()!;
            var line = row.RowIndex?.Value is { } index ? (long)index : previous + 1;
            previous = line;
            var fields = Cells(row, shared);
            if (header is null)
            {
                if (isHeader(fields))
                {
                    header = fields.Select(f => f.Trim()).ToList();
                    headerLine = line;
                }
                else if (line > HeaderSearchRows)
                {
                    return null;
                }

                continue;
            }

            if (fields.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            // A worksheet leaves trailing empty cells out: pad so that a short row is never taken for a truncated one.
            while (fields.Count < header.Count)
            {
                fields.Add(string.Empty);
            }

            rows.Add(new ArcepRow(line, fields));
        }

        if (header is null)
        {
            return null;
        }

        if (rows.Count == 0)
        {
            errors.Add(new ImportError(file, headerLine + 1, null, $"feuille « {sheetName} » : aucune ligne de données après l'en-tête (fichier tronqué ?)"));
            return null;
        }

        return new ArcepTable(file, headerLine, header, rows, sheetName);
    }

    private static List<string> Cells(Row row, string[] shared)
    {
        var fields = new List<string>();
        foreach (var cell in row.Elements<Cell>())
        {
            var column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : fields.Count;
            while (fields.Count < column)
            {
                fields.Add(string.Empty);
            }

            var value = Value(cell, shared);
            if (column < fields.Count)
            {
                fields[column] = value;
            }
            else
            {
                fields.Add(value);
            }
        }

        return fields;
    }

    private static string Value(Cell cell, string[] shared)
    {
        var raw = cell.CellValue?.Text;
        var type = cell.DataType?.Value;
        if (type == CellValues.SharedString)
        {
            return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < shared.Length ? shared[i] : string.Empty;
        }

        if (type == CellValues.InlineString)
        {
            return cell.InlineString is { } inline ? Text(inline) : raw ?? string.Empty;
        }

        if (type == CellValues.Boolean)
        {
            return raw == "1" ? "1" : "0";
        }

        if (raw is null)
        {
            return string.Empty;
        }

        // Numbers are stored as doubles ("12394", "1.2394E4", "12394.000000001"): counts come back as integers.
        if ((type is null || type == CellValues.Number)
            && double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            && Math.Abs(number) < 1e15 && Math.Abs(number - Math.Round(number)) < 1e-6)
        {
            return ((long)Math.Round(number)).ToString(CultureInfo.InvariantCulture);
        }

        return raw;
    }

    /// <summary>Text of a shared or inline string, rich-text runs included, phonetic hints left out.</summary>
    private static string Text(OpenXmlElement item) =>
        string.Concat(item.Descendants<Text>().Where(t => t.Parent is not PhoneticRun).Select(t => t.Text));

    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference)
        {
            if (c is < 'A' or > 'Z')
            {
                break;
            }

            index = (index * 26) + (c - 'A' + 1);
        }

        return index - 1;
    }
}
