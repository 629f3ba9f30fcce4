using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Scoran.Core.Audit;
using Scoran.Resources.Actors;
using Scoran.Resources.Contributions;

namespace Scoran.Resources.Projects;

/// <summary>Who edits a project: the signed-in account and whether it publishes directly (editor, administrator: the moderators).</summary>
public sealed record ProjectEditor(string Email, bool IsModerator);

/// <summary>An image sent with an edit (checked by the shared upload policy before anything is stored).</summary>
public sealed record ProjectImageUpload(string FileName, Stream Content, long Length, string? AltText);

/// <summary>
/// One edit of a project's attachments. <see cref="Links"/> null leaves the links as they are; otherwise it is the
/// new list, one URL a line. Images and actors are changed by removal and addition, so that an edit waiting for
/// review does not undo what an editor did meanwhile.
/// </summary>
public sealed record ProjectEdit(string? Links, IReadOnlyCollection<long> RemoveImages, ProjectImageUpload? NewImage, IReadOnlyCollection<long> RemoveActors, long? AddActorId, string? AddActorRole);

public enum ProjectEditOutcome
{
    NotFound,
    /// <summary>Neither the project's owner nor a moderator: nothing changed.</summary>
    Forbidden,
    Invalid,
    /// <summary>Applied at once (moderator, or a project not yet published).</summary>
    Applied,
    /// <summary>Stored as a change proposal waiting for an editor (owner of a published project).</summary>
    Proposed,
    /// <summary>The edit changed nothing.</summary>
    Unchanged,
}

public sealed record ProjectEditResult(ProjectEditOutcome Outcome, Dictionary<string, string[]> Errors, long? ContributionId = null);

/// <summary>The attachment deltas an edit carries and how a project applies them (also when an editor publishes a proposal).</summary>
public static class ProjectAttachments
{
    public const string ActorsKey = "actors";
    public const string ImagesKey = "images";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public sealed record ActorDelta(List<long> Remove, List<ActorAddition> Add);

    public sealed record ActorAddition(long ActorId, string Role, string? Name);

    public sealed record ImageDelta(List<long> Remove, List<ImageAddition> Add);

    /// <summary>A stored image file (content-addressed, already checked) to attach.</summary>
    public sealed record ImageAddition(string FileName, string ContentType, long Size, string Sha256, string StoredPath, string AltText, string UploadedBy, DateTimeOffset UploadedAt);

    public static string Serialize<T>(T delta) => JsonSerializer.Serialize(delta, Json);

    /// <summary>A delta in words, for the moderation diff.</summary>
    public static (string Label, string? Text) Describe(string key, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return (key, value);
        if (key == ActorsKey && JsonSerializer.Deserialize<ActorDelta>(value, Json) is { } a)
        {
            return ("Acteurs du projet", string.Join(" ; ", a.Remove.Select(r => $"retrait de l'acteur n° {r}").Concat(a.Add.Select(x => $"ajout de « {x.Name ?? x.ActorId.ToString(CultureInfo.InvariantCulture)} » ({x.Role})"))));
        }

        if (key == ImagesKey && JsonSerializer.Deserialize<ImageDelta>(value, Json) is { } i)
        {
            return ("Images", string.Join(" ; ", i.Remove.Select(r => $"retrait de l'image n° {r}").Concat(i.Add.Select(x => $"ajout de « {x.FileName} » ({x.ContentType}, {x.Size} octets, texte alternatif « {x.AltText} »)"))));
        }

        return (key, value);
    }

