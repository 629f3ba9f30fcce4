using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Scoran.Observatory.Mobile;
using Scoran.Observatory.Targets;
using Scoran.Territories.Model;
using Scoran.Web.Shared;

namespace Scoran.Web.Observatory.Mobile;

/// <summary>Announced coverage of a territory: figures, breakdown, commune layer, 4G white zones.</summary>
public static partial class MobileApi
{
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
                Round(t.ProjectedAtDeadline), t.ProjectedReachDate?.ToString("yyyy-MM-dd"), TrajectoryStatuses.Label(t.Status).ToLowerInvariant(), t.Target.Source)).ToList(),
            newDeal is null ? null : new NewDealCounts(MobileVintage.Format(newDeal.Vintage), newDeal.Total, newDeal.Planned, newDeal.InService, newDeal.Late),
            ToSource(await queries.SourceAsync(at.Vintage, cancellationToken))));
    }

    private static async Task<Results<Ok<IReadOnlyList<BreakdownValue>>, ProblemHttpResult, ValidationProblem>> BreakdownAsync(
        string kind, string code, MobileQueries queries, CancellationToken cancellationToken, [FromQuery] string? level = null, [FromQuery] string? millesime = null)
    {
        var (breakdown, problem, invalid) = await ReadBreakdownAsync(kind, code, level, millesime, queries, cancellationToken);
        return invalid is not null ? invalid
            : problem is not null ? problem
            : TypedResults.Ok<IReadOnlyList<BreakdownValue>>(breakdown!.Rows.Select(ToBreakdown).ToList());
    }

    /// <summary>A territory's breakdown by child level, as the JSON and CSV answers share it.</summary>
    private sealed record Breakdown(TerritoryKind Kind, int Vintage, IReadOnlyList<MobileBreakdownRow> Rows);

    /// <summary>Reads the level and vintage asked for, then the rows: one rule for the JSON and the CSV answers.</summary>
    private static async Task<(Breakdown? Breakdown, ProblemHttpResult? Problem, ValidationProblem? Invalid)> ReadBreakdownAsync(
        string kind, string code, string? level, string? millesime, MobileQueries queries, CancellationToken cancellationToken)
    {
        var parsed = Parse(kind);
        var child = ChildOf(parsed, level, out var invalid);
        if (invalid)
        {
            return (null, null, BadLevel());
        }

        var (ok, vintage) = await VintageAsync(queries, millesime, cancellationToken);
        if (!ok)
        {
            return (null, null, BadVintage());
        }

        var chosen = vintage ?? (await queries.VintagesAsync(cancellationToken)).LastOrDefault();
        if (child is null || chosen == 0)
        {
            return (null, NoData(kind, code), null);
        }

        return (new Breakdown(parsed, chosen, await queries.BreakdownAsync(parsed, code, child.Value, chosen, cancellationToken)), null, null);
    }

    private static BreakdownValue ToBreakdown(MobileBreakdownRow r)
    {
        var i = r.Indicators;
        // For a single commune, the number of operators present; for a group, the largest count of its communes is not meaningful, so the share of communes with 4 operators is in the CSV instead.
        var operators = i.Presence.Where(p => p.Communes > 0).Select(p => p.Operators).DefaultIfEmpty(0).Max();
        return new BreakdownValue(r.Code, r.Name, Round(i.AtLeastOneOperator4G.PopulationRate), i.AtLeastOneOperator4G.PopulationCovered, i.Population, i.AreaKm2, operators, i.WhiteZones.Count > 0 && i.Communes == i.WhiteZones.Count);
    }

    private static async Task<IResult> BreakdownCsvAsync(
        string kind, string code, MobileQueries queries, CancellationToken cancellationToken, [FromQuery] string? level = null, [FromQuery] string? millesime = null)
    {
        var (breakdown, problem, invalid) = await ReadBreakdownAsync(kind, code, level, millesime, queries, cancellationToken);
        if (invalid is not null || problem is not null)
        {
            return (IResult?)invalid ?? problem!;
        }

        var source = await queries.SourceAsync(breakdown!.Vintage, cancellationToken);
        return CsvFile.Result(MobileExports.BreakdownCsv(breakdown.Rows, breakdown.Vintage, source),
            $"mobile-{breakdown.Kind.ToSlug()}-{code}-{MobileVintage.Format(breakdown.Vintage)}.csv");
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
        return CsvFile.Result(MobileExports.WhiteZonesCsv(at, source), $"zones-blanches-4g-{parsed.ToSlug()}-{code}-{MobileVintage.Format(at.Vintage)}.csv");
    }
}
