using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Scoran.Resources.Projects;
using Scoran.Web.Shared;

namespace Scoran.Web.Resources.Projects;

public sealed class IndexModel(ProjectDirectory directory, IOptions<ScoranWebOptions> options) : PageModel
{
    public MapModel Map { get; private set; } = null!;

    public string PointsUrl => "/api/resources/projects.geojson" + QueryString.Create(new Dictionary<string, string?>
    {
        ["theme"] = Theme, ["territoire"] = Territoire, ["etat"] = Etat?.ToString(),
    }.Where(v => !string.IsNullOrEmpty(v.Value)));

    [BindProperty(SupportsGet = true)] public string? Theme { get; set; }
    [BindProperty(SupportsGet = true)] public string? Territoire { get; set; }
    [BindProperty(SupportsGet = true)] public ProjectStage? Etat { get; set; }
    public List<Project> Projects { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Projects = await directory.ListAsync(new ProjectFilter(Theme, Territoire, Etat), ct);
        var region = options.Value.DefaultRegion;
        Map = new MapModel("carte-projets", "Carte des projets : un point par projet, au centre de sa commune",
            $"/api/territories/region/{region}/contours", $"/api/territories/region/{region}/contours?level=departement", LinkAreas: false,
            "Chaque point est placé au centroïde de la commune du projet ; la liste ci-dessous donne les mêmes projets.",
            options.Value.Map.BasemapUrl, options.Value.Map.BasemapAttribution);
    }
}
