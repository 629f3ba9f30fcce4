using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Scoran.Territories.Model;
using Scoran.Territories.Queries;
using Scoran.Web.Shared;

namespace Scoran.Web.Territories;

/// <summary>Page of one territory: breadcrumb, key facts, map, and the territories it contains.</summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Security.HeavyPageLimit.Policy)]
public sealed class DetailsModel(TerritoryQueries queries, IOptions<ScoranWebOptions> options) : PageModel
{
    public TerritoryDetail Territory { get; private set; } = null!;
    public IReadOnlyList<(TerritoryKind Kind, IReadOnlyList<TerritorySummary> Items)> Children { get; private set; } = [];
    public MapModel? Map { get; private set; }

    public async Task<IActionResult> OnGetAsync(string kind, string code, CancellationToken cancellationToken)
    {
        if (!TerritoryKinds.TryParse(kind, out var parsed))
        {
            return NotFound();
        }

        // The route resolved once: an old commune code leads to the commune it belongs to today.
        var scope = await queries.ScopeAsync(parsed, code, cancellationToken);
        if (scope is null)
        {
            return NotFound();
        }

        if (scope.IsFormerCode)
        {
            return RedirectPermanent(Display.Url(scope.Kind, scope.Code));
        }

        var detail = (await queries.GetAsync(scope.Kind, scope.Code, cancellationToken))!;

        Territory = detail;
        var children = new List<(TerritoryKind, IReadOnlyList<TerritorySummary>)>();
        foreach (var childKind in ChildKinds(parsed))
        {
            children.Add((childKind, await queries.ChildrenAsync(parsed, detail.Code, childKind, cancellationToken)));
        }

        Children = children;
        var areas = parsed == TerritoryKind.Commune ? "" : "?level=commune";
        Map = new MapModel("carte-territoire", $"Carte : {detail.Name}",
            $"/api/territories/{parsed.ToSlug()}/{detail.Code}/contours",
            $"/api/territories/{parsed.ToSlug()}/{detail.Code}/contours{areas}",
            LinkAreas: parsed != TerritoryKind.Commune,
            parsed == TerritoryKind.Commune
                ? $"Contour de la commune {detail.Name}."
                : $"Communes de : {detail.Name}. Cliquez sur une commune pour ouvrir sa fiche ; la liste des communes figure aussi plus bas.",
            options.Value.Map.BasemapUrl, options.Value.Map.BasemapAttribution,
            BordersUrl: parsed == TerritoryKind.Region ? $"/api/territories/region/{detail.Code}/contours?level=departement" : null);
        return Page();
    }

    private static IEnumerable<TerritoryKind> ChildKinds(TerritoryKind kind) => kind switch
    {
        TerritoryKind.Region => [TerritoryKind.Departement, TerritoryKind.Epci],
        TerritoryKind.Departement => [TerritoryKind.Epci, TerritoryKind.Commune],
        TerritoryKind.Epci => [TerritoryKind.Commune],
        _ => [],
    };
}
