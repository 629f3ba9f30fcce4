using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Scoran.Resources.Places;
using Scoran.Web.Shared;

namespace Scoran.Web.Resources.Places;

/// <summary>The map and list of the région's inclusion places, filtered by label, service, public and département (a GET form: works without JavaScript).</summary>
public sealed class IndexModel(PlaceQueries queries, IOptions<ScoranWebOptions> options) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "label")] public string? Label { get; set; }
    [BindProperty(SupportsGet = true, Name = "service")] public string? Service { get; set; }
    [BindProperty(SupportsGet = true, Name = "public")] public string? Public { get; set; }
    [BindProperty(SupportsGet = true, Name = "departement")] public string? Departement { get; set; }
    [BindProperty(SupportsGet = true, Name = "q")] public string? Text { get; set; }

    public IReadOnlyList<InclusionPlace> Places { get; private set; } = [];
    public IReadOnlyList<string> Labels { get; private set; } = [];
    public IReadOnlyList<string> Services { get; private set; } = [];
    public IReadOnlyList<string> Publics { get; private set; } = [];
    public IReadOnlyList<(string Code, string Name)> Departements { get; private set; } = [];
    public MapModel Map { get; private set; } = null!;
    public string PlacesUrl { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var region = options.Value.DefaultRegion;
        var filter = new PlaceFilter(Clean(Label), Clean(Service), Clean(Public), Clean(Departement), Clean(Text), Region: region);
        Places = await queries.ListAsync(filter, cancellationToken);
        var facets = await queries.FacetsAsync(cancellationToken);
        (Labels, Services, Publics) = (facets.Labels, facets.Services, facets.Publics);
        Departements = await queries.DepartementsAsync(region, cancellationToken);
        var query = QueryString.Create(new Dictionary<string, string?> { ["label"] = filter.Label, ["service"] = filter.Service, ["public"] = filter.Public, ["departement"] = filter.Departement, ["q"] = filter.Text, ["region"] = region }
            .Where(kv => kv.Value is not null));
        PlacesUrl = "/api/resources/places/geojson" + query;
        Map = new MapModel("carte-lieux", "Carte des lieux d'inclusion numérique de la région", $"/api/territories/region/{region}/contours",
            $"/api/territories/region/{region}/contours?level=departement", LinkAreas: false,
            "Chaque point est un lieu ; cliquez-le pour son nom et sa fiche. Un point creux est placé au centre de sa commune faute de coordonnées.",
            options.Value.Map.BasemapUrl, options.Value.Map.BasemapAttribution);
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
