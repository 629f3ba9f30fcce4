using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Scoran.Core.Audit;

namespace Scoran.Resources.Places;

/// <summary>
/// How a regional network's own file of places maps onto the « lieux de médiation numérique »
/// schema (schema field → the file's column), saved under the source's name so the next import of
/// the same network's file is pre-filled.
/// </summary>
public sealed class PlaceColumnMapping
{
    public required string Source { get; init; }
    /// <summary>JSON object: schema field → column of the file.</summary>
    public required string MappingJson { get; set; }
    public required DateTimeOffset UpdatedAt { get; set; }
    public required string UpdatedBy { get; set; }

    public IReadOnlyDictionary<string, string> Mapping =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(MappingJson) ?? [];
}

public sealed class PlaceColumnMappingConfiguration : IEntityTypeConfiguration<PlaceColumnMapping>
{
    public void Configure(EntityTypeBuilder<PlaceColumnMapping> builder)
    {
        builder.ToTable("inclusion_place_mappings");
        builder.HasKey(x => x.Source);
        builder.Property(x => x.Source).HasColumnName("source").HasMaxLength(64);
        builder.Property(x => x.MappingJson).HasColumnName("mapping_json").HasMaxLength(8000);
        builder.Property(x => x.UpdatedAt).HasColumnName("updated_at");
        builder.Property(x => x.UpdatedBy).HasColumnName("updated_by").HasMaxLength(256);
        builder.Ignore(x => x.Mapping);
    }
}

/// <summary>Reads and saves column mappings; every change is audited in the same SaveChanges.</summary>
public sealed class PlaceMappings(DbContext db, TimeProvider clock)
{
    public Task<PlaceColumnMapping?> FindAsync(string source, CancellationToken cancellationToken = default) =>
        db.Set<PlaceColumnMapping>().AsNoTracking().SingleOrDefaultAsync(m => m.Source == source, cancellationToken);

    public async Task SaveAsync(string source, IReadOnlyDictionary<string, string> mapping, string author, CancellationToken cancellationToken = default)
    {
        var json = JsonSerializer.Serialize(mapping.OrderBy(kv => kv.Key, StringComparer.Ordinal).ToDictionary());
        var existing = await db.Set<PlaceColumnMapping>().SingleOrDefaultAsync(m => m.Source == source, cancellationToken);
        if (existing is not null && existing.MappingJson == json)
        {
            return;
        }

        var before = existing?.MappingJson;
        if (existing is null)
        {
            db.Set<PlaceColumnMapping>().Add(new PlaceColumnMapping { Source = source, MappingJson = json, UpdatedAt = clock.GetUtcNow(), UpdatedBy = author });
        }
        else
        {
            existing.MappingJson = json;
            existing.UpdatedAt = clock.GetUtcNow();
            existing.UpdatedBy = author;
        }

        AuditTrail.Record(db, clock, author, "resources.places-mapping", source, existing is null ? "created" : "updated",
            before is null ? null : new { mapping = before }, new { mapping = json });
        await db.SaveChangesAsync(cancellationToken);
    }
}
