using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Scoran.Accounts;
using Scoran.Resources.Contributions;

namespace Scoran.Web.Resources.Moderation;

[Authorize(Policy = ScoranPolicies.ModerateResources)]
public sealed class IndexModel(ModerationService moderation) : PageModel
{
    public List<Contribution> Pending { get; private set; } = [];
    public List<Contribution> Reviewed { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Pending = await moderation.PendingAsync(ct);
        Reviewed = await moderation.RecentlyReviewedAsync(20, ct);
    }
}
