using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Scoran.Steering;

namespace Scoran.Web.Steering;

public sealed class StrategyModel(SteeringQueries queries) : PageModel
{
    public StrategyTree Tree { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        var tree = await queries.TreeAsync(code, cancellationToken);
        if (tree is null)
        {
            return NotFound();
        }

        Tree = tree;
        return Page();
    }
}
