using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Scoran.Resources.Contributions;

public enum ContributionKind
{
    /// <summary>A new entry, stored with status Proposed until published.</summary>
    Creation,
    /// <summary>New values for an existing entry, applied only when published.</summary>
    Change,
}

public enum ContributionStatus
{
    Pending,
    Published,
    Rejected,
}

/// <summary>
/// One proposal in the moderation queue. A change keeps the values proposed beside the entry's
/// values when it was proposed, so the editor reads a field-by-field diff and the public keeps
/// seeing the published values until then.
/// </summary>
public sealed class Contribution
{
    public long Id { get; init; }
    /// <summary>actor, project, event, document (see <see cref="ResourceEntryTypes"/>).</summary>
    public required string EntryType { get; init; }
    public required long EntryId { get; init; }
    public required ContributionKind Kind { get; init; }
    public required string Title { get; set; }
    /// <summary>Field values proposed, JSON object key → text.</summary>
    public required string ProposedJson { get; set; }
    /// <summary>Field values of the entry when proposed (null for a creation).</summary>
    public string? BeforeJson { get; init; }
    public ContributionStatus Status { get; set; }
    public required string Author { get; init; }
    public required DateTimeOffset SubmittedAt { get; init; }
    public string? Reviewer { get; set; }
    public DateTimeOffset? ReviewedAt { get; set; }
    public string? ReviewComment { get; set; }
}

public static class ResourceEntryTypes
{
    public const string Actor = "actor";
    public const string Project = "project";
    public const string Event = "event";
    public const string Document = "document";

    /// <summary>Entity type in the shared audit trail.</summary>
    public static string Audit(string entryType) => "resources." + entryType;

    public static string Label(string entryType) => entryType switch
    {
        Actor => "Acteur",
        Project => "Projet",
        Event => "Événement",
        Document => "Document",
        _ => entryType,
    };
}

public sealed class ContributionConfiguration : IEntityTypeConfiguration<Contribution>
{
    public void Configure(EntityTypeBuilder<Contribution> builder)
    {
        builder.ToTable("resource_contributions");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).HasColumnName("id");
        builder.Property(x => x.EntryType).HasColumnName("entry_type").HasMaxLength(32);
        builder.Property(x => x.EntryId).HasColumnName("entry_id");
        builder.Property(x => x.Kind).HasColumnName("kind").HasConversion<string>().HasMaxLength(16);
        builder.Property(x => x.Title).HasColumnName("title").HasMaxLength(300);
        builder.Property(x => x.ProposedJson).HasColumnName("proposed_json");
        builder.Property(x => x.BeforeJson).HasColumnName("before_json");
        builder.Property(x => x.Status).HasColumnName("status").HasConversion<string>().HasMaxLength(16);
        builder.Property(x => x.Author).HasColumnName("author").HasMaxLength(256);
        builder.Property(x => x.SubmittedAt).HasColumnName("submitted_at");
        builder.Property(x => x.Reviewer).HasColumnName("reviewer").HasMaxLength(256);
        builder.Property(x => x.ReviewedAt).HasColumnName("reviewed_at");
        builder.Property(x => x.ReviewComment).HasColumnName("review_comment").HasMaxLength(2000);
        builder.HasIndex(x => new { x.Status, x.SubmittedAt });
        builder.HasIndex(x => new { x.EntryType, x.EntryId });
    }
}
