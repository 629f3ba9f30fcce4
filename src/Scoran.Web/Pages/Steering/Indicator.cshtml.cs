using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Scoran.Accounts;
using Scoran.Steering;
using Scoran.Steering.Reviews;

namespace Scoran.Web.Pages.Steering;

public sealed class IndicatorModel(SteeringQueries queries, SteeringService service, IAuthorizationService authorization) : SteeringPageModel(authorization)
{
    public IndicatorView View { get; private set; } = null!;

    public string StrategyCode { get; private set; } = "";

    public bool CanEdit { get; private set; }

    [BindProperty] public ValueInput Entry { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string code, string indicator, CancellationToken cancellationToken) =>
        await LoadAsync(code, indicator, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string code, string indicator, CancellationToken cancellationToken)
    {
        if (await RequireAsync(ScoranPolicies.EditStrategy) is { } refused)
        {
            return refused;
        }

        if (!await LoadAsync(code, indicator, cancellationToken))
        {
            return NotFound();
        }

        if (ModelState.IsValid)
        {
            AddErrors(await service.AddIndicatorValueAsync(View.Indicator.Id, Entry.Date, Entry.Value, Entry.Source, Author, cancellationToken), "Entry.");
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

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
        return true;
    }

    public sealed class ValueInput
    {
        [Display(Name = "Date de la valeur")] public DateOnly? Date { get; set; }
        [Display(Name = "Valeur")] public decimal? Value { get; set; }
        [Display(Name = "Source (publication, fichier, page)")] public string? Source { get; set; }
    }
}
