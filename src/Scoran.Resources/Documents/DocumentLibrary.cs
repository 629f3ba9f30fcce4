using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Scoran.Core;
using Scoran.Core.Audit;
using Scoran.Core.Uploads;
using Scoran.Resources.Contributions;

namespace Scoran.Resources.Documents;

/// <summary>What describes a document, as entered on the upload form.</summary>
public sealed record DocumentDescription(
    string Title, DocumentCategory Category, string Licence, string Author, DateOnly Date,
    string? Description = null, string? Themes = null, string? Territories = null);

/// <summary>The outcome of an upload: the document, or the reason it was refused (French).</summary>
public sealed record UploadOutcome(ResourceDocument? Document, string? Refusal, bool Published = false);

/// <summary>
/// The document library: checks uploads (<see cref="UploadInspector"/>), extracts their text,
/// stores files under the Scoran files folder (never under the web root), keeps every version.
/// </summary>
public sealed class DocumentLibrary(DbContext db, ScoranFiles files, IOptions<ResourcesOptions> options, ModerationService moderation, DocumentSearchIndex index, TimeProvider clock)
{
    public long MaxUploadBytes => options.Value.MaxUploadBytes;

    public string Folder => files.Folder("resources-documents");

    /// <summary>A new document: published at once when <paramref name="publish"/> (editors), else proposed for moderation.</summary>
    public async Task<UploadOutcome> UploadAsync(DocumentDescription description, string fileName, Stream content, long length, string author, bool publish, CancellationToken ct = default)
    {
        var refusal = Validate(description);
        if (refusal is not null)
        {
            return new(null, refusal);
        }

        var (version, fileRefusal) = await StoreAsync(fileName, content, length, author, number: 1, note: null, ct);
        if (version is null)
        {
            return new(null, fileRefusal);
        }

        var document = new ResourceDocument
        {
            Title = description.Title.Trim(),
            Description = description.Description,
            Category = description.Category,
            Licence = description.Licence.Trim(),
            Author = description.Author.Trim(),
            DocumentDate = description.Date,
            Themes = TagList.Store(description.Themes),
            Territories = TagList.Store(description.Territories),
            Versions = [version],
        };
        await moderation.CreateAsync(document, ResourceEntryTypes.Document, author, publish, ct);
        return new(document, null, publish);
    }

    /// <summary>A new version of a document; the old ones stay downloadable.</summary>
    public async Task<UploadOutcome> AddVersionAsync(long documentId, string fileName, Stream content, long length, string author, string? note, CancellationToken ct = default)
    {
        var document = await db.Set<ResourceDocument>().Include(d => d.Versions).FirstOrDefaultAsync(d => d.Id == documentId, ct);
        if (document is null)
        {
            return new(null, "Document introuvable.");
        }

        var before = document.Current?.Number;
        var (version, refusal) = await StoreAsync(fileName, content, length, author, document.Versions.Max(v => v.Number) + 1, note, ct);
        if (version is null)
        {
            return new(null, refusal);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        document.Versions.Add(version);
        AuditTrail.Record(db, clock, author, ResourceEntryTypes.Audit(ResourceEntryTypes.Document), document.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "version-added", new { version = before }, new { version = version.Number, version.FileName, version.Sha256, version.Size }, note);
        await db.SaveChangesAsync(ct);
        await index.IndexAsync(document, ct);
        await transaction.CommitAsync(ct);
        return new(document, null, document.Status == PublicationStatus.Published);
    }

    public string? Validate(DocumentDescription d)
    {
        if (string.IsNullOrWhiteSpace(d.Title))
        {
            return "Le titre est obligatoire.";
        }

        if (string.IsNullOrWhiteSpace(d.Licence))
        {
            return "La licence est obligatoire.";
        }

        return string.IsNullOrWhiteSpace(d.Author) ? "L'auteur est obligatoire." : null;
    }

    public Task<ResourceDocument?> PublishedAsync(long id, CancellationToken ct = default) =>
        db.Set<ResourceDocument>().Include(d => d.Versions).FirstOrDefaultAsync(d => d.Id == id && d.Status == PublicationStatus.Published, ct);

    public Task<List<ResourceDocument>> ListAsync(DocumentCategory? category, CancellationToken ct = default)
    {
        var query = db.Set<ResourceDocument>().Include(d => d.Versions).Where(d => d.Status == PublicationStatus.Published);
        if (category is { } c)
        {
            query = query.Where(d => d.Category == c);
        }

        return query.OrderByDescending(d => d.DocumentDate).ThenBy(d => d.Title).ToListAsync(ct);
    }

    /// <summary>Full path of a stored version; the stored path is ours (a hash), never a name chosen by the uploader.</summary>
    public string PathOf(DocumentVersion version) => Path.Combine(Folder, version.StoredPath);

    private async Task<(DocumentVersion? Version, string? Refusal)> StoreAsync(string fileName, Stream content, long length, string author, int number, string? note, CancellationToken ct)
    {
        fileName = Path.GetFileName(fileName);
        if (length > MaxUploadBytes)
        {
            return (null, UploadInspector.Inspect(fileName, length, Stream.Null, MaxUploadBytes).Refusal);
        }

        // The upload is copied to memory (it is at most MaxUploadBytes) so it can be inspected, extracted and hashed.
        using var buffer = await UploadStore.BufferAsync(content, ct);
        var verdict = UploadInspector.Inspect(fileName, buffer.Length, buffer, MaxUploadBytes);
        if (!verdict.Accepted)
        {
            return (null, verdict.Refusal);
        }

        var format = verdict.Format!.Value;
        string text;
        try
        {
            text = TextExtractor.Extract(format, buffer, ExtractionLimits.From(options.Value));
        }
        catch (ExtractionLimitException ex)
        {
            // F8: a zip bomb or an endless extraction is refused before anything is stored.
            return (null, $"Le fichier « {fileName} » est refusé : {ex.Message}. Il n'a pas été enregistré.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return (null, $"Le fichier « {fileName} » est endommagé ou illisible comme {format.Extension()[1..].ToUpperInvariant()} : {ex.Message}");
        }

        var (sha, relative) = await UploadStore.SaveByHashAsync(Folder, buffer.ToArray(), format.Extension(), ct);

        return (new DocumentVersion
        {
            Number = number,
            FileName = fileName,
            Format = format,
            Size = buffer.Length,
            Sha256 = sha,
            StoredPath = relative,
            Text = text,
            UploadedBy = author,
            UploadedAt = clock.GetUtcNow(),
            Note = note,
        }, null);
    }
}
