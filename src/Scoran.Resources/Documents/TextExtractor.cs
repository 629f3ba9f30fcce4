using System.IO.Compression;
using System.Text;
using System.Xml.Linq;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using UglyToad.PdfPig;

namespace Scoran.Resources.Documents;

/// <summary>The text of an uploaded file, for full-text search. A file whose text cannot be read is still stored (searchable by its title).</summary>
public static class TextExtractor
{
    public static string Extract(DocumentFileFormat format, Stream content)
    {
        content.Position = 0;
        var text = format switch
        {
            DocumentFileFormat.Pdf => Pdf(content),
            DocumentFileFormat.Docx => Docx(content),
            DocumentFileFormat.Xlsx => Xlsx(content),
            _ => Odt(content),
        };
        content.Position = 0;
        return text.Trim();
    }

    private static string Pdf(Stream content)
    {
        using var document = PdfDocument.Open(content);
        var builder = new StringBuilder();
        foreach (var page in document.GetPages())
        {
            builder.AppendJoin(' ', page.GetWords().Select(w => w.Text)).Append('\n');
        }

        return builder.ToString();
    }

    private static string Docx(Stream content)
    {
        using var document = WordprocessingDocument.Open(content, false);
        var body = document.MainDocumentPart?.Document?.Body;
        if (body is null)
        {
            return "";
        }

        return string.Join('\n', body.Descendants<global::DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText));
    }

    private static string Xlsx(Stream content)
    {
        using var document = SpreadsheetDocument.Open(content, false);
        var shared = document.WorkbookPart?.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        var builder = new StringBuilder();
        foreach (var sheet in document.WorkbookPart?.WorksheetParts ?? [])
        {
            foreach (var cell in sheet.Worksheet.Descendants<Cell>())
            {
                var value = cell.CellValue?.Text ?? cell.InnerText;
                if (cell.DataType?.Value == CellValues.SharedString && int.TryParse(value, out var index) && index < shared.Count)
                {
                    value = shared[index];
                }

                builder.Append(value).Append(' ');
            }

            builder.Append('\n');
        }

        return builder.ToString();
    }

    private static string Odt(Stream content)
    {
        using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
        var entry = zip.GetEntry("content.xml");
        if (entry is null)
        {
            return "";
        }

        using var stream = entry.Open();
        var xml = XDocument.Load(stream);
        XNamespace text = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
        return string.Join('\n', xml.Descendants().Where(e => e.Name == text + "p" || e.Name == text + "h").Select(e => e.Value));
    }
}
