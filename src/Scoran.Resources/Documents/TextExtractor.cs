using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using DocumentFormat.OpenXml.Packaging;
using Scoran.Core.Tables;
using UglyToad.PdfPig;

namespace Scoran.Resources.Documents;

/// <summary>Bounds on one extraction (F8): total uncompressed size of a zip-based file, text length kept, time allowed.</summary>
public sealed record ExtractionLimits(long MaxUncompressedBytes, int MaxTextCharacters, TimeSpan Timeout)
{
    public static ExtractionLimits Default { get; } = From(new ResourcesOptions());

    public static ExtractionLimits From(ResourcesOptions options) =>
        new(options.MaxUncompressedBytes, options.MaxTextCharacters, options.ExtractionTimeout);
}

/// <summary>An extraction past one of its <see cref="ExtractionLimits"/>; the message is French and shown as is.</summary>
public sealed class ExtractionLimitException(string message) : Exception(message);

/// <summary>The text of an uploaded file, for full-text search. A file whose text cannot be read is still stored (searchable by its title).</summary>
public static class TextExtractor
{
    public static string Extract(DocumentFileFormat format, Stream content) => Extract(format, content, ExtractionLimits.Default);

    /// <summary>
    /// The file's text, cut to <see cref="ExtractionLimits.MaxTextCharacters"/>. Throws <see cref="ExtractionLimitException"/>
    /// when a zip-based file declares, or turns out to hold, more than the uncompressed limit, or when the extraction runs past the time limit.
    /// </summary>
    public static string Extract(DocumentFileFormat format, Stream content, ExtractionLimits limits)
    {
        var deadline = new Deadline(limits.Timeout);
        content.Position = 0;
        if (format != DocumentFileFormat.Pdf)
        {
            CheckUncompressedSize(content, limits.MaxUncompressedBytes);
        }

        content.Position = 0;
        var text = format switch
        {
            DocumentFileFormat.Pdf => Pdf(content, limits, deadline),
            DocumentFileFormat.Docx => Docx(content, limits, deadline),
            DocumentFileFormat.Xlsx => Xlsx(content, limits, deadline),
            _ => Odt(content, limits, deadline),
        };
        content.Position = 0;
        deadline.Check();
        text = text.Trim();
        return text.Length > limits.MaxTextCharacters ? text[..limits.MaxTextCharacters] : text;
    }

    /// <summary>Refuses a zip whose entries declare more than <paramref name="maxBytes"/> once uncompressed (the usual zip bomb).</summary>
    private static void CheckUncompressedSize(Stream content, long maxBytes)
    {
        using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
        long total = 0;
        foreach (var entry in zip.Entries)
        {
            total += entry.Length;
            if (total > maxBytes || entry.Length < 0)
            {
                throw TooLarge(maxBytes);
            }
        }
    }

    private static ExtractionLimitException TooLarge(long maxBytes) =>
        new($"le fichier décompressé dépasse {UploadInspector.SizeLabel(maxBytes)} (archive anormalement compressée)");

    private sealed class Deadline(TimeSpan timeout)
    {
        private readonly Stopwatch watch = Stopwatch.StartNew();

        public void Check()
        {
            if (watch.Elapsed > timeout)
            {
                throw new ExtractionLimitException($"la lecture de son texte a dépassé {timeout.TotalSeconds:0.#} s");
            }
        }
    }

    /// <summary>Appends until the text limit is reached; returns false once full, so the caller stops reading.</summary>
    private static bool Append(StringBuilder builder, string value, char separator, ExtractionLimits limits, Deadline deadline)
    {
        deadline.Check();
        var room = limits.MaxTextCharacters - builder.Length;
        if (room <= 0)
        {
            return false;
        }

        builder.Append(value.Length > room ? value[..room] : value).Append(separator);
        return builder.Length < limits.MaxTextCharacters;
    }

    private static string Pdf(Stream content, ExtractionLimits limits, Deadline deadline)
    {
        using var document = PdfDocument.Open(content);
        var builder = new StringBuilder();
        foreach (var page in document.GetPages())
        {
            if (!Append(builder, string.Join(' ', page.GetWords().Select(w => w.Text)), '\n', limits, deadline))
            {
                break;
            }
        }

        return builder.ToString();
    }

    private static string Docx(Stream content, ExtractionLimits limits, Deadline deadline)
    {
        var settings = new OpenSettings { MaxCharactersInPart = limits.MaxUncompressedBytes };
        using var document = WordprocessingDocument.Open(content, false, settings);
        var body = document.MainDocumentPart?.Document?.Body;
        deadline.Check();
        if (body is null)
        {
            return "";
        }

        var builder = new StringBuilder();
        foreach (var paragraph in body.Descendants<global::DocumentFormat.OpenXml.Wordprocessing.Paragraph>())
        {
            if (!Append(builder, paragraph.InnerText, '\n', limits, deadline))
            {
                break;
            }
        }

        return builder.ToString();
    }

    private static string Xlsx(Stream content, ExtractionLimits limits, Deadline deadline)
    {
        using var workbook = XlsxSheetReader.Open(content);
        var builder = new StringBuilder();
        for (var sheet = 0; sheet < workbook.SheetNames.Count; sheet++)
        {
            foreach (var row in workbook.ReadRows(sheet))
            {
                foreach (var value in row.Cells.Where(c => c.Length > 0))
                {
                    if (!Append(builder, value, ' ', limits, deadline))
                    {
                        return builder.ToString();
                    }
                }
            }

            builder.Append('\n');
        }

        return builder.ToString();
    }

    private static string Odt(Stream content, ExtractionLimits limits, Deadline deadline)
    {
        using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
        var entry = zip.GetEntry("content.xml");
        if (entry is null)
        {
            return "";
        }

        using var stream = entry.Open();
        // The XML reader stops at the uncompressed limit even if the zip lied about the entry's size.
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { MaxCharactersInDocument = limits.MaxUncompressedBytes, DtdProcessing = DtdProcessing.Prohibit });
        var xml = XDocument.Load(reader);

        deadline.Check();
        XNamespace text = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
        var builder = new StringBuilder();
        foreach (var element in xml.Descendants().Where(e => e.Name == text + "p" || e.Name == text + "h"))
        {
            if (!Append(builder, element.Value, '\n', limits, deadline))
            {
                break;
            }
        }

        return builder.ToString();
    }
}
