using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Scoran.Data;
using Scoran.Resources.Agenda;

namespace Scoran.Web.Resources.Agenda;

public sealed class IndexModel(AgendaQueries agenda, ScoranDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Vue { get; set; }
    [BindProperty(SupportsGet = true)] public string? Theme { get; set; }
    [BindProperty(SupportsGet = true)] public string? Territoire { get; set; }

    public bool Archives => Vue == "archives";
    public List<AgendaEvent> Events { get; private set; } = [];
    public IReadOnlyList<string> Themes { get; private set; } = [];
    public IReadOnlyList<string> Territories { get; private set; } = [];
    private Dictionary<string, string> _names = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var filter = new AgendaFilter(Theme, Territoire);
        Events = Archives ? await agenda.PastAsync(filter, ct) : await agenda.UpcomingAsync(filter, ct);
        Themes = await agenda.ThemesAsync(ct);
        Territories = await agenda.TerritoriesAsync(ct);
        _names = await SearchModel.TerritoryNamesAsync(db, Territories, ct);
    }

    public string TerritoryName(string code) => _names.TryGetValue(code, out var name) ? $"{name} ({code})" : code;

    public string FeedUrl(string? theme = null, string? territory = null) =>
        "/api/resources/agenda.ics" + (theme is not null ? "?theme=" + Uri.EscapeDataString(theme) : territory is not null ? "?territoire=" + Uri.EscapeDataString(territory) : "");

    public string AbsoluteFeed(string path) => Scoran.Web.Security.PublicBaseUrl.Of(Request) + path;
}
