using Microsoft.AspNetCore.Mvc.RazorPages;
using Scoran.Data;

namespace Scoran.Web;

/// <summary>Provenance of every dataset loaded in this instance.</summary>
public sealed class SourcesModel(ScoranDbContext db) : PageModel
{
    public IReadOnlyList<SourcesApi.SourceRow> Sources { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Sources = await SourcesApi.LatestAsync(db, cancellationToken);
}
