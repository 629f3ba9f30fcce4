using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Scoran.Resources.Actors;

namespace Scoran.Web.Resources.Actors;

public sealed class IndexModel(ActorDirectory directory) : PageModel
{
    [BindProperty(SupportsGet = true)] public ActorType? Type { get; set; }
    [BindProperty(SupportsGet = true)] public string? Territoire { get; set; }
    [BindProperty(SupportsGet = true)] public string? Theme { get; set; }
    public List<Actor> Actors { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Actors = await directory.ListAsync(new ActorFilter(Type, Territoire, Theme), ct);
}
