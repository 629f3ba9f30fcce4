using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Scoran.Accounts;
using Scoran.Core.Imports;
using Scoran.Steering;
using Scoran.Steering.Exchange;
using Scoran.Steering.Indicators;
using Scoran.Steering.Model;
using Scoran.Steering.Reviews;

namespace Scoran.Web.Api;

/// <summary>
/// /api/steering: strategies (tree with progress, export and import), indicators, meetings and
/// reviews. Reading is public; every write needs its role. Writes take JSON bodies only, which a
/// cross-site form cannot send, so the session cookie cannot be borrowed to forge them.
/// </summary>
public static class SteeringApi
{
    public static IEndpointRouteBuilder MapSteeringApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/steering").WithTags("Pilotage");
        api.MapGet("/strategies", ListAsync).WithName("ListStrategies").WithSummary("Stratégies chargées, avec leur avancement global.");
        api.MapGet("/strategies/{code}", TreeAsync).WithName("GetStrategyTree").WithSummary("Arborescence d'une stratégie avec l'avancement de chaque nœud.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/strategies/{code}/export.{format:regex(^(json|csv|xlsx)$)}", ExportAsync).WithName("ExportStrategy")
            .WithSummary("Export d'une stratégie : JSON (complet), CSV (arborescence), XLSX (complet).")
            .Produces(200, contentType: "application/json").Produces(200, contentType: "text/csv").ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/strategies/{code}/indicators/{indicator}", IndicatorAsync).WithName("GetStrategyIndicator")
            .WithSummary("Un indicateur : série, trajectoire, projection et statut.").ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/meetings/{id:long}", MeetingAsync).WithName("GetMeeting").WithSummary("Une séance du comité et ses revues.").ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/meetings/{id:long}/revue.xlsx", ReviewXlsxAsync).WithName("GetMeetingReviewXlsx").WithSummary("La revue complète d'une séance en XLSX.")
            .Produces(200, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/meetings/{id:long}/{document:regex(^(compte-rendu|ordre-du-jour)$)}.pdf", PdfAsync).WithName("GetMeetingPdf")
            .WithSummary("Le compte rendu ou l'ordre du jour d'une séance en PDF (imprimé par Chromium depuis la page HTML).")
            .Produces(200, contentType: "application/pdf").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        api.MapPost("/strategies", ImportAsync).WithName("ImportStrategy").WithSummary("Charge un document de stratégie Scoran (JSON) : création, révision ou rien si identique.")
            .RequireAuthorization(p => p.RequireRole(ScoranRoles.Administrator)).ProducesValidationProblem();
        api.MapPost("/strategies/{code}/meetings", CreateMeetingAsync).WithName("CreateMeeting").WithSummary("Enregistre une séance du comité de pilotage.")
            .RequireAuthorization(ScoranPolicies.ReviewActions).ProducesValidationProblem();
        api.MapPost("/meetings/{id:long}/reviews", ReviewAsync).WithName("RecordReview").WithSummary("Enregistre (ou corrige) la revue d'une action lors d'une séance.")
            .RequireAuthorization(ScoranPolicies.ReviewActions).ProducesValidationProblem();
        api.MapPost("/strategies/{code}/indicators/{indicator}/values", AddValueAsync).WithName("AddIndicatorValue").WithSummary("Saisit une valeur d'un indicateur manuel.")
            .RequireAuthorization(ScoranPolicies.EditStrategy).ProducesValidationProblem();
        api.MapPost("/strategies/{code}/actions/{action}/budget", AddBudgetAsync).WithName("AddBudgetLine").WithSummary("Ajoute une ligne budgétaire à une action de son organisation.")
            .RequireAuthorization(ScoranPolicies.EditStrategy).ProducesValidationProblem();
        api.MapPost("/strategies/{code}/actions/{action}/milestones", AddMilestoneAsync).WithName("AddMilestone").WithSummary("Ajoute un jalon à une action de son organisation.")
            .RequireAuthorization(ScoranPolicies.EditStrategy).ProducesValidationProblem();
        api.MapPut("/strategies/{code}/actions/{action}/budget/{id:long}", UpdateBudgetAsync).WithName("UpdateBudgetLine")
            .WithSummary("Corrige une ligne budgétaire d'une action de son organisation.").RequireAuthorization(ScoranPolicies.EditStrategy).ProducesValidationProblem().ProducesProblem(404);
        api.MapDelete("/strategies/{code}/actions/{action}/budget/{id:long}", RemoveBudgetAsync).WithName("RemoveBudgetLine")
            .WithSummary("Supprime une ligne budgétaire (la ligne reste dans le journal d'audit).").RequireAuthorization(ScoranPolicies.EditStrategy).ProducesProblem(404);
        api.MapPut("/strategies/{code}/actions/{action}/milestones/{id:long}", UpdateMilestoneAsync).WithName("UpdateMilestone")
            .WithSummary("Corrige un jalon (intitulé, date prévue, date réelle) d'une action de son organisation.").RequireAuthorization(ScoranPolicies.EditStrategy).ProducesValidationProblem().ProducesProblem(404);
        api.MapDelete("/strategies/{code}/actions/{action}/milestones/{id:long}", RemoveMilestoneAsync).WithName("RemoveMilestone")
            .WithSummary("Supprime un jalon (il reste dans le journal d'audit).").RequireAuthorization(ScoranPolicies.EditStrategy).ProducesProblem(404);
        api.MapGet("/strategies/{code}/indicators/{indicator}/targets", TargetsAsync).WithName("ListIndicatorTargets")
            .WithSummary("Les points de cible d'un indicateur (trajectoire visée).").ProducesProblem(404);
        api.MapPost("/strategies/{code}/indicators/{indicator}/targets", AddTargetAsync).WithName("AddIndicatorTarget")
            .WithSummary("Ajoute un point de cible (date, valeur) à un indicateur.").RequireAuthorization(ScoranPolicies.ReviewActions).ProducesValidationProblem().ProducesProblem(404);
        api.MapPut("/strategies/{code}/indicators/{indicator}/targets/{id:long}", UpdateTargetAsync).WithName("UpdateIndicatorTarget")
            .WithSummary("Corrige un point de cible d'un indicateur.").RequireAuthorization(ScoranPolicies.ReviewActions).ProducesValidationProblem().ProducesProblem(404);
        api.MapDelete("/strategies/{code}/indicators/{indicator}/targets/{id:long}", RemoveTargetAsync).WithName("RemoveIndicatorTarget")
            .WithSummary("Supprime un point de cible d'un indicateur.").RequireAuthorization(ScoranPolicies.ReviewActions).ProducesProblem(404);
        return app;
    }

    public sealed record StrategyItem(string Code, string Title, string? ShortTitle, string? Issuer, string? Date, int Revision, decimal? Progress, IReadOnlyDictionary<string, int> Counts);

    public sealed record TreeNode(string Code, string? ParentCode, NodeLevel Level, string Title, ActionStatus Status, decimal? Progress, string? Porteur, string? ClosedReason);

    public sealed record TreeResponse(string Code, string Title, int Revision, IReadOnlyList<TreeNode> Nodes, IReadOnlyList<IndicatorResponse> Indicators);

    public sealed record IndicatorResponse(string Code, string Title, string Unit, IndicatorDirection Direction, IndicatorKind Kind, decimal? TargetValue, DateOnly? TargetDate,
        decimal? Current, DateOnly? AsOf, decimal? ProjectedAtTargetDate, DateOnly? ProjectedReachDate, IndicatorStatus Status, IReadOnlyList<IndicatorPoint> Series);

    public sealed record ReviewResponse(string ActionCode, decimal Progress, int DaysLate, decimal BudgetPlanned, decimal BudgetCommitted, decimal BudgetSpent, Rag Rag,
        string? Comment, ReviewDecision Decision, string DecidedBy);

    public sealed record MeetingResponse(long Id, string Strategy, DateOnly Date, string Committee, IReadOnlyList<string> Attendees, bool Demonstration, IReadOnlyList<ReviewResponse> Reviews);

    public sealed record MeetingRequest(DateOnly? Date, string? Committee, IReadOnlyList<string>? Attendees);

    public sealed record ReviewRequest(string? ActionCode, decimal? Progress, Rag? Rag, string? Comment, ReviewDecision? Decision, string? DecidedBy);

    public sealed record ValueRequest(DateOnly? Date, decimal? Value, string? Source);

    public sealed record BudgetRequest(int? Year, string? Funder, decimal? Planned, decimal? Committed, decimal? Spent);

    public sealed record MilestoneRequest(string? Title, DateOnly? PlannedDate, DateOnly? ActualDate);

    public sealed record TargetRequest(DateOnly? Date, decimal? Value);

    public sealed record TargetResponse(long Id, DateOnly Date, decimal Value, string Author);

    private static async Task<IReadOnlyList<StrategyItem>> ListAsync(SteeringQueries queries, CancellationToken cancellationToken) =>
        (await queries.StrategiesAsync(cancellationToken))
        .Select(s => new StrategyItem(s.Strategy.Code, s.Strategy.Title, s.Strategy.ShortTitle, s.Strategy.Issuer, s.Strategy.Date, s.Strategy.Revision, s.Progress,
            s.Counts.ToDictionary(c => c.Key.ToString(), c => c.Value)))
        .ToList();

    private static async Task<Results<Ok<TreeResponse>, ProblemHttpResult>> TreeAsync(string code, SteeringQueries queries, Accounts.AuthorDisplay authors, CancellationToken cancellationToken)
    {
        var tree = await queries.TreeAsync(code, cancellationToken);
        if (tree is null)
        {
            return NotFound(code);
        }

        var name = await authors.ResolverAsync(tree.Indicators.SelectMany(i => i.Series).Select(p => p.Author));

        var codes = tree.Nodes.ToDictionary(n => n.Id, n => n.Code);
        return TypedResults.Ok(new TreeResponse(tree.Strategy.Code, tree.Strategy.Title, tree.Strategy.Revision,
            tree.Nodes.Select(n => new TreeNode(n.Code, n.ParentId is { } p ? codes[p] : null, n.Level, n.Title, n.Status, tree.Progress[n.Id], n.Porteur, n.ClosedReason)).ToList(),
            tree.Indicators.Select(i => ToResponse(i, name)).ToList()));
    }

    private static async Task<IResult> ExportAsync(string code, string format, StrategyStore store, Accounts.AuthorDisplay authors, CancellationToken cancellationToken)
    {
        var document = await store.ExportAsync(code, cancellationToken);
        if (document is null)
        {
            return NotFound(code);
        }

        // Value and target authors: e-mail addresses for signed-in staff only (security review F12).
        var name = await authors.ResolverAsync(document.Indicators.SelectMany(i => i.Values.Select(v => v.Author).Concat((i.Targets ?? []).Select(t => t.Author))));
        document = document with
        {
            Indicators = document.Indicators.Select(i => i with
            {
                Values = i.Values.Select(v => v with { Author = name(v.Author) }).ToList(),
                Targets = i.Targets?.Select(t => t with { Author = name(t.Author) }).ToList(),
            }).ToList(),
        };

        return format switch
        {
            "csv" => Results.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(StrategyCsv.Write(document))).ToArray(), "text/csv; charset=utf-8", $"{code}.csv"),
            "xlsx" => Results.File(StrategyXlsx.Write(document), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"{code}.xlsx"),
            _ => Results.File(StrategyFiles.WriteJson(document), "application/json", $"{code}.json"),
        };
    }

    private static async Task<Results<Ok<IndicatorResponse>, ProblemHttpResult>> IndicatorAsync(string code, string indicator, SteeringQueries queries, Accounts.AuthorDisplay authors, CancellationToken cancellationToken) =>
        await queries.IndicatorAsync(code, indicator, cancellationToken) is { } view
            ? TypedResults.Ok(ToResponse(view, await authors.ResolverAsync(view.Series.Select(p => p.Author))))
            : NotFound($"{code}/{indicator}");

    private static async Task<Results<Ok<MeetingResponse>, ProblemHttpResult>> MeetingAsync(long id, SteeringQueries queries, CancellationToken cancellationToken)
    {
        var report = await queries.ReportAsync(id, cancellationToken);
        return report is null ? NotFound($"séance {id}") : TypedResults.Ok(ToResponse(report));
    }

    private static async Task<IResult> ReviewXlsxAsync(long id, SteeringQueries queries, CancellationToken cancellationToken)
    {
        var report = await queries.ReportAsync(id, cancellationToken);
        return report is null ? NotFound($"séance {id}")
            : Results.File(StrategyXlsx.WriteReview(report), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"revue-{report.Meeting.Date:yyyy-MM-dd}.xlsx");
    }

    private static async Task<IResult> PdfAsync(long id, string document, SteeringQueries queries, Pages.Steering.MinutesPdf pdf, CancellationToken cancellationToken)
    {
        var report = await queries.ReportAsync(id, cancellationToken);
        if (report is null)
        {
            return NotFound($"séance {id}");
        }

        if (!pdf.Available)
        {
            return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Export PDF indisponible",
                detail: $"L'export PDF imprime la page avec Chromium, introuvable ici ({pdf.ChromiumPath}) : installez-le ou réglez Scoran:Pdf:Chromium. La page HTML s'imprime aussi depuis le navigateur.");
        }

        var bytes = await pdf.PrintAsync($"/pilotage/seances/{id}/{document}", cancellationToken);
        return bytes is null
            ? Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Export PDF en échec", detail: "Chromium n'a pas pu imprimer la page ; la page HTML s'imprime depuis le navigateur.")
            : Results.File(bytes, "application/pdf", $"{document}-{report.Meeting.Date:yyyy-MM-dd}.pdf");
    }

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

    private static IndicatorResponse ToResponse(IndicatorView v, Func<string, string> author) => new(v.Indicator.Code, v.Indicator.Title, v.Indicator.Unit, v.Indicator.Direction, v.Indicator.Kind,
        v.Indicator.TargetValue, v.Indicator.TargetDate, v.Assessment.Current, v.Assessment.AsOf, v.Assessment.ProjectedAtTargetDate, v.Assessment.ProjectedReachDate,
        v.Assessment.Status, v.Series.Select(p => p with { Author = author(p.Author) }).ToList());

    private static MeetingResponse ToResponse(MeetingReport r) => new(r.Meeting.Id, r.Strategy.Code, r.Meeting.Date, r.Meeting.Committee, r.Meeting.Attendees, r.Meeting.Demonstration,
        r.Reviews.Select(x => ToResponse(x.Review, x.Action.Code)).ToList());

    private static ReviewResponse ToResponse(ActionReview r, string code) =>
        new(code, r.Progress, r.DaysLate, r.BudgetPlanned, r.BudgetCommitted, r.BudgetSpent, r.Rag, r.Comment, r.Decision, r.DecidedBy);

    private static ProblemHttpResult NotFound(string what) =>
        TypedResults.Problem(title: "Introuvable", detail: $"Aucun élément « {what} ».", statusCode: StatusCodes.Status404NotFound);
}
