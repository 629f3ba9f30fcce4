using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Scoran.Accounts;
using Scoran.Core.Audit;
using Scoran.Steering;
using Scoran.Steering.Reviews;

namespace Scoran.Web.Steering;

public sealed class IndicatorModel(SteeringQueries queries, SteeringService service, IAuthorizationService authorization, Microsoft.AspNetCore.Identity.UserManager<ScoranUser> users)
    : SteeringPageModel(authorization)
{
    public IndicatorView View { get; private set; } = null!;

    public string StrategyCode { get; private set; } = "";

    public bool CanEdit { get; private set; }

    /// <summary>Targets are the committee's to set: steering officers (secrétaire du comité, administrateur), not each action's lead.</summary>
    public bool CanEditTargets { get; private set; }

    public IReadOnlyList<AuditEntry> History { get; private set; } = [];

    public string? Saved { get; private set; }

    [BindProperty] public ValueInput Entry { get; set; } = new();

    [BindProperty] public TargetInput Target { get; set; } = new();

    /// <summary>?cible={id} opens the target form on that point for correction.</summary>
    public async Task<IActionResult> OnGetAsync(string code, string indicator, [FromQuery(Name = "cible")] long? target, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(code, indicator, cancellationToken))
        {
            return NotFound();
        }

        if (CanEditTargets && View.Indicator.Targets.FirstOrDefault(t => t.Id == target) is { } point)
        {
            Target = new TargetInput { Id = point.Id, Date = point.Date, Value = point.Value };
        }

        return Page();
    }

    /// <summary>An editor writes values only for the indicators of its organisation's actions (security review F6).</summary>
    public async Task<IActionResult> OnPostAsync(string code, string indicator, CancellationToken cancellationToken)
    {
        if (User.Identity?.IsAuthenticated == true && await queries.IndicatorAsync(code, indicator, cancellationToken) is { } view
            && !await service.CanWriteIndicatorValuesAsync(view.Indicator.Id, (await users.GetUserAsync(User))?.Organisation, User.IsInRole(ScoranRoles.Administrator), cancellationToken))
        {
            return Forbid();
        }

        return await WriteAsync(code, indicator, ScoranPolicies.EditStrategy, "Entry", async () =>
            await service.AddIndicatorValueAsync(View.Indicator.Id, Entry.Date, Entry.Value, Entry.Source, Author, cancellationToken), "Valeur enregistrée.", cancellationToken);
    }

    /// <summary>Adds a target point, or corrects it when the form carries its id.</summary>
    public Task<IActionResult> OnPostTargetAsync(string code, string indicator, CancellationToken cancellationToken) =>
        WriteAsync(code, indicator, ScoranPolicies.ReviewActions, "Target", async () => Target.Id is { } id
                ? await service.UpdateTargetAsync(View.Indicator.Id, id, Target.Date, Target.Value, Author, cancellationToken) ?? Unknown()
                : await service.AddTargetAsync(View.Indicator.Id, Target.Date, Target.Value, Author, cancellationToken),
            Target.Id is null ? "Cible ajoutée." : "Cible modifiée.", cancellationToken);

    public Task<IActionResult> OnPostRemoveTargetAsync(string code, string indicator, [FromForm] long id, CancellationToken cancellationToken) =>
        WriteAsync(code, indicator, ScoranPolicies.ReviewActions, "Target", async () =>
            await service.RemoveTargetAsync(View.Indicator.Id, id, Author, cancellationToken) ? new SteeringValidation() : Unknown(), "Cible supprimée.", cancellationToken);

    private static SteeringValidation Unknown()
    {
        var errors = new SteeringValidation();
        errors.Add("Id", "Point de cible inconnu pour cet indicateur.");
        return errors;
    }

    private async Task<IActionResult> WriteAsync(string code, string indicator, string policy, string form, Func<Task<SteeringValidation>> write, string done, CancellationToken cancellationToken)
    {
        if (await RequireAsync(policy) is { } refused)
        {
            return refused;
        }

        if (!await LoadAsync(code, indicator, cancellationToken))
        {
            return NotFound();
        }

        // Only the form that was posted is validated: the other one is empty on purpose.
        foreach (var key in ModelState.Keys.Where(k => !k.StartsWith(form + ".", StringComparison.Ordinal)).ToList())
        {
            ModelState.Remove(key);
        }

        if (ModelState.IsValid)
        {
            AddErrors(await write(), form + ".");
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        TempData["Saved"] = done;
        return RedirectToPage(new { code, indicator });
    }

    private async Task<bool> LoadAsync(string code, string indicator, CancellationToken cancellationToken)
    {
        var view = await queries.IndicatorAsync(code, indicator, cancellationToken);
        if (view is null)
        {
            return false;
        }

        (View, StrategyCode) = (view, code);
        CanEdit = await AllowedAsync(ScoranPolicies.EditStrategy);
        CanEditTargets = await AllowedAsync(ScoranPolicies.ReviewActions);
        History = await queries.IndicatorHistoryAsync(view.Indicator.Code, cancellationToken);
        Saved = TempData["Saved"] as string;
        return true;
    }

    public sealed class ValueInput
    {
        [Display(Name = "Date de la valeur")] public DateOnly? Date { get; set; }
        [Display(Name = "Valeur")] public decimal? Value { get; set; }
        [Display(Name = "Source (publication, fichier, page)")] public string? Source { get; set; }
    }

    public sealed class TargetInput
    {
        /// <summary>Set when the form corrects an existing point.</summary>
        public long? Id { get; set; }
        [Display(Name = "Date de la cible")] public DateOnly? Date { get; set; }
        [Display(Name = "Valeur cible")] public decimal? Value { get; set; }
    }
}
