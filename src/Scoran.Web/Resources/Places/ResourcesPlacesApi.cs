using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Scoran.Resources.Accessibility;
using Scoran.Resources.Places;
using Scoran.Territories.Model;

namespace Scoran.Web.Resources.Places;

/// <summary>A place as the API shows it.</summary>
public sealed record PlaceDto(
    long Id, string Name, string Address, string? AddressComplement, string? PostalCode, string? CommuneCode, string CommuneName, string? DepartementCode,
    double Latitude, double Longitude, bool LocatedAtCommune, IReadOnlyList<string> Services, IReadOnlyList<string> Publics, IReadOnlyList<string> Labels,
    string? OpeningHours, string? HoursNote, string? Accessibility, bool Itinerant, string? Phone, string? Email, string? Website, string Source, string SourceId, long SourceLine)
{
    public static PlaceDto From(InclusionPlace p) => new(p.Id, p.Name, p.Address, p.AddressComplement, p.PostalCode, p.CommuneCode, p.CommuneName, p.DepartementCode,
        p.Latitude, p.Longitude, p.LocatedAtCommune, p.ServiceList, p.PublicList, p.LabelList, p.OpeningHours, p.HoursNote, p.Accessibility, p.Itinerant,
        p.Phone, p.Email, p.Website, p.Source, p.SourceId, p.SourceLine);
}

public sealed record NearestPlaceDto(PlaceDto Place, double DistanceMeters);

public sealed record NearestPlacesDto(string? Commune, double Latitude, double Longitude, IReadOnlyList<NearestPlaceDto> Places);

/// <summary>
/// /api/resources/places (list, filters, GeoJSON, one place, nearest places matching a need,
/// exports in the national schemas) and /api/resources/accessibility (indicators and the map of
/// areas farther than 20 km).
/// </summary>
public static class ResourcesPlacesApi
{
    private const string KindRoute = "{kind:regex(^(region|departement|epci|commune)$)}";

    public static IEndpointRouteBuilder MapResourcesPlacesApi(this IEndpointRouteBuilder app)
    {
        var places = app.MapGroup("/api/resources/places").WithTags("Ressources — lieux");
        places.MapGet("/", ListAsync).WithName("ListInclusionPlaces")
            .WithSummary("Lieux d'inclusion numérique, filtrés par ?label=, ?service=, ?public=, ?departement=, ?region=, ?q= (texte).");
        places.MapGet("/geojson", GeoJsonAsync).WithName("GetInclusionPlacesGeoJson")
            .WithSummary("Les mêmes lieux en GeoJSON (points WGS84) pour la carte.").Produces(200, contentType: "application/geo+json");
        places.MapGet("/{id:long}", GetAsync).WithName("GetInclusionPlace").WithSummary("Un lieu.").ProducesProblem(404);
        places.MapGet("/nearest", NearestAsync).WithName("GetNearestInclusionPlaces")
            .WithSummary("Les lieux les plus proches d'une commune (?commune= code INSEE, code postal ou nom) ou d'un point (?lat=&lon=), répondant au besoin : ?service=, ?label=, ?jour=lundi…dimanche, ?heure=HH:MM, ?accessible=true, ?n=5. Distances orthodromiques en mètres.")
            .ProducesValidationProblem();
        places.MapGet("/export/mediation-numerique.csv", ExportCsvAsync).WithName("ExportPlacesMediationNumerique")
            .WithSummary("Export au schéma national des lieux de médiation numérique (CSV), mêmes filtres.").Produces(200, contentType: "text/csv");
        places.MapGet("/export/data-inclusion.json", ExportJsonAsync).WithName("ExportPlacesDataInclusion")
            .WithSummary("Export en structures data·inclusion (schéma v1, JSON), mêmes filtres.");

        var accessibility = app.MapGroup("/api/resources/accessibility").WithTags("Ressources — accessibilité");
        accessibility.MapGet("/departements", DepartementsAsync).WithName("GetAccessibilityByDepartement")
            .WithSummary("Indicateurs d'accessibilité de la région (?region=, défaut la région de l'instance) et de chacun de ses départements : distance moyenne pondérée par la population au lieu le plus proche, part de la population à plus de 10 et 20 km, lieux pour 10 000 habitants.");
        accessibility.MapGet($"/{KindRoute}/{{code}}", TerritoryAsync).WithName("GetAccessibility")
            .WithSummary("Indicateurs d'accessibilité d'une commune, d'un EPCI, d'un département ou de la région.").ProducesProblem(404);
        accessibility.MapGet("/far-areas", FarAreasAsync).WithName("GetAccessibilityFarAreas")
            .WithSummary("GeoJSON des communes dont le point d'habitat est à plus de ?km= (défaut 20) du lieu le plus proche.").Produces(200, contentType: "application/geo+json")
            .ProducesValidationProblem();
        return app;
    }

