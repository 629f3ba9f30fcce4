using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Scoran.Observatory.Mobile;
using Scoran.Territories.Model;
using Scoran.Web.Shared;

namespace Scoran.Web.Observatory.Mobile;

/// <summary>Antenna sites of a territory: counts per operator and per commune, CSV and XLSX (never a position).</summary>
public static partial class MobileApi
{
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

        return CsvFile.Result(MobileAntennaExport.Csv(communes), $"antennes-{parsed.ToSlug()}-{code}-{MobileVintage.Format(communes.Vintage)}.csv");
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
