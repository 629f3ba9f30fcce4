using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Scoran.Core.Tables;
using Scoran.Testing;

namespace Scoran.Resources.Tests;

/// <summary>The shared XLSX sheet reader (Scoran.Core.Tables), which every importer reads workbooks through.</summary>
public sealed class XlsxSheetReaderTests
{
    [Fact]
    public void Rows_keep_their_sheet_row_numbers_and_cells_their_columns()
    {
        var path = Path.Combine(Path.GetTempPath(), $"scoran-{Guid.NewGuid():N}.xlsx");
        XlsxWriter.Write(path, [("Infos", [["titre"]]), ("Données", [["code", null, "nom"], [], ["21231", 12L, null, "Dijon"]])]);
        try
        {
            var bytes = File.ReadAllBytes(path);
            Assert.True(XlsxSheetReader.IsXlsx(bytes));
            using var workbook = XlsxSheetReader.Open(bytes);
            Assert.Equal(["Infos", "Données"], workbook.SheetNames);
            Assert.Equal(1, workbook.IndexOfSheet("Données"));
            Assert.Equal(-1, workbook.IndexOfSheet("données"));
            var rows = workbook.ReadRows(1, cancellationToken: TestContext.Current.CancellationToken).ToList();
            Assert.Equal([1L, 2L, 3L], rows.Select(r => r.Line));
            Assert.Equal(["code", "", "nom"], rows[0].Cells);
            Assert.Empty(rows[1].Cells);
            Assert.Equal(["21231", "12", "", "Dijon"], rows[2].Cells);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Numbers_stay_as_stored_unless_integral_ones_are_asked_for_as_integers()
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var part = workbook.AddNewPart<WorksheetPart>();
            var row = new Row { RowIndex = 4 };
            row.Append(
                new Cell { CellReference = "B4", CellValue = new CellValue("1.2394E4") },
                new Cell { CellReference = "C4", CellValue = new CellValue("47.32") },
                new Cell { CellReference = "D4", DataType = CellValues.InlineString, InlineString = new InlineString(new Text("Côte-d'Or")) });
            part.Worksheet = new Worksheet(new SheetData(row));
            workbook.Workbook.Append(new Sheets(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = 1, Name = "Feuil1" }));
            workbook.Workbook.Save();
        }

        using var reader = XlsxSheetReader.Open(stream.ToArray());
        var stored = Assert.Single(reader.ReadRows(0, cancellationToken: TestContext.Current.CancellationToken));
        Assert.Equal(4, stored.Line);
        Assert.Equal(["", "1.2394E4", "47.32", "Côte-d'Or"], stored.Cells);
        Assert.Equal(["", "12394", "47.32", "Côte-d'Or"], Assert.Single(reader.ReadRows(0, XlsxNumbers.IntegralAsInteger, TestContext.Current.CancellationToken)).Cells);
    }
}
