using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Scoran.Observatory.Measurements;
using Scoran.Web.Shared;

namespace Scoran.Web.Observatory.Measurements;

/// <summary>Aggregates out: per commune (JSON, CSV) and per ~1 km cell (GeoJSON), only above k contributors.</summary>
public static partial class MeasurementsApi
{
    private static bool TryPeriod(string? from, string? to, out DateTimeOffset? start, out DateTimeOffset? end, out Dictionary<string, string[]> errors)
    {
        errors = [];
        start = end = null;
        if (from is not null)
        {
            if (DateOnly.TryParseExact(from, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && Scoran.Core.Security.InputLimits.IsInRange(d))
            {
                start = new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            }
            else
            {
                errors["de"] = [Scoran.Core.Security.InputLimits.DateMessage];
            }
        }

        if (to is not null)
        {
            if (DateOnly.TryParseExact(to, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && Scoran.Core.Security.InputLimits.IsInRange(d))
            {
                end = new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddDays(1);
            }
            else
            {
                errors["a"] = [Scoran.Core.Security.InputLimits.DateMessage];
            }
        }

        return errors.Count == 0;
    }

    /// <summary>
    /// The operator and technology filter shared by the cells and the communes: unknown values are
    /// field errors (never silently ignored, which would publish the unfiltered figures as filtered).
    /// </summary>
    private static (string? Operator, string? Technology) TryMeasurementFilter(string? operatorCode, string? technology, Dictionary<string, string[]> errors)
    {
        if (operatorCode is { Length: > 0 } && !MeasurementRules.Operators.ContainsKey(operatorCode))
        {
            errors["operateur"] = ["Code MCC-MNC attendu : 20801, 20810, 20815 ou 20820."];
        }

        if (technology is { Length: > 0 } && !MeasurementRules.Technologies.Contains(technology, StringComparer.OrdinalIgnoreCase))
        {
            errors["technologie"] = ["Technologie attendue : 2G, 3G, 4G, 5G ou aucune."];
        }

        return (operatorCode is { Length: > 0 } ? operatorCode : null, technology is { Length: > 0 } ? MeasurementRules.NormaliseTechnology(technology) : null);
    }

    private static async Task<(MeasurementSummary? Summary, Dictionary<string, string[]> Errors)> FilteredSummaryAsync(MeasurementQueries queries,
        string? territory, string? from, string? to, string? operatorCode, string? technology, CancellationToken cancellationToken)
    {
        TryPeriod(from, to, out var start, out var end, out var errors);
        var (op, tech) = TryMeasurementFilter(operatorCode, technology, errors);
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var (kind, code) = MeasurementQueries.ParseTerritory(territory);
        return (await queries.FilteredSummaryAsync(kind, code, op, tech, start, end, cancellationToken), errors);
    }

    private static async Task<Results<Ok<MeasurementSummary>, ValidationProblem>> CommunesAsync(MeasurementQueries queries, CancellationToken cancellationToken,
        [FromQuery(Name = "territoire")] string? territory = null, [FromQuery(Name = "de")] string? from = null, [FromQuery(Name = "a")] string? to = null,
        [FromQuery(Name = "operateur")] string? operatorCode = null, [FromQuery(Name = "technologie")] string? technology = null)
    {
        var (summary, errors) = await FilteredSummaryAsync(queries, territory, from, to, operatorCode, technology, cancellationToken);
        return summary is null ? TypedResults.ValidationProblem(errors) : TypedResults.Ok(summary);
    }

    private static async Task<IResult> CommunesCsvAsync(MeasurementQueries queries, CancellationToken cancellationToken,
        [FromQuery(Name = "territoire")] string? territory = null, [FromQuery(Name = "de")] string? from = null, [FromQuery(Name = "a")] string? to = null,
        [FromQuery(Name = "operateur")] string? operatorCode = null, [FromQuery(Name = "technologie")] string? technology = null)
    {
        var (summary, errors) = await FilteredSummaryAsync(queries, territory, from, to, operatorCode, technology, cancellationToken);
        if (summary is null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var csv = MeasurementExports.CommunesCsv(summary, operatorCode, technology);
        return CsvFile.Result(csv, "mesures-mobiles-communes.csv");
    }

    private static async Task<IResult> CellsAsync(MeasurementQueries queries, CancellationToken cancellationToken, [FromQuery(Name = "territoire")] string? territory = null,
        [FromQuery(Name = "operateur")] string? operatorCode = null, [FromQuery(Name = "technologie")] string? technology = null, [FromQuery(Name = "campagne")] string? campaign = null)
    {
        var errors = new Dictionary<string, string[]>();
        var (op, tech) = TryMeasurementFilter(operatorCode, technology, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var (kind, code) = MeasurementQueries.ParseTerritory(territory);
        var selection = await queries.CellSelectionAsync(kind, code, op, tech, campaign is { Length: > 0 } ? campaign : null, cancellationToken);
        var features = selection.Cells.Select(c => new
        {
            type = "Feature",
            geometry = new
            {
                type = "Polygon",
                coordinates = new[] { new[] { new[] { c.West, c.South }, [c.East, c.South], [c.East, c.North], [c.West, c.North], [c.West, c.South] } },
            },
            properties = new { maille = c.CellId, mesures = c.Measurements, contributeurs = c.Contributors, debitDescendantMedianMbps = c.MedianDownloadMbps },
        });
        // Foreign members (allowed by RFC 7946) tell the map how many cells of the selection stay masked.
        return Results.Bytes(JsonSerializer.SerializeToUtf8Bytes(new { type = "FeatureCollection", features, k = selection.MinimumContributors, maillesMasquees = selection.HiddenCells }, Json),
            "application/geo+json");
    }
}
