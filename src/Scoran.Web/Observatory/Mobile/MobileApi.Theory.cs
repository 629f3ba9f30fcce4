using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Scoran.Observatory.Mobile;
using Scoran.Territories.Model;
using Scoran.Web.Shared;

namespace Scoran.Web.Observatory.Mobile;

/// <summary>Announced coverage against crowdsourced measurements, JSON and CSV.</summary>
public static partial class MobileApi
{
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
        return TypedResults.Ok(new TheoryResponse(kind, code, result.MeasurementsAvailable, result.MeasurementsAvailable ? null : MobileExports.NoMeasurementsMessage,
            result.Vintage is { } v ? MobileVintage.Format(v) : null, result.Rule, result.Contradictions.Count, result.Rows.Select(ToTheory).ToList(), source));
    }

    private static async Task<IResult> TheoryCsvAsync(string kind, string code, TheoryVsMeasured theory, MobileQueries queries, CancellationToken cancellationToken, [FromQuery(Name = "toutes")] bool all = false)
    {
        var parsed = Parse(kind);
        var (result, source) = await CompareAsync(parsed, code, theory, queries, cancellationToken);
        return CsvFile.Result(MobileExports.TheoryCsv(result, source.Line, all), $"theorie-mesures-{parsed.ToSlug()}-{code}.csv");
    }
}
