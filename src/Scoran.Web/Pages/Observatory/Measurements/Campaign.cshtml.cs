using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Scoran.Accounts;
using Scoran.Observatory.Measurements;

namespace Scoran.Web.Pages.Observatory.Measurements;

/// <summary>One campaign followed live (counts per day and operator) and its report; data managers issue contributor tokens here.</summary>
public sealed class CampaignModel(MeasurementQueries queries, MeasurementCampaigns campaigns, IAuthorizationService authorization) : PageModel
{
    public CampaignReport Report { get; private set; } = null!;
    public bool CanManage { get; private set; }
    public string? IssuedToken { get; private set; }

    [BindProperty] public string? TokenLabel { get; set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        CanManage = (await authorization.AuthorizeAsync(User, ScoranPolicies.ManageData)).Succeeded;
        var report = await queries.CampaignReportAsync(code, cancellationToken);
        if (report is null)
        {
            return NotFound();
        }

        Report = report;
        return Page();
    }

    public async Task<IActionResult> OnPostTokenAsync(string code, CancellationToken cancellationToken)
    {
        if (!(await authorization.AuthorizeAsync(User, ScoranPolicies.ManageData)).Succeeded)
        {
            return User.Identity?.IsAuthenticated == true ? Forbid() : Challenge();
        }

        var result = await OnGetAsync(code, cancellationToken);
        if (result is not PageResult)
        {
            return result;
        }

        IssuedToken = await campaigns.IssueTokenAsync(string.IsNullOrWhiteSpace(TokenLabel) ? $"Campagne {code}" : TokenLabel.Trim(), code, User.Identity?.Name ?? "inconnu", cancellationToken);
        return Page();
    }
}
