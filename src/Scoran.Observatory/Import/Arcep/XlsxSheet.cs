using DocumentFormat.OpenXml.Packaging;
using Scoran.Core.Imports;
using Scoran.Core.Tables;

namespace Scoran.Observatory.Import.Arcep;

/// <summary>
/// Reads one worksheet of an XLSX workbook into an <see cref="ArcepTable"/>, row by row through
/// <see cref="XlsxSheetReader"/> (a commune sheet has ~35,000 rows × 27 columns: the DOM of the
/// whole sheet would not be cheap). Lines are the worksheet's row numbers, so an error points at
/// the row Excel shows.
/// </summary>
internal static class XlsxSheet
{
    /// <summary>Rows searched for the header before a sheet is deemed not to hold the table.</summary>
    private const int HeaderSearchRows = 50;

    public static bool IsZip(byte[] bytes) => XlsxSheetReader.IsXlsx(bytes);

    public static ArcepTable? Read(
        string file, byte[] bytes, string? preferredSheet, Func<IReadOnlyList<string>, bool> isHeader, IReadOnlyList<string> headerMarkers,
        List<ImportError> errors, CancellationToken cancellationToken)
    {
        try
        {
            using var workbook = XlsxSheetReader.Open(bytes);
            if (!workbook.HasWorkbook)
            {
                throw new InvalidDataException("no workbook part");
            }

            var ordered = Enumerable.Range(0, workbook.SheetNames.Count)
                .OrderBy(i => string.Equals(workbook.SheetNames[i], preferredSheet, StringComparison.OrdinalIgnoreCase) ? 0 : 1)
                .ToList();
            var before = errors.Count;
            foreach (var sheet in ordered)
            {
                var table = ReadSheet(file, workbook.SheetNames[sheet], workbook.ReadRows(sheet, XlsxNumbers.IntegralAsInteger, cancellationToken), isHeader, errors);
                if (table is not null || errors.Count > before)
                {
                    return table;
                }
            }

            errors.Add(new ImportError(file, null, null,
                $"en-tête introuvable : aucune feuille du classeur ({string.Join(", ", workbook.SheetNames.Select(s => $"« {s} »"))}) " +
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
        string file, string sheetName, IEnumerable<XlsxRow> worksheet, Func<IReadOnlyList<string>, bool> isHeader, List<ImportError> errors)
    {
        IReadOnlyList<string>? header = null;
        long headerLine = 0;
        var rows = new List<ArcepRow>();
        foreach (var (line, cells) in worksheet)
        {
            var fields = cells.ToList();
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
}
