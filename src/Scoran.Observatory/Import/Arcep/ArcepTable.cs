using System.Text;
using Scoran.Core.Imports;
using Sylvan.Data.Csv;

namespace Scoran.Observatory.Import.Arcep;

/// <summary>A data row of an Arcep table, with its line in the file (1-based).</summary>
public sealed record ArcepRow(long Line, IReadOnlyList<string> Fields);

/// <summary>
/// An Arcep sheet exported as CSV: a few title lines, then a header found by its content (the
/// first line holding <c>headerMarker</c>), then data rows; or one sheet of an XLSX workbook. UTF-8 or Latin-1, comma or semicolon:
/// both are detected, because the publisher's exports have used each.
/// </summary>
public sealed class ArcepTable
{
    internal ArcepTable(string file, long headerLine, IReadOnlyList<string> header, IReadOnlyList<ArcepRow> rows, string? sheet = null)
    {
        File = file;
        Sheet = sheet;
        HeaderLine = headerLine;
        Header = header;
        Rows = rows;
    }

    public string File { get; }

    /// <summary>Worksheet the table was read from (XLSX), null for a CSV file.</summary>
    public string? Sheet { get; }

    public long HeaderLine { get; }

    public IReadOnlyList<string> Header { get; }

    public IReadOnlyList<ArcepRow> Rows { get; }

    /// <summary>Index of a header column (trimmed, case-insensitive), or -1.</summary>
    public int ColumnOf(string name) => IndexOf(h => string.Equals(h, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Index of the first header column matching, or -1.</summary>
    public int IndexOf(Func<string, bool> match)
    {
        for (var i = 0; i < Header.Count; i++)
        {
            if (match(Header[i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>"A", "B", … "Z", "AA": the column as a spreadsheet shows it (index is 0-based).</summary>
    public static string ColumnLetter(int index)
    {
        var letters = string.Empty;
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('A' + ((n - 1) % 26)) + letters;
        }

        return letters;
    }

    public static Task<ArcepTable?> ReadAsync(string file, string headerMarker, List<ImportError> errors, CancellationToken cancellationToken = default) =>
        ReadAsync(file, [headerMarker], errors, cancellationToken);

    /// <summary>
    /// Reads a CSV export or an XLSX workbook (by content, not by extension: an upload keeps no
    /// name). The header is the first row holding one of <paramref name="headerMarkers"/>; in a
    /// workbook, <paramref name="preferredSheet"/> is searched first, then every sheet in order,
    /// and a sheet's header must also satisfy <paramref name="acceptHeader"/>.
    /// </summary>
    public static async Task<ArcepTable?> ReadAsync(
        string file, IReadOnlyList<string> headerMarkers, List<ImportError> errors, CancellationToken cancellationToken = default,
        string? preferredSheet = null, Func<IReadOnlyList<string>, bool>? acceptHeader = null)
    {
        if (!System.IO.File.Exists(file))
        {
            errors.Add(new ImportError(file, null, null, "fichier introuvable"));
            return null;
        }

        var bytes = await System.IO.File.ReadAllBytesAsync(file, cancellationToken);
        bool IsHeader(IReadOnlyList<string> fields) =>
            fields.Any(f => headerMarkers.Any(m => string.Equals(f.Trim(), m, StringComparison.OrdinalIgnoreCase)));
        if (XlsxSheet.IsZip(bytes))
        {
            // Only a workbook has several tables to choose from; a CSV's single header is checked by its reader, with a better message.
            return XlsxSheet.Read(file, bytes, preferredSheet,
                fields => IsHeader(fields) && (acceptHeader is null || acceptHeader(fields.Select(f => f.Trim()).ToList())),
                headerMarkers, errors, cancellationToken);
        }

        var text = Decode(bytes);
        var delimiter = DetectDelimiter(text, headerMarkers);
        await using var reader = await CsvDataReader.CreateAsync(new StringReader(text), new CsvDataReaderOptions
        {
            HasHeaders = false,
            Delimiter = delimiter,
        });

        IReadOnlyList<string>? header = null;
        long headerLine = 0;
        var rows = new List<ArcepRow>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var fields = new string[reader.RowFieldCount];
            for (var i = 0; i < fields.Length; i++)
            {
                fields[i] = reader.GetString(i);
            }

            if (header is null)
            {
                if (IsHeader(fields))
                {
                    header = fields.Select(f => f.Trim()).ToList();
                    headerLine = reader.RowNumber;
                }

                continue;
            }

            if (fields.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            rows.Add(new ArcepRow(reader.RowNumber, fields));
        }

        if (header is null)
        {
            errors.Add(new ImportError(file, null, null, $"en-tête introuvable : aucune ligne ne contient la colonne {string.Join(" ou ", headerMarkers.Select(m => $"« {m} »"))}"));
            return null;
        }

        if (rows.Count == 0)
        {
            errors.Add(new ImportError(file, headerLine + 1, null, "aucune ligne de données après l'en-tête (fichier tronqué ?)"));
            return null;
        }

        return new ArcepTable(file, headerLine, header, rows);
    }

    // Strict UTF-8 first: a Latin-1 file almost never decodes as valid UTF-8 once it holds an accent.
    internal static string Decode(byte[] bytes)
    {
        try
        {
            return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            // Windows-1252 is Latin-1 plus printable characters (’, €, œ) where Latin-1 has control codes.
            return (CodePagesEncodingProvider.Instance.GetEncoding(1252) ?? Encoding.Latin1).GetString(bytes);
        }
    }

    private static char DetectDelimiter(string text, IReadOnlyList<string> headerMarkers)
    {
        using var lines = new StringReader(text);
        for (var i = 0; i < 50 && lines.ReadLine() is { } line; i++)
        {
            if (headerMarkers.Any(m => line.Contains(m, StringComparison.OrdinalIgnoreCase)))
            {
                return line.Count(c => c == ';') > line.Count(c => c == ',') ? ';' : ',';
            }
        }

        return ',';
    }
}
