using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Scoran.Core.Audit;
using Scoran.Funding;
using Scoran.Funding.Model;

namespace Scoran.Web.Funding;

public sealed class SchemeModel(FundingService funding, Microsoft.EntityFrameworkCore.DbContext db) : PageModel
{
    public AidScheme Scheme { get; private set; } = null!;
    public List<AuditEntry> History { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        if (await funding.SchemeAsync(id, ct) is not { } s) return NotFound();
        Scheme = s;
        History = await AuditTrail.HistoryAsync(db, FundingAudit.Scheme, id, ct);
        return Page();
    }
}
