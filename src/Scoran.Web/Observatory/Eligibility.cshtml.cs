using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Scoran.Observatory.Eligibility;
using Scoran.Web.Shared;

namespace Scoran.Web.Observatory;

/// <summary>
/// Eligibility at an address: the answer is computed on the server from the query string, so the
/// search works without JavaScript; a click on the map only fills the coordinates.
/// </summary>
public sealed class EligibilityModel(EligibilityQueries queries, IOptions<ScoranWebOptions> options) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "lat")]
    public string? Lat { get; set; }

    [BindProperty(SupportsGet = true, Name = "lon")]
    public string? Lon { get; set; }

    public bool Available { get; private set; }
    public string? Error { get; private set; }
    public EligibilityAtBuilding? Result { get; private set; }
    public IReadOnlyList<AddressMatch> Matches { get; private set; } = [];
    public MapModel Map { get; private set; } = null!;

    public IActionResult OnGet()
    {
        var region = options.Value.DefaultRegion;
        Map = new MapModel("carte-eligibilite", "Carte : cliquez un point pour connaître l'éligibilité de l'immeuble le plus proche",
            $"/api/territories/region/{region}/contours", $"/api/territories/region/{region}/contours?level=departement", LinkAreas: false,
            "Cliquez sur la carte : l'immeuble le plus proche du point est recherché (distance exacte sur la sphère terrestre).",
            options.Value.Map.BasemapUrl, options.Value.Map.BasemapAttribution);
        Available = queries.Available;
        if (!Available)
        {
            return Page();
        }

        if (!string.IsNullOrWhiteSpace(Query))
        {
            if (Query.Trim().Length is < 3 or > 200)
            {
                Error = "Saisissez une adresse de 3 à 200 caractères, par exemple « 20 place Général Leclerc Is-sur-Tille ».";
                return Page();
            }

            var search = queries.Search(Query)!;
            Matches = search.Matches;
            Result = search.Best;
            Error = Result is null ? $"Aucun immeuble ne correspond à « {Query.Trim()} ». Vérifiez l'orthographe de la voie et de la commune." : null;
        }
        else if (!string.IsNullOrWhiteSpace(Lat) || !string.IsNullOrWhiteSpace(Lon))
        {
            if (!TryDegrees(Lat, 90, out var lat) || !TryDegrees(Lon, 180, out var lon))
            {
                Error = "Coordonnées invalides : latitude entre -90 et 90, longitude entre -180 et 180, en degrés décimaux (ex. 47.5270 et 5.0970).";
                return Page();
            }

            Result = queries.AtPoint(lat, lon);
        }

        return Page();
    }

    private static bool TryDegrees(string? text, double limit, out double value) =>
        double.TryParse(text?.Trim().Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out value) && Math.Abs(value) <= limit;

    public static string Distance(double meters) => meters < 1000
        ? meters.ToString("0", Display.French) + " m"
        : (meters / 1000).ToString("0.0", Display.French) + " km";
}
