using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Scoran.Resources.Projects;

namespace Scoran.Web.Pages.Resources.Projects;

public sealed class IndexModel(ProjectDirectory directory) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Theme { get; set; }
    [BindProperty(SupportsGet = true)] public string? Territoire { get; set; }
    [BindProperty(SupportsGet = true)] public ProjectStage? Etat { get; set; }
    public List<Project> Projects { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Projects = await directory.ListAsync(new ProjectFilter(Theme, Territoire, Etat), ct);
}
