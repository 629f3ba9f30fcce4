using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Scoran.Accounts;
using Scoran.Resources.Places;

namespace Scoran.Web.Resources.Places;

/// <summary>Pairs of places proposed as the same place from two sources, reviewed by an editor before any merge.</summary>
[Authorize(Policy = ScoranPolicies.ModerateResources)]
public sealed class DuplicatesModel(PlaceDuplicates duplicates) : PageModel
{
    public IReadOnlyList<DuplicateCandidate> Candidates { get; private set; } = [];
    public string? Message { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Candidates = await duplicates.CandidatesAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(long keep, long other, string decision, CancellationToken cancellationToken)
    {
        var candidates = await duplicates.CandidatesAsync(cancellationToken);
        // Only a proposed pair can be decided: the form cannot be used to hide an arbitrary place.
        if (decision is not ("merge" or "distinct") || !candidates.Any(c => (c.A.Id == keep && c.B.Id == other) || (c.A.Id == other && c.B.Id == keep)))
        {
            Message = "Cette paire n'est plus proposée (déjà traitée ou lieux réimportés).";
            Candidates = candidates;
            return Page();
        }

        await duplicates.DecideAsync(keep, other, decision == "merge", User.Identity?.Name ?? "inconnu", cancellationToken);
        Message = decision == "merge" ? "Lieux fusionnés : le doublon est masqué (il reste dans l'historique)." : "Lieux marqués comme distincts.";
        Candidates = await duplicates.CandidatesAsync(cancellationToken);
        return Page();
    }
}
