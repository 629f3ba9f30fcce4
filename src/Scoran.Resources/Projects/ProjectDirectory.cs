using Microsoft.EntityFrameworkCore;
using Scoran.Core.Uploads;
using Scoran.Resources.Actors;
using Scoran.Resources.Contributions;

namespace Scoran.Resources.Projects;

public sealed record ProjectFilter(string? Theme = null, string? Territory = null, ProjectStage? Stage = null);

public sealed record ProjectActorView(long ActorId, string Name, string Role);

public sealed class ProjectDirectory(DbContext db, Scoran.Core.ScoranFiles files, Microsoft.Extensions.Options.IOptions<Documents.ResourcesOptions> options, TimeProvider clock)
{
    public string ImageFolder => files.Folder("resources-images");

    public string PathOf(ProjectImage image) => Path.Combine(ImageFolder, image.StoredPath);

    /// <summary>Checks and stores an image for a project not saved yet (added to <paramref name="project"/>); returns the refusal, or null.</summary>
    public async Task<string?> AttachImageAsync(Project project, string fileName, Stream content, long length, string altText, string author, CancellationToken ct = default)
    {
        fileName = Path.GetFileName(fileName);
        if (string.IsNullOrWhiteSpace(altText))
        {
            return "Décrivez l'image en quelques mots (texte alternatif, lu par les lecteurs d'écran).";
        }

        if (length > options.Value.MaxUploadBytes)
        {
            return ImageInspector.Inspect(fileName, Stream.Null, length, options.Value.MaxUploadBytes).Refusal;
        }

        using var buffer = await UploadStore.BufferAsync(content, ct);
        var (contentType, extension, refusal) = ImageInspector.Inspect(fileName, buffer, buffer.Length, options.Value.MaxUploadBytes);
        if (refusal is not null)
        {
            return refusal;
        }

        var bytes = buffer.ToArray();
        var (sha, relative) = await UploadStore.SaveByHashAsync(ImageFolder, bytes, extension, ct);
        project.Images.Add(new ProjectImage
        {
            FileName = fileName, ContentType = contentType!, Size = bytes.Length, Sha256 = sha, StoredPath = relative,
            AltText = altText.Trim(), UploadedBy = author, UploadedAt = clock.GetUtcNow(),
        });
        return null;
    }

    public async Task<List<Project>> ListAsync(ProjectFilter filter, CancellationToken ct = default)
    {
        var query = db.Set<Project>().Where(p => p.Status == PublicationStatus.Published);
        if (!string.IsNullOrWhiteSpace(filter.Theme))
        {
            var pattern = TagList.Pattern(filter.Theme);
            query = query.Where(p => EF.Functions.Like(p.Themes, pattern));
        }

        if (!string.IsNullOrWhiteSpace(filter.Territory))
        {
            var pattern = TagList.Pattern(filter.Territory);
            query = query.Where(p => EF.Functions.Like(p.Territories, pattern));
        }

        if (filter.Stage is { } stage)
        {
            query = query.Where(p => p.Stage == stage);
        }

        return await query.OrderBy(p => p.Title).ToListAsync(ct);
    }

    public Task<Project?> PublishedAsync(long id, CancellationToken ct = default) =>
        db.Set<Project>().Include(p => p.StrategyLinks).Include(p => p.Images).FirstOrDefaultAsync(p => p.Id == id && p.Status == PublicationStatus.Published, ct);

    /// <summary>The project's actors that are themselves published.</summary>
    public Task<List<ProjectActorView>> ActorsAsync(long projectId, CancellationToken ct = default) =>
        (from pa in db.Set<ProjectActor>()
         join a in db.Set<Actor>() on pa.ActorId equals a.Id
         where pa.ProjectId == projectId && a.Status == PublicationStatus.Published
         orderby a.Name
         select new ProjectActorView(a.Id, a.Name, pa.Role)).ToListAsync(ct);

    public static Dictionary<string, string[]> Validate(Project project)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(project.Title))
        {
            errors["title"] = ["Le titre est obligatoire."];
        }

        if (project.CommuneCode is { Length: > 0 } code && !(code.Length == 5 && code.All(char.IsAsciiLetterOrDigit)))
        {
            errors["commune"] = ["Le code INSEE de la commune compte 5 caractères."];
        }

        if (project.StartDate is { } s && project.EndDate is { } e && e < s)
        {
            errors["end"] = ["La fin ne peut précéder le début."];
        }

        if (project.Budget is < 0)
        {
            errors["budget"] = ["Le budget ne peut être négatif."];
        }

        if (ProjectAttachments.ParseLinks(project.Links).Error is { } links)
        {
            errors["links"] = [links];
        }

        return errors;
    }
}
