using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Scoran.Observatory.Mobile;
using Scoran.Territories.Model;

namespace Scoran.Web.Api;

/// <summary>
/// /api/observatory/mobile: announced mobile coverage per territory and vintage (per operator ×
/// technology × level, operators present, 4G white zones, history and targets), New Deal sites,
/// and announced coverage against crowdsourced measurements; JSON, CSV and GeoJSON, each with its
/// source and licence (and saying so when the figures are synthetic demonstration data).
/// </summary>
public static class MobileApi
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

    public sealed record ShareValue(long PopulationCovered, long Population, decimal? PopulationRate, decimal AreaCoveredKm2, decimal AreaKm2, decimal? AreaRate);

    public sealed record LineValue(string Operator, string OperatorName, string Technology, string Level, string LevelLabel, ShareValue Share);

    public sealed record PresenceValue(int Operators, int Communes, long Population);

    public sealed record WhiteZoneValue(string Code, string Name, long Population, decimal AreaKm2);

    public sealed record HistoryValue(string Vintage, long Population, ShareValue AtLeastOne4G, IReadOnlyDictionary<string, ShareValue> ByOperator);

    public sealed record TargetValue(string Id, string Name, decimal Threshold, string Deadline, decimal? Current, string? AsOf, decimal? ProjectedAtDeadline, string? ProjectedReachDate, string Status, string Source);

    public sealed record NewDealCounts(string Vintage, int Total, int Planned, int InService, int Late);

    public sealed record SourceValue(string Line, bool Synthetic, string Licence);

    public sealed record MobileResponse(string Kind, string Code, string Name, string Vintage, IReadOnlyList<string> Vintages, int Communes, long Population, decimal AreaKm2,
        ShareValue AtLeastOne4G, IReadOnlyList<LineValue> Lines, IReadOnlyList<PresenceValue> OperatorsPresent4G, int WhiteZoneCommunes, long WhiteZonePopulation, decimal WhiteZoneAreaKm2,
        IReadOnlyList<WhiteZoneValue> WhiteZones, IReadOnlyList<HistoryValue> History, IReadOnlyList<TargetValue> Targets, NewDealCounts? NewDeal, SourceValue Source);

    public sealed record BreakdownValue(string Code, string Name, decimal? Rate, long Covered, long Population, decimal AreaKm2, int Operators4G, bool WhiteZone);

    public sealed record SiteValue(string SiteId, string CommuneCode, string CommuneName, IReadOnlyList<string> Operators, string Status, bool Late, string? DecreeDate, string? Deadline, string? InServiceDate);

    public sealed record NewDealResponse(string Kind, string Code, NewDealCounts Counts, IReadOnlyList<SiteValue> Sites, SourceValue Source);

    public sealed record TheoryRowValue(string CommuneCode, string CommuneName, string Operator, string OperatorName, decimal? Announced4GShare, int Measurements, int Contributors,
        int NoService, int BelowFourG, int Evidence, double? MedianDownloadMbps, bool Contradiction);

    public sealed record TheoryResponse(string Kind, string Code, bool MeasurementsAvailable, string? Message, string? Vintage, ContradictionRule Rule, int Contradictions, IReadOnlyList<TheoryRowValue> Rows, SourceValue Source);

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

    public static string StatusLabel(Scoran.Observatory.Targets.TrajectoryStatus status) => status switch
    {
        Scoran.Observatory.Targets.TrajectoryStatus.Reached => "atteint",
        Scoran.Observatory.Targets.TrajectoryStatus.OnTrack => "en bonne voie",
        Scoran.Observatory.Targets.TrajectoryStatus.Late => "en retard",
        Scoran.Observatory.Targets.TrajectoryStatus.Stalled => "à l'arrêt",
        _ => "non mesurable",
    };

    private static async Task<Results<Ok<MobileResponse>, ProblemHttpResult, ValidationProblem>> GetAsync(
        string kind, string code, MobileQueries queries, Scoran.Territories.Queries.TerritoryQueries territories, CancellationToken cancellationToken, [FromQuery] string? millesime = null)
    {
        var parsed = Parse(kind);
        var (ok, vintage) = await VintageAsync(queries, millesime, cancellationToken);
        if (!ok)
        {
            return BadVintage();
        }

        var detail = await territories.GetAsync(parsed, code, cancellationToken);
        var at = detail is null ? null : await queries.AtAsync(parsed, detail.Code, vintage, cancellationToken);
        if (detail is null || at is null)
        {
            return NoData(kind, code);
        }

        var history = await queries.HistoryAsync(parsed, detail.Code, cancellationToken);
        var region = parsed == TerritoryKind.Region ? detail.Code : detail.Ancestors.FirstOrDefault(a => a.Kind == TerritoryKind.Region)?.Code;
        var targets = await queries.AssessAsync(parsed, detail.Code, region, history, cancellationToken);
        var newDeal = await queries.NewDealAsync(parsed, detail.Code, cancellationToken: cancellationToken);
        return TypedResults.Ok(new MobileResponse(kind, detail.Code, detail.Name, MobileVintage.Format(at.Vintage),
            (await queries.VintagesAsync(cancellationToken)).Select(MobileVintage.Format).ToList(),
            at.Communes, at.Population, at.AreaKm2, ToValue(at.AtLeastOneOperator4G),
            at.Lines.Select(l => new LineValue(l.Operator, MobileOperators.Name(l.Operator), l.Technology, l.Level, MobileLevels.Label(l.Level), ToValue(l.Share))).ToList(),
            at.Presence.Select(p => new PresenceValue(p.Operators, p.Communes, p.Population)).ToList(),
            at.WhiteZones.Count, at.WhiteZonePopulation, at.WhiteZoneArea,
            at.WhiteZones.Select(w => new WhiteZoneValue(w.Code, w.Name, w.Population, w.AreaKm2)).ToList(),
            history.Select(h => new HistoryValue(MobileVintage.Format(h.Vintage), h.Population, ToValue(h.AtLeastOne), h.ByOperator.ToDictionary(o => o.Key, o => ToValue(o.Value)))).ToList(),
            targets.Select(t => new TargetValue(t.Target.Id, t.Target.Name, t.Target.Threshold, t.Target.Deadline.ToString("yyyy-MM-dd"), Round(t.Current), t.AsOf is { } q ? MobileVintage.Format(q) : null,
                Round(t.ProjectedAtDeadline), t.ProjectedReachDate?.ToString("yyyy-MM-dd"), StatusLabel(t.Status), t.Target.Source)).ToList(),
            newDeal is null ? null : new NewDealCounts(MobileVintage.Format(newDeal.Vintage), newDeal.Total, newDeal.Planned, newDeal.InService, newDeal.Late),
            ToSource(await queries.SourceAsync(at.Vintage, cancellationToken))));
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

    private static async Task<Results<Ok<IReadOnlyList<BreakdownValue>>, ProblemHttpResult, ValidationProblem>> BreakdownAsync(
        string kind, string code, MobileQueries queries, CancellationToken cancellationToken, [FromQuery] string? level = null, [FromQuery] string? millesime = null)
    {
        var parsed = Parse(kind);
        var child = ChildOf(parsed, level, out var invalid);
        if (invalid)
        {
            return BadLevel();
        }

        var (ok, vintage) = await VintageAsync(queries, millesime, cancellationToken);
        if (!ok)
        {
            return BadVintage();
        }

        var chosen = vintage ?? (await queries.VintagesAsync(cancellationToken)).LastOrDefault();
        if (child is null || chosen == 0)
        {
            return NoData(kind, code);
        }

        var rows = await queries.BreakdownAsync(parsed, code, child.Value, chosen, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<BreakdownValue>>(rows.Select(ToBreakdown).ToList());
    }

    private static BreakdownValue ToBreakdown(MobileBreakdownRow r)
    {
        var i = r.Indicators;
        // For a single commune, the number of operators present; for a group, the largest count of its communes is not meaningful, so the share of communes with 4 operators is in the CSV instead.
        var operators = i.Presence.Where(p => p.Communes > 0).Select(p => p.Operators).DefaultIfEmpty(0).Max();
        return new BreakdownValue(r.Code, r.Name, Round(i.AtLeastOneOperator4G.PopulationRate), i.AtLeastOneOperator4G.PopulationCovered, i.Population, i.AreaKm2, operators, i.WhiteZones.Count > 0 && i.Communes == i.WhiteZones.Count);
    }

    private static IResult Csv(StringBuilder csv, string fileName) =>
        TypedResults.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray(), "text/csv; charset=utf-8", fileName);

    private static string Quote(string text) => Scoran.Core.Text.CsvText.Quoted(text);

    private static string Rate(decimal? r) => r is { } v ? v.ToString("0.0000", CultureInfo.InvariantCulture) : "";

    private static async Task<IResult> BreakdownCsvAsync(
        string kind, string code, MobileQueries queries, CancellationToken cancellationToken, [FromQuery] string? level = null, [FromQuery] string? millesime = null)
    {
        var parsed = Parse(kind);
        var child = ChildOf(parsed, level, out var invalid);
        if (invalid)
        {
            return BadLevel();
        }

        var (ok, vintage) = await VintageAsync(queries, millesime, cancellationToken);
        if (!ok)
        {
            return BadVintage();
        }

        var chosen = vintage ?? (await queries.VintagesAsync(cancellationToken)).LastOrDefault();
        if (child is null || chosen == 0)
        {
            return NoData(kind, code);
        }

        var rows = await queries.BreakdownAsync(parsed, code, child.Value, chosen, cancellationToken);
        var source = await queries.SourceAsync(chosen, cancellationToken);
        var csv = new StringBuilder();
        csv.AppendLine($"# Source : {source.Line}");
        csv.AppendLine("# Règles : taux = somme des populations (surfaces) couvertes des communes / somme de leurs populations (surfaces), niveau « bonne couverture ou mieux » ; " +
                       "au_moins_un_operateur = somme, par commune, du meilleur opérateur (borne basse de la couverture par au moins un opérateur) ; zone blanche 4G = commune sans aucune couverture 4G annoncée");
        var ops = MobileOperators.All;
        csv.AppendLine("niveau;code;nom;millesime;communes;population;surface_km2;pop_4g_au_moins_un_operateur;taux_pop_4g_au_moins_un_operateur;" +
                       string.Join(';', ops.Select(o => $"taux_pop_4g_{o.Id};taux_surface_4g_{o.Id}")) + ";communes_zone_blanche_4g;population_zone_blanche_4g;communes_4_operateurs_4g");
        foreach (var row in rows)
        {
            var i = row.Indicators;
            csv.AppendLine(string.Join(';',
                row.Kind.ToSlug(), row.Code, Quote(row.Name), MobileVintage.Format(chosen), i.Communes, i.Population, i.AreaKm2.ToString(CultureInfo.InvariantCulture),
                i.AtLeastOneOperator4G.PopulationCovered, Rate(i.AtLeastOneOperator4G.PopulationRate),
                string.Join(';', ops.Select(o => $"{Rate(i.Of(o.Id, "4G").PopulationRate)};{Rate(i.Of(o.Id, "4G").AreaRate)}")),
                i.WhiteZones.Count, i.WhiteZonePopulation, i.Presence.Single(p => p.Operators == ops.Count).Communes));
        }

        return Csv(csv, $"mobile-{parsed.ToSlug()}-{code}-{MobileVintage.Format(chosen)}.csv");
    }

    private static async Task<IResult> CommuneLayerAsync(
        string kind, string code, MobileQueries queries, Scoran.Territories.Queries.TerritoryQueries territories, CancellationToken cancellationToken, [FromQuery] string? millesime = null)
    {
        var parsed = Parse(kind);
        var (ok, vintage) = await VintageAsync(queries, millesime, cancellationToken);
        if (!ok)
        {
            return BadVintage();
        }

        var chosen = vintage ?? (await queries.VintagesAsync(cancellationToken)).LastOrDefault();
        if (parsed == TerritoryKind.Commune || chosen == 0)
        {
            return NoData(kind, code);
        }

        var values = (await queries.BreakdownAsync(parsed, code, TerritoryKind.Commune, chosen, cancellationToken)).ToDictionary(r => r.Code);
        var layer = System.Text.Json.Nodes.JsonNode.Parse(await territories.ContoursGeoJsonAsync(parsed, code, TerritoryKind.Commune, cancellationToken))!.AsObject();
        foreach (var feature in layer["features"]!.AsArray())
        {
            var properties = feature!["properties"]!.AsObject();
            if (values.TryGetValue(properties["code"]!.GetValue<string>(), out var row))
            {
                var b = ToBreakdown(row);
                properties["millesime"] = MobileVintage.Format(chosen);
                properties["population"] = b.Population;
                properties["taux_pop_4g_au_moins_un_operateur"] = b.Rate;
                properties["operateurs_4g"] = b.Operators4G;
                properties["zone_blanche_4g"] = b.WhiteZone;
            }
        }

        var source = await queries.SourceAsync(chosen, cancellationToken);
        layer["source"] = $"{source.Line} ; contours IGN Admin Express 2018, Licence Ouverte 2.0";
        layer["licence"] = MobileImporter.Licence;
        return TypedResults.File(Encoding.UTF8.GetBytes(layer.ToJsonString()), "application/geo+json", $"mobile-communes-{parsed.ToSlug()}-{code}-{MobileVintage.Format(chosen)}.geojson");
    }

    private static async Task<IResult> WhiteZonesCsvAsync(string kind, string code, MobileQueries queries, CancellationToken cancellationToken, [FromQuery] string? millesime = null)
    {
        var parsed = Parse(kind);
        var (ok, vintage) = await VintageAsync(queries, millesime, cancellationToken);
        if (!ok)
        {
            return BadVintage();
        }

        var at = await queries.AtAsync(parsed, code, vintage, cancellationToken);
        if (at is null)
        {
            return NoData(kind, code);
        }

        var source = await queries.SourceAsync(at.Vintage, cancellationToken);
        var csv = new StringBuilder();
        csv.AppendLine($"# Source : {source.Line}");
        csv.AppendLine("# Règle : zone blanche 4G = commune où aucun opérateur n'annonce de population ni de surface couverte en 4G, quel que soit le niveau");
        csv.AppendLine("code_commune;nom;departement;epci;millesime;population;surface_km2");
        foreach (var w in at.WhiteZones)
        {
            csv.AppendLine(string.Join(';', w.Code, Quote(w.Name), w.DepartementCode, w.EpciCode, MobileVintage.Format(at.Vintage), w.Population, w.AreaKm2.ToString(CultureInfo.InvariantCulture)));
        }

        return Csv(csv, $"zones-blanches-4g-{parsed.ToSlug()}-{code}-{MobileVintage.Format(at.Vintage)}.csv");
    }

    private static async Task<Results<Ok<NewDealResponse>, ProblemHttpResult>> NewDealAsync(string kind, string code, MobileQueries queries, CancellationToken cancellationToken)
    {
        var parsed = Parse(kind);
        var summary = await queries.NewDealAsync(parsed, code, cancellationToken: cancellationToken);
        if (summary is null)
        {
            return TypedResults.Problem(title: "Aucune donnée", detail: "Aucune liste de sites New Deal importée.", statusCode: StatusCodes.Status404NotFound);
        }

        return TypedResults.Ok(new NewDealResponse(kind, code,
            new NewDealCounts(MobileVintage.Format(summary.Vintage), summary.Total, summary.Planned, summary.InService, summary.Late),
            summary.Sites.Select(ToSite).ToList(), ToSource(await queries.SitesSourceAsync(summary.Vintage, cancellationToken))));
    }

    private static SiteValue ToSite(NewDealSiteView v) => new(v.Site.SiteId, v.Site.CommuneCode, v.CommuneName,
        v.Site.Operators.Split(',').Select(MobileOperators.Name).ToList(), v.StatusLabel, v.Late,
        v.Site.DecreeDate?.ToString("yyyy-MM-dd"), v.Site.Deadline?.ToString("yyyy-MM-dd"), v.Site.InServiceDate?.ToString("yyyy-MM-dd"));

    private static async Task<IResult> NewDealCsvAsync(string kind, string code, MobileQueries queries, CancellationToken cancellationToken)
    {
        var parsed = Parse(kind);
        var summary = await queries.NewDealAsync(parsed, code, cancellationToken: cancellationToken);
        if (summary is null)
        {
            return TypedResults.Problem(title: "Aucune donnée", detail: "Aucune liste de sites New Deal importée.", statusCode: StatusCodes.Status404NotFound);
        }

        var source = await queries.SitesSourceAsync(summary.Vintage, cancellationToken);
        var csv = new StringBuilder();
        csv.AppendLine($"# Source : {source.Line}");
        csv.AppendLine("# Règle : « en retard » = site non en service dont l'échéance est antérieure à la fin du trimestre de la liste");
        csv.AppendLine("id_site;code_commune;commune;operateurs;statut;date_arrete;date_echeance;date_mise_en_service;millesime");
        foreach (var s in summary.Sites.Select(ToSite))
        {
            csv.AppendLine(string.Join(';', Quote(s.SiteId), s.CommuneCode, Quote(s.CommuneName), Quote(string.Join(", ", s.Operators)), s.Status, s.DecreeDate, s.Deadline, s.InServiceDate, MobileVintage.Format(summary.Vintage)));
        }

        return Csv(csv, $"new-deal-{parsed.ToSlug()}-{code}-{MobileVintage.Format(summary.Vintage)}.csv");
    }

    public const string NoMeasurementsMessage = "Les mesures participatives ne sont pas encore disponibles sur cette installation : la comparaison sera faite dès qu'elles le seront.";

    private static async Task<(TheoryVsMeasuredResult Result, SourceValue Source)> CompareAsync(TerritoryKind kind, string code, TheoryVsMeasured theory, MobileQueries queries, CancellationToken cancellationToken)
    {
        var result = await theory.CompareAsync(kind, code, cancellationToken: cancellationToken);
        var source = result.Vintage is { } v ? ToSource(await queries.SourceAsync(v, cancellationToken)) : new SourceValue("aucune couverture importée", false, MobileImporter.Licence);
        return (result, source);
    }

    private static TheoryRowValue ToTheory(TheoryVsMeasuredRow r) => new(r.CommuneCode, r.CommuneName, r.Operator, r.OperatorName, Round(r.Announced4GShare),
        r.Measurements, r.Contributors, r.NoService, r.BelowFourG, r.Evidence, r.MedianDownloadMbps, r.Contradiction);

    private static async Task<Ok<TheoryResponse>> TheoryAsync(string kind, string code, TheoryVsMeasured theory, MobileQueries queries, CancellationToken cancellationToken)
    {
        var (result, source) = await CompareAsync(Parse(kind), code, theory, queries, cancellationToken);
        return TypedResults.Ok(new TheoryResponse(kind, code, result.MeasurementsAvailable, result.MeasurementsAvailable ? null : NoMeasurementsMessage,
            result.Vintage is { } v ? MobileVintage.Format(v) : null, result.Rule, result.Contradictions.Count, result.Rows.Select(ToTheory).ToList(), source));
    }

    private static async Task<IResult> TheoryCsvAsync(string kind, string code, TheoryVsMeasured theory, MobileQueries queries, CancellationToken cancellationToken, [FromQuery(Name = "toutes")] bool all = false)
    {
        var parsed = Parse(kind);
        var (result, source) = await CompareAsync(parsed, code, theory, queries, cancellationToken);
        var rule = result.Rule;
        var csv = new StringBuilder();
        csv.AppendLine($"# Couverture annoncée : {source.Line}");
        csv.AppendLine(result.MeasurementsAvailable
            ? "# Mesures : mesures participatives de Scoran, agrégées par commune et opérateur (aucune position individuelle)"
            : $"# Mesures : {NoMeasurementsMessage}");
        csv.AppendLine($"# Règle appliquée (réglages Scoran:Mobile:Contradiction) : contradiction si {rule.Describe()}");
        csv.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"# Seuils : AnnouncedShare={rule.AnnouncedShare};MinMeasurements={rule.MinMeasurements};MinContributors={rule.MinContributors};MinEvidence={rule.MinEvidence};MinEvidenceShare={rule.MinEvidenceShare}"));
        csv.AppendLine("code_commune;commune;operateur;part_pop_4g_annoncee;mesures;contributeurs;sans_service;en_2g_3g;preuves;debit_median_mbits;contradiction");
        foreach (var r in all ? result.Rows : result.Contradictions)
        {
            csv.AppendLine(string.Join(';', r.CommuneCode, Quote(r.CommuneName), Quote(r.OperatorName), Rate(r.Announced4GShare), r.Measurements, r.Contributors, r.NoService, r.BelowFourG, r.Evidence,
                r.MedianDownloadMbps?.ToString("0.0", CultureInfo.InvariantCulture), r.Contradiction ? "oui" : "non"));
        }

        return Csv(csv, $"theorie-mesures-{parsed.ToSlug()}-{code}.csv");
    }

    public sealed record AntennaCountValue(string Operator, string OperatorName, int Sites, int Sites2G, int Sites3G, int Sites4G, int Sites5G);

    public sealed record AntennaResponse(string Kind, string Code, string Vintage, int Sites, int Communes, int CommunesWith4G, IReadOnlyList<AntennaCountValue> ByOperator, SourceValue Source);

    private static async Task<Results<Ok<AntennaResponse>, ProblemHttpResult>> AntennasAsync(string kind, string code, MobileAntennaQueries antennas, CancellationToken cancellationToken)
    {
        var summary = await antennas.SummaryAsync(Parse(kind), code, cancellationToken: cancellationToken);
        if (summary is null)
        {
            return TypedResults.Problem(title: "Aucune donnée", detail: "Aucune liste de sites d'antennes importée.", statusCode: StatusCodes.Status404NotFound);
        }

        return TypedResults.Ok(new AntennaResponse(kind, code, MobileVintage.Format(summary.Vintage), summary.Total, summary.Communes, summary.CommunesWith4G,
            summary.ByOperator.Select(o => new AntennaCountValue(o.Operator, o.OperatorName, o.Sites, o.Sites2G, o.Sites3G, o.Sites4G, o.Sites5G)).ToList(),
            ToSource(summary.Source)));
    }

    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public sealed record AntennaCommuneValue(string Code, string Name, int Sites);

    public sealed record AntennaCommunesResponse(string Kind, string Code, string Vintage, string? Operator, string? OperatorName, string? Technology, int Sites, int Max,
        IReadOnlyList<AntennaCommuneValue> Communes, SourceValue Source);

    private static ProblemHttpResult NoAntennas() =>
        TypedResults.Problem(title: "Aucune donnée", detail: "Aucune liste de sites d'antennes importée.", statusCode: StatusCodes.Status404NotFound);

    private static async Task<Results<Ok<AntennaCommunesResponse>, ProblemHttpResult, ValidationProblem>> AntennaCommunesAsync(
        string kind, string code, MobileAntennaQueries antennas, CancellationToken cancellationToken,
        [FromQuery(Name = "operateur")] string? op = null, [FromQuery(Name = "technologie")] string? technology = null)
    {
        var errors = new Dictionary<string, string[]>();
        string? opId = null, tech = null;
        if (!string.IsNullOrWhiteSpace(op) && (opId = MobileOperators.Resolve(op, null)) is null)
        {
            errors["operateur"] = ["Opérateur attendu : orange, sfr, bouygues ou free (ou rien pour tous)."];
        }

        if (!string.IsNullOrWhiteSpace(technology) && (tech = MobileTechnologies.Resolve(technology)) is null)
        {
            errors["technologie"] = ["Technologie attendue : 2G, 3G, 4G ou 5G (ou rien pour toutes)."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var communes = await antennas.CommunesAsync(Parse(kind), code, cancellationToken: cancellationToken);
        if (communes is null || communes.Communes.Count == 0)
        {
            return communes is null ? NoAntennas() : NoData(kind, code);
        }

        var values = communes.Filter(opId, tech);
        return TypedResults.Ok(new AntennaCommunesResponse(kind, code, MobileVintage.Format(communes.Vintage), opId, opId is null ? null : MobileOperators.Name(opId), tech,
            values.Sum(v => v.Sites), values.Select(v => v.Sites).DefaultIfEmpty(0).Max(),
            values.Select(v => new AntennaCommuneValue(v.Code, v.Name, v.Sites)).ToList(), ToSource(communes.Source)));
    }

    private static async Task<IResult> AntennaCsvAsync(string kind, string code, MobileAntennaQueries antennas, CancellationToken cancellationToken)
    {
        var parsed = Parse(kind);
        var communes = await antennas.CommunesAsync(parsed, code, cancellationToken: cancellationToken);
        if (communes is null || communes.Communes.Count == 0)
        {
            return communes is null ? NoAntennas() : NoData(kind, code);
        }

        return Csv(new StringBuilder(MobileAntennaExport.Csv(communes)), $"antennes-{parsed.ToSlug()}-{code}-{MobileVintage.Format(communes.Vintage)}.csv");
    }

    private static async Task<IResult> AntennaXlsxAsync(string kind, string code, MobileAntennaQueries antennas, CancellationToken cancellationToken)
    {
        var parsed = Parse(kind);
        var communes = await antennas.CommunesAsync(parsed, code, cancellationToken: cancellationToken);
        if (communes is null || communes.Communes.Count == 0)
        {
            return communes is null ? NoAntennas() : NoData(kind, code);
        }

        return TypedResults.File(MobileAntennaExport.Xlsx(communes), XlsxType, $"antennes-{parsed.ToSlug()}-{code}-{MobileVintage.Format(communes.Vintage)}.xlsx");
    }
}
