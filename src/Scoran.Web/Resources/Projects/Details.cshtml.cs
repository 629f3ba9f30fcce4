using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Scoran.Resources.Projects;

namespace Scoran.Web.Resources.Projects;

public sealed class DetailsModel(ProjectDirectory directory, ProjectEditing editing) : PageModel
{
    public Project Project { get; private set; } = null!;
    public List<ProjectActorView> Actors { get; private set; } = [];
    /// <summary>The signed-in owner or a moderator sees the link to edit links, images and actors.</summary>
    public bool MayEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await directory.PublishedAsync(id, ct) is not { } project)
        {
            return NotFound();
        }

        Project = project;
        Actors = await directory.ActorsAsync(id, ct);
        MayEdit = User.Identity?.IsAuthenticated == true && await editing.MayEditAsync(EditModel.Editor(User), id, ct);
        return Page();
    }
}
