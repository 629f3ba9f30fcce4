using System.IO.Compression;

namespace Scoran.Core.Uploads;

/// <summary>
/// Tells what a file is from its bytes, never from its name: a renamed executable must not pass as
/// a PDF, and an Office file is a zip whose entries say which one it is.
/// </summary>
public static class UploadSniffer
{
    /// <summary>How many leading bytes <see cref="IsExecutable"/> and the signatures look at.</summary>
    public const int HeadLength = 16;

    /// <summary>Programs and scripts, refused whatever name they carry.</summary>
    public static bool IsExecutable(ReadOnlySpan<byte> head) =>
        head.StartsWith("MZ"u8)                                   // Windows PE / DOS
        || head.StartsWith("\u007fELF"u8)                         // Linux ELF
        || head.StartsWith(new byte[] { 0xCF, 0xFA, 0xED, 0xFE }) // Mach-O 64
        || head.StartsWith(new byte[] { 0xCE, 0xFA, 0xED, 0xFE }) // Mach-O 32
        || head.StartsWith(new byte[] { 0xCA, 0xFE, 0xBA, 0xBE }) // Mach-O universal / Java class
        || head.StartsWith("#!"u8);                               // scripts

    /// <summary>
    /// The recognised type of <paramref name="content"/> (a seekable stream, left at position 0),
    /// or null. SVG is never recognised: it may carry scripts.
    /// </summary>
    public static UploadType? Sniff(Stream content)
    {
        Span<byte> head = stackalloc byte[HeadLength];
        content.Position = 0;
        var read = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        head = head[..read];
        content.Position = 0;
        if (head.StartsWith("%PDF-"u8))
        {
            return UploadType.Pdf;
        }

        if (head.StartsWith(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }))
        {
            return UploadType.Png;
        }

        if (head.StartsWith(new byte[] { 0xFF, 0xD8, 0xFF }))
        {
            return UploadType.Jpeg;
        }

        if (head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8))
        {
            return UploadType.WebP;
        }

        if (head.StartsWith("PK\u0003\u0004"u8))
        {
            var type = ZipType(content);
            content.Position = 0;
            return type;
        }

        return null;
    }

    private static UploadType? ZipType(Stream content)
    {
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.GetEntry("mimetype") is { } mimetype)
            {
                // OpenDocument names its own type in a first, stored entry.
                using var reader = new StreamReader(mimetype.Open());
                var declared = reader.ReadToEnd().Trim();
                return declared == UploadType.Odt.ContentType ? UploadType.Odt : declared == UploadType.Ods.ContentType ? UploadType.Ods : null;
            }

            if (zip.GetEntry("word/document.xml") is not null)
            {
                return UploadType.Docx;
            }

            return zip.GetEntry("xl/workbook.xml") is not null ? UploadType.Xlsx : null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }
}
