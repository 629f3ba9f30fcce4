using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Scoran.Observatory.Measurements;
using Scoran.Web.Shared;

namespace Scoran.Web.Observatory.Measurements;

/// <summary>Campaigns (report, live counters, CSV/XLSX) and contributor tokens.</summary>
public static partial class MeasurementsApi
{
    private static async Task<Results<Ok<CampaignReport>, ProblemHttpResult>> CampaignAsync(string code, MeasurementQueries queries, Accounts.AuthorDisplay authors, CancellationToken cancellationToken) =>
        await queries.CampaignReportAsync(code, cancellationToken) is { } report
            ? TypedResults.Ok(report with { Campaign = await authors.CampaignAsync(report.Campaign) })
            : TypedResults.Problem(title: "Campagne inconnue", detail: $"Aucune campagne {code}.", statusCode: StatusCodes.Status404NotFound);

    private static async Task<Results<Created<MeasurementCampaign>, ValidationProblem>> CreateCampaignAsync(CampaignDraft draft, MeasurementCampaigns campaigns, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var (campaign, errors) = await campaigns.CreateAsync(draft, user.Identity?.Name ?? "inconnu", cancellationToken);
        return errors is not null ? TypedResults.ValidationProblem(errors) : TypedResults.Created($"/api/measurements/campaigns/{campaign!.Code}", campaign);
    }

    private static async Task<Results<Ok<CampaignLive>, ProblemHttpResult>> CampaignLiveAsync(string code, MeasurementQueries queries, TimeProvider clock, CancellationToken cancellationToken) =>
        await queries.CampaignLiveAsync(code, clock.GetUtcNow(), cancellationToken) is { } live ? TypedResults.Ok(live) : UnknownCampaign(code);

    private static async Task<IResult> CampaignReportCsvAsync(string code, MeasurementQueries queries, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await queries.CampaignReportAsync(code, cancellationToken) is not { } report)
        {
            return UnknownCampaign(code);
        }

        var csv = CampaignReportExport.Csv(report, queries.MinimumContributors, clock.GetUtcNow());
        return CsvFile.Result(csv, $"bilan-campagne-{report.Campaign.Code}.csv");
    }

    private static async Task<IResult> CampaignReportXlsxAsync(string code, MeasurementQueries queries, TimeProvider clock, CancellationToken cancellationToken) =>
        await queries.CampaignReportAsync(code, cancellationToken) is { } report
            ? TypedResults.File(CampaignReportExport.Xlsx(report, queries.MinimumContributors, clock.GetUtcNow()), XlsxType, $"bilan-campagne-{report.Campaign.Code}.xlsx")
            : UnknownCampaign(code);

    private static async Task<Results<Ok<ContributorTokenView>, ProblemHttpResult>> RevokeTokenAsync(long id, MeasurementCampaigns campaigns, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        await campaigns.RevokeTokenAsync(id, user.Identity?.Name ?? "inconnu", cancellationToken) is { } token
            ? TypedResults.Ok(token)
            : TypedResults.Problem(title: "Jeton inconnu", detail: $"Aucun jeton n° {id}.", statusCode: StatusCodes.Status404NotFound);

    private static async Task<Results<Ok<ContributorTokenView>, ValidationProblem, ProblemHttpResult>> ReactivateTokenAsync(long id, MeasurementCampaigns campaigns, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        await campaigns.ReactivateTokenAsync(id, user.Identity?.Name ?? "inconnu", cancellationToken) switch
        {
            null => TypedResults.Problem(title: "Jeton inconnu", detail: $"Aucun jeton n° {id}.", statusCode: StatusCodes.Status404NotFound),
            { Error: { } error } => TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["campaign"] = [error] }, title: "Jeton non réactivé"),
            { Token: var token } => TypedResults.Ok(token),
        };

    public sealed record TokenRequest(string? Label, string? Campaign);

    private static async Task<Results<Ok<TokenIssued>, ValidationProblem>> IssueTokenAsync(TokenRequest request, MeasurementCampaigns campaigns, MeasurementQueries queries, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Label) || request.Label.Length > 200)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["label"] = ["Libellé obligatoire (200 caractères au plus)."] });
        }

        if (request.Campaign is not null && (await queries.CampaignsAsync(cancellationToken)).All(c => c.Code != request.Campaign))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["campaign"] = ["Campagne inconnue."] });
        }

        return TypedResults.Ok(new TokenIssued(await campaigns.IssueTokenAsync(request.Label.Trim(), request.Campaign, user.Identity?.Name ?? "inconnu", cancellationToken)));
    }

    public sealed record TokenIssued(string Token);
}
