using Scoran.Territories.Queries;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Scoran.Data;
using Scoran.Resources.Search;
using Scoran.Territories.Model;

namespace Scoran.Web.Resources;

public sealed class SearchModel(ResourceSearch search, ScoranDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Type { get; set; }
    [BindProperty(SupportsGet = true)] public string? Theme { get; set; }
    [BindProperty(SupportsGet = true)] public string? Territoire { get; set; }

    public ResourceSearchResult Result { get; private set; } = null!;

    private Dictionary<string, string> _names = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Type = string.IsNullOrWhiteSpace(Type) ? null : Type;
        Theme = string.IsNullOrWhiteSpace(Theme) ? null : Theme;
        Territoire = string.IsNullOrWhiteSpace(Territoire) ? null : Territoire;
        Result = await search.SearchAsync(new ResourceQuery(Q, Type, Theme, Territoire), ct);
        _names = await TerritoryNamesAsync(db, Result.Territories.Select(t => t.Value), ct);
    }

    public string TypeLabel(string type) => search.TypeLabel(type);

    public string TerritoryName(string code) => _names.TryGetValue(code, out var name) ? $"{name} ({code})" : code;

    public string Link(string? type = null, string? theme = null, string? territory = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["q"] = Q,
            ["type"] = type ?? Type,
            ["theme"] = theme ?? Theme,
            ["territoire"] = territory ?? Territoire,
        };
        return "/ressources/recherche" + QueryString.Create(values.Where(v => !string.IsNullOrEmpty(v.Value)));
    }

    /// <summary>Names of territory codes (région, département, EPCI SIREN or commune INSEE code).</summary>
    public static async Task<Dictionary<string, string>> TerritoryNamesAsync(ScoranDbContext db, IEnumerable<string> codes, CancellationToken ct)
    {
        return await new TerritoryQueries(db).NamesOfAnyKindAsync(codes.Distinct().ToList(), ct);
    }
}
