using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using Scoran.Accounts;
using Scoran.Resources.Actors;
using Scoran.Resources.Agenda;
using Scoran.Resources.Contributions;
using Scoran.Resources.Documents;
using Scoran.Resources.Projects;
using Scoran.Resources.Search;

namespace Scoran.Web.Resources;

/// <summary>
/// /api/resources: the resource space read by anyone (published entries only, contacts only with
/// consent), the iCal feeds, the document files (served with safe headers), and the one write a
/// contributor may make through the API (proposing an actor).
/// </summary>
public static class ResourcesApi
{
    public const string CalendarContentType = "text/calendar; charset=utf-8";

    public static IEndpointRouteBuilder MapResourcesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/resources").WithTags("Ressources");
        api.MapGet("/search", SearchAsync).WithName("SearchResources")
            .WithSummary("Recherche unique dans les acteurs, projets, événements et documents publiés (?q=mots&type=document&theme=…&territoire=25), avec facettes par type, thème et territoire.");
        api.MapGet("/actors", ListActorsAsync).WithName("ListActors")
            .WithSummary("Annuaire des acteurs publiés (?type=Association&territoire=25&theme=…).");
        api.MapGet("/actors/{id:long}", ActorAsync).WithName("GetActor")
            .WithSummary("Un acteur publié et ses contacts, seulement ceux qui ont consenti à la publication (consentement enregistré et daté).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/actors", ProposeActorAsync).WithName("ProposeActor")
            .WithSummary("Propose un acteur (rôle contributeur : en attente de relecture ; rôle éditeur : publié). SIREN vérifié (clé de Luhn).")
            .RequireAuthorization(ScoranPolicies.Contribute)
            .ProducesValidationProblem();
        api.MapGet("/projects", ListProjectsAsync).WithName("ListProjects")
            .WithSummary("Projets innovants publiés (?theme=…&territoire=…&etat=EnCours).");
        api.MapGet("/projects.geojson", ProjectsGeoJsonAsync).WithName("GetProjectsGeoJson")
            .WithSummary("Projets publiés en GeoJSON (mêmes filtres que /projects) : un point au centroïde de la commune de chaque projet qui en a une.")
            .Produces(200, contentType: "application/geo+json");
        api.MapGet("/projects/{id:long}", ProjectAsync).WithName("GetProject")
            .WithSummary("Un projet publié, ses acteurs et ses liens vers les actions de la stratégie et les dispositifs d'aide.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPut("/projects/{id:long}/links", EditProjectLinksAsync).WithName("EditProjectLinks")
            .WithSummary("Remplace les liens web d'un projet (son porteur ou un éditeur) : appliqué (200) ou, pour le porteur d'un projet publié, proposé à la relecture (202).")
            .RequireAuthorization(ScoranPolicies.Contribute)
            .ProducesValidationProblem();
        api.MapGet("/projects/{id:long}/images/{imageId:long}", ImageAsync).WithName("GetProjectImage")
            .WithSummary("Une image d'un projet publié (PNG, JPEG ou WebP vérifiés au dépôt), servie avec des en-têtes sûrs.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/events", ListEventsAsync).WithName("ListEvents")
            .WithSummary("Événements publiés à venir, ou passés avec ?archives=true (?theme=…&territoire=…). Heures en Europe/Paris.");
        api.MapGet("/agenda.ics", FeedAsync).WithName("GetAgendaFeed")
            .WithSummary("Flux iCalendar (RFC 5545) des événements publiés, pour s'abonner depuis un agenda ; ?theme=… ou ?territoire=… pour un flux par thème ou territoire.")
            .Produces(200, contentType: "text/calendar");
        api.MapGet("/documents", ListDocumentsAsync).WithName("ListDocuments")
            .WithSummary("Documents publiés (?categorie=Guide), ou recherche plein texte en français dans leur texte (?q=mots) avec extrait.");
        api.MapGet("/documents/{id:long}", DocumentAsync).WithName("GetDocument")
            .WithSummary("Un document publié et l'historique de ses versions.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/documents/{id:long}/file", FileAsync).WithName("GetDocumentFile")
            .WithSummary("Le fichier d'une version (?version=n, la dernière par défaut), servi en pièce jointe avec des en-têtes sûrs.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    public sealed record ActorDto(long Id, string Name, ActorType Type, string TypeLabel, string? Siren, string? Description,
        IReadOnlyList<string> Territories, IReadOnlyList<string> Roles, IReadOnlyList<string> Themes, string? Website, IReadOnlyList<ContactDto>? Contacts);

    public sealed record ContactDto(string Name, string? Function, string? Email, string? Phone);

    public sealed record ProjectDto(long Id, string Title, string? Summary, IReadOnlyList<string> Themes, IReadOnlyList<string> Territories,
        string? CommuneCode, ProjectStage Stage, DateOnly? StartDate, DateOnly? EndDate, decimal? Budget, IReadOnlyList<string> Funders,
        string? Results, IReadOnlyList<string> Links, IReadOnlyList<ProjectActorView>? Actors, IReadOnlyList<LinkDto>? StrategyLinks);

    public sealed record LinkDto(ProjectLinkKind Kind, string Reference, string? Label);

    public sealed record EventDto(long Id, string Uid, string Title, string? Description, DateTimeOffset StartsAt, DateTimeOffset EndsAt,
        string? Place, string? OnlineUrl, string? Organiser, IReadOnlyList<string> Themes, IReadOnlyList<string> Territories);

    public sealed record DocumentDto(long Id, string Title, string? Description, DocumentCategory Category, string CategoryLabel, string Licence,
        string Author, DateOnly Date, IReadOnlyList<string> Themes, IReadOnlyList<string> Territories, IReadOnlyList<VersionDto> Versions,
        string? Snippet = null);

    public sealed record VersionDto(int Number, string FileName, DocumentFileFormat Format, long Size, string Sha256, DateTimeOffset UploadedAt, string? Note, string Url);

    public sealed record ActorProposal(string? Name, ActorType? Type, string? Siren, string? Description, string? Territories,
        string? Roles, string? Themes, string? Website);

    public sealed record ProposalResult(long Id, PublicationStatus Status, long ContributionId);

    private static async Task<Results<Ok<ResourceSearchResult>, ValidationProblem>> SearchAsync(ResourceSearch search, CancellationToken ct,
        [FromQuery] string? q = null, [FromQuery] string? type = null, [FromQuery] string? theme = null, [FromQuery(Name = "territoire")] string? territory = null) =>
        ResourceSearch.IsWithinBounds(q)
            ? TypedResults.Ok(await search.SearchAsync(new ResourceQuery(q, type, theme, territory), ct))
            : TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["q"] = [$"Recherche trop longue : au plus {Scoran.Core.Security.InputLimits.MaxSearchWords} mots et {Scoran.Core.Security.InputLimits.MaxSearchLength} caractères."],
            });

    private static async Task<List<ActorDto>> ListActorsAsync(ActorDirectory directory, CancellationToken ct,
        [FromQuery] ActorType? type = null, [FromQuery(Name = "territoire")] string? territory = null, [FromQuery] string? theme = null) =>
        (await directory.ListAsync(new ActorFilter(type, territory, theme), ct)).Select(a => ToDto(a, null)).ToList();

    private static async Task<Results<Ok<ActorDto>, ProblemHttpResult>> ActorAsync(long id, ActorDirectory directory, CancellationToken ct)
    {
        var found = await directory.PublishedAsync(id, ct);
        return found is { } f ? TypedResults.Ok(ToDto(f.Actor, f.PublicContacts)) : TypedResults.Problem(statusCode: 404, title: "Acteur introuvable.");
    }

    private static async Task<Results<Created<ProposalResult>, ValidationProblem>> ProposeActorAsync(
        ActorProposal proposal, ModerationService moderation, ClaimsPrincipal user, CancellationToken ct)
    {
        var actor = new Actor { Name = proposal.Name?.Trim() ?? "", Type = proposal.Type ?? ActorType.Autre };
        actor.Apply(new Dictionary<string, string?>
        {
            ["siren"] = proposal.Siren, ["description"] = proposal.Description, ["territories"] = proposal.Territories,
            ["roles"] = proposal.Roles, ["themes"] = proposal.Themes, ["website"] = proposal.Website,
        });
        var errors = ActorDirectory.Validate(actor);
        if (proposal.Type is null)
        {
            errors["type"] = ["Le type d'acteur est obligatoire."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var publish = user.IsInRole(ScoranRoles.Editor) || user.IsInRole(ScoranRoles.Administrator);
        var contribution = await moderation.CreateAsync(actor, ResourceEntryTypes.Actor, user.Identity?.Name ?? "inconnu", publish, ct);
        return TypedResults.Created($"/api/resources/actors/{actor.Id}", new ProposalResult(actor.Id, actor.Status, contribution.Id));
    }

    public sealed record ProjectLinksInput(List<string>? Links);

    public sealed record ProjectEditResponse(long ProjectId, string Outcome, long? ContributionId);

    /// <summary>Same service and rule as the page /ressources/projets/{id}/modifier (owner or moderator; owner's edit of a published project is reviewed).</summary>
    private static async Task<Results<Ok<ProjectEditResponse>, Accepted<ProjectEditResponse>, ValidationProblem, NotFound, ForbidHttpResult>> EditProjectLinksAsync(
        long id, ProjectLinksInput input, ProjectEditing editing, ClaimsPrincipal user, CancellationToken ct)
    {
        if (input.Links is null) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["links"] = ["Liste « links » attendue (adresses http:// ou https://)."] });
        var editor = new ProjectEditor(user.Identity?.Name ?? "", user.IsInRole(ScoranRoles.Editor) || user.IsInRole(ScoranRoles.Administrator));
        var result = await editing.EditAsync(editor, id, new ProjectEdit(string.Join("\n", input.Links), [], null, [], null, null), ct);
        return result.Outcome switch
        {
            ProjectEditOutcome.NotFound => TypedResults.NotFound(),
            ProjectEditOutcome.Forbidden => TypedResults.Forbid(),
            ProjectEditOutcome.Invalid => TypedResults.ValidationProblem(result.Errors),
            ProjectEditOutcome.Proposed => TypedResults.Accepted($"/api/resources/projects/{id}", new ProjectEditResponse(id, "proposed", result.ContributionId)),
            _ => TypedResults.Ok(new ProjectEditResponse(id, result.Outcome == ProjectEditOutcome.Applied ? "applied" : "unchanged", null)),
        };
    }

    private static async Task<List<ProjectDto>> ListProjectsAsync(ProjectDirectory directory, CancellationToken ct,
        [FromQuery] string? theme = null, [FromQuery(Name = "territoire")] string? territory = null, [FromQuery(Name = "etat")] ProjectStage? stage = null) =>
        (await directory.ListAsync(new ProjectFilter(theme, territory, stage), ct)).Select(p => ToDto(p, null)).ToList();

    private static async Task<IResult> ProjectsGeoJsonAsync(ProjectDirectory directory, Scoran.Territories.Queries.TerritoryQueries territories, CancellationToken ct,
        [FromQuery] string? theme = null, [FromQuery(Name = "territoire")] string? territory = null, [FromQuery(Name = "etat")] ProjectStage? stage = null)
    {
        var projects = await directory.ListAsync(new ProjectFilter(theme, territory, stage), ct);
        var features = new List<object>();
        foreach (var group in projects.Where(p => p.CommuneCode is not null).GroupBy(p => p.CommuneCode!))
        {
            var outline = await territories.ContourAsync(Scoran.Territories.Model.TerritoryKind.Commune, group.Key, ct);
            if (outline is null || outline.IsEmpty)
            {
                continue;
            }

            var centroid = outline.Centroid;
            foreach (var p in group)
            {
                features.Add(new
                {
                    type = "Feature",
                    geometry = new { type = "Point", coordinates = new[] { Math.Round(centroid.X, 6), Math.Round(centroid.Y, 6) } },
                    properties = new { id = p.Id, title = p.Title, commune = p.CommuneCode, url = $"/ressources/projets/{p.Id}" },
                });
            }
        }

        return Results.Json(new { type = "FeatureCollection", features }, contentType: "application/geo+json");
    }

    private static async Task<Results<Ok<ProjectDto>, ProblemHttpResult>> ProjectAsync(long id, ProjectDirectory directory, CancellationToken ct)
    {
        var project = await directory.PublishedAsync(id, ct);
        if (project is null)
        {
            return TypedResults.Problem(statusCode: 404, title: "Projet introuvable.");
        }

        return TypedResults.Ok(ToDto(project, await directory.ActorsAsync(id, ct)));
    }

    private static async Task<IResult> ImageAsync(long id, long imageId, ProjectDirectory directory, HttpContext context, CancellationToken ct)
    {
        var project = await directory.PublishedAsync(id, ct);
        var image = project?.Images.FirstOrDefault(i => i.Id == imageId);
        if (image is null || !File.Exists(directory.PathOf(image)))
        {
            return TypedResults.Problem(statusCode: 404, title: "Image introuvable.");
        }

        SafeFileHeaders(context.Response);
        return TypedResults.PhysicalFile(directory.PathOf(image), image.ContentType);
    }

    private static async Task<List<EventDto>> ListEventsAsync(AgendaQueries agenda, CancellationToken ct,
        [FromQuery(Name = "archives")] bool past = false, [FromQuery] string? theme = null, [FromQuery(Name = "territoire")] string? territory = null)
    {
        var filter = new AgendaFilter(theme, territory);
        var events = past ? await agenda.PastAsync(filter, ct) : await agenda.UpcomingAsync(filter, ct);
        return events.Select(e => new EventDto(e.Id, e.Uid, e.Title, e.Description, e.StartsAt, e.EndsAt, e.Place, e.OnlineUrl, e.Organiser,
            TagList.Read(e.Themes), TagList.Read(e.Territories))).ToList();
    }

    private static async Task<IResult> FeedAsync(AgendaQueries agenda, HttpContext context, CancellationToken ct,
        [FromQuery] string? theme = null, [FromQuery(Name = "territoire")] string? territory = null)
    {
        var feed = await agenda.FeedAsync(new AgendaFilter(theme, territory), ct);
        context.Response.Headers[HeaderNames.ContentDisposition] = "inline; filename=\"agenda-scoran.ics\"";
        context.Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        return Results.Text(feed, CalendarContentType);
    }

    private static async Task<List<DocumentDto>> ListDocumentsAsync(DocumentLibrary library, DocumentSearchIndex index, CancellationToken ct,
        [FromQuery] string? q = null, [FromQuery(Name = "categorie")] DocumentCategory? category = null)
    {
        var documents = await library.ListAsync(category, ct);
        if (string.IsNullOrWhiteSpace(q))
        {
            return documents.Select(d => ToDto(d)).ToList();
        }

        var byId = documents.ToDictionary(d => d.Id);
        return (await index.SearchAsync(q, ct: ct)).Where(m => byId.ContainsKey(m.DocumentId)).Select(m => ToDto(byId[m.DocumentId], m.Snippet)).ToList();
    }

    private static async Task<Results<Ok<DocumentDto>, ProblemHttpResult>> DocumentAsync(long id, DocumentLibrary library, CancellationToken ct) =>
        await library.PublishedAsync(id, ct) is { } d ? TypedResults.Ok(ToDto(d)) : TypedResults.Problem(statusCode: 404, title: "Document introuvable.");

    private static async Task<IResult> FileAsync(long id, DocumentLibrary library, HttpContext context, CancellationToken ct, [FromQuery] int? version = null)
    {
        var document = await library.PublishedAsync(id, ct);
        var file = version is { } n ? document?.Versions.FirstOrDefault(v => v.Number == n) : document?.Current;
        if (file is null || !File.Exists(library.PathOf(file)))
        {
            return TypedResults.Problem(statusCode: 404, title: "Fichier introuvable.");
        }

        SafeFileHeaders(context.Response);
        return TypedResults.PhysicalFile(library.PathOf(file), file.Format.ContentType(), file.FileName);
    }

    /// <summary>
    /// A file uploaded by someone else is never rendered as a page of this site: downloaded as an
    /// attachment, its type not sniffed, and sandboxed should a browser open it anyway.
    /// </summary>
    public static void SafeFileHeaders(HttpResponse response)
    {
        response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        response.Headers[HeaderNames.ContentSecurityPolicy] = "sandbox; default-src 'none'";
        response.Headers["Cross-Origin-Resource-Policy"] = "same-origin";
    }

    private static ActorDto ToDto(Actor a, IReadOnlyList<ActorContact>? publicContacts) =>
        new(a.Id, a.Name, a.Type, a.Type.ToFrench(), a.Siren, a.Description, TagList.Read(a.Territories), TagList.Read(a.Roles), TagList.Read(a.Themes), a.Website,
            publicContacts?.Where(c => c.IsPublic).Select(c => new ContactDto(c.Name, c.Function, c.Email, c.Phone)).ToList());

    private static ProjectDto ToDto(Project p, IReadOnlyList<ProjectActorView>? actors) =>
        new(p.Id, p.Title, p.Summary, TagList.Read(p.Themes), TagList.Read(p.Territories), p.CommuneCode, p.Stage, p.StartDate, p.EndDate, p.Budget,
            TagList.Read(p.Funders), p.Results, (p.Links ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), actors,
            actors is null ? null : p.StrategyLinks.Select(l => new LinkDto(l.Kind, l.Reference, l.Label)).ToList());

    private static DocumentDto ToDto(ResourceDocument d, string? snippet = null) =>
        new(d.Id, d.Title, d.Description, d.Category, d.Category.ToFrench(), d.Licence, d.Author, d.DocumentDate, TagList.Read(d.Themes), TagList.Read(d.Territories),
            d.Versions.OrderByDescending(v => v.Number).Select(v => new VersionDto(v.Number, v.FileName, v.Format, v.Size, v.Sha256, v.UploadedAt, v.Note,
                $"/api/resources/documents/{d.Id}/file?version={v.Number.ToString(CultureInfo.InvariantCulture)}")).ToList(), snippet);
}
