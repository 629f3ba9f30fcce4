using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Scoran.Core.Audit;
using Scoran.Resources.Actors;
using Scoran.Resources.Agenda;
using Scoran.Resources.Documents;
using Scoran.Resources.Projects;

namespace Scoran.Resources.Contributions;

/// <summary>One line of the moderation diff.</summary>
public sealed record FieldChange(string Key, string Label, string? Before, string? After)
{
    public bool Changed => (Before ?? "") != (After ?? "");
}

/// <summary>
/// Proposals and their review. A contributor's new entry is stored as Proposed (invisible to
/// every public page, feed, search and API) and a contributor's change is stored beside the
/// entry; an editor publishes or rejects. Every step is recorded in the shared audit trail in the
/// same unit of work.
/// </summary>
public sealed class ModerationService(DbContext db, TimeProvider clock, DocumentSearchIndex index)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Stores a new entry: published at once when <paramref name="publish"/> (an editor's own entry), else proposed.</summary>
    public async Task<Contribution> CreateAsync<T>(T entry, string entryType, string author, bool publish, CancellationToken ct = default)
        where T : class, IModeratedEntry
    {
        if (EntryValidation.Validate(entry) is { Count: > 0 } errors)
        {
            throw new EntryValidationException(errors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        entry.Status = publish ? PublicationStatus.Published : PublicationStatus.Proposed;
        db.Set<T>().Add(entry);
        await db.SaveChangesAsync(ct);
        var now = clock.GetUtcNow();
        var contribution = new Contribution
        {
            EntryType = entryType,
            EntryId = entry.Id,
            Kind = ContributionKind.Creation,
            Title = entry.Title,
            ProposedJson = Serialize(entry.Fields()),
            Status = publish ? ContributionStatus.Published : ContributionStatus.Pending,
            Author = author,
            SubmittedAt = now,
            Reviewer = publish ? author : null,
            ReviewedAt = publish ? now : null,
        };
        db.Set<Contribution>().Add(contribution);
        AuditTrail.Record(db, clock, author, ResourceEntryTypes.Audit(entryType), entry.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            publish ? "created" : "proposed", null, Snapshot(entry), publish ? "publié directement par un éditeur" : "proposé, en attente de relecture");
        await db.SaveChangesAsync(ct);
        if (entry is ResourceDocument document)
        {
            await index.IndexAsync(document, ct);
        }

        await transaction.CommitAsync(ct);
        return contribution;
    }

    /// <summary>Proposes new values for an existing entry; the entry itself is unchanged until an editor publishes.</summary>
    public async Task<Contribution?> ProposeChangeAsync(string entryType, long entryId, IReadOnlyDictionary<string, string?> values, string author, CancellationToken ct = default)
    {
        var entry = await FindAsync(entryType, entryId, ct);
        if (entry is null)
        {
            return null;
        }

        var before = entry.Fields().ToDictionary(f => f.Key, f => f.Value);
        var proposed = values.Where(v => before.ContainsKey(v.Key)).ToDictionary(v => v.Key, v => v.Value);
        if (ValidateApplied(entry, proposed) is { Count: > 0 } errors)
        {
            throw new EntryValidationException(errors);
        }
        var contribution = new Contribution
        {
            EntryType = entryType,
            EntryId = entryId,
            Kind = ContributionKind.Change,
            Title = entry.Title,
            ProposedJson = JsonSerializer.Serialize(proposed, Json),
            BeforeJson = JsonSerializer.Serialize(before, Json),
            Status = ContributionStatus.Pending,
            Author = author,
            SubmittedAt = clock.GetUtcNow(),
        };
        db.Set<Contribution>().Add(contribution);
        AuditTrail.Record(db, clock, author, ResourceEntryTypes.Audit(entryType), entryId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "change-proposed", before, proposed);
        await db.SaveChangesAsync(ct);
        return contribution;
    }

    public Task<List<Contribution>> PendingAsync(CancellationToken ct = default) =>
        db.Set<Contribution>().Where(c => c.Status == ContributionStatus.Pending).OrderBy(c => c.Id).ToListAsync(ct);

    public Task<List<Contribution>> RecentlyReviewedAsync(int count, CancellationToken ct = default) =>
        db.Set<Contribution>().Where(c => c.Status != ContributionStatus.Pending).OrderByDescending(c => c.Id).Take(count).ToListAsync(ct);

    public Task<Contribution?> FindContributionAsync(long id, CancellationToken ct = default) =>
        db.Set<Contribution>().FirstOrDefaultAsync(c => c.Id == id, ct);

    /// <summary>Field by field: the entry's values when proposed (or now, for a creation: nothing) against the proposed ones.</summary>
    public async Task<IReadOnlyList<FieldChange>> DiffAsync(Contribution contribution, CancellationToken ct = default)
    {
        var entry = await FindAsync(contribution.EntryType, contribution.EntryId, ct);
        var labels = entry?.Fields().ToDictionary(f => f.Key, f => f.Label) ?? [];
        var proposed = Deserialize(contribution.ProposedJson);
        var before = contribution.BeforeJson is null ? new Dictionary<string, string?>() : Deserialize(contribution.BeforeJson);
        var current = contribution.Kind == ContributionKind.Change && entry is not null
            ? entry.Fields().ToDictionary(f => f.Key, f => f.Value)
            : before;
        return proposed.Select(p => p.Key is ProjectAttachments.ActorsKey or ProjectAttachments.ImagesKey
            ? ProjectAttachments.Describe(p.Key, p.Value) is var (label, text) ? new FieldChange(p.Key, label, null, text) : null!
            : new FieldChange(p.Key, labels.GetValueOrDefault(p.Key, p.Key), current.GetValueOrDefault(p.Key), p.Value)).ToList();
    }

    public async Task<bool> PublishAsync(long contributionId, string reviewer, string? comment, CancellationToken ct = default)
    {
        var contribution = await FindContributionAsync(contributionId, ct);
        if (contribution is not { Status: ContributionStatus.Pending })
        {
            return false;
        }

        var entry = await FindAsync(contribution.EntryType, contribution.EntryId, ct);
        if (entry is null)
        {
            return false;
        }

        // The entry as it would be published, validated again (security review F2): a proposal stored before a rule existed,
        // or written by another path, is refused here with nothing changed.
        if ((contribution.Kind == ContributionKind.Creation ? EntryValidation.Validate(entry) : ValidateApplied(entry, Deserialize(contribution.ProposedJson))) is { Count: > 0 } errors)
        {
            throw new EntryValidationException(errors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var before = Snapshot(entry);
        if (contribution.Kind == ContributionKind.Creation)
        {
            entry.Status = PublicationStatus.Published;
        }
        else
        {
            entry.Apply(Deserialize(contribution.ProposedJson));
            if (entry is AgendaEvent e)
            {
                e.UpdatedAt = clock.GetUtcNow();
            }
        }

        contribution.Status = ContributionStatus.Published;
        contribution.Reviewer = reviewer;
        contribution.ReviewedAt = clock.GetUtcNow();
        contribution.ReviewComment = comment;
        contribution.Title = entry.Title;
        AuditTrail.Record(db, clock, reviewer, ResourceEntryTypes.Audit(contribution.EntryType), contribution.EntryId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "published", before, Snapshot(entry), comment ?? $"contribution n° {contribution.Id} de {contribution.Author}");
        await db.SaveChangesAsync(ct);
        if (entry is ResourceDocument document)
        {
            await index.IndexAsync(document, ct);
        }

        await transaction.CommitAsync(ct);
        return true;
    }

    public async Task<bool> RejectAsync(long contributionId, string reviewer, string? comment, CancellationToken ct = default)
    {
        var contribution = await FindContributionAsync(contributionId, ct);
        if (contribution is not { Status: ContributionStatus.Pending })
        {
            return false;
        }

        var entry = await FindAsync(contribution.EntryType, contribution.EntryId, ct);
        if (contribution.Kind == ContributionKind.Creation && entry is not null)
        {
            entry.Status = PublicationStatus.Rejected;
        }

        contribution.Status = ContributionStatus.Rejected;
        contribution.Reviewer = reviewer;
        contribution.ReviewedAt = clock.GetUtcNow();
        contribution.ReviewComment = comment;
        AuditTrail.Record(db, clock, reviewer, ResourceEntryTypes.Audit(contribution.EntryType), contribution.EntryId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "rejected", null, null, comment ?? $"contribution n° {contribution.Id} de {contribution.Author}");
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Any entry, whatever its status (moderation sees proposed ones).</summary>
    public async Task<IModeratedEntry?> FindAsync(string entryType, long id, CancellationToken ct = default) => entryType switch
    {
        ResourceEntryTypes.Actor => await db.Set<Actor>().Include(a => a.Contacts).FirstOrDefaultAsync(a => a.Id == id, ct),
        ResourceEntryTypes.Project => await db.Set<Project>().Include(p => p.Actors).Include(p => p.Images).FirstOrDefaultAsync(a => a.Id == id, ct),
        ResourceEntryTypes.Event => await db.Set<AgendaEvent>().FirstOrDefaultAsync(a => a.Id == id, ct),
        ResourceEntryTypes.Document => await db.Set<ResourceDocument>().Include(d => d.Versions).FirstOrDefaultAsync(a => a.Id == id, ct),
        _ => null,
    };

    /// <summary>
    /// The validation of the entry with <paramref name="values"/> applied; the tracked entry is then put back as it was.
    /// Only the entry's own fields are applied: attachment edits (a project's actors and images) change collections that
    /// restoring the columns would not undo, and carry no value to validate.
    /// </summary>
    private Dictionary<string, string[]> ValidateApplied(IModeratedEntry entry, IReadOnlyDictionary<string, string?> values)
    {
        var tracked = db.Entry(entry);
        var original = tracked.CurrentValues.Clone();
        var fields = entry.Fields().Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
        try
        {
            entry.Apply(values.Where(v => fields.Contains(v.Key)).ToDictionary(v => v.Key, v => v.Value));
            return EntryValidation.Validate(entry);
        }
        finally
        {
            tracked.CurrentValues.SetValues(original);
        }
    }

    private static Dictionary<string, string?> Snapshot(IModeratedEntry entry)
    {
        var values = entry.Fields().ToDictionary(f => f.Key, f => f.Value);
        values["status"] = entry.Status.ToString();
        return values;
    }

    private static string Serialize(IEnumerable<EntryField> fields) =>
        JsonSerializer.Serialize(fields.ToDictionary(f => f.Key, f => f.Value), Json);

    private static Dictionary<string, string?> Deserialize(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, string?>>(json, Json) ?? [];
}
