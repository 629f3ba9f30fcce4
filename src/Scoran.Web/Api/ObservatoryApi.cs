using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Scoran.Observatory.Model;
using Scoran.Observatory.Queries;
using Scoran.Territories.Model;

namespace Scoran.Web.Api;

/// <summary>/api/observatory: FttH deployment series and breakdowns, in JSON or CSV, with provenance.</summary>
public static class ObservatoryApi
{
    private const string KindRoute = "{kind:regex(^(region|departement|epci|commune)$)}";

    public static IEndpointRouteBuilder MapObservatoryApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/observatory/ftth").WithTags("Observatoire");
        api.MapGet($"/{KindRoute}/{{code}}", SeriesAsync).WithName("GetFtthSeries")
            .WithSummary("Locaux raccordables FttH, locaux et taux par trimestre pour un territoire (publication la plus récente, ou ?release=).");
        api.MapGet($"/{KindRoute}/{{code}}/breakdown", BreakdownAsync).WithName("GetFtthBreakdown")
            .WithSummary("Couverture FttH des territoires contenus (?level=departement|epci|commune) au trimestre ?trimestre=AAAAT.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesValidationProblem();
        api.MapGet($"/{KindRoute}/{{code}}/communes.geojson", CommuneLayerAsync).WithName("GetFtthCommuneLayer")
            .WithSummary("Couche GeoJSON des communes du territoire avec leurs locaux raccordables, locaux et taux au trimestre ?trimestre=AAAAT, et la source.")
            .Produces(200, contentType: "application/geo+json")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet($"/{KindRoute}/{{code}}/breakdown.csv", BreakdownCsvAsync).WithName("GetFtthBreakdownCsv")
            .WithSummary("Couverture FttH des territoires contenus, au trimestre ?trimestre=AAAAT (ex. 20181), en CSV (séparateur ;).")
            .Produces(200, contentType: "text/csv")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<Results<Ok<FtthSeries>, ProblemHttpResult>> SeriesAsync(
        string kind, string code, FtthQueries queries, CancellationToken cancellationToken, [FromQuery] string? release = null)
    {
        TerritoryKinds.TryParse(kind, out var parsed);
        var series = await queries.SeriesAsync(parsed, code, release, cancellationToken);
        return series is null
            ? TypedResults.Problem(title: "Aucune donnée", detail: $"Aucune donnée FttH pour {kind} {code}.", statusCode: StatusCodes.Status404NotFound)
            : TypedResults.Ok(series);
    }

    public sealed record BreakdownValue(string Code, string Name, long ConnectablePremises, long Premises, decimal? Rate, bool ExceedsPremises);

    private static async Task<Results<Ok<IReadOnlyList<BreakdownValue>>, ProblemHttpResult, ValidationProblem>> BreakdownAsync(
        string kind, string code, FtthQueries queries, CancellationToken cancellationToken,
        [FromQuery(Name = "trimestre")] int? quarterKey = null, [FromQuery] string? level = null)
    {
        TerritoryKinds.TryParse(kind, out var parsed);
        var child = parsed == TerritoryKind.Commune ? parsed : parsed + 1;
        if (level is not null && (!TerritoryKinds.TryParse(level, out child) || child <= parsed))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["level"] = ["Niveau plus fin que le territoire attendu (departement, epci, commune)."] });
        }

        if (await PointAsync(queries, parsed, code, quarterKey, cancellationToken) is not var (series, point))
        {
            return NoBreakdown(kind, code);
        }
        var rows = await queries.BreakdownAsync(parsed, code, child, point.Quarter, series.Release, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<BreakdownValue>>(rows
            .Select(r => new BreakdownValue(r.Code, r.Name, r.ConnectablePremises, r.Premises, r.Coverage.Rate, r.Coverage.ExceedsPremises))
            .ToList());
    }

    private static async Task<IResult> CommuneLayerAsync(
        string kind, string code, FtthQueries queries, Scoran.Territories.Queries.TerritoryQueries territories, CancellationToken cancellationToken,
        [FromQuery(Name = "trimestre")] int? quarterKey = null)
    {
        TerritoryKinds.TryParse(kind, out var parsed);
        if (await PointAsync(queries, parsed, code, quarterKey, cancellationToken) is not var (series, point))
        {
            return NoBreakdown(kind, code);
        }
        var values = (await queries.BreakdownAsync(parsed, code, TerritoryKind.Commune, point.Quarter, series.Release, cancellationToken))
            .ToDictionary(r => r.Code);
        var layer = System.Text.Json.Nodes.JsonNode.Parse(await territories.ContoursGeoJsonAsync(parsed, code, TerritoryKind.Commune, cancellationToken))!.AsObject();
        foreach (var feature in layer["features"]!.AsArray())
        {
            var properties = feature!["properties"]!.AsObject();
            if (values.TryGetValue(properties["code"]!.GetValue<string>(), out var row))
            {
                properties["trimestre"] = point.Quarter.ToString();
                properties["locaux_raccordables"] = row.ConnectablePremises;
                properties["locaux"] = row.Premises;
                properties["taux"] = row.Coverage.Rate;
            }
        }

        // Provenance travels with the layer, as a foreign member of the collection.
        layer["source"] = $"{series.Source.Publisher} — {series.Source.File}, publication {series.Source.Vintage}, {series.Source.Licence}; contours IGN Admin Express 2018, Licence Ouverte 2.0";
        var fileName = $"ftth-communes-{parsed.ToSlug()}-{code}-{point.Quarter.Key}.geojson";
        return TypedResults.File(Encoding.UTF8.GetBytes(layer.ToJsonString()), "application/geo+json", fileName);
    }

    /// <summary>
    /// The latest series of a territory that has parts, and its point at the requested quarter
    /// (the latest one when none or an unknown one is asked); null when there is nothing to break down.
    /// </summary>
    private static async Task<(FtthSeries Series, FtthPoint Point)?> PointAsync(
        FtthQueries queries, TerritoryKind kind, string code, int? quarterKey, CancellationToken cancellationToken)
    {
        var series = kind == TerritoryKind.Commune ? null : await queries.SeriesAsync(kind, code, cancellationToken: cancellationToken);
        return series is null ? null : (series, series.Points.FirstOrDefault(p => p.Quarter.Key == quarterKey) ?? series.Points[^1]);
    }

    private static ProblemHttpResult NoBreakdown(string kind, string code) =>
        TypedResults.Problem(title: "Aucune donnée", detail: $"Aucun détail FttH pour {kind} {code}.", statusCode: StatusCodes.Status404NotFound);

    private static async Task<IResult> BreakdownCsvAsync(
        string kind, string code, FtthQueries queries, CancellationToken cancellationToken, [FromQuery(Name = "trimestre")] int? quarterKey = null)
    {
        TerritoryKinds.TryParse(kind, out var parsed);
        if (await PointAsync(queries, parsed, code, quarterKey, cancellationToken) is not var (series, point))
        {
            return NoBreakdown(kind, code);
        }
        var child = parsed + 1;
        var rows = await queries.BreakdownAsync(parsed, code, child, point.Quarter, series.Release, cancellationToken);
        var csv = new StringBuilder();
        // Provenance travels with the file: source, vintage and licence on the first line.
        csv.AppendLine($"# Source : {series.Source.Publisher} — {series.Source.File}, publication {series.Source.Vintage}, {series.Source.Licence}; trimestre {point.Quarter}");
        csv.AppendLine("niveau;code;nom;trimestre;locaux_raccordables;locaux;taux");
        foreach (var row in rows)
        {
            var rate = row.Coverage.Rate is { } r ? r.ToString("0.0000", CultureInfo.InvariantCulture) : "";
            csv.AppendLine($"{row.Kind.ToSlug()};{row.Code};{Scoran.Core.Text.CsvText.Quoted(row.Name)};{point.Quarter};{row.ConnectablePremises};{row.Premises};{rate}");
        }

        var fileName = $"ftth-{parsed.ToSlug()}-{code}-{point.Quarter.Key}.csv";
        return TypedResults.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray(), "text/csv; charset=utf-8", fileName);
    }
}
