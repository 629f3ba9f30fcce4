using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Scoran.Accounts;
using Scoran.Steering;
using Scoran.Steering.Model;
using Scoran.Steering.Reviews;

namespace Scoran.Web.Steering;

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

    /// <summary>?ligne={id} and ?jalon={id} open the corresponding form on that line for correction.</summary>
    public async Task<IActionResult> OnGetAsync(string code, string action, [FromQuery(Name = "ligne")] long? line, [FromQuery(Name = "jalon")] long? milestone,
        CancellationToken cancellationToken)
    {
        if (!await LoadAsync(code, action, cancellationToken))
        {
            return NotFound();
        }

        if (CanEdit && View.Action.Budget.FirstOrDefault(b => b.Id == line) is { } b)
        {
            Budget = new BudgetInput { Id = b.Id, Year = b.Year, Funder = b.Funder, Planned = b.Planned, Committed = b.Committed, Spent = b.Spent };
        }

        if (CanEdit && View.Action.Milestones.FirstOrDefault(m => m.Id == milestone) is { } m)
        {
            Milestone = new MilestoneInput { Id = m.Id, Title = m.Title, PlannedDate = m.PlannedDate, ActualDate = m.ActualDate };
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

    /// <summary>Adds a line, or corrects it when the form carries the line's id.</summary>
    public Task<IActionResult> OnPostBudgetAsync(string code, string action, CancellationToken cancellationToken) =>
        WriteAsync(code, action, "Budget", async _ => Budget.Id is { } id
                ? await service.UpdateBudgetLineAsync(View.Action.Id, id, Budget.Year, Budget.Funder, Budget.Planned, Budget.Committed, Budget.Spent, Author, cancellationToken) ?? Unknown("Id", "Ligne budgétaire inconnue pour cette action.")
                : await service.AddBudgetLineAsync(View.Action.Id, Budget.Year, Budget.Funder, Budget.Planned, Budget.Committed, Budget.Spent, Author, cancellationToken),
            Budget.Id is null ? "Ligne budgétaire ajoutée." : "Ligne budgétaire modifiée.", cancellationToken);

    public Task<IActionResult> OnPostRemoveBudgetAsync(string code, string action, [FromForm] long id, CancellationToken cancellationToken) =>
        WriteAsync(code, action, "Remove", async _ =>
                await service.RemoveBudgetLineAsync(View.Action.Id, id, Author, cancellationToken) ? new SteeringValidation() : Unknown("Id", "Ligne budgétaire inconnue pour cette action."),
            "Ligne budgétaire supprimée.", cancellationToken);

    public Task<IActionResult> OnPostMilestoneAsync(string code, string action, CancellationToken cancellationToken) =>
        WriteAsync(code, action, "Milestone", async _ => Milestone.Id is { } id
                ? await service.UpdateMilestoneAsync(View.Action.Id, id, Milestone.Title, Milestone.PlannedDate, Milestone.ActualDate, Author, cancellationToken) ?? Unknown("Id", "Jalon inconnu pour cette action.")
                : await service.AddMilestoneAsync(View.Action.Id, Milestone.Title, Milestone.PlannedDate, Milestone.ActualDate, Author, cancellationToken),
            Milestone.Id is null ? "Jalon ajouté." : "Jalon modifié.", cancellationToken);

    public Task<IActionResult> OnPostRemoveMilestoneAsync(string code, string action, [FromForm] long id, CancellationToken cancellationToken) =>
        WriteAsync(code, action, "Remove", async _ =>
                await service.RemoveMilestoneAsync(View.Action.Id, id, Author, cancellationToken) ? new SteeringValidation() : Unknown("Id", "Jalon inconnu pour cette action."),
            "Jalon supprimé.", cancellationToken);

    private static SteeringValidation Unknown(string field, string message)
    {
        var errors = new SteeringValidation();
        errors.Add(field, message);
        return errors;
    }

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
        /// <summary>Set when the form corrects an existing line.</summary>
        public long? Id { get; set; }
        [Display(Name = "Année")] public int? Year { get; set; }
        [Display(Name = "Financeur")] public string? Funder { get; set; }
        [Display(Name = "Prévu (€)")] public decimal? Planned { get; set; }
        [Display(Name = "Engagé (€)")] public decimal? Committed { get; set; }
        [Display(Name = "Dépensé (€)")] public decimal? Spent { get; set; }
    }

    public sealed class MilestoneInput
    {
        public long? Id { get; set; }
        [Display(Name = "Jalon")] public string? Title { get; set; }
        [Display(Name = "Date prévue")] public DateOnly? PlannedDate { get; set; }
        [Display(Name = "Date réelle (jalon atteint)")] public DateOnly? ActualDate { get; set; }
    }
}
