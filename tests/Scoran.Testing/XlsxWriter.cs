using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Scoran.Observatory.Import.Arcep;

namespace Scoran.Testing;

/// <summary>
/// Writes workbooks the way Excel stores them: texts in the shared-string table, numbers as
/// numeric cells, empty cells left out, explicit cell references.
/// </summary>
public static class XlsxWriter
{
    /// <summary>Each sheet is a list of rows (row 1 first); a cell is a string, a long, or null (empty).</summary>
    public static void Write(string path, IReadOnlyList<(string Name, IReadOnlyList<IReadOnlyList<object?>> Rows)> sheets)
    {
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        var sharedPart = workbook.AddNewPart<SharedStringTablePart>();
        var strings = new List<string>();
        var index = new Dictionary<string, int>();
        var entries = new Sheets();
        uint sheetId = 1;
        foreach (var (name, rows) in sheets)
        {
            var data = new SheetData();
            uint line = 0;
            foreach (var values in rows)
            {
                line++;
                var row = new Row { RowIndex = line };
                for (var c = 0; c < values.Count; c++)
                {
                    var reference = $"{ArcepTable.ColumnLetter(c)}{line}";
                    switch (values[c])
                    {
                        case null:
                            break; // empty cells are left out, as Excel does
                        case long n:
                            row.Append(new Cell { CellReference = reference, CellValue = new CellValue(n.ToString(CultureInfo.InvariantCulture)) });
                            break;
                        case string s:
                            if (!index.TryGetValue(s, out var i))
                            {
                                i = strings.Count;
                                strings.Add(s);
                                index[s] = i;
                            }

                            row.Append(new Cell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(i.ToString(CultureInfo.InvariantCulture)) });
                            break;
                        default:
                            throw new ArgumentException($"unsupported cell value {values[c]}");
                    }
                }

                data.Append(row);
            }

            var part = workbook.AddNewPart<WorksheetPart>();
            part.Worksheet = new Worksheet(data);
            entries.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = sheetId++, Name = name });
        }

        sharedPart.SharedStringTable = new SharedStringTable(strings.Select(s => new SharedStringItem(new Text(s) { Space = SpaceProcessingModeValues.Preserve })));
        workbook.Workbook.Append(entries);
        workbook.Workbook.Save();
    }

    /// <summary>
    /// The real T1 2018 release (shared/, two CSV sheets) put back into one workbook, as the
    /// publisher's XLSX holds it: counts become numbers (Excel's " -    " is a formatted zero),
    /// codes and labels stay texts; the information sheet comes first, so each reader must find its own.
    /// </summary>
    public static string WriteLongLayoutWorkbook()
    {
        var folder = Path.Combine(SharedData.Root, "data", "ftth", "arcep-observatoire-2018T1");
        IReadOnlyList<IReadOnlyList<object?>> Sheet(string file, Func<int, bool> isCount) =>
            File.ReadLines(Path.Combine(folder, file))
                .Select((line, i) => (IReadOnlyList<object?>)line.Split(',').Select((cell, c) =>
                    cell.Length == 0 ? null
                    : i > 4 && isCount(c) && ArcepNumber.TryParseCount(cell, out var n) && n is not null ? n
                    : (object?)cell).ToList())
                .ToList();
        var path = Path.Combine(SharedData.ArtifactsFolder("ftth"), $"2018t1-obs-hd-thd-deploiement-{Guid.NewGuid():N}.xlsx");
        Write(path,
        [
            // Logements, Établissements, Zones très denses, Commune rurale, Commune de montagne are counts; the rest are labels.
            ("Communes", Sheet(ArcepFtthImporter.InformationFileName, c => c is 5 or 6 or 7 or 10 or 11)),
            ("FttH Communes", Sheet(ArcepFtthImporter.DeploymentFileName, c => c >= 2)),
        ]);
        return path;
    }
}
