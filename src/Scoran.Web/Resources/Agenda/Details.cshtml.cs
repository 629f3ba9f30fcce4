using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Scoran.Resources.Agenda;

namespace Scoran.Web.Resources.Agenda;

public sealed class DetailsModel(AgendaQueries agenda) : PageModel
{
    public AgendaEvent Event { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var found = await agenda.PublishedAsync(id, ct);
        if (found is null)
        {
            return NotFound();
        }

        Event = found;
        return Page();
    }
}
