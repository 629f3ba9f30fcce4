using Microsoft.AspNetCore.Http.HttpResults;
using Scoran.Observatory.Mobile;
using Scoran.Territories.Model;
using Scoran.Web.Shared;

namespace Scoran.Web.Observatory.Mobile;

/// <summary>New Deal sites of a territory, JSON and CSV.</summary>
public static partial class MobileApi
{
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
        return CsvFile.Result(MobileExports.NewDealCsv(summary, source), $"new-deal-{parsed.ToSlug()}-{code}-{MobileVintage.Format(summary.Vintage)}.csv");
    }
}
