using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Scoran.Observatory.Mobile;
using Scoran.Territories.Queries;

namespace Scoran.Web.Observatory.Mobile;

/// <summary>The communes of a territory where no operator announces any 4G coverage.</summary>
public sealed class WhiteZonesModel(MobileQueries queries, TerritoryQueries territories, IOptions<ScoranWebOptions> options) : MobilePageModel(territories, options)
{
    [BindProperty(SupportsGet = true, Name = "millesime")]
    public string? VintageText { get; set; }

    public MobileIndicators? At { get; private set; }
    public MobileSource? Source { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? kind, string? code, CancellationToken cancellationToken)
    {
        if (!await LoadTerritoryAsync(kind, code, cancellationToken))
        {
            return NotFound();
        }

        At = await queries.AtAsync(Territory.Kind, Territory.Code, MobileVintage.TryParse(VintageText, out var q) ? q.Key : null, cancellationToken);
        if (At is not null)
        {
            Source = await queries.SourceAsync(At.Vintage, cancellationToken);
        }

        return Page();
    }
}
