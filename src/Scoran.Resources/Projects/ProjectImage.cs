using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Scoran.Resources.Projects;

/// <summary>A picture of a project, checked like documents (type by content, size) and stored beside them, outside the web root.</summary>
public sealed class ProjectImage
{
    public long Id { get; init; }
    public long ProjectId { get; init; }
    public required string FileName { get; init; }
    public required string ContentType { get; init; }
    public long Size { get; init; }
    public required string Sha256 { get; init; }
    public required string StoredPath { get; init; }
    /// <summary>Text alternative, read by screen readers.</summary>
    public required string AltText { get; init; }
    public required string UploadedBy { get; init; }
    public DateTimeOffset UploadedAt { get; init; }
}

/// <summary>PNG, JPEG or WebP recognised by their first bytes; SVG (which may carry scripts) and everything else refused.</summary>
public static class ImageInspector
{
    public static (string? ContentType, string Extension, string? Refusal) Inspect(string fileName, ReadOnlySpan<byte> head, long length, long maxBytes)
    {
        if (length == 0)
        {
            return (null, "", "L'image est vide.");
        }

        if (length > maxBytes)
        {
            return (null, "", $"L'image « {fileName} » est trop volumineuse ({Documents.UploadInspector.SizeLabel(length)}) : la taille maximale est de {Documents.UploadInspector.SizeLabel(maxBytes)}.");
        }

        if (head.StartsWith(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }))
        {
            return ("image/png", ".png", null);
        }

        if (head.StartsWith(new byte[] { 0xFF, 0xD8, 0xFF }))
        {
            return ("image/jpeg", ".jpg", null);
        }

        if (head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8))
        {
            return ("image/webp", ".webp", null);
        }

        return (null, "", $"Le fichier « {fileName} » n'est pas une image PNG, JPEG ou WebP.");
    }
}

public sealed class ProjectImageConfiguration : IEntityTypeConfiguration<ProjectImage>
{
    public void Configure(EntityTypeBuilder<ProjectImage> builder)
    {
        builder.ToTable("resource_project_images");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).HasColumnName("id");
        builder.Property(x => x.ProjectId).HasColumnName("project_id");
        builder.Property(x => x.FileName).HasColumnName("file_name").HasMaxLength(255);
        builder.Property(x => x.ContentType).HasColumnName("content_type").HasMaxLength(32);
        builder.Property(x => x.Size).HasColumnName("size");
        builder.Property(x => x.Sha256).HasColumnName("sha256").HasMaxLength(64);
        builder.Property(x => x.StoredPath).HasColumnName("stored_path").HasMaxLength(300);
        builder.Property(x => x.AltText).HasColumnName("alt_text").HasMaxLength(500);
        builder.Property(x => x.UploadedBy).HasColumnName("uploaded_by").HasMaxLength(256);
        builder.Property(x => x.UploadedAt).HasColumnName("uploaded_at");
    }
}
