using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Scoran.Core.Imports;

/// <summary>
/// Provenance of one successful import: every figure Scoran shows can be traced back to the
/// publisher, file, vintage and licence it came from.
/// </summary>
public sealed class DatasetImport
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Dataset { get; init; }
    public required string Publisher { get; init; }
    public required string Source { get; init; }
    public required string Vintage { get; init; }
    public required string Licence { get; init; }
    /// <summary>SHA-256 of the imported bytes; an import of identical content is skipped.</summary>
    public required string ContentSha256 { get; init; }
    public required DateTimeOffset ImportedAt { get; init; }
    public required int RowCount { get; init; }
    /// <summary>Human-readable counts (created, updated, obsolete, warnings).</summary>
    public required string Summary { get; init; }
}

public sealed class DatasetImportConfiguration : IEntityTypeConfiguration<DatasetImport>
{
    public void Configure(EntityTypeBuilder<DatasetImport> builder)
    {
        builder.ToTable("dataset_imports");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).HasColumnName("id");
        builder.Property(x => x.Dataset).HasColumnName("dataset").HasMaxLength(64);
        builder.Property(x => x.Publisher).HasColumnName("publisher").HasMaxLength(256);
        builder.Property(x => x.Source).HasColumnName("source").HasMaxLength(512);
        builder.Property(x => x.Vintage).HasColumnName("vintage").HasMaxLength(64);
        builder.Property(x => x.Licence).HasColumnName("licence").HasMaxLength(128);
        builder.Property(x => x.ContentSha256).HasColumnName("content_sha256").HasMaxLength(64);
        builder.Property(x => x.ImportedAt).HasColumnName("imported_at");
        builder.Property(x => x.RowCount).HasColumnName("row_count");
        builder.Property(x => x.Summary).HasColumnName("summary").HasMaxLength(4000);
        builder.HasIndex(x => new { x.Dataset, x.ImportedAt });
    }
}
