using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Scoran.Resources.Places;
using Scoran.Web.Shared;

namespace Scoran.Web.Resources.Places;

/// <summary>
/// Guided search for a person looking for help: need → where → when → accessibility → the nearest
/// matching places with their distance. One GET form, answered on the server (works without JavaScript).
/// </summary>
public sealed class FindModel(PlaceQueries queries, PlaceLocator locator, IOptions<ScoranWebOptions> options) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "besoin")] public string? Need { get; set; }
    [BindProperty(SupportsGet = true, Name = "ou")] public string? Where { get; set; }
    [BindProperty(SupportsGet = true, Name = "lat")] public string? Lat { get; set; }
    [BindProperty(SupportsGet = true, Name = "lon")] public string? Lon { get; set; }
    [BindProperty(SupportsGet = true, Name = "jour")] public string? Day { get; set; }
    [BindProperty(SupportsGet = true, Name = "heure")] public string? Time { get; set; }
    [BindProperty(SupportsGet = true, Name = "accessible")] public bool Accessible { get; set; }
    [BindProperty(SupportsGet = true, Name = "fixe")] public bool FixedOnly { get; set; }

    public IReadOnlyList<(string Value, string Label)> Needs { get; private set; } = [];
    public static readonly string[] DayNames = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"];
    public PersonLocation? Location { get; private set; }
    public double? Latitude { get; private set; }
    public double? Longitude { get; private set; }
    public IReadOnlyList<PlaceDistance>? Results { get; private set; }
    public Dictionary<string, string> Errors { get; } = [];
    public MapModel Map { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var facets = await queries.FacetsAsync(cancellationToken);
        Needs = facets.Services.Select(s => ("service:" + s, s)).Concat(facets.Labels.Select(l => ("label:" + l, "Un lieu « " + l + " »"))).ToList();
        var region = options.Value.DefaultRegion;
        Map = new MapModel("carte-trouver", "Carte des lieux les plus proches", $"/api/territories/region/{region}/contours",
            $"/api/territories/region/{region}/contours?level=departement", LinkAreas: false,
            "Le repère bleu marque le point de départ ; les points orange sont les lieux.", options.Value.Map.BasemapUrl, options.Value.Map.BasemapAttribution);

        if (string.IsNullOrWhiteSpace(Where) && string.IsNullOrWhiteSpace(Lat))
        {
            return;
        }

        if (!string.IsNullOrWhiteSpace(Where))
        {
            if (Where.Trim().Length > 100)
            {
                Errors["ou"] = "100 caractères au plus.";
            }
            else
            {
                Location = await locator.LocateAsync(Where, region, cancellationToken);
                if (Location is null)
                {
                    Errors["ou"] = $"Commune « {Where.Trim()} » introuvable dans la région : saisissez son nom, son code postal ou son code INSEE.";
                }
                else
                {
                    (Latitude, Longitude) = (Location.Latitude, Location.Longitude);
                }
            }
        }
        else if (double.TryParse(Lat?.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var lat) && Math.Abs(lat) <= 90 &&
                 double.TryParse(Lon?.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var lon) && Math.Abs(lon) <= 180)
        {
            (Latitude, Longitude) = (lat, lon);
        }
        else
        {
            Errors["ou"] = "Position invalide.";
        }

        var day = ResourcesPlacesApi.ParseDay(Day);
        if (!string.IsNullOrWhiteSpace(Day) && day is null)
        {
            Errors["jour"] = "Choisissez un jour de la liste.";
        }

        TimeOnly? time = null;
        if (!string.IsNullOrWhiteSpace(Time))
        {
            if (TimeOnly.TryParseExact(Time.Trim(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t))
            {
                time = t;
            }
            else
            {
                Errors["heure"] = "Heure au format HH:MM, par exemple 14:30.";
            }

            if (day is null && !Errors.ContainsKey("jour"))
            {
                Errors["jour"] = "Choisissez le jour de cette heure.";
            }
        }

        if (Errors.Count > 0 || Latitude is null)
        {
            return;
        }

        string? service = Need?.StartsWith("service:", StringComparison.Ordinal) == true ? Need["service:".Length..] : null;
        string? label = Need?.StartsWith("label:", StringComparison.Ordinal) == true ? Need["label:".Length..] : null;
        Results = await queries.NearestAsync(Latitude.Value, Longitude!.Value, new PlaceNeed(service, label, day, time, Accessible, FixedOnly), 5, cancellationToken);
    }
}
