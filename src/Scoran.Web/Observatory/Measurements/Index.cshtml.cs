using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Scoran.Accounts;
using Scoran.Observatory.Measurements;
using Scoran.Territories.Model;
using Scoran.Territories.Queries;
using Scoran.Web.Shared;

namespace Scoran.Web.Observatory.Measurements;

/// <summary>Crowdsourced measurements aggregated per commune of a territory, above the k threshold, with a map of the published cells.</summary>
public sealed class IndexModel(MeasurementQueries queries, TerritoryQueries territories, IAuthorizationService authorization, IOptions<ScoranWebOptions> options) : PageModel
{
    public TerritoryDetail Territory { get; private set; } = null!;
    public MeasurementSummary Summary { get; private set; } = null!;
    public int PublishedCells { get; private set; }
    public MapModel? Map { get; private set; }
    public bool CanManage { get; private set; }

    /// <summary>Map filter (MCC-MNC), empty for every operator.</summary>
    [BindProperty(SupportsGet = true, Name = "operateur")] public string? Operator { get; set; }

    /// <summary>Map filter (2G … 5G, aucune), empty for every technology.</summary>
    [BindProperty(SupportsGet = true, Name = "technologie")] public string? Technology { get; set; }

    public async Task<IActionResult> OnGetAsync(string? kind, string? code, CancellationToken cancellationToken)
    {
        var parsed = TerritoryKind.Region;
        if (kind is not null && !TerritoryKinds.TryParse(kind, out parsed))
        {
            return NotFound();
        }

        var detail = await territories.GetAsync(parsed, code ?? options.Value.DefaultRegion, cancellationToken);
        if (detail is null)
        {
            return NotFound();
        }

        // An unknown filter value is dropped rather than sent on to the API (which would answer 400).
        Operator = Operator is not null && MeasurementRules.Operators.ContainsKey(Operator) ? Operator : null;
        Technology = Technology is not null && MeasurementRules.Technologies.Contains(Technology, StringComparer.OrdinalIgnoreCase) ? MeasurementRules.NormaliseTechnology(Technology) : null;
        Territory = detail;
        CanManage = (await authorization.AuthorizeAsync(User, ScoranPolicies.ManageData)).Succeeded;
        // The key figures and the commune table follow the map's filter, k counted on the filtered rows.
        Summary = await queries.FilteredSummaryAsync(parsed, detail.Code, Operator, Technology, cancellationToken: cancellationToken);
        if (detail.CommunesWithContour > 0)
        {
            var slug = detail.Kind.ToSlug();
            Map = new MapModel("carte-mesures", $"Carte des mailles d'environ 1 km publiées (au moins {Summary.MinimumContributors} contributeurs distincts), {detail.Name}",
                $"/api/territories/{slug}/{detail.Code}/contours",
                $"/api/territories/{slug}/{detail.Code}/contours?level=commune",
                LinkAreas: false,
                $"Mailles d'environ 1 km ayant au moins {Summary.MinimumContributors} contributeurs distincts, colorées selon le débit descendant médian" +
                (Operator is not null || Technology is not null ? $" (filtre : {FilterText})" : "") +
                $" ; les communes publiées sont cerclées. Les mailles et communes sous le seuil ne sont pas dessinées. Le tableau ci-dessous donne les mêmes communes en texte.",
                options.Value.Map.BasemapUrl, options.Value.Map.BasemapAttribution,
                BordersUrl: detail.Kind == TerritoryKind.Region ? $"/api/territories/region/{detail.Code}/contours?level=departement" : null);
        }

        return Page();
    }

    /// <summary>The territory and the filters of the form, as the API takes them (downloads, cells layer).</summary>
    public string Query => $"territoire={Territory.Kind.ToSlug()}/{Territory.Code}" +
                           (Operator is not null ? $"&operateur={Operator}" : "") + (Technology is not null ? $"&technologie={Uri.EscapeDataString(Technology)}" : "");

    /// <summary>The cells layer of the map, with the filters of the form.</summary>
    public string CellsUrl => $"/api/measurements/cells.geojson?{Query}";

    public bool Filtered => Operator is not null || Technology is not null;

    public string FilterText => string.Join(", ", new[]
    {
        Operator is not null ? MeasurementRules.Operators[Operator] : null,
        Technology is null ? null : Technology == "aucune" ? "sans service" : Technology,
    }.OfType<string>());

    public string PublishedCommuneCodes => string.Join(",", Summary.Communes.Select(c => c.CommuneCode));
}
