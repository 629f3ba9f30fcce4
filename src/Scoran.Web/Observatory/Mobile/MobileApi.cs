using Microsoft.AspNetCore.Http.HttpResults;
using Scoran.Observatory.Mobile;
using Scoran.Territories.Model;

namespace Scoran.Web.Observatory.Mobile;

/// <summary>
/// /api/observatory/mobile: announced mobile coverage per territory and vintage (per operator ×
/// technology × level, operators present, 4G white zones, history and targets), New Deal sites,
/// and announced coverage against crowdsourced measurements; JSON, CSV and GeoJSON, each with its
/// source and licence (and saying so when the figures are synthetic demonstration data).
/// </summary>
public static partial class MobileApi
{
    private const string KindRoute = "{kind:regex(^(region|departement|epci|commune)$)}";

    public static IEndpointRouteBuilder MapMobileApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/observatory/mobile").WithTags("Observatoire mobile");
        api.MapGet($"/{KindRoute}/{{code}}", GetAsync).WithName("GetMobileCoverage")
            .WithSummary("Couverture mobile annoncée d'un territoire au millésime ?millesime=2025T4 (le plus récent par défaut) : part de la population et de la surface " +
                         "couvertes par opérateur, technologie et niveau (rapports de sommes), opérateurs présents en 4G, zones blanches 4G, sites New Deal, historique, objectifs et trajectoires, source et licence.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesValidationProblem();
        api.MapGet($"/{KindRoute}/{{code}}/breakdown", BreakdownAsync).WithName("GetMobileBreakdown")
            .WithSummary("Territoires contenus (?level=departement|epci|commune) : rate = part de la population couverte en 4G (bonne couverture) par au moins un opérateur (borne basse), opérateurs présents.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesValidationProblem();
        api.MapGet($"/{KindRoute}/{{code}}/breakdown.csv", BreakdownCsvAsync).WithName("GetMobileBreakdownCsv")
            .WithSummary("Territoires contenus (niveau suivant, ou ?level=) en CSV (séparateur ;) : population, surface, couverture 4G par opérateur ; source en première ligne.")
            .Produces(200, contentType: "text/csv")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesValidationProblem();
        api.MapGet($"/{KindRoute}/{{code}}/communes.geojson", CommuneLayerAsync).WithName("GetMobileCommuneLayer")
            .WithSummary("Couche GeoJSON des communes du territoire avec leur couverture 4G et le nombre d'opérateurs présents, et la source.")
            .Produces(200, contentType: "application/geo+json")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet($"/{KindRoute}/{{code}}/zones-blanches.csv", WhiteZonesCsvAsync).WithName("GetMobileWhiteZonesCsv")
            .WithSummary("Communes en zone blanche 4G (aucun opérateur n'y annonce de couverture 4G), en CSV avec la source.")
            .Produces(200, contentType: "text/csv")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesValidationProblem();
        api.MapGet($"/{KindRoute}/{{code}}/new-deal", NewDealAsync).WithName("GetMobileNewDeal")
            .WithSummary("Sites du dispositif de couverture ciblée (New Deal mobile) du territoire : prévus, en service, en retard (non en service après l'échéance).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet($"/{KindRoute}/{{code}}/new-deal.csv", NewDealCsvAsync).WithName("GetMobileNewDealCsv")
            .WithSummary("Sites New Deal du territoire en CSV avec la source.")
            .Produces(200, contentType: "text/csv")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet($"/{KindRoute}/{{code}}/antennes", AntennasAsync).WithName("GetMobileAntennaSites")
            .WithSummary("Sites d'antennes mobiles du territoire (dernière liste importée) : nombre par opérateur et technologie, communes avec un site 4G ; décomptes seulement, sans position.");
        api.MapGet($"/{KindRoute}/{{code}}/antennes/communes", AntennaCommunesAsync).WithName("GetMobileAntennaCommunes")
            .WithSummary("Sites d'antennes par commune du territoire (toutes ses communes, 0 compris) pour ?operateur=orange|sfr|bouygues|free (défaut : tous) et ?technologie=2G|3G|4G|5G " +
                         "(défaut : toutes), à la dernière liste importée, avec source, millésime et licence ; décomptes seulement, jamais de position.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesValidationProblem();
        api.MapGet($"/{KindRoute}/{{code}}/antennes.csv", AntennaCsvAsync).WithName("GetMobileAntennasCsv")
            .WithSummary("Sites d'antennes par commune, opérateur et technologie en CSV (séparateur ;), source, millésime et licence en premières lignes.")
            .Produces(200, contentType: "text/csv")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet($"/{KindRoute}/{{code}}/antennes.xlsx", AntennaXlsxAsync).WithName("GetMobileAntennasXlsx")
            .WithSummary("Les mêmes décomptes en classeur XLSX (source, millésime et licence en première ligne).")
            .Produces(200, contentType: XlsxType)
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet($"/{KindRoute}/{{code}}/theorie-mesures", TheoryAsync).WithName("GetMobileTheoryVsMeasured")
            .WithSummary("Couverture annoncée contre mesures participatives, par commune et opérateur (agrégats seulement, jamais de position), avec la règle de contradiction appliquée.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet($"/{KindRoute}/{{code}}/theorie-mesures.csv", TheoryCsvAsync).WithName("GetMobileTheoryVsMeasuredCsv")
            .WithSummary("Communes où les mesures contredisent la couverture annoncée, en CSV pour le dispositif de couverture ciblée (?toutes=true : toutes les paires commune × opérateur mesurées).")
            .Produces(200, contentType: "text/csv")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    public static ShareValue ToValue(MobileShare s) =>
        new(s.PopulationCovered, s.Population, Round(s.PopulationRate), s.AreaCovered, s.Area, Round(s.AreaRate));

    private static decimal? Round(decimal? rate) => rate is { } r ? Math.Round(r, 6) : null;

    public static SourceValue ToSource(MobileSource s) => new(s.Line, s.Synthetic, MobileImporter.Licence);

    private static TerritoryKind Parse(string kind) => TerritoryKinds.TryParse(kind, out var k) ? k : TerritoryKind.Region;

    private static ProblemHttpResult NoData(string kind, string code) =>
        TypedResults.Problem(title: "Aucune donnée", detail: $"Aucune donnée de couverture mobile pour {kind} {code}.", statusCode: StatusCodes.Status404NotFound);

    private static ValidationProblem BadVintage() =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["millesime"] = ["Millésime attendu sous la forme 2025T4, parmi ceux importés."] });

    /// <summary>The vintage asked for: null (latest) when absent; false when malformed or not imported.</summary>
    private static async Task<(bool Ok, int? Vintage)> VintageAsync(MobileQueries queries, string? millesime, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(millesime))
        {
            return (true, null);
        }

        if (!MobileVintage.TryParse(millesime, out var q) || !(await queries.VintagesAsync(cancellationToken)).Contains(q.Key))
        {
            return (false, null);
        }

        return (true, q.Key);
    }

    private static TerritoryKind? ChildOf(TerritoryKind kind, string? level, out bool invalid)
    {
        invalid = false;
        TerritoryKind? child = kind == TerritoryKind.Commune ? null : kind + 1;
        if (level is not null)
        {
            if (!TerritoryKinds.TryParse(level, out var asked) || asked <= kind)
            {
                invalid = true;
                return null;
            }

            child = asked;
        }

        return child;
    }

    private static ValidationProblem BadLevel() =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["level"] = ["Niveau plus fin que le territoire attendu (departement, epci, commune)."] });

    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static ProblemHttpResult NoAntennas() =>
        TypedResults.Problem(title: "Aucune donnée", detail: "Aucune liste de sites d'antennes importée.", statusCode: StatusCodes.Status404NotFound);
}
