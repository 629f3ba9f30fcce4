using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Scoran.Territories.Model;
using Scoran.Territories.Queries;
using Scoran.Web.Shared;

namespace Scoran.Web.Territories;

/// <summary>Territory search by name, INSEE/SIREN code or postal code.</summary>
public sealed class SearchModel(TerritoryQueries queries, Microsoft.Extensions.Options.IOptions<ScoranWebOptions> options) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "niveau")]
    public string? Level { get; set; }

    public const int PageSize = 30;

    public IReadOnlyList<SearchHit> Hits { get; private set; } = [];
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Query))
        {
            return Page();
        }

        if (Query.Length > 100)
        {
            Error = "Le texte recherché ne doit pas dépasser 100 caractères.";
            return Page();
        }

        TerritoryKind? kind = TerritoryKinds.TryParse(Level, out var parsed) ? parsed : null;
        Hits = await queries.SearchAsync(Query, kind, PageSize, options.Value.DefaultRegion, cancellationToken);

        // A code or postal code naming exactly one territory leads straight to it.
        if (Hits.Count == 1 && Hits[0].MatchedOn != SearchMatch.Name && Request.Query.ContainsKey("aller"))
        {
            return Redirect(Display.Url(Hits[0].Territory));
        }

        return Page();
    }
}
