using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Scoran.Accounts;
using Scoran.Observatory.Measurements;

namespace Scoran.Web.Pages.Observatory.Measurements;

/// <summary>Data managers list the contributor tokens and revoke one (a lost phone, a team that left).</summary>
[Authorize(Policy = ScoranPolicies.ManageData)]
public sealed class TokensModel(MeasurementCampaigns campaigns) : PageModel
{
    public IReadOnlyList<ContributorTokenView> Tokens { get; private set; } = [];
    public ContributorTokenView? Revoked { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Tokens = await campaigns.TokensAsync(cancellationToken);

    public async Task<IActionResult> OnPostRevokeAsync(long id, CancellationToken cancellationToken)
    {
        Revoked = await campaigns.RevokeTokenAsync(id, User.Identity?.Name ?? "inconnu", cancellationToken);
        if (Revoked is null)
        {
            return NotFound();
        }

        Tokens = await campaigns.TokensAsync(cancellationToken);
        return Page();
    }
}
