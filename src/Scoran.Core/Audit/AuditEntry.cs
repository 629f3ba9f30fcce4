using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Scoran.Core.Audit;

/// <summary>
/// One change made by a person, kept forever: who, when, what, and the entity's state before and
/// after as JSON. Steering, resources and funding all promise "nothing is deleted, every change is
/// audited"; they share this one trail so an auditor reads one table.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; init; }
    public required DateTimeOffset At { get; init; }
    /// <summary>Account e-mail of the author, or "système" for imports and scheduled work.</summary>
    public required string Author { get; init; }
    /// <summary>Capability-qualified entity type, e.g. "steering.action", "funding.dossier".</summary>
    public required string EntityType { get; init; }
    public required string EntityId { get; init; }
    /// <summary>created, updated, status-changed, published, closed… (stable English verbs).</summary>
    public required string Action { get; init; }
    public string? BeforeJson { get; init; }
    public string? AfterJson { get; init; }
    public string? Comment { get; init; }
}

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("audit_entries");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).HasColumnName("id");
        builder.Property(x => x.At).HasColumnName("at");
        builder.Property(x => x.Author).HasColumnName("author").HasMaxLength(256);
        builder.Property(x => x.EntityType).HasColumnName("entity_type").HasMaxLength(64);
        builder.Property(x => x.EntityId).HasColumnName("entity_id").HasMaxLength(128);
        builder.Property(x => x.Action).HasColumnName("action").HasMaxLength(64);
        builder.Property(x => x.BeforeJson).HasColumnName("before_json");
        builder.Property(x => x.AfterJson).HasColumnName("after_json");
        builder.Property(x => x.Comment).HasColumnName("comment").HasMaxLength(4000);
        builder.HasIndex(x => new { x.EntityType, x.EntityId, x.At });
    }
}

/// <summary>Adds audit entries to the caller's unit of work, so the change and its trace commit together or not at all.</summary>
public static class AuditTrail
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = false };

    public static AuditEntry Record(DbContext db, TimeProvider clock, string author, string entityType, string entityId, string action, object? before, object? after, string? comment = null)
    {
        var entry = new AuditEntry
        {
            At = clock.GetUtcNow(),
            Author = author,
            EntityType = entityType,
            EntityId = entityId,
            Action = action,
            BeforeJson = before is null ? null : JsonSerializer.Serialize(before, before.GetType(), Json),
            AfterJson = after is null ? null : JsonSerializer.Serialize(after, after.GetType(), Json),
            Comment = comment,
        };
        db.Set<AuditEntry>().Add(entry);
        return entry;
    }

    public static Task<List<AuditEntry>> HistoryAsync(DbContext db, string entityType, string entityId, CancellationToken ct = default) =>
        db.Set<AuditEntry>().Where(a => a.EntityType == entityType && a.EntityId == entityId).OrderBy(a => a.Id).ToListAsync(ct);
}
