using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Scoran.Resources.Tests;

/// <summary>Small real files for the document library: a hand-written PDF, Office files written with the SDK, an executable header.</summary>
public static class ResourceTestFiles
{
    /// <summary>A one-page PDF 1.4 drawing each line with Helvetica (WinAnsi: accents as Latin-1 bytes), xref offsets computed.</summary>
    public static byte[] Pdf(params string[] lines)
    {
        var latin1 = Encoding.Latin1;
        var stream = new StringBuilder("BT /F1 12 Tf 72 720 Td 14 TL\n");
        foreach (var line in lines)
        {
            stream.Append('(').Append(line.Replace("\\", "\\\\").Replace("(", "\\(").Replace(")", "\\)")).Append(") Tj T*\n");
        }

        stream.Append("ET");
        var content = stream.ToString();
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            $"<< /Length {latin1.GetByteCount(content)} >>\nstream\n{content}\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        ];
        var output = new MemoryStream();
        void Write(string s) => output.Write(latin1.GetBytes(s));
        Write("%PDF-1.4\n");
        var offsets = new List<long>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(output.Position);
            Write($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = output.Position;
        Write($"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            Write($"{offset:D10} 00000 n \n");
        }

        Write($"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return output.ToArray();
    }

    public static byte[] Docx(params string[] paragraphs)
    {
        var output = new MemoryStream();
        using (var document = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body(paragraphs.Select(p => new Paragraph(new Run(new Text(p))))));
        }

        return output.ToArray();
    }

    /// <summary>A valid DOCX whose word/document.xml is padded to about <paramref name="uncompressedBytes"/> of highly compressible XML (F8).</summary>
    public static byte[] DocxBomb(long uncompressedBytes)
    {
        var docx = Docx("Bombe");
        var output = new MemoryStream();
        output.Write(docx);
        using (var zip = new ZipArchive(output, ZipArchiveMode.Update, leaveOpen: true))
        {
            zip.GetEntry("word/document.xml")!.Delete();
            var entry = zip.CreateEntry("word/document.xml", CompressionLevel.SmallestSize);
            using var w = new StreamWriter(entry.Open());
            w.Write("<?xml version=\"1.0\" encoding=\"utf-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>");
            var chunk = new string('A', 1 << 16);
            for (long written = 0; written < uncompressedBytes; written += chunk.Length)
            {
                w.Write(chunk);
            }

            w.Write("</w:t></w:r></w:p></w:body></w:document>");
        }

        return output.ToArray();
    }

    public static byte[] Odt(params string[] paragraphs)
    {
        var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            var mimetype = zip.CreateEntry("mimetype", CompressionLevel.NoCompression);
            using (var w = new StreamWriter(mimetype.Open()))
            {
                w.Write("application/vnd.oasis.opendocument.text");
            }

            using var c = new StreamWriter(zip.CreateEntry("content.xml").Open());
            c.Write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"><office:body><office:text>");
            foreach (var p in paragraphs)
            {
                c.Write("<text:p>" + System.Security.SecurityElement.Escape(p) + "</text:p>");
            }

            c.Write("</office:text></office:body></office:document-content>");
        }

        return output.ToArray();
    }

    /// <summary>The first bytes of a Windows program (DOS header, "MZ"), whatever the name it is given.</summary>
    public static byte[] Executable() => [.. "MZ"u8, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, .. new byte[200]];
}
