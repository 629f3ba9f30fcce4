using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Scoran.Observatory.Mobile;
using Scoran.Territories.Queries;

namespace Scoran.Web.Observatory.Mobile;

/// <summary>Sites of the New Deal mobile's targeted-coverage scheme in a territory: planned, in service, late.</summary>
public sealed class NewDealModel(MobileQueries queries, TerritoryQueries territories, IOptions<ScoranWebOptions> options) : MobilePageModel(territories, options)
{
    public NewDealSummary? Summary { get; private set; }
    public MobileSource? Source { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? kind, string? code, CancellationToken cancellationToken)
    {
        if (!await LoadTerritoryAsync(kind, code, cancellationToken))
        {
            return NotFound();
        }

        Summary = await queries.NewDealAsync(Territory.Kind, Territory.Code, cancellationToken: cancellationToken);
        if (Summary is not null)
        {
            Source = await queries.SitesSourceAsync(Summary.Vintage, cancellationToken);
        }

        return Page();
    }
}
