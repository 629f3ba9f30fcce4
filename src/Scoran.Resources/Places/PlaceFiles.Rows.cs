using System.Globalization;
using System.Text;
using Scoran.Core.Imports;
using Scoran.Core.Tables;
using Sylvan.Data.Csv;

namespace Scoran.Resources.Places;

/// <summary>The text of a places file (UTF-8 CSV, or the first sheet of an XLSX workbook) and the walk over its rows.</summary>
public static partial class PlaceFiles
{
    private static string Decode(string file, byte[] bytes, List<ImportError> errors)
    {
        if (XlsxSheetReader.IsXlsx(bytes))
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
            using var workbook = XlsxSheetReader.Open(bytes);
            if (workbook.SheetNames.Count == 0)
            {
                throw new InvalidDataException("classeur sans feuille");
            }

            var text = new StringBuilder();
            var line = 0L;
            foreach (var row in workbook.ReadRows(0))
            {
                while (++line < row.Line)
                {
                    text.Append('\n');
                }

                text.AppendJoin(';', row.Cells.Select(c => "\"" + c.Replace("\"", "\"\"") + "\"")).Append('\n');
            }

            return text.ToString();
        }
        catch (Exception ex) when (ex is InvalidDataException or DocumentFormat.OpenXml.Packaging.OpenXmlPackageException or System.Xml.XmlException or InvalidOperationException)
        {
            errors.Add(new ImportError(file, null, null, "classeur XLSX illisible : " + ex.Message));
            return "";
        }
    }

    /// <summary>Semicolon when the header line holds more semicolons than commas, else comma.</summary>
    private static char DelimiterOf(string text)
    {
        var header = text.Split('\n')[0];
        return header.Count(c => c == ';') > header.Count(c => c == ',') ? ';' : ',';
    }

    /// <summary>
    /// Walks the records of a CSV with Sylvan, giving each its physical line: quoted fields may hold
    /// line breaks (France Services comments and hours do), so the record number is not the line.
    /// </summary>
    private static async Task ForEachRecordAsync(string file, string text, IReadOnlyList<string> required, List<ImportError> errors, Action<Row> handle,
        IReadOnlyDictionary<string, string>? mapping = null)
    {
        await using var reader = await CsvDataReader.CreateAsync(new StringReader(text), new CsvDataReaderOptions { HasHeaders = true, Delimiter = DelimiterOf(text) });
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
}
