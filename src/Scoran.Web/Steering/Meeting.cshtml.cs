using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Scoran.Accounts;
using Scoran.Steering;
using Scoran.Steering.Model;
using Scoran.Steering.Reviews;

namespace Scoran.Web.Steering;

public sealed class MeetingModel(SteeringQueries queries, SteeringService service, IAuthorizationService authorization) : SteeringPageModel(authorization)
{
    public MeetingReport Report { get; private set; } = null!;

    public bool CanReview { get; private set; }

    public string? Saved { get; private set; }

    [BindProperty] public ReviewForm Review { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(long id, string? action, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Review.ActionCode = action;
        if (action is not null && Report.Reviews.FirstOrDefault(r => r.Action.Code == action) is { Review: { } existing })
        {
            // Reopening a reviewed action fills the form with what was recorded, to correct it.
            Review = new ReviewForm { ActionCode = action, Progress = existing.Progress, Rag = existing.Rag, Comment = existing.Comment, Decision = existing.Decision, DecidedBy = existing.DecidedBy };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken cancellationToken)
    {
        if (await RequireAsync(ScoranPolicies.ReviewActions) is { } refused)
        {
            return refused;
        }

        if (ModelState.IsValid)
        {
            var (review, errors) = await service.RecordReviewAsync(id,
                new ReviewInput(Review.ActionCode ?? "", Review.Progress, Review.Rag, Review.Comment, Review.Decision, Review.DecidedBy), Author, cancellationToken);
            if (review is not null)
            {
                TempData["Saved"] = $"Revue de l'action {Review.ActionCode} enregistrée.";
                return Redirect(SteeringDisplay.MeetingUrl(id));
            }

            AddErrors(errors, "Review.");
        }

        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> LoadAsync(long id, CancellationToken cancellationToken)
    {
        var report = await queries.ReportAsync(id, cancellationToken);
        if (report is null)
        {
            return false;
        }

        Report = report;
        CanReview = await AllowedAsync(ScoranPolicies.ReviewActions);
        Saved = TempData["Saved"] as string;
        return true;
    }

    public sealed class ReviewForm
    {
        [Display(Name = "Action")] public string? ActionCode { get; set; }
        [Display(Name = "Avancement (%)")] public decimal? Progress { get; set; }
        [Display(Name = "Météo (rouge, orange, vert)")] public Rag? Rag { get; set; }
        [Display(Name = "Commentaire (motif obligatoire en cas d'abandon)")] public string? Comment { get; set; }
        [Display(Name = "Décision")] public ReviewDecision? Decision { get; set; }
        [Display(Name = "Décidé par")] public string? DecidedBy { get; set; }
    }
}
