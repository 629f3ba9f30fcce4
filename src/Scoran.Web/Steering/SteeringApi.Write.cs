using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Scoran.Accounts;
using Scoran.Core.Imports;
using Scoran.Steering;
using Scoran.Steering.Exchange;
using Scoran.Steering.Model;
using Scoran.Steering.Reviews;

namespace Scoran.Web.Steering;

/// <summary>Writes, each behind its role: strategy import, meetings, reviews, indicator values and targets, budget lines, milestones.</summary>
public static partial class SteeringApi
{
    private static async Task<IResult> ImportAsync(HttpRequest request, HttpContext context, StrategyStore store, CancellationToken cancellationToken)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, cancellationToken);
        try
        {
            var document = StrategyFiles.ReadJson("document", body.ToArray());
            var report = await store.ImportAsync(document, "API", context.User.Identity!.Name!, cancellationToken);
            return report.Skipped ? TypedResults.Ok(report) : TypedResults.Created($"/api/steering/strategies/{report.Code}", report);
        }
        catch (ImportRejectedException ex)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["document"] = ex.Errors.Select(e => e.ToString()).ToArray() },
                title: "Document de stratégie refusé : rien n'a été enregistré.");
        }
    }

    private static async Task<Results<Created<MeetingResponse>, ValidationProblem>> CreateMeetingAsync(
        string code, MeetingRequest request, HttpContext context, SteeringService service, SteeringQueries queries, CancellationToken cancellationToken)
    {
        var (meeting, errors) = await service.CreateMeetingAsync(code, new MeetingInput(request.Date, request.Committee, string.Join("\n", request.Attendees ?? [])), context.User.Identity!.Name!, cancellationToken);
        if (meeting is null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        return TypedResults.Created($"/api/steering/meetings/{meeting.Id}", ToResponse((await queries.ReportAsync(meeting.Id, cancellationToken))!));
    }

    private static async Task<Results<Ok<ReviewResponse>, ValidationProblem>> ReviewAsync(long id, ReviewRequest request, HttpContext context, SteeringService service, CancellationToken cancellationToken)
    {
        var (review, errors) = await service.RecordReviewAsync(id, new ReviewInput(request.ActionCode ?? "", request.Progress, request.Rag, request.Comment, request.Decision, request.DecidedBy),
            context.User.Identity!.Name!, cancellationToken);
        return review is null ? TypedResults.ValidationProblem(errors) : TypedResults.Ok(ToResponse(review, request.ActionCode!));
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> AddValueAsync(
        string code, string indicator, ValueRequest request, HttpContext context, SteeringQueries queries, SteeringService service, UserManager<ScoranUser> users, CancellationToken cancellationToken)
    {
        if (await queries.IndicatorAsync(code, indicator, cancellationToken) is not { } view)
        {
            return NotFound($"{code}/{indicator}");
        }

        // Security review F6: an editor writes only for indicators under its organisation's actions, unless administrator.
        if (!await service.CanWriteIndicatorValuesAsync(view.Indicator.Id, (await users.GetUserAsync(context.User))?.Organisation, context.User.IsInRole(ScoranRoles.Administrator), cancellationToken))
        {
            return TypedResults.Problem(title: "Indicateur d'une autre organisation",
                detail: "Un éditeur ne saisit que les valeurs des indicateurs dont son organisation porte au moins une action.", statusCode: StatusCodes.Status403Forbidden);
        }

        var errors = await service.AddIndicatorValueAsync(view.Indicator.Id, request.Date, request.Value, request.Source, context.User.Identity!.Name!, cancellationToken);
        return errors.Count > 0 ? TypedResults.ValidationProblem(errors) : TypedResults.NoContent();
    }

    private static Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> AddBudgetAsync(
        string code, string action, BudgetRequest request, HttpContext context, SteeringQueries queries, SteeringService service, UserManager<ScoranUser> users, CancellationToken cancellationToken) =>
        OnOwnActionAsync(code, action, context, queries, users, cancellationToken,
            async id => await service.AddBudgetLineAsync(id, request.Year, request.Funder, request.Planned, request.Committed, request.Spent, context.User.Identity!.Name!, cancellationToken));

    private static Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> AddMilestoneAsync(
        string code, string action, MilestoneRequest request, HttpContext context, SteeringQueries queries, SteeringService service, UserManager<ScoranUser> users, CancellationToken cancellationToken) =>
        OnOwnActionAsync(code, action, context, queries, users, cancellationToken,
            async id => await service.AddMilestoneAsync(id, request.Title, request.PlannedDate, request.ActualDate, context.User.Identity!.Name!, cancellationToken));

    private static Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> UpdateBudgetAsync(string code, string action, long id, BudgetRequest request,
        HttpContext context, SteeringQueries queries, SteeringService service, UserManager<ScoranUser> users, CancellationToken cancellationToken) =>
        OnOwnActionAsync(code, action, context, queries, users, cancellationToken,
            async actionId => await service.UpdateBudgetLineAsync(actionId, id, request.Year, request.Funder, request.Planned, request.Committed, request.Spent, context.User.Identity!.Name!, cancellationToken));

    private static Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> RemoveBudgetAsync(string code, string action, long id,
        HttpContext context, SteeringQueries queries, SteeringService service, UserManager<ScoranUser> users, CancellationToken cancellationToken) =>
        OnOwnActionAsync(code, action, context, queries, users, cancellationToken,
            async actionId => await service.RemoveBudgetLineAsync(actionId, id, context.User.Identity!.Name!, cancellationToken) ? new SteeringValidation() : null);

    private static Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> UpdateMilestoneAsync(string code, string action, long id, MilestoneRequest request,
        HttpContext context, SteeringQueries queries, SteeringService service, UserManager<ScoranUser> users, CancellationToken cancellationToken) =>
        OnOwnActionAsync(code, action, context, queries, users, cancellationToken,
            async actionId => await service.UpdateMilestoneAsync(actionId, id, request.Title, request.PlannedDate, request.ActualDate, context.User.Identity!.Name!, cancellationToken));

    private static Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> RemoveMilestoneAsync(string code, string action, long id,
        HttpContext context, SteeringQueries queries, SteeringService service, UserManager<ScoranUser> users, CancellationToken cancellationToken) =>
        OnOwnActionAsync(code, action, context, queries, users, cancellationToken,
            async actionId => await service.RemoveMilestoneAsync(actionId, id, context.User.Identity!.Name!, cancellationToken) ? new SteeringValidation() : null);

    private static async Task<Results<Ok<IReadOnlyList<TargetResponse>>, ProblemHttpResult>> TargetsAsync(string code, string indicator, SteeringQueries queries, Accounts.AuthorDisplay authors, CancellationToken cancellationToken)
    {
        if (await queries.IndicatorAsync(code, indicator, cancellationToken) is not { } view)
        {
            return NotFound($"{code}/{indicator}");
        }

        // Target authors: e-mail addresses for signed-in staff only (security review F12).
        var targets = new List<TargetResponse>();
        foreach (var t in view.Indicator.Targets.OrderBy(t => t.Date))
        {
            targets.Add(new TargetResponse(t.Id, t.Date, t.Value, await authors.NameAsync(t.Author)));
        }

        return TypedResults.Ok<IReadOnlyList<TargetResponse>>(targets);
    }

    private static Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> AddTargetAsync(string code, string indicator, TargetRequest request,
        HttpContext context, SteeringQueries queries, SteeringService service, CancellationToken cancellationToken) =>
        OnIndicatorAsync(code, indicator, queries, cancellationToken,
            async indicatorId => await service.AddTargetAsync(indicatorId, request.Date, request.Value, context.User.Identity!.Name!, cancellationToken));

    private static Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> UpdateTargetAsync(string code, string indicator, long id, TargetRequest request,
        HttpContext context, SteeringQueries queries, SteeringService service, CancellationToken cancellationToken) =>
        OnIndicatorAsync(code, indicator, queries, cancellationToken,
            async indicatorId => await service.UpdateTargetAsync(indicatorId, id, request.Date, request.Value, context.User.Identity!.Name!, cancellationToken));

    private static Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> RemoveTargetAsync(string code, string indicator, long id,
        HttpContext context, SteeringQueries queries, SteeringService service, CancellationToken cancellationToken) =>
        OnIndicatorAsync(code, indicator, queries, cancellationToken,
            async indicatorId => await service.RemoveTargetAsync(indicatorId, id, context.User.Identity!.Name!, cancellationToken) ? new SteeringValidation() : null);

    /// <summary>Null from the write means the target point is not one of this indicator's: 404.</summary>
    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> OnIndicatorAsync(string code, string indicator, SteeringQueries queries,
        CancellationToken cancellationToken, Func<long, Task<SteeringValidation?>> write)
    {
        if (await queries.IndicatorAsync(code, indicator, cancellationToken) is not { } view)
        {
            return NotFound($"{code}/{indicator}");
        }

        var errors = await write(view.Indicator.Id);
        return errors is null ? NotFound("point de cible") : errors.Count > 0 ? TypedResults.ValidationProblem(errors) : TypedResults.NoContent();
    }

    /// <summary>An editor writes only to the actions their organisation leads (compared with the action's porteur); administrators to all.</summary>
    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> OnOwnActionAsync(string code, string action, HttpContext context,
        SteeringQueries queries, UserManager<ScoranUser> users, CancellationToken cancellationToken, Func<long, Task<SteeringValidation?>> write)
    {
        if (await queries.ActionAsync(code, action, cancellationToken) is not { Action.Level: NodeLevel.Action } view)
        {
            return NotFound($"{code}/{action}");
        }

        var administrator = context.User.IsInRole(ScoranRoles.Administrator);
        if (!SteeringService.CanEdit(view.Action, (await users.GetUserAsync(context.User))?.Organisation, administrator))
        {
            return TypedResults.Problem(title: "Action d'une autre organisation", detail: "Un éditeur ne modifie que les actions dont son organisation est porteuse.",
                statusCode: StatusCodes.Status403Forbidden);
        }

        // Null: the line or milestone is not one of this action's.
        var errors = await write(view.Action.Id);
        return errors is null ? NotFound("ligne ou jalon") : errors.Count > 0 ? TypedResults.ValidationProblem(errors) : TypedResults.NoContent();
    }
}
