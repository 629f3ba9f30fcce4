using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Scoran.Core.Uploads;

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

/// <summary>
/// The directory's wording of the shared upload checks (<see cref="UploadPolicy"/>): PNG, JPEG or
/// WebP recognised by their first bytes, whatever the name says; SVG (which may carry scripts),
/// executables and everything else refused.
/// </summary>
public static class ImageInspector
{
    private static readonly UploadType[] Allowed = [UploadType.Png, UploadType.Jpeg, UploadType.WebP];

    public static (string? ContentType, string Extension, string? Refusal) Inspect(string fileName, Stream content, long length, long maxBytes)
    {
        var check = new UploadPolicy(maxBytes, Allowed, ExtensionMustMatch: false).Check(fileName, length, content);
        return check.Refusal switch
        {
            null => (check.Type!.ContentType, check.Type.Extension, null),
            UploadRefusal.Empty => (null, "", "L'image est vide."),
            UploadRefusal.TooLarge => (null, "", $"L'image « {fileName} » est trop volumineuse ({UploadPolicy.SizeLabel(length)}) : la taille maximale est de {UploadPolicy.SizeLabel(maxBytes)}."),
            _ => (null, "", $"Le fichier « {fileName} » n'est pas une image PNG, JPEG ou WebP."),
        };
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
