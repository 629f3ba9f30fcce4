using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Scoran.Observatory.Connexion;
using Scoran.Observatory.Import.Arcep;
using Scoran.Territories.Model;

namespace Scoran.Web.Api;

/// <summary>
/// /api/observatory/debits: speed classes, FttH eligibility and premises without wired broadband
/// from « Ma connexion internet », per territory and date, in JSON, CSV and GeoJSON, each answer
/// carrying its source and licence (and saying so when the figures are synthetic demonstration data).
/// </summary>
public static class DebitsApi
{
    private const string KindRoute = "{kind:regex(^(france|region|departement|epci|commune)$)}";

    public static IEndpointRouteBuilder MapDebitsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/observatory/debits").WithTags("Observatoire");
        api.MapGet($"/{KindRoute}/{{code}}", GetAsync).WithName("GetDebits")
            .WithSummary("Débits « Ma connexion internet » d'un territoire à une date (?date=AAAA-MM-JJ, la plus récente par défaut) : " +
                         "≥ 8, ≥ 30, ≥ 100 Mbit/s, ≥ 1 Gbit/s, fibre, sans bon haut débit filaire et solutions alternatives, par zone, " +
                         "comparaison avec les territoires englobants, historique, source et licence. kind=france avec code FR pour l'ensemble des communes importées.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet($"/{KindRoute}/{{code}}/breakdown", BreakdownAsync).WithName("GetDebitsBreakdown")
            .WithSummary("Indicateurs des territoires contenus (?level=departement|epci|commune), à la date ?date= ; " +
                         "rate et covered donnent l'indicateur ?indicateur=ftth|bhd8|thd30|thd100|gigabit|sans-filaire (thd30 par défaut).")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesValidationProblem();
        api.MapGet($"/{KindRoute}/{{code}}/breakdown.csv", BreakdownCsvAsync).WithName("GetDebitsBreakdownCsv")
            .WithSummary("Indicateurs des territoires contenus (niveau suivant, ou ?level=) à la date ?date=, en CSV (séparateur ;) avec la source en première ligne.")
            .Produces(200, contentType: "text/csv")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesValidationProblem();
        api.MapGet($"/{KindRoute}/{{code}}/communes.geojson", CommuneLayerAsync).WithName("GetDebitsCommuneLayer")
            .WithSummary("Couche GeoJSON des communes du territoire avec leurs indicateurs de débit à la date ?date=, et la source.")
            .Produces(200, contentType: "application/geo+json")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    public sealed record IndicatorValue(string Indicator, string Label, long Count, long Premises, decimal? Rate, bool ExceedsPremises);

    public sealed record IndicatorSet(string Date, string Quarter, long Premises, IReadOnlyList<IndicatorValue> Indicators, IReadOnlyList<IndicatorValue> Alternatives, bool Inconsistent);

    public sealed record ZoneValue(string? Zone, string Label, int Communes, IndicatorSet Values);

    public sealed record ComparisonValue(string Kind, string Code, string Name, IndicatorSet Values);

    public sealed record SourceValue(string Line, bool Synthetic, string Licence, IReadOnlyList<ConnexionSourceFile> Files);

    public sealed record DebitsResponse(string Kind, string Code, string Name, string Date, IReadOnlyList<string> Dates, IndicatorSet Values,
        IReadOnlyList<ZoneValue> Zones, IReadOnlyList<ComparisonValue> Comparison, IReadOnlyList<IndicatorSet> History, SourceValue Source);

    public sealed record BreakdownValue(string Code, string Name, string Indicator, long Covered, long Premises, decimal? Rate, bool ExceedsPremises, IndicatorSet Values);

    public static IndicatorSet ToSet(ConnexionIndicators i)
    {
        IndicatorValue Value(string id, string label, Scoran.Observatory.Indicators.CoverageRate r) => new(id, label, r.Covered, r.Premises, Round(r.Rate), r.ExceedsPremises);
        var indicators = ConnexionIndicator.All.Where(id => i.Of(id) is not null).Select(id => Value(id, ConnexionIndicator.Label(id), i.Of(id)!.Value)).ToList();
        List<IndicatorValue> alternatives = i.HasTechno
            ? [Value("thd-radio", "Locaux éligibles au THD radio", i.Thdr), Value("4g-fixe", "Locaux éligibles à la 4G fixe", i.FixedFourG), Value("satellite", "Locaux éligibles au satellite", i.Satellite)]
            : [];
        return new IndicatorSet(i.Date.ToString("yyyy-MM-dd"), i.Quarter.ToString(), i.Premises, indicators, alternatives, i.BestInconsistent);
    }

    // Six decimals are exact enough for a share of premises and keep the JSON readable; the counts stay exact.
    private static decimal? Round(decimal? rate) => rate is { } r ? Math.Round(r, 6) : null;

    public static SourceValue ToSource(ConnexionSource s) => new(s.Line, s.Synthetic, ArcepFtthImporter.Licence, s.Files);

    public static string ZoneLabel(FtthZone? zone) => zone switch
    {
        FtthZone.VeryDense => "Zones très denses (ZTD)",
        FtthZone.PrivateCommitment => "Zone d'initiative privée (AMII)",
        FtthZone.PublicInitiative => "Zone d'initiative publique (RIP)",
        _ => "Commune sans zonage FttH",
    };

    private static TerritoryKind? Parse(string kind) => kind == "france" ? null : TerritoryKinds.TryParse(kind, out var k) ? k : null;

    private static async Task<(ConnexionSeries Series, DateOnly Date)?> DateAsync(ConnexionQueries queries, TerritoryKind? kind, string code, string? date, CancellationToken cancellationToken)
    {
        var series = await queries.SeriesAsync(kind, code, cancellationToken);
        if (series is null)
        {
            return null;
        }

        var chosen = DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && series.Points.Any(p => p.Date == d)
            ? d : series.Points[^1].Date;
        return (series, chosen);
    }

    private static ProblemHttpResult NoData(string kind, string code) =>
        TypedResults.Problem(title: "Aucune donnée", detail: $"Aucune donnée « Ma connexion internet » pour {kind} {code}.", statusCode: StatusCodes.Status404NotFound);

    private static async Task<Results<Ok<DebitsResponse>, ProblemHttpResult>> GetAsync(
        string kind, string code, ConnexionQueries queries, CancellationToken cancellationToken, [FromQuery] string? date = null)
    {
        var parsed = Parse(kind);
        if (await DateAsync(queries, parsed, code, date, cancellationToken) is not var (series, chosen))
        {
            return NoData(kind, code);
        }

        var point = series.Points.Single(p => p.Date == chosen);
        var zones = await queries.ZonesAsync(parsed, code, chosen, cancellationToken);
        var comparison = parsed is { } k ? await queries.ComparisonAsync(k, code, chosen, cancellationToken, point) : [];
        var name = parsed is null ? "France (communes importées)" : comparison.FirstOrDefault()?.Name ?? code;
        return TypedResults.Ok(new DebitsResponse(kind, code, name, chosen.ToString("yyyy-MM-dd"),
            series.Points.Select(p => p.Date.ToString("yyyy-MM-dd")).ToList(), ToSet(point),
            zones.Select(z => new ZoneValue(z.Zone?.ToString(), ZoneLabel(z.Zone), z.Communes, ToSet(z.Indicators))).ToList(),
            comparison.Select(c => new ComparisonValue(c.Kind?.ToSlug() ?? "france", c.Code, c.Name, ToSet(c.Indicators))).ToList(),
            series.Points.Select(ToSet).ToList(),
            ToSource(await queries.SourceAsync(chosen, cancellationToken))));
    }

    private static TerritoryKind? ChildOf(TerritoryKind? kind, string? level, out bool invalid)
    {
        invalid = false;
        TerritoryKind? child = kind switch
        {
            null => TerritoryKind.Region,
            TerritoryKind.Commune => null,
            { } k => k + 1,
        };
        if (level is not null)
        {
            if (!TerritoryKinds.TryParse(level, out var asked) || (kind is { } k && asked <= k))
            {
                invalid = true;
                return null;
            }

            child = asked;
        }

        return child;
    }

    private static async Task<Results<Ok<IReadOnlyList<BreakdownValue>>, ProblemHttpResult, ValidationProblem>> BreakdownAsync(
        string kind, string code, ConnexionQueries queries, CancellationToken cancellationToken,
        [FromQuery] string? date = null, [FromQuery] string? level = null, [FromQuery(Name = "indicateur")] string? indicator = null)
    {
        var parsed = Parse(kind);
        indicator ??= ConnexionIndicator.Thd30;
        if (!ConnexionIndicator.All.Contains(indicator))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["indicateur"] = [$"Indicateur attendu parmi : {string.Join(", ", ConnexionIndicator.All)}."] });
        }

        var child = ChildOf(parsed, level, out var invalid);
        if (invalid)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["level"] = ["Niveau plus fin que le territoire attendu (region, departement, epci, commune)."] });
        }

        if (child is null || await DateAsync(queries, parsed, code, date, cancellationToken) is not var (_, chosen))
        {
            return NoData(kind, code);
        }

        var rows = await queries.BreakdownAsync(parsed, code, child.Value, chosen, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<BreakdownValue>>(rows.Select(r =>
        {
            var value = r.Indicators.Of(indicator);
            return new BreakdownValue(r.Code, r.Name, indicator, value?.Covered ?? 0, value?.Premises ?? 0, Round(value?.Rate), value?.ExceedsPremises ?? false, ToSet(r.Indicators));
        }).ToList());
    }

    private static async Task<IResult> BreakdownCsvAsync(
        string kind, string code, ConnexionQueries queries, CancellationToken cancellationToken, [FromQuery] string? date = null, [FromQuery] string? level = null)
    {
        var parsed = Parse(kind);
        var child = ChildOf(parsed, level, out var invalid);
        if (invalid)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["level"] = ["Niveau plus fin que le territoire attendu (region, departement, epci, commune)."] });
        }

        if (child is null || await DateAsync(queries, parsed, code, date, cancellationToken) is not var (_, chosen))
        {
            return NoData(kind, code);
        }

        var rows = await queries.BreakdownAsync(parsed, code, child.Value, chosen, cancellationToken);
        var source = await queries.SourceAsync(chosen, cancellationToken);
        var csv = new StringBuilder();
        // Provenance travels with the file: source, date and licence on the first line.
        csv.AppendLine($"# Source : {source.Line}");
        csv.AppendLine("# Règles : ≥ 8 Mbit/s = elig_cd_3+4+5+6, ≥ 30 = elig_cd_4+5+6, ≥ 100 = elig_cd_5+6, ≥ 1 Gbit/s = elig_cd_6 (sur nbr de commune_debit) ; " +
                       "sans bon haut débit filaire = nbr − (elig_ftth + elig_coax + elig_cu_30 + elig_cu_8) de commune_meilleure_techno ; taux > 1 laissés tels quels");
        csv.AppendLine("niveau;code;nom;date;locaux;locaux_8mbits;locaux_30mbits;locaux_100mbits;locaux_1gbits;taux_8mbits;taux_30mbits;taux_100mbits;taux_1gbits;" +
                       "locaux_techno;locaux_ftth;taux_ftth;locaux_thd_radio;locaux_4g_fixe;locaux_satellite;locaux_meilleure_techno;locaux_sans_filaire;taux_sans_filaire;taux_sup_100");
        static string Rate(decimal? r) => r is { } v ? v.ToString("0.0000", CultureInfo.InvariantCulture) : "";
        foreach (var row in rows)
        {
            var i = row.Indicators;
            var techno = ConnexionIndicators.V(i.Techno, "nbr");
            var best = ConnexionIndicators.V(i.Best, "nbr");
            csv.AppendLine(string.Join(';',
                row.Kind.ToSlug(), row.Code, Scoran.Core.Text.CsvText.Quoted(row.Name), i.Date.ToString("yyyy-MM-dd"),
                i.Premises, i.Bhd8.Covered, i.Thd30.Covered, i.Thd100.Covered, i.Gigabit.Covered,
                Rate(i.Bhd8.Rate), Rate(i.Thd30.Rate), Rate(i.Thd100.Rate), Rate(i.Gigabit.Rate),
                techno, i.Ftth.Covered, Rate(i.Ftth.Rate), i.Thdr.Covered, i.FixedFourG.Covered, i.Satellite.Covered,
                best, i.NoWired.Covered, Rate(i.NoWired.Rate), i.ExceedsPremises ? "oui" : "non"));
        }

        var fileName = $"debits-{parsed?.ToSlug() ?? "france"}-{code}-{chosen:yyyy-MM-dd}.csv";
        return TypedResults.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray(), "text/csv; charset=utf-8", fileName);
    }

    private static async Task<IResult> CommuneLayerAsync(
        string kind, string code, ConnexionQueries queries, Scoran.Territories.Queries.TerritoryQueries territories, CancellationToken cancellationToken,
        [FromQuery] string? date = null)
    {
        var parsed = Parse(kind);
        if (parsed is not { } k || k == TerritoryKind.Commune || await DateAsync(queries, parsed, code, date, cancellationToken) is not var (_, chosen))
        {
            return NoData(kind, code);
        }

        var values = (await queries.BreakdownAsync(k, code, TerritoryKind.Commune, chosen, cancellationToken)).ToDictionary(r => r.Code);
        var layer = System.Text.Json.Nodes.JsonNode.Parse(await territories.ContoursGeoJsonAsync(k, code, TerritoryKind.Commune, cancellationToken))!.AsObject();
        foreach (var feature in layer["features"]!.AsArray())
        {
            var properties = feature!["properties"]!.AsObject();
            if (values.TryGetValue(properties["code"]!.GetValue<string>(), out var row))
            {
                var i = row.Indicators;
                properties["date"] = chosen.ToString("yyyy-MM-dd");
                properties["locaux"] = i.Premises;
                properties["taux_8mbits"] = i.Bhd8.Rate;
                properties["taux_30mbits"] = i.Thd30.Rate;
                properties["taux_100mbits"] = i.Thd100.Rate;
                properties["taux_1gbits"] = i.Gigabit.Rate;
                properties["taux_ftth"] = i.Ftth.Rate;
                properties["taux_sans_filaire"] = i.NoWired.Rate;
                properties["locaux_sans_filaire"] = i.NoWired.Covered;
            }
        }

        // Provenance travels with the layer, as a foreign member of the collection.
        var source = await queries.SourceAsync(chosen, cancellationToken);
        layer["source"] = $"{source.Line} ; contours IGN Admin Express 2018, Licence Ouverte 2.0";
        layer["licence"] = ArcepFtthImporter.Licence;
        var fileName = $"debits-communes-{k.ToSlug()}-{code}-{chosen:yyyy-MM-dd}.geojson";
        return TypedResults.File(Encoding.UTF8.GetBytes(layer.ToJsonString()), "application/geo+json", fileName);
    }
}
