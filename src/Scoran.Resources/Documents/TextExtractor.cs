using System.IO.Compression;
using System.Text;
using System.Xml.Linq;
using DocumentFormat.OpenXml.Packaging;
using Scoran.Core.Tables;
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
        using var workbook = XlsxSheetReader.Open(content);
        var builder = new StringBuilder();
        for (var sheet = 0; sheet < workbook.SheetNames.Count; sheet++)
        {
            foreach (var row in workbook.ReadRows(sheet))
            {
                foreach (var value in row.Cells.Where(c => c.Length > 0))
                {
                    builder.Append(value).Append(' ');
                }
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
