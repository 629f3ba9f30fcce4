using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Scoran.Resources.Accessibility;
using Scoran.Web.Shared;

namespace Scoran.Web.Resources.Places;

/// <summary>The SCORAN's accessibility indicators per département (and EPCI), and the map of the communes farther than 20 km from any place.</summary>
public sealed class AccessibilityModel(AccessibilityQueries queries, IOptions<ScoranWebOptions> options) : PageModel
{
    public AccessibilityReport? Report { get; private set; }
    public MapModel Map { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var region = options.Value.DefaultRegion;
        Report = await queries.RegionAsync(region, null, cancellationToken);
        Map = new MapModel("carte-accessibilite", "Carte des communes à plus de 20 km d'un lieu d'inclusion numérique", $"/api/territories/region/{region}/contours",
            "/api/resources/accessibility/far-areas?km=20", LinkAreas: false,
            "En bleu, les communes dont le centre est à plus de 20 km du lieu le plus proche ; points orange : les lieux.",
            options.Value.Map.BasemapUrl, options.Value.Map.BasemapAttribution, BordersUrl: $"/api/territories/region/{region}/contours?level=departement");
    }
}