    private static PlaceFilter Filter(string? label, string? service, string? publicCode, string? departement, string? q, string? region) =>
        new(Clean(label), Clean(service), Clean(publicCode), Clean(departement), Clean(q), Clean(region));

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim()[..Math.Min(value.Trim().Length, 200)];

    private static async Task<Ok<IReadOnlyList<PlaceDto>>> ListAsync(PlaceQueries queries, CancellationToken cancellationToken,
        string? label = null, string? service = null, [FromQuery(Name = "public")] string? publicCode = null, string? departement = null, string? q = null, string? region = null) =>
        TypedResults.Ok<IReadOnlyList<PlaceDto>>((await queries.ListAsync(Filter(label, service, publicCode, departement, q, region), cancellationToken)).Select(PlaceDto.From).ToList());

    private static async Task<IResult> GeoJsonAsync(PlaceQueries queries, CancellationToken cancellationToken,
        string? label = null, string? service = null, [FromQuery(Name = "public")] string? publicCode = null, string? departement = null, string? q = null, string? region = null)
    {
        var list = await queries.ListAsync(Filter(label, service, publicCode, departement, q, region), cancellationToken);
        var features = list.Select(p => new
        {
            type = "Feature",
            geometry = new { type = "Point", coordinates = new[] { Math.Round(p.Longitude, 6), Math.Round(p.Latitude, 6) } },
            properties = new { id = p.Id, nom = p.Name, commune = p.CommuneName, labels = string.Join(", ", p.LabelList), approx = p.LocatedAtCommune },
        });
        return Results.Bytes(JsonSerializer.SerializeToUtf8Bytes(new { type = "FeatureCollection", features }), "application/geo+json");
    }

    private static async Task<Results<Ok<PlaceDto>, ProblemHttpResult>> GetAsync(long id, PlaceQueries queries, CancellationToken cancellationToken) =>
        await queries.GetAsync(id, cancellationToken) is { } p
            ? TypedResults.Ok(PlaceDto.From(p))
            : TypedResults.Problem(statusCode: 404, title: "Lieu introuvable", detail: $"Aucun lieu n'a l'identifiant {id}.");

    private static readonly string[] Days = ["dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"];

    /// <summary>Parses a French day name into a day of the week.</summary>
    public static DayOfWeek? ParseDay(string? text) =>
        Array.IndexOf(Days, text?.Trim().ToLowerInvariant()) is var i and >= 0 ? (DayOfWeek)i : null;

