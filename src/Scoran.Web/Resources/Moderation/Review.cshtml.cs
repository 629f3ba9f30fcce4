using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Scoran.Accounts;
using Scoran.Resources.Contributions;

namespace Scoran.Web.Resources.Moderation;

[Authorize(Policy = ScoranPolicies.ModerateResources)]
public sealed class ReviewModel(ModerationService moderation) : PageModel
{
    public Contribution Contribution { get; private set; } = null!;
    public IReadOnlyList<FieldChange> Diff { get; private set; } = [];
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(long id, string? decision, string? commentaire, CancellationToken ct)
    {
        var reviewer = ResourcesDisplay.Author(User);
        var comment = string.IsNullOrWhiteSpace(commentaire) ? null : commentaire.Trim();
        bool done;
        string? refused = null;
        try
        {
            done = decision switch
            {
                "publier" => await moderation.PublishAsync(id, reviewer, comment, ct),
                "refuser" => await moderation.RejectAsync(id, reviewer, comment, ct),
                _ => false,
            };
        }
        catch (EntryValidationException e)
        {
            (done, refused) = (false, "Publication impossible, la proposition enfreint les règles de la fiche : " + string.Join(" ", e.Errors.SelectMany(x => x.Value)) + " Refusez-la.");
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Message = refused ?? (!done ? "Cette proposition a déjà été traitée." : decision == "publier" ? "Proposition publiée : elle est visible du public." : "Proposition refusée.");
        return Page();
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        var contribution = await moderation.FindContributionAsync(id, ct);
        if (contribution is null)
        {
            return false;
        }

        Contribution = contribution;
        Diff = await moderation.DiffAsync(contribution, ct);
        return true;
    }
}
