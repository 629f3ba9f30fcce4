using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Scoran.Accounts;
using Scoran.Observatory.Measurements;

namespace Scoran.Web.Observatory.Measurements;

/// <summary>Data managers list the contributor tokens, revoke one (a lost phone, a team that left) and reactivate it (the phone was found).</summary>
[Authorize(Policy = ScoranPolicies.ManageData)]
public sealed class TokensModel(MeasurementCampaigns campaigns) : PageModel
{
    public IReadOnlyList<ContributorTokenView> Tokens { get; private set; } = [];
    public ContributorTokenView? Revoked { get; private set; }
    public ContributorTokenView? Reactivated { get; private set; }
    public string? Error { get; private set; }

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

    public async Task<IActionResult> OnPostReactivateAsync(long id, CancellationToken cancellationToken)
    {
        var result = await campaigns.ReactivateTokenAsync(id, User.Identity?.Name ?? "inconnu", cancellationToken);
        if (result is null)
        {
            return NotFound();
        }

        (Reactivated, Error) = result.Error is null ? (result.Token, null) : ((ContributorTokenView?)null, result.Error);
        Tokens = await campaigns.TokensAsync(cancellationToken);
        return Page();
    }
}
