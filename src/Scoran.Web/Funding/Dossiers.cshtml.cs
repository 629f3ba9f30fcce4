using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Scoran.Accounts;
using Scoran.Funding;
using Scoran.Funding.Dossiers;
using Scoran.Funding.Model;

namespace Scoran.Web.Funding;

[Authorize(Policy = ScoranPolicies.FileDossiers)]
public sealed class DossiersModel(FundingService funding, UserManager<ScoranUser> users) : PageModel
{
    public List<FundingDossier> Dossiers { get; private set; } = [];
    public List<AidScheme> Schemes { get; private set; } = [];
    public List<(FundingDossier Dossier, DateOnly Deadline)> Reminders { get; private set; } = [];
    public string? Error { get; private set; }

    [BindProperty(SupportsGet = true, Name = "dispositif")] public string? SchemeId { get; set; }
    [BindProperty] public string? ProjectTitle { get; set; }
    [BindProperty] public string? ProjectCost { get; set; }
    [BindProperty] public string? RequestedAmount { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            var cost = FundingApi.ParseDecimal(ProjectCost) ?? throw new FundingRuleException("projectCost", "Coût du projet invalide.");
            var requested = FundingApi.ParseDecimal(RequestedAmount) ?? 0m;
            var d = await funding.CreateDossierAsync(await FundingApi.ActorAsync(User, users), SchemeId ?? "", ProjectTitle ?? "", cost, requested, ct);
            return Redirect($"/financements/dossiers/{d.Id}");
        }
        catch (FundingRuleException e)
        {
            ModelState.AddModelError(e.Field, e.Message);
            Error = e.Message;
            await LoadAsync(ct);
            return Page();
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var actor = await FundingApi.ActorAsync(User, users);
        Dossiers = await funding.DossiersAsync(actor, ct);
        Schemes = (await funding.SchemesAsync(ct)).Where(s => s.Status == SchemeStatus.Open).OrderBy(s => s.Backer).ThenBy(s => s.Name).ToList();
        var visible = Dossiers.Select(d => d.Id).ToHashSet();
        Reminders = (await funding.RemindersAsync(180, ct)).Where(r => visible.Contains(r.Dossier.Id)).ToList();
    }
}