    private static async Task<Results<Ok<NearestPlacesDto>, ValidationProblem>> NearestAsync(
        PlaceQueries queries, PlaceLocator locator, IOptions<ScoranWebOptions> options, CancellationToken cancellationToken,
        string? commune = null, string? lat = null, string? lon = null, string? service = null, string? label = null,
        string? jour = null, string? heure = null, bool accessible = false, int n = 5)
    {
        var errors = new Dictionary<string, string[]>();
        double latitude = 0, longitude = 0;
        string? where = null;
        if (!string.IsNullOrWhiteSpace(commune))
        {
            if (commune.Trim().Length > 100)
            {
                errors["commune"] = ["100 caractères au plus."];
            }
            else if (await locator.LocateAsync(commune, options.Value.DefaultRegion, cancellationToken) is { } found)
            {
                (latitude, longitude, where) = (found.Latitude, found.Longitude, found.Description);
            }
            else
            {
                errors["commune"] = [$"Commune « {commune.Trim()} » introuvable parmi les communes couvertes (code INSEE, code postal ou nom)."];
            }
        }
        else if (!TryDegrees(lat, 90, out latitude) || !TryDegrees(lon, 180, out longitude))
        {
            errors["lat"] = ["Donnez ?commune= ou ?lat= (entre -90 et 90) et ?lon= (entre -180 et 180) en degrés décimaux."];
        }

        var day = ParseDay(jour);
        if (!string.IsNullOrWhiteSpace(jour) && day is null)
        {
            errors["jour"] = ["Jour de la semaine en français : lundi, mardi… dimanche."];
        }

        TimeOnly? time = null;
        if (!string.IsNullOrWhiteSpace(heure))
        {
            if (!TimeOnly.TryParseExact(heure.Trim(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t))
            {
                errors["heure"] = ["Heure au format HH:MM, par exemple 14:30."];
            }
            else if (day is null)
            {
                errors["heure"] = ["Une heure se donne avec un jour (?jour=)."];
            }
            else
            {
                time = t;
            }
        }

        if (n is < 1 or > 50)
        {
            errors["n"] = ["Entre 1 et 50."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var nearest = await queries.NearestAsync(latitude, longitude, new PlaceNeed(Clean(service), Clean(label), day, time, accessible), n, cancellationToken);
        return TypedResults.Ok(new NearestPlacesDto(where, latitude, longitude, nearest.Select(p => new NearestPlaceDto(PlaceDto.From(p.Place), Math.Round(p.Meters, 1))).ToList()));
    }

    private static bool TryDegrees(string? text, double limit, out double value) =>
        double.TryParse(text?.Trim().Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out value) && Math.Abs(value) <= limit && double.IsFinite(value);

    private static async Task<IResult> ExportCsvAsync(PlaceQueries queries, TimeProvider clock, CancellationToken cancellationToken,
        string? label = null, string? service = null, [FromQuery(Name = "public")] string? publicCode = null, string? departement = null, string? q = null, string? region = null)
    {
        var list = await queries.ListAsync(Filter(label, service, publicCode, departement, q, region), cancellationToken);
        return Results.File(PlaceQueries.ToMediationNumeriqueCsv(list, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)), "text/csv; charset=utf-8", "lieux-mediation-numerique.csv");
    }

    private static async Task<IResult> ExportJsonAsync(PlaceQueries queries, TimeProvider clock, CancellationToken cancellationToken,
        string? label = null, string? service = null, [FromQuery(Name = "public")] string? publicCode = null, string? departement = null, string? q = null, string? region = null)
    {
        var list = await queries.ListAsync(Filter(label, service, publicCode, departement, q, region), cancellationToken);
        return Results.File(PlaceQueries.ToDataInclusionJson(list, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)), "application/json; charset=utf-8", "structures-data-inclusion.json");
    }

    public sealed record AccessibilityDto(string Kind, string Code, string Name, int Communes, long Population, int Places, double MeanDistanceKm,
        double ShareBeyond10Km, double ShareBeyond20Km, long PopulationBeyond10Km, long PopulationBeyond20Km, decimal? PlacesPer10000)
    {
        public static AccessibilityDto From(AccessibilityIndicators i) => new(i.Kind.ToSlug(), i.Code, i.Name, i.Communes, i.Population, i.Places,
            Math.Round(i.MeanDistanceKm, 3), Math.Round(i.ShareBeyond10Km, 5), Math.Round(i.ShareBeyond20Km, 5), i.PopulationBeyond10Km, i.PopulationBeyond20Km,
            i.PlacesPer10000 is { } d ? Math.Round(d, 3) : null);
    }

    public sealed record RegionAccessibilityDto(AccessibilityDto Region, IReadOnlyList<AccessibilityDto> Departements, int PlacesInIndex, int CommunesWithoutPoint);

    private static async Task<Results<Ok<RegionAccessibilityDto>, ProblemHttpResult>> DepartementsAsync(AccessibilityQueries queries, IOptions<ScoranWebOptions> options,
        CancellationToken cancellationToken, string? region = null)
    {
        var report = await queries.RegionAsync(region ?? options.Value.DefaultRegion, null, cancellationToken);
        return report is null
            ? TypedResults.Problem(statusCode: 404, title: "Région inconnue")
            : TypedResults.Ok(new RegionAccessibilityDto(AccessibilityDto.From(report.Region), report.Departements.Select(AccessibilityDto.From).ToList(), report.PlacesInIndex, report.CommunesWithoutPoint));
    }

    private static async Task<Results<Ok<AccessibilityDto>, ProblemHttpResult>> TerritoryAsync(string kind, string code, AccessibilityQueries queries,
        IOptions<ScoranWebOptions> options, CancellationToken cancellationToken)
    {
        TerritoryKinds.TryParse(kind, out var parsed);
        var result = await queries.TerritoryAsync(options.Value.DefaultRegion, parsed, code.Trim(), cancellationToken);
        return result is null
            ? TypedResults.Problem(statusCode: 404, title: "Territoire sans indicateur", detail: $"{kind} {code} n'est pas un territoire de la région {options.Value.DefaultRegion} ayant un contour.")
            : TypedResults.Ok(AccessibilityDto.From(result));
    }

    private static async Task<IResult> FarAreasAsync(AccessibilityQueries queries, IOptions<ScoranWebOptions> options, CancellationToken cancellationToken, double km = 20)
    {
        if (km is < 1 or > 200 || !double.IsFinite(km))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["km"] = ["Entre 1 et 200 km."] });
        }

        return Results.Bytes(await queries.FarAreasGeoJsonAsync(options.Value.DefaultRegion, km * 1000, cancellationToken), "application/geo+json");
    }
}
