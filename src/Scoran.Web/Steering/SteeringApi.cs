using Microsoft.AspNetCore.Http.HttpResults;
using Scoran.Accounts;
using Scoran.Steering;
using Scoran.Steering.Model;

namespace Scoran.Web.Steering;

/// <summary>
/// /api/steering: strategies (tree with progress, export and import), indicators, meetings and
/// reviews. Reading is public; every write needs its role. Writes take JSON bodies only, which a
/// cross-site form cannot send, so the session cookie cannot be borrowed to forge them.
/// </summary>
public static partial class SteeringApi
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
