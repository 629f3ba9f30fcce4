using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Scoran.Data;
using Scoran.Resources.Actors;
using Scoran.Resources.Agenda;
using Scoran.Resources.Contributions;
using Scoran.Resources.Documents;
using Scoran.Resources.Projects;

namespace Scoran.Web.Resources;

public sealed class IndexModel(ScoranDbContext db, TimeProvider clock) : PageModel
{
    public int Actors { get; private set; }
    public int Projects { get; private set; }
    public int Events { get; private set; }
    public int Documents { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        Actors = await db.Set<Actor>().CountAsync(a => a.Status == PublicationStatus.Published, ct);
        Projects = await db.Set<Project>().CountAsync(a => a.Status == PublicationStatus.Published, ct);
        Events = await db.Set<AgendaEvent>().CountAsync(a => a.Status == PublicationStatus.Published && a.EndsAt >= now, ct);
        Documents = await db.Set<ResourceDocument>().CountAsync(a => a.Status == PublicationStatus.Published, ct);
    }
}
