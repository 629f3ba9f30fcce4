using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Scoran.Accounts;
using Scoran.Steering;
using Scoran.Steering.Model;
using Scoran.Steering.Reviews;

namespace Scoran.Web.Pages.Steering;

public sealed class ActionModel(SteeringQueries queries, SteeringService service, UserManager<ScoranUser> users, IAuthorizationService authorization)
    : SteeringPageModel(authorization)
{
    public ActionView View { get; private set; } = null!;

    /// <summary>True when the signed-in person may edit this action (their organisation leads it, or they administer).</summary>
    public bool CanEdit { get; private set; }

    [BindProperty] public DetailsInput Details { get; set; } = new();
    [BindProperty] public BudgetInput Budget { get; set; } = new();
    [BindProperty] public MilestoneInput Milestone { get; set; } = new();

    public string? Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, string action, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(code, action, cancellationToken))
        {
            return NotFound();
        }

        Details = new DetailsInput
        {
            Porteur = View.Action.Porteur, Partners = string.Join("\n", View.Action.Partners), Territories = string.Join("\n", View.Action.Territories),
            Themes = string.Join("\n", View.Action.Themes), Weight = View.Action.Weight,
        };
        return Page();
    }

    public Task<IActionResult> OnPostDetailsAsync(string code, string action, CancellationToken cancellationToken) =>
        WriteAsync(code, action, "Details", async organisation =>
            await service.UpdateDetailsAsync(View.Action.Id, Details.Porteur, Details.Partners, Details.Territories, Details.Themes, Details.Weight, Author, organisation, cancellationToken),
            "Fiche de l'action enregistrée.", cancellationToken);

    public Task<IActionResult> OnPostBudgetAsync(string code, string action, CancellationToken cancellationToken) =>
        WriteAsync(code, action, "Budget", async _ =>
            await service.AddBudgetLineAsync(View.Action.Id, Budget.Year, Budget.Funder, Budget.Planned, Budget.Committed, Budget.Spent, Author, cancellationToken),
            "Ligne budgétaire ajoutée.", cancellationToken);

    public Task<IActionResult> OnPostMilestoneAsync(string code, string action, CancellationToken cancellationToken) =>
        WriteAsync(code, action, "Milestone", async _ =>
            await service.AddMilestoneAsync(View.Action.Id, Milestone.Title, Milestone.PlannedDate, Milestone.ActualDate, Author, cancellationToken),
            "Jalon ajouté.", cancellationToken);

    private async Task<IActionResult> WriteAsync(string code, string action, string form, Func<string?, Task<SteeringValidation>> write, string done, CancellationToken cancellationToken)
    {
        if (await RequireAsync(ScoranPolicies.EditStrategy) is { } refused)
        {
            return refused;
        }

        if (!await LoadAsync(code, action, cancellationToken) || View.Action.Level != NodeLevel.Action)
        {
            return NotFound();
        }

        if (!CanEdit)
        {
            return Forbid();
        }

        // Only the form that was posted is validated: the others are empty on purpose.
        foreach (var key in ModelState.Keys.Where(k => !k.StartsWith(form + ".", StringComparison.Ordinal)).ToList())
        {
            ModelState.Remove(key);
        }

        if (ModelState.IsValid)
        {
            var errors = await write(IsAdministrator ? null : (await users.GetUserAsync(User))?.Organisation ?? "");
            AddErrors(errors, form + ".");
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        TempData["Saved"] = done;
        return RedirectToPage(new { code, action });
    }

    private async Task<bool> LoadAsync(string code, string action, CancellationToken cancellationToken)
    {
        var view = await queries.ActionAsync(code, action, cancellationToken);
        if (view is null)
        {
            return false;
        }

        View = view;
        Saved = TempData["Saved"] as string;
        if (User.Identity?.IsAuthenticated == true && await AllowedAsync(ScoranPolicies.EditStrategy))
        {
            CanEdit = IsAdministrator || SteeringService.CanEdit(view.Action, (await users.GetUserAsync(User))?.Organisation, false);
        }

        return true;
    }

    public sealed class DetailsInput
    {
        [Display(Name = "Porteur (organisation)")] public string? Porteur { get; set; }
        [Display(Name = "Partenaires (un par ligne)")] public string? Partners { get; set; }
        [Display(Name = "Territoires (codes INSEE ou SIREN, un par ligne)")] public string? Territories { get; set; }
        [Display(Name = "Thèmes (un par ligne)")] public string? Themes { get; set; }
        [Display(Name = "Poids dans l'avancement de l'orientation")] public decimal? Weight { get; set; }
    }

    public sealed class BudgetInput
    {
        [Display(Name = "Année")] public int? Year { get; set; }
        [Display(Name = "Financeur")] public string? Funder { get; set; }
        [Display(Name = "Prévu (€)")] public decimal? Planned { get; set; }
        [Display(Name = "Engagé (€)")] public decimal? Committed { get; set; }
        [Display(Name = "Dépensé (€)")] public decimal? Spent { get; set; }
    }

    public sealed class MilestoneInput
    {
        [Display(Name = "Jalon")] public string? Title { get; set; }
        [Display(Name = "Date prévue")] public DateOnly? PlannedDate { get; set; }
        [Display(Name = "Date réelle")] public DateOnly? ActualDate { get; set; }
    }
}
