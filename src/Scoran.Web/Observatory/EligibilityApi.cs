using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Scoran.Observatory.Eligibility;

namespace Scoran.Web.Observatory;

/// <summary>/api/eligibility: what is available at an address or a point, from the snapshot held in memory (no database round trip).</summary>
public static class EligibilityApi
{
    /// <summary>The answer for a point (<see cref="Matches"/> empty) or an address (the matches, and the eligibility of the first).</summary>
    public sealed record EligibilityResponse(string? Query, IReadOnlyList<AddressMatch> Matches, EligibilityAtBuilding Building);

    public sealed record CommuneEligibility(string CommuneCode, EligibilityCommuneStat Statistics, EligibilitySource Source);

    public static IEndpointRouteBuilder MapEligibilityApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/eligibility").WithTags("Observatoire");
        api.MapGet("/", Lookup).WithName("GetEligibility")
            .WithSummary("Éligibilité à l'immeuble le plus proche d'un point (?lat=47.32&lon=5.04, WGS84) ou à l'adresse cherchée (?q=12 rue … commune) : " +
                         "technologies et débit maximal, statut FttH, nombre de locaux, solutions sans réseau filaire, source et millésime.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/communes/{code}", CommuneAsync).WithName("GetCommuneEligibility")
            .WithSummary("Sommes du millésime courant pour une commune : locaux par meilleure classe de débit, par technologie, sans réseau filaire.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static Results<Ok<EligibilityResponse>, ProblemHttpResult, ValidationProblem> Lookup(
        EligibilityQueries queries, [FromQuery] string? lat = null, [FromQuery] string? lon = null, [FromQuery] string? q = null)
    {
        var errors = new Dictionary<string, string[]>();
        double latitude = 0, longitude = 0;
        if (q is not null)
        {
            if (lat is not null || lon is not null)
            {
                errors["q"] = ["Donnez soit une adresse (q), soit des coordonnées (lat et lon), pas les deux."];
            }
            else if (q.Trim().Length is < 3 or > 200)
            {
                errors["q"] = ["Adresse de 3 à 200 caractères attendue."];
            }
        }
        else if (lat is null && lon is null)
        {
            errors["q"] = ["Donnez une adresse (q) ou des coordonnées (lat et lon, en degrés WGS84)."];
        }
        else
        {
            if (!double.TryParse(lat, NumberStyles.Float, CultureInfo.InvariantCulture, out latitude) || !Scoran.Core.Security.InputLimits.IsWithin(latitude, 90))
            {
                errors["lat"] = ["Latitude en degrés décimaux attendue, entre -90 et 90 (ex. 47.3220)."];
            }

            if (!double.TryParse(lon, NumberStyles.Float, CultureInfo.InvariantCulture, out longitude) || !Scoran.Core.Security.InputLimits.IsWithin(longitude, 180))
            {
                errors["lon"] = ["Longitude en degrés décimaux attendue, entre -180 et 180 (ex. 5.0415)."];
            }
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (!queries.Available)
        {
            return TypedResults.Problem(title: "Aucune donnée", detail: "Aucune donnée d'éligibilité à l'immeuble n'a été importée.", statusCode: StatusCodes.Status404NotFound);
        }

        if (q is not null)
        {
            var search = queries.Search(q)!;
            return search.Best is null
                ? TypedResults.Problem(title: "Adresse introuvable", detail: $"Aucun immeuble ne correspond à « {q.Trim()} ».", statusCode: StatusCodes.Status404NotFound)
                : TypedResults.Ok(new EligibilityResponse(q.Trim(), search.Matches, search.Best));
        }

        return TypedResults.Ok(new EligibilityResponse(null, [], queries.AtPoint(latitude, longitude)!));
    }

    private static async Task<Results<Ok<CommuneEligibility>, ProblemHttpResult, ValidationProblem>> CommuneAsync(
        string code, EligibilityQueries queries, EligibilityStore store, CancellationToken cancellationToken)
    {
        if (code.Length != 5 || !code.All(char.IsAsciiLetterOrDigit))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["code"] = ["Code INSEE de commune attendu (5 caractères, ex. 21231)."] });
        }

        var stats = await queries.CommuneAsync(code.ToUpperInvariant(), cancellationToken);
        var current = store.Current;
        return stats is null || current is null
            ? TypedResults.Problem(title: "Aucune donnée", detail: $"Pas d'éligibilité à l'immeuble pour la commune {code}.", statusCode: StatusCodes.Status404NotFound)
            : TypedResults.Ok(new CommuneEligibility(stats.CommuneCode, stats, EligibilityQueries.Source(current.Snapshot)));
    }
}
