using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Scoran.Accounts;
using Scoran.Funding;
using Scoran.Funding.Model;
using Scoran.Web.Shared;

namespace Scoran.Web.Funding.Manage;

/// <summary>« Gérer le catalogue »: every scheme, archived and closed ones included, with edit and archive actions.</summary>
[Authorize(Policy = ScoranPolicies.ManageFunding)]
public sealed class IndexModel(FundingService funding, Microsoft.AspNetCore.Identity.UserManager<ScoranUser> users) : PageModel
{
    public List<AidScheme> Schemes { get; private set; } = [];
    public int Total { get; private set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Statut { get; set; }
    public string? Done { get; private set; }

    public async Task OnGetAsync(string? fait, CancellationToken ct)
    {
        Done = fait;
        var all = await funding.SchemesAsync(ct);
        Total = all.Count;
        Schemes = all.Where(s => string.IsNullOrWhiteSpace(Q) || s.Id.Contains(Q.Trim(), StringComparison.OrdinalIgnoreCase) || s.Name.Contains(Q.Trim(), StringComparison.OrdinalIgnoreCase) || s.Backer.Contains(Q.Trim(), StringComparison.OrdinalIgnoreCase))
            .Where(s => !Enum.TryParse<SchemeStatus>(Statut, true, out var st) || s.Status == st)
            .OrderBy(s => s.Status == SchemeStatus.Historical).ThenBy(s => s.Backer, StringComparer.Create(Display.French, true)).ThenBy(s => s.Name, StringComparer.Create(Display.French, true)).ToList();
    }

    public Task<IActionResult> OnPostArchiveAsync(string id, CancellationToken ct) => ArchiveAsync(id, true, ct);

    public Task<IActionResult> OnPostUnarchiveAsync(string id, CancellationToken ct) => ArchiveAsync(id, false, ct);

    private async Task<IActionResult> ArchiveAsync(string id, bool archive, CancellationToken ct)
    {
        try
        {
            if (await funding.ArchiveAsync(id ?? "", archive, await FundingApi.ActorAsync(User, users), ct) is null) return NotFound();
        }
        catch (FundingForbiddenException)
        {
            return Forbid();
        }

        return Redirect($"/financements/gestion?fait={(archive ? "archive" : "desarchive")}-{Uri.EscapeDataString(id!)}");
    }
}