    public static void ApplyActors(Project project, string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || JsonSerializer.Deserialize<ActorDelta>(value, Json) is not { } delta) return;
        project.Actors.RemoveAll(a => delta.Remove.Contains(a.ActorId));
        foreach (var add in delta.Add.Where(a => project.Actors.All(x => x.ActorId != a.ActorId)))
        {
            project.Actors.Add(new ProjectActor { ActorId = add.ActorId, Role = add.Role });
        }
    }

    public static void ApplyImages(Project project, string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || JsonSerializer.Deserialize<ImageDelta>(value, Json) is not { } delta) return;
        project.Images.RemoveAll(i => delta.Remove.Contains(i.Id));
        foreach (var a in delta.Add)
        {
            project.Images.Add(new ProjectImage
            {
                FileName = a.FileName, ContentType = a.ContentType, Size = a.Size, Sha256 = a.Sha256, StoredPath = a.StoredPath, AltText = a.AltText, UploadedBy = a.UploadedBy, UploadedAt = a.UploadedAt,
            });
        }
    }

    /// <summary>Web links must be absolute http or https URLs (anything else could run script or reach a local file from the public page).</summary>
    public static (List<string> Links, string? Error) ParseLinks(string? text)
    {
        var links = (text ?? "").Split(['\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();
        foreach (var link in links)
        {
            if (!Scoran.Core.Security.SafeUrl.IsHttp(link) || link.Length > 1000)
            {
                return (links, $"Lien invalide : « {link} ». Indiquez une adresse complète commençant par http:// ou https://.");
            }
        }

        return string.Join("\n", links).Length > 4000 ? (links, "Les liens dépassent 4 000 caractères au total.") : (links, null);
    }
}

/// <summary>
/// Editing a project's links, images and actors after its creation. The owner (the account whose creation
/// contribution it is) and the moderators may edit; anyone else is refused with nothing changed.
/// Rule (the moderation model's): a moderator's edit, or an edit of a project not yet published, applies at once
/// (a pending creation is re-read by the moderator with its new values); the owner's edit of a published project
/// waits, as a change proposal, for an editor. Every step is audited in the same SaveChanges.
/// </summary>
public sealed class ProjectEditing(DbContext db, ProjectDirectory directory, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The account that proposed the project (author of its creation contribution), or null (e.g. created before contributions existed).</summary>
    public Task<string?> OwnerAsync(long projectId, CancellationToken ct = default) =>
        db.Set<Contribution>().AsNoTracking().Where(c => c.EntryType == ResourceEntryTypes.Project && c.EntryId == projectId && c.Kind == ContributionKind.Creation)
            .OrderBy(c => c.Id).Select(c => c.Author).FirstOrDefaultAsync(ct);

    public async Task<bool> MayEditAsync(ProjectEditor editor, long projectId, CancellationToken ct = default) =>
        editor.IsModerator || (!string.IsNullOrWhiteSpace(editor.Email) && string.Equals(await OwnerAsync(projectId, ct), editor.Email, StringComparison.OrdinalIgnoreCase));

    /// <summary>The project with its actors and images, whatever its status, for the edit form.</summary>
    public Task<Project?> ProjectAsync(long id, CancellationToken ct = default) =>
        db.Set<Project>().Include(p => p.Actors).Include(p => p.Images).FirstOrDefaultAsync(p => p.Id == id, ct);

    /// <summary>The project's actors with their names (published or not: the form must show what it may remove).</summary>
    public Task<List<ProjectActorView>> ActorsAsync(long projectId, CancellationToken ct = default) =>
        (from pa in db.Set<ProjectActor>()
         join a in db.Set<Actor>() on pa.ActorId equals a.Id
         where pa.ProjectId == projectId
         orderby a.Name
         select new ProjectActorView(a.Id, a.Name, pa.Role)).ToListAsync(ct);

    public Task<List<Contribution>> PendingEditsAsync(long projectId, CancellationToken ct = default) =>
        db.Set<Contribution>().AsNoTracking().Where(c => c.EntryType == ResourceEntryTypes.Project && c.EntryId == projectId && c.Kind == ContributionKind.Change && c.Status == ContributionStatus.Pending)
            .OrderBy(c => c.Id).ToListAsync(ct);

    public async Task<ProjectEditResult> EditAsync(ProjectEditor editor, long projectId, ProjectEdit edit, CancellationToken ct = default)
    {
        var project = await ProjectAsync(projectId, ct);
        if (project is null || (project.Status == PublicationStatus.Rejected && !editor.IsModerator)) return new(ProjectEditOutcome.NotFound, []);
        if (!await MayEditAsync(editor, projectId, ct)) return new(ProjectEditOutcome.Forbidden, []);

        var errors = new Dictionary<string, string[]>();
        var values = new Dictionary<string, string?>();
        if (edit.Links is not null)
        {
            var (links, error) = ProjectAttachments.ParseLinks(edit.Links);
            if (error is not null) errors["links"] = [error];
            var text = links.Count == 0 ? null : string.Join("\n", links);
            if ((text ?? "") != (project.Links ?? "").Replace("\r", "", StringComparison.Ordinal)) values["links"] = text;
        }

        var actorDelta = new ProjectAttachments.ActorDelta(edit.RemoveActors.Where(id => project.Actors.Any(a => a.ActorId == id)).Distinct().ToList(), []);
        if (edit.AddActorId is { } actorId)
        {
            var actor = await db.Set<Actor>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == actorId && a.Status == PublicationStatus.Published, ct);
            if (actor is null) errors["actor"] = ["Choisissez un acteur publié de l'annuaire."];
            else if (project.Actors.Any(a => a.ActorId == actorId) && !actorDelta.Remove.Contains(actorId)) errors["actor"] = [$"« {actor.Name} » est déjà un acteur du projet."];
            else
            {
                var role = string.IsNullOrWhiteSpace(edit.AddActorRole) ? "partenaire" : edit.AddActorRole.Trim();
                if (role.Length > 100) errors["role"] = ["Le rôle compte au plus 100 caractères."];
                actorDelta.Add.Add(new ProjectAttachments.ActorAddition(actorId, role, actor.Name));
            }
        }

        var imageDelta = new ProjectAttachments.ImageDelta(edit.RemoveImages.Where(id => project.Images.Any(i => i.Id == id)).Distinct().ToList(), []);
        if (edit.NewImage is { Length: > 0 } upload && errors.Count == 0)
        {
            // Checked and stored (by content hash, outside the web root) by the directory's own upload code, attached only below.
            var holder = new Project { Title = project.Title };
            if (await directory.AttachImageAsync(holder, upload.FileName, upload.Content, upload.Length, upload.AltText ?? "", editor.Email, ct) is { } refusal) errors["image"] = [refusal];
            else
            {
                var i = holder.Images[0];
                imageDelta.Add.Add(new ProjectAttachments.ImageAddition(i.FileName, i.ContentType, i.Size, i.Sha256, i.StoredPath, i.AltText, i.UploadedBy, i.UploadedAt));
            }
        }

        if (errors.Count > 0) return new(ProjectEditOutcome.Invalid, errors);
        if (actorDelta.Remove.Count + actorDelta.Add.Count > 0) values[ProjectAttachments.ActorsKey] = ProjectAttachments.Serialize(actorDelta);
        if (imageDelta.Remove.Count + imageDelta.Add.Count > 0) values[ProjectAttachments.ImagesKey] = ProjectAttachments.Serialize(imageDelta);
        if (values.Count == 0) return new(ProjectEditOutcome.Unchanged, []);

        var id = projectId.ToString(CultureInfo.InvariantCulture);
        var before = Snapshot(project);
        if (editor.IsModerator || project.Status != PublicationStatus.Published)
        {
            project.Apply(values);
            if (project.Status == PublicationStatus.Proposed)
            {
                // The moderator reviews a creation from its stored values: keep them those the public would get.
                var creation = await db.Set<Contribution>().Where(c => c.EntryType == ResourceEntryTypes.Project && c.EntryId == projectId && c.Kind == ContributionKind.Creation && c.Status == ContributionStatus.Pending).FirstOrDefaultAsync(ct);
                if (creation is not null) creation.ProposedJson = JsonSerializer.Serialize(project.Fields().ToDictionary(f => f.Key, f => f.Value), Json);
            }

            AuditTrail.Record(db, clock, editor.Email, ResourceEntryTypes.Audit(ResourceEntryTypes.Project), id, "updated", before, Snapshot(project), "liens, images ou acteurs du projet");
            await db.SaveChangesAsync(ct);
            return new(ProjectEditOutcome.Applied, []);
        }

        var contribution = new Contribution
        {
            EntryType = ResourceEntryTypes.Project, EntryId = projectId, Kind = ContributionKind.Change, Title = project.Title,
            ProposedJson = JsonSerializer.Serialize(values, Json), BeforeJson = JsonSerializer.Serialize(project.Fields().ToDictionary(f => f.Key, f => f.Value), Json),
            Status = ContributionStatus.Pending, Author = editor.Email, SubmittedAt = clock.GetUtcNow(),
        };
        db.Set<Contribution>().Add(contribution);
        AuditTrail.Record(db, clock, editor.Email, ResourceEntryTypes.Audit(ResourceEntryTypes.Project), id, "change-proposed", before, values, "liens, images ou acteurs proposés par le porteur du projet");
        await db.SaveChangesAsync(ct);
        return new(ProjectEditOutcome.Proposed, [], contribution.Id);
    }

    /// <summary>Audited state of the attachments (images by id and file, never their bytes).</summary>
    private static Dictionary<string, object?> Snapshot(Project p) => new()
    {
        ["links"] = p.Links,
        ["actors"] = p.Actors.OrderBy(a => a.ActorId).Select(a => $"{a.ActorId}:{a.Role}").ToList(),
        ["images"] = p.Images.OrderBy(i => i.Id).Select(i => $"{i.Id}:{i.FileName}:{i.Sha256[..12]}").ToList(),
        ["status"] = p.Status.ToString(),
    };
}
