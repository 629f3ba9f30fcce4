using System.Globalization;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Scoran.Core.Tables;

/// <summary>
/// One worksheet row: its row number as the spreadsheet shows it (1-based, so an import error
/// names the line people see) and its cells as text, indexed by column (0-based: A is 0, so the
/// column number of an error is the index + 1). Cells the worksheet leaves out read as empty.
/// </summary>
public sealed record XlsxRow(long Line, IReadOnlyList<string> Cells);

/// <summary>How a numeric cell is turned into text.</summary>
public enum XlsxNumbers
{
    /// <summary>The stored text of the number (« 21000 », « 1.2394E4 », « 47.32 »).</summary>
    AsStored,

    /// <summary>
    /// Integral numbers as integers: counts stored as doubles (« 1.2394E4 », « 12394.000000001 »)
    /// come back as « 12394 »; other numbers as stored.
    /// </summary>
    IntegralAsInteger,
}

/// <summary>
/// The one XLSX reader of Scoran (on DocumentFormat.OpenXml): opens a workbook and streams the
/// rows of a worksheet as text cells with their row number, without loading the sheet's DOM (a
/// commune sheet has ~35,000 rows). Importers of every capability read workbooks through it and
/// keep their own error messages: opening or reading a broken workbook throws
/// <see cref="InvalidDataException"/>, <see cref="OpenXmlPackageException"/>,
/// <see cref="IOException"/>, <see cref="XmlException"/> or <see cref="FormatException"/>.
/// Enumerate the rows before the reader is disposed.
/// </summary>
public sealed class XlsxSheetReader : IDisposable
{
    private readonly SpreadsheetDocument document;
    private readonly WorkbookPart? workbook;
    private readonly List<Sheet> sheets;
    private string[]? shared;

    private XlsxSheetReader(SpreadsheetDocument document)
    {
        this.document = document;
        workbook = document.WorkbookPart;
        sheets = workbook?.Workbook?.Sheets?.Elements<Sheet>().ToList() ?? [];
        SheetNames = sheets.Select(s => s.Name?.Value ?? s.Id?.Value ?? string.Empty).ToList();
    }

    /// <summary>Whether the bytes start as a ZIP archive, as every XLSX workbook does (an upload keeps no name to tell it by).</summary>
    public static bool IsXlsx(ReadOnlySpan<byte> bytes) => bytes.Length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;

    /// <summary>Opens a workbook held in memory, read-only.</summary>
    public static XlsxSheetReader Open(byte[] bytes) => Open(new MemoryStream(bytes, writable: false));

    /// <summary>Opens a workbook from a seekable stream, read-only; the stream is left open.</summary>
    public static XlsxSheetReader Open(Stream stream) => new(SpreadsheetDocument.Open(stream, false));

    /// <summary>Whether the package holds a workbook part at all.</summary>
    public bool HasWorkbook => workbook is not null;

    /// <summary>The worksheets' names, in the workbook's order.</summary>
    public IReadOnlyList<string> SheetNames { get; }

    /// <summary>The position of the sheet named <paramref name="name"/> (ordinal comparison), or -1.</summary>
    public int IndexOfSheet(string name, StringComparison comparison = StringComparison.Ordinal)
    {
        for (var i = 0; i < SheetNames.Count; i++)
        {
            if (string.Equals(SheetNames[i], name, comparison))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// The rows of the sheet at position <paramref name="sheet"/>, in the worksheet's order, as
    /// the worksheet stores them: rows it leaves out (empty ones, usually) are not returned, and
    /// a row's cells stop at its last stored cell. A sheet that is not a worksheet (a chart) has no row.
    /// </summary>
    public IEnumerable<XlsxRow> ReadRows(int sheet, XlsxNumbers numbers = XlsxNumbers.AsStored, CancellationToken cancellationToken = default)
    {
        if (workbook is null || sheets[sheet].Id?.Value is not { } id || workbook.GetPartById(id) is not WorksheetPart part)
        {
            yield break;
        }

        var strings = shared ??= workbook.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(Text).ToArray() ?? [];
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
            yield return new XlsxRow(line, Cells(row, strings, numbers));
        }
    }

    /// <inheritdoc />
    public void Dispose() => document.Dispose();

    private static List<string> Cells(Row row, string[] shared, XlsxNumbers numbers)
    {
        var fields = new List<string>();
        foreach (var cell in row.Elements<Cell>())
        {
            var column = cell.CellReference?.Value is { Length: > 0 } reference ? ColumnIndex(reference) : fields.Count;
            while (fields.Count < column)
            {
                fields.Add(string.Empty);
            }

            var value = Value(cell, shared, numbers);
            if (column >= 0 && column < fields.Count)
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

    private static string Value(Cell cell, string[] shared, XlsxNumbers numbers)
    {
        var raw = cell.CellValue?.Text;
        var type = cell.DataType?.Value;
        if (type == CellValues.SharedString)
        {
            return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < shared.Length ? shared[i] : string.Empty;
        }

        if (type == CellValues.InlineString || (raw is null && cell.InlineString is not null))
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

        if (numbers == XlsxNumbers.IntegralAsInteger
            && (type is null || type == CellValues.Number)
            && double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            && Math.Abs(number) < 1e15 && Math.Abs(number - Math.Round(number)) < 1e-6)
        {
            return ((long)Math.Round(number)).ToString(CultureInfo.InvariantCulture);
        }

        return raw;
    }

    /// <summary>Text of a shared or inline string, rich-text runs included, phonetic hints left out.</summary>
    private static string Text(OpenXmlElement item) =>
        string.Concat(item.Descendants<DocumentFormat.OpenXml.Spreadsheet.Text>().Where(t => t.Parent is not PhoneticRun).Select(t => t.Text));

    /// <summary>The 0-based column of a cell reference (« A1 » → 0, « AB12 » → 27).</summary>
    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference)
        {
            var upper = char.ToUpperInvariant(c);
            if (upper is < 'A' or > 'Z')
            {
                break;
            }

            index = (index * 26) + (upper - 'A' + 1);
        }

        return index - 1;
    }
}
