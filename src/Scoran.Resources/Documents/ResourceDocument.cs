using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Scoran.Resources.Contributions;

namespace Scoran.Resources.Documents;

public enum DocumentCategory
{
    Guide,
    ModeleContrat,
    IngenierieFinanciere,
    Etude,
    Livrable,
}

public enum DocumentFileFormat
{
    Pdf,
    Docx,
    Odt,
    Xlsx,
}

public static class DocumentLabels
{
    public static string ToFrench(this DocumentCategory category) => category switch
    {
        DocumentCategory.Guide => "Guide méthodologique",
        DocumentCategory.ModeleContrat => "Modèle de contrat",
        DocumentCategory.IngenierieFinanciere => "Ingénierie financière",
        DocumentCategory.Etude => "Étude",
        _ => "Livrable",
    };

    public static string Extension(this DocumentFileFormat format) => format switch
    {
        DocumentFileFormat.Pdf => ".pdf",
        DocumentFileFormat.Docx => ".docx",
        DocumentFileFormat.Odt => ".odt",
        _ => ".xlsx",
    };

    public static string ContentType(this DocumentFileFormat format) => format switch
    {
        DocumentFileFormat.Pdf => "application/pdf",
        DocumentFileFormat.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        DocumentFileFormat.Odt => "application/vnd.oasis.opendocument.text",
        _ => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    };
}

/// <summary>A document of the library; its file and text live in its versions, the latest published one being current.</summary>
public sealed class ResourceDocument : IModeratedEntry
{
    public long Id { get; init; }
    public required string Title { get; set; }
    public string? Description { get; set; }
    public DocumentCategory Category { get; set; }
    /// <summary>Licence as written by the author (« Licence Ouverte 2.0 », « CC BY 4.0 », « Tous droits réservés »…).</summary>
    public required string Licence { get; set; }
    public required string Author { get; set; }
    public DateOnly DocumentDate { get; set; }
    public string Themes { get; set; } = "";
    public string Territories { get; set; } = "";
    public PublicationStatus Status { get; set; }
    public List<DocumentVersion> Versions { get; init; } = [];

    public DocumentVersion? Current => Versions.OrderByDescending(v => v.Number).FirstOrDefault();

    public IReadOnlyList<EntryField> Fields() =>
    [
        new("title", "Titre", Title),
        new("description", "Description", Description),
        new("category", "Catégorie", Category.ToString()),
        new("licence", "Licence", Licence),
        new("author", "Auteur", Author),
        new("date", "Date", DocumentDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        new("themes", "Thèmes", TagList.Display(Themes)),
        new("territories", "Territoires", TagList.Display(Territories)),
        new("file", "Fichier", Current is { } v ? $"{v.FileName} (version {v.Number}, {v.Size} octets)" : null),
    ];

    public void Apply(IReadOnlyDictionary<string, string?> values)
    {
        foreach (var (key, value) in values)
        {
            switch (key)
            {
                case "title": Title = value ?? Title; break;
                case "description": Description = value; break;
                case "category": Category = Enum.TryParse<DocumentCategory>(value, out var c) ? c : Category; break;
                case "licence": Licence = value ?? Licence; break;
                case "author": Author = value ?? Author; break;
                case "date": DocumentDate = DateOnly.TryParse(value, CultureInfo.InvariantCulture, out var d) ? d : DocumentDate; break;
                case "themes": Themes = TagList.Store(value); break;
                case "territories": Territories = TagList.Store(value); break;
            }
        }
    }
}

/// <summary>One uploaded file of a document. A new version never replaces an old one: history is kept.</summary>
public sealed class DocumentVersion
{
    public long Id { get; init; }
    public long DocumentId { get; init; }
    public int Number { get; init; }
    /// <summary>The name the file was uploaded under (served in Content-Disposition).</summary>
    public required string FileName { get; init; }
    public DocumentFileFormat Format { get; init; }
    public long Size { get; init; }
    public required string Sha256 { get; init; }
    /// <summary>Path relative to the library folder (never under the web root).</summary>
    public required string StoredPath { get; init; }
    /// <summary>Text extracted at upload, what full-text search indexes.</summary>
    public string Text { get; init; } = "";
    public required string UploadedBy { get; init; }
    public DateTimeOffset UploadedAt { get; init; }
    public string? Note { get; init; }
}

public sealed class ResourceDocumentConfiguration : IEntityTypeConfiguration<ResourceDocument>
{
    public void Configure(EntityTypeBuilder<ResourceDocument> builder)
    {
        builder.ToTable("resource_documents");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).HasColumnName("id");
        builder.Property(x => x.Title).HasColumnName("title").HasMaxLength(300);
        builder.Property(x => x.Description).HasColumnName("description").HasMaxLength(4000);
        builder.Property(x => x.Category).HasColumnName("category").HasConversion<string>().HasMaxLength(32);
        builder.Property(x => x.Licence).HasColumnName("licence").HasMaxLength(200);
        builder.Property(x => x.Author).HasColumnName("author").HasMaxLength(300);
        builder.Property(x => x.DocumentDate).HasColumnName("document_date");
        builder.Property(x => x.Themes).HasColumnName("themes").HasMaxLength(1000);
        builder.Property(x => x.Territories).HasColumnName("territories").HasMaxLength(2000);
        builder.Property(x => x.Status).HasColumnName("status").HasConversion<string>().HasMaxLength(16);
        builder.HasMany(x => x.Versions).WithOne().HasForeignKey(v => v.DocumentId);
        builder.Ignore(x => x.Current);
        builder.HasIndex(x => x.Status);
    }
}

public sealed class DocumentVersionConfiguration : IEntityTypeConfiguration<DocumentVersion>
{
    public void Configure(EntityTypeBuilder<DocumentVersion> builder)
    {
        builder.ToTable("resource_document_versions");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).HasColumnName("id");
        builder.Property(x => x.DocumentId).HasColumnName("document_id");
        builder.Property(x => x.Number).HasColumnName("number");
        builder.Property(x => x.FileName).HasColumnName("file_name").HasMaxLength(255);
        builder.Property(x => x.Format).HasColumnName("format").HasConversion<string>().HasMaxLength(8);
        builder.Property(x => x.Size).HasColumnName("size");
        builder.Property(x => x.Sha256).HasColumnName("sha256").HasMaxLength(64);
        builder.Property(x => x.StoredPath).HasColumnName("stored_path").HasMaxLength(300);
        builder.Property(x => x.Text).HasColumnName("text");
        builder.Property(x => x.UploadedBy).HasColumnName("uploaded_by").HasMaxLength(256);
        builder.Property(x => x.UploadedAt).HasColumnName("uploaded_at");
        builder.Property(x => x.Note).HasColumnName("note").HasMaxLength(1000);
        builder.HasIndex(x => new { x.DocumentId, x.Number }).IsUnique();
    }
}
