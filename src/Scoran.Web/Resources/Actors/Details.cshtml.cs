using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Scoran.Resources.Actors;

namespace Scoran.Web.Resources.Actors;

public sealed class DetailsModel(ActorDirectory directory) : PageModel
{
    public Actor Actor { get; private set; } = null!;
    public IReadOnlyList<ActorContact> Contacts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await directory.PublishedAsync(id, ct) is not { } found)
        {
            return NotFound();
        }

        (Actor, Contacts) = found;
        return Page();
    }
}
