using Microsoft.EntityFrameworkCore;
using Scoran.Resources.Actors;
using Scoran.Resources.Agenda;
using Scoran.Resources.Contributions;
using Scoran.Resources.Documents;
using Scoran.Resources.Projects;

namespace Scoran.Resources.Search;

// The directories are small (hundreds of entries): they are matched in memory on accent-free
// words; documents, whose text is long, go through the full-text index.

public sealed class ActorSearchSource(DbContext db) : IResourceSearchSource
{
    public string Type => ResourceEntryTypes.Actor;

    public string TypeLabel => "Acteurs";

    public async Task<IReadOnlyList<ResourceHit>> SearchAsync(string? text, CancellationToken ct)
    {
        var actors = await db.Set<Actor>().Where(a => a.Status == PublicationStatus.Published).ToListAsync(ct);
        return actors.Select(a => (a, score: ResourceSearch.Score(text, a.Name, a.Description, a.Type.ToFrench(), a.Roles, a.Themes, a.Siren)))
            .Where(x => x.score > 0)
            .Select(x => new ResourceHit(Type, "Acteur", x.a.Id, x.a.Name, $"/ressources/acteurs/{x.a.Id}", x.a.Type.ToFrench() + (x.a.Description is { } d ? " — " + d : ""),
                TagList.Read(x.a.Themes), TagList.Read(x.a.Territories), x.score))
            .ToList();
    }
}

public sealed class ProjectSearchSource(DbContext db) : IResourceSearchSource
{
    public string Type => ResourceEntryTypes.Project;

    public string TypeLabel => "Projets";

    public async Task<IReadOnlyList<ResourceHit>> SearchAsync(string? text, CancellationToken ct)
    {
        var projects = await db.Set<Project>().Where(a => a.Status == PublicationStatus.Published).ToListAsync(ct);
        return projects.Select(p => (p, score: ResourceSearch.Score(text, p.Title, p.Summary, p.Results, p.Themes, p.Funders)))
            .Where(x => x.score > 0)
            .Select(x => new ResourceHit(Type, "Projet", x.p.Id, x.p.Title, $"/ressources/projets/{x.p.Id}", x.p.Summary,
                TagList.Read(x.p.Themes), TagList.Read(x.p.Territories), x.score))
            .ToList();
    }
}

public sealed class EventSearchSource(DbContext db) : IResourceSearchSource
{
    public string Type => ResourceEntryTypes.Event;

    public string TypeLabel => "Événements";

    public async Task<IReadOnlyList<ResourceHit>> SearchAsync(string? text, CancellationToken ct)
    {
        var events = await db.Set<AgendaEvent>().Where(a => a.Status == PublicationStatus.Published).ToListAsync(ct);
        return events.Select(e => (e, score: ResourceSearch.Score(text, e.Title, e.Description, e.Place, e.Organiser, e.Themes)))
            .Where(x => x.score > 0)
            .Select(x => new ResourceHit(Type, "Événement", x.e.Id, x.e.Title, $"/ressources/agenda/{x.e.Id}",
                ParisTime.Local(x.e.StartsAt).ToString("dddd d MMMM yyyy 'à' HH'h'mm", System.Globalization.CultureInfo.GetCultureInfo("fr-FR")) + (x.e.Place is { } p ? " — " + p : ""),
                TagList.Read(x.e.Themes), TagList.Read(x.e.Territories), x.score))
            .ToList();
    }
}

public sealed class DocumentSearchSource(DbContext db, DocumentSearchIndex index) : IResourceSearchSource
{
    public string Type => ResourceEntryTypes.Document;

    public string TypeLabel => "Documents";

    public async Task<IReadOnlyList<ResourceHit>> SearchAsync(string? text, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            var all = await db.Set<ResourceDocument>().Where(d => d.Status == PublicationStatus.Published).ToListAsync(ct);
            return all.Select(d => Hit(d, d.Description, 1)).ToList();
        }

        var matches = await index.SearchAsync(text, 200, ct);
        var ids = matches.Select(m => m.DocumentId).ToList();
        var documents = await db.Set<ResourceDocument>().Where(d => ids.Contains(d.Id) && d.Status == PublicationStatus.Published).ToDictionaryAsync(d => d.Id, ct);
        // Full-text ranks live on another scale than the directories' word counts: bring the best to 3 per word so both mix fairly.
        var best = matches.Count == 0 ? 1 : Math.Max(matches.Max(m => m.Rank), 1e-9);
        var words = Math.Max(1, text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length);
        return matches.Where(m => documents.ContainsKey(m.DocumentId))
            .Select(m => Hit(documents[m.DocumentId], m.Snippet, 0.5 + 3.5 * words * m.Rank / best)).ToList();
    }

    private ResourceHit Hit(ResourceDocument d, string? snippet, double score) =>
        new(Type, "Document", d.Id, d.Title, $"/ressources/documents/{d.Id}", snippet, TagList.Read(d.Themes), TagList.Read(d.Territories), score);
}
