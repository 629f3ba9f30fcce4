using Scoran.Core.Uploads;

namespace Scoran.Resources.Documents;

public sealed class ResourcesOptions
{
    public const string Section = "Scoran:Resources";

    /// <summary>Largest file accepted by the library, in bytes (20 Mo by default).</summary>
    public long MaxUploadBytes { get; set; } = 20L * 1024 * 1024;

    /// <summary>Largest total uncompressed size of a DOCX, ODT or XLSX (its zip entries), in bytes (50 Mo by default): a zip bomb is refused before extraction (F8).</summary>
    public long MaxUncompressedBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary>Longest extracted text kept for search, in characters (1 million by default); the rest is cut.</summary>
    public int MaxTextCharacters { get; set; } = 1_000_000;

    /// <summary>Longest time the text extraction may take (20 s by default); past it the upload is refused.</summary>
    public TimeSpan ExtractionTimeout { get; set; } = TimeSpan.FromSeconds(20);
}

/// <summary>What an upload turned out to be, or why it is refused (French, shown as is).</summary>
public sealed record UploadVerdict(DocumentFileFormat? Format, string? Refusal)
{
    public bool Accepted => Format is not null;
}

/// <summary>
/// The library's wording of the shared upload checks (<see cref="UploadPolicy"/>): PDF, DOCX, ODT
/// or XLSX recognised by content, with an extension that agrees, executables refused.
/// </summary>
public static class UploadInspector
{
    private static readonly UploadType[] Allowed = [UploadType.Pdf, UploadType.Docx, UploadType.Odt, UploadType.Xlsx];

    public static string SizeLabel(long bytes) => UploadPolicy.SizeLabel(bytes);

    public static UploadVerdict Inspect(string fileName, long length, Stream content, long maxBytes)
    {
        var check = new UploadPolicy(maxBytes, Allowed).Check(fileName, length, content);
        return check.Refusal switch
        {
            null => new(Format(check.Type!), null),
            UploadRefusal.Empty => new(null, "Le fichier est vide."),
            UploadRefusal.TooLarge => new(null, $"Le fichier « {fileName} » est trop volumineux ({SizeLabel(length)}) : la taille maximale est de {SizeLabel(maxBytes)}."),
            UploadRefusal.Executable => new(null, $"Le fichier « {fileName} » est un programme exécutable : les exécutables sont refusés. Déposez un PDF, DOCX, ODT ou XLSX."),
            UploadRefusal.ExtensionMismatch => new(null, $"Le fichier « {fileName} » a l'extension « {Path.GetExtension(fileName).ToLowerInvariant()} » mais son contenu est un {check.Type!.Name} : renommez-le ou déposez le bon fichier."),
            _ => new(null, $"Le fichier « {fileName} » n'est pas un PDF, DOCX, ODT ou XLSX valide (contenu non reconnu)."),
        };
    }

    private static DocumentFileFormat Format(UploadType type) =>
        type == UploadType.Pdf ? DocumentFileFormat.Pdf
        : type == UploadType.Docx ? DocumentFileFormat.Docx
        : type == UploadType.Odt ? DocumentFileFormat.Odt
        : DocumentFileFormat.Xlsx;
}
