using Microsoft.AspNetCore.Mvc.RazorPages;
using Scoran.Steering;

namespace Scoran.Web.Steering;

public sealed class IndexModel(SteeringQueries queries) : PageModel
{
    public IReadOnlyList<StrategySummary> Strategies { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Strategies = await queries.StrategiesAsync(cancellationToken);
}
