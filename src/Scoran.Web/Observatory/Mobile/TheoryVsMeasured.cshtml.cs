using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Scoran.Observatory.Mobile;
using Scoran.Territories.Queries;

namespace Scoran.Web.Observatory.Mobile;

/// <summary>Announced coverage against crowdsourced measurements: the communes where measurements contradict the announcement.</summary>
public sealed class TheoryVsMeasuredModel(TheoryVsMeasured theory, MobileQueries queries, TerritoryQueries territories, IOptions<ScoranWebOptions> options) : MobilePageModel(territories, options)
{
    public TheoryVsMeasuredResult Result { get; private set; } = null!;
    public MobileSource? Source { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? kind, string? code, CancellationToken cancellationToken)
    {
        if (!await LoadTerritoryAsync(kind, code, cancellationToken))
        {
            return NotFound();
        }

        Result = await theory.CompareAsync(Territory.Kind, Territory.Code, cancellationToken: cancellationToken);
        if (Result.Vintage is { } v)
        {
            Source = await queries.SourceAsync(v, cancellationToken);
        }

        return Page();
    }
}
