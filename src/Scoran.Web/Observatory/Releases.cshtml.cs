using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Scoran.Observatory.Queries;
using Scoran.Territories.Model;
using Scoran.Territories.Queries;
using Scoran.Web.Shared;

namespace Scoran.Web.Observatory;

/// <summary>What changed for a territory between two kept releases, to explain a moving figure.</summary>
public sealed class ReleasesModel(FtthQueries ftth, ReleaseDiffQueries diffs, TerritoryQueries territories, Microsoft.Extensions.Options.IOptions<ScoranWebOptions> options) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "de")]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "a")]
    public string? To { get; set; }

    public TerritoryDetail Territory { get; private set; } = null!;
    public IReadOnlyList<string> Releases { get; private set; } = [];
    public ReleaseDiff? Diff { get; private set; }
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? kind, string? code, CancellationToken cancellationToken)
    {
        var parsed = TerritoryKind.Region;
        if (kind is not null && !TerritoryKinds.TryParse(kind, out parsed))
        {
            return NotFound();
        }

        var detail = await territories.GetAsync(parsed, code ?? options.Value.DefaultRegion, cancellationToken);
        if (detail is null)
        {
            return NotFound();
        }

        Territory = detail;
        Releases = await ftth.ReleasesAsync(cancellationToken);
        if (Releases.Count < 2)
        {
            return Page();
        }

        if (CommitmentsApi.ReleasePair(Releases, From, To) is not var (from, to))
        {
            Problem = "Publication inconnue : choisissez parmi les publications importées.";
            return Page();
        }

        (From, To) = (from, to);
        if (from == to)
        {
            Problem = "Choisissez deux publications différentes.";
            return Page();
        }

        Diff = await diffs.DiffAsync(parsed, detail.Code, from, to, cancellationToken);
        return Page();
    }

    public static string Signed(long value) => (value > 0 ? "+" : value < 0 ? "−" : "") + Display.Number(Math.Abs(value));

    public string LinkTo(TerritoryKind kind, string code) => $"/observatoire/publications/{kind.ToSlug()}/{code}" + (From is null ? "" : $"?de={From}&a={To}");
}
