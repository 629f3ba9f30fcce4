using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Caching.Memory;
using Scoran.Territories.Model;
using Scoran.Territories.Queries;

namespace Scoran.Web.Territories;

/// <summary>/api/territories: look-up, search, code resolution, hierarchy and GeoJSON outlines.</summary>
public static class TerritoriesApi
{
    private const string KindRoute = "{kind:regex(^(region|departement|epci|commune)$)}";
    private const string GeoJson = "application/geo+json";

    public static IEndpointRouteBuilder MapTerritoriesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/territories").WithTags("Territoires");
        api.MapGet("/search", SearchAsync).WithName("SearchTerritories")
            .WithSummary("Recherche par nom (préfixe, sans accents ni casse), code INSEE/SIREN ou code postal.");
        api.MapGet("/resolve/{code}", ResolveAsync).WithName("ResolveCommuneCode")
            .WithSummary("Commune actuelle correspondant à un code de commune actuelle, déléguée, associée, ancienne ou d'arrondissement municipal.");
        api.MapGet("/{code}", GetByCodeAsync).WithName("GetTerritoryByCode")
            .WithSummary("Territoire portant ce code ; 300 si le code est ambigu (ex. 27 = région et département).")
            .ProducesProblem(StatusCodes.Status300MultipleChoices);
        api.MapGet($"/{KindRoute}/{{code}}", GetAsync).WithName("GetTerritory")
            .WithSummary("Territoire d'un niveau donné (region, departement, epci, commune).");
        api.MapGet($"/{KindRoute}/{{code}}/children", ChildrenAsync).WithName("GetTerritoryChildren")
            .WithSummary("Territoires contenus, du niveau demandé (par défaut le niveau immédiatement inférieur).");
        api.MapGet($"/{KindRoute}/{{code}}/contours", ContoursAsync).WithName("GetTerritoryContours")
            .WithSummary("Contours GeoJSON (FeatureCollection) du territoire ou de ses territoires contenus (level=commune…).")
            .Produces(200, contentType: GeoJson)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<Results<Ok<IReadOnlyList<SearchHit>>, ValidationProblem>> SearchAsync(
        TerritoryQueries queries, Microsoft.Extensions.Options.IOptions<ScoranWebOptions> options, CancellationToken cancellationToken,
        [FromQuery] string? q = null, [FromQuery] string? kind = null, [FromQuery] int limit = 20, [FromQuery] string? region = null)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(q))
        {
            errors["q"] = ["Le paramètre q (texte recherché) est obligatoire."];
        }
        else if (q.Length > 100)
        {
            errors["q"] = ["Le texte recherché ne doit pas dépasser 100 caractères."];
        }

        TerritoryKind? kindFilter = null;
        if (kind is not null)
        {
            if (TerritoryKinds.TryParse(kind, out var parsed))
            {
                kindFilter = parsed;
            }
            else
            {
                errors["kind"] = ["Valeurs possibles : region, departement, epci, commune."];
            }
        }

        if (limit is < 1 or > TerritoryQueries.MaxSearchResults)
        {
            errors["limit"] = [$"Doit être compris entre 1 et {TerritoryQueries.MaxSearchResults}."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Recherche invalide");
        }

        // Territories of the région this instance serves come first unless the caller names another.
        return TypedResults.Ok(await queries.SearchAsync(q!, kindFilter, limit, region ?? options.Value.DefaultRegion, cancellationToken));
    }

    private static async Task<Results<Ok<ResolvedCommune>, ProblemHttpResult>> ResolveAsync(
        string code, TerritoryQueries queries, CancellationToken cancellationToken)
    {
        var resolved = await queries.ResolveCommuneAsync(code, cancellationToken);
        return resolved is null
            ? NotFound($"Aucune commune, actuelle ou ancienne, n'a le code « {code} ».")
            : TypedResults.Ok(resolved);
    }

    private static async Task<Results<Ok<TerritoryDetail>, ProblemHttpResult>> GetByCodeAsync(
        string code, TerritoryQueries queries, HttpContext http, CancellationToken cancellationToken)
    {
        var matches = await queries.FindByCodeAsync(code, cancellationToken);
        switch (matches.Count)
        {
            case 0:
                return NotFound($"Aucun territoire n'a le code « {code} ».");
            case 1:
                return TypedResults.Ok((await queries.GetAsync(matches[0].Kind, matches[0].Code, cancellationToken))!);
            default:
                var candidates = matches.Select(m => new { kind = m.Kind.ToSlug(), m.Code, m.Name, href = $"/api/territories/{m.Kind.ToSlug()}/{m.Code}" }).ToList();
                return TypedResults.Problem(
                    title: "Code ambigu",
                    detail: $"Le code « {code} » désigne plusieurs territoires ; précisez le niveau : {string.Join(", ", candidates.Select(c => c.href))}.",
                    statusCode: StatusCodes.Status300MultipleChoices,
                    extensions: new Dictionary<string, object?> { ["candidates"] = candidates });
        }
    }

    private static async Task<Results<Ok<TerritoryDetail>, ProblemHttpResult>> GetAsync(
        string kind, string code, TerritoryQueries queries, CancellationToken cancellationToken)
    {
        TerritoryKinds.TryParse(kind, out var parsed);
        var detail = await queries.GetAsync(parsed, code, cancellationToken);
        return detail is null ? NotFound($"Aucun territoire de type {kind} n'a le code « {code} ».") : TypedResults.Ok(detail);
    }

    private static async Task<Results<Ok<IReadOnlyList<TerritorySummary>>, ProblemHttpResult, ValidationProblem>> ChildrenAsync(
        string kind, string code, TerritoryQueries queries, CancellationToken cancellationToken, [FromQuery(Name = "kind")] string? childKind = null)
    {
        TerritoryKinds.TryParse(kind, out var parsed);
        if (await queries.GetAsync(parsed, code, cancellationToken) is null)
        {
            return NotFound($"Aucun territoire de type {kind} n'a le code « {code} ».");
        }

        var child = parsed == TerritoryKind.Commune ? parsed : parsed + 1;
        if (childKind is not null && (!TerritoryKinds.TryParse(childKind, out child) || child <= parsed))
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["kind"] = [$"Niveau contenu dans un territoire de type {kind} attendu (plus fin que lui)."] },
                title: "Niveau invalide");
        }

        return TypedResults.Ok(await queries.ChildrenAsync(parsed, code, child, cancellationToken));
    }

    private static async Task<IResult> ContoursAsync(
        string kind, string code, TerritoryQueries queries, IMemoryCache cache, CancellationToken cancellationToken,
        [FromQuery] string? level = null)
    {
        TerritoryKinds.TryParse(kind, out var parsed);
        var childKind = parsed;
        if (level is not null && (!TerritoryKinds.TryParse(level, out childKind) || childKind < parsed))
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["level"] = ["Valeurs possibles : le niveau du territoire ou un niveau plus fin (departement, epci, commune)."] },
                title: "Niveau invalide");
        }

        if (await queries.GetAsync(parsed, code, cancellationToken) is null)
        {
            return NotFound($"Aucun territoire de type {kind} n'a le code « {code} ».");
        }

        // Outlines change only on import: cache the serialised collection until the next one.
        var version = await queries.ContoursVersionAsync(cancellationToken);
        var key = (nameof(ContoursAsync), parsed, code.ToUpperInvariant(), childKind, version);
        var bytes = await cache.GetOrCreateAsync(key, async entry =>
        {
            entry.SlidingExpiration = TimeSpan.FromMinutes(30);
            return await queries.ContoursGeoJsonAsync(parsed, code, childKind, cancellationToken);
        });
        return TypedResults.Bytes(bytes!, GeoJson);
    }

    private static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(title: "Territoire introuvable", detail: detail, statusCode: StatusCodes.Status404NotFound);
}
