using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Scoran.Territories.Model;
using Scoran.Territories.Queries;
using Scoran.Web.Shared;

namespace Scoran.Web;

/// <summary>Home page: the région served by this instance, its départements and map.</summary>
public sealed class IndexModel(TerritoryQueries queries, IOptions<ScoranWebOptions> options) : PageModel
{
    public TerritoryDetail? Region { get; private set; }
    public IReadOnlyList<TerritorySummary> Departements { get; private set; } = [];
    public int EpciCount { get; private set; }
    public MapModel? Map { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var code = options.Value.DefaultRegion;
        Region = await queries.GetAsync(TerritoryKind.Region, code, cancellationToken);
        if (Region is null)
        {
            return;
        }

        Departements = await queries.ChildrenAsync(TerritoryKind.Region, code, TerritoryKind.Departement, cancellationToken);
        EpciCount = (await queries.ChildrenAsync(TerritoryKind.Region, code, TerritoryKind.Epci, cancellationToken)).Count;
        if (Region.HasContour || Region.CommunesWithContour > 0)
        {
            Map = new MapModel("carte-region", $"Carte des communes de la région {Region.Name}",
                $"/api/territories/region/{code}/contours",
                $"/api/territories/region/{code}/contours?level=commune",
                LinkAreas: true,
                $"Communes de la région {Region.Name} (contours IGN Admin Express 2018 rattachés aux communes en vigueur). Cliquez sur une commune pour ouvrir sa fiche.",
                options.Value.Map.BasemapUrl, options.Value.Map.BasemapAttribution,
                BordersUrl: $"/api/territories/region/{code}/contours?level=departement");
        }
    }
}
