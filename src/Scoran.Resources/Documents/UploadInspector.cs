using System.IO.Compression;

namespace Scoran.Resources.Documents;

public sealed class ResourcesOptions
{
    public const string Section = "Scoran:Resources";

    /// <summary>Largest file accepted by the library, in bytes (20 Mo by default).</summary>
    public long MaxUploadBytes { get; set; } = 20L * 1024 * 1024;
}

/// <summary>What an upload turned out to be, or why it is refused (French, shown as is).</summary>
public sealed record UploadVerdict(DocumentFileFormat? Format, string? Refusal)
{
    public bool Accepted => Format is not null;
}

/// <summary>
/// Decides what a file is from its bytes, not its name: a renamed executable must not pass as a
/// PDF, and an Office file is a zip whose entries say which one it is.
/// </summary>
public static class UploadInspector
{
    public static string SizeLabel(long bytes) => bytes >= 1024 * 1024
        ? $"{bytes / (1024.0 * 1024):0.#} Mo".Replace('.', ',')
        : $"{bytes / 1024.0:0.#} ko".Replace('.', ',');

    public static UploadVerdict Inspect(string fileName, long length, Stream content, long maxBytes)
    {
        if (length == 0)
        {
            return new(null, "Le fichier est vide.");
        }

        if (length > maxBytes)
        {
            return new(null, $"Le fichier « {fileName} » est trop volumineux ({SizeLabel(length)}) : la taille maximale est de {SizeLabel(maxBytes)}.");
        }

        Span<byte> head = stackalloc byte[8];
        var read = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        head = head[..read];
        content.Position = 0;
        if (IsExecutable(head))
        {
            return new(null, $"Le fichier « {fileName} » est un programme exécutable : les exécutables sont refusés. Déposez un PDF, DOCX, ODT ou XLSX.");
        }

        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        DocumentFileFormat? format = null;
        if (head.StartsWith("%PDF-"u8))
        {
            format = DocumentFileFormat.Pdf;
        }
        else if (head.StartsWith("PK\u0003\u0004"u8))
        {
            format = ZipFormat(content);
            content.Position = 0;
        }

        if (format is null)
        {
            return new(null, $"Le fichier « {fileName} » n'est pas un PDF, DOCX, ODT ou XLSX valide (contenu non reconnu).");
        }

        if (extension != format.Value.Extension())
        {
            return new(null, $"Le fichier « {fileName} » a l'extension « {extension} » mais son contenu est un {format.Value.Extension()[1..].ToUpperInvariant()} : renommez-le ou déposez le bon fichier.");
        }

        return new(format, null);
    }

    private static bool IsExecutable(ReadOnlySpan<byte> head) =>
        head.StartsWith("MZ"u8)                                   // Windows PE / DOS
        || head.StartsWith("\u007fELF"u8)                         // Linux ELF
        || head.StartsWith(new byte[] { 0xCF, 0xFA, 0xED, 0xFE }) // Mach-O 64
        || head.StartsWith(new byte[] { 0xCE, 0xFA, 0xED, 0xFE }) // Mach-O 32
        || head.StartsWith(new byte[] { 0xCA, 0xFE, 0xBA, 0xBE }) // Mach-O universal / Java class
        || head.StartsWith("#!"u8);                               // scripts

    private static DocumentFileFormat? ZipFormat(Stream content)
    {
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.GetEntry("mimetype") is { } mimetype)
            {
                using var reader = new StreamReader(mimetype.Open());
                return reader.ReadToEnd().Trim() == DocumentFileFormat.Odt.ContentType() ? DocumentFileFormat.Odt : null;
            }

            if (zip.GetEntry("word/document.xml") is not null)
            {
                return DocumentFileFormat.Docx;
            }

            return zip.GetEntry("xl/workbook.xml") is not null ? DocumentFileFormat.Xlsx : null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }
}
