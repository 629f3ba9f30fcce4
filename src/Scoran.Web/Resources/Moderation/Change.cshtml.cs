using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Scoran.Accounts;
using Scoran.Resources.Contributions;

namespace Scoran.Web.Resources.Moderation;

/// <summary>Any published entry's fields, for a contributor to propose new values (an editor's proposal is published at once).</summary>
[Authorize(Policy = ScoranPolicies.Contribute)]
public sealed class ChangeModel(ModerationService moderation) : PageModel
{
    public string EntryTitle { get; private set; } = "";
    public IReadOnlyList<EntryField> Fields { get; private set; } = [];
    /// <summary>What the entry type's validation refused (<see cref="EntryValidation"/>); nothing was proposed.</summary>
    public Dictionary<string, string[]> Errors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string type, long id, CancellationToken ct)
    {
        var entry = await moderation.FindAsync(type, id, ct);
        if (entry is not { Status: PublicationStatus.Published })
        {
            return NotFound();
        }

        EntryTitle = entry.Title;
        Fields = entry.Fields();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string type, long id, Dictionary<string, string?> valeurs, CancellationToken ct)
    {
        var entry = await moderation.FindAsync(type, id, ct);
        if (entry is not { Status: PublicationStatus.Published })
        {
            return NotFound();
        }

        // Only fields whose value changed are proposed: the diff shows what the contributor meant to change.
        var current = entry.Fields().ToDictionary(f => f.Key, f => f.Value ?? "");
        var changed = valeurs.Where(v => current.TryGetValue(v.Key, out var now) && now != (v.Value ?? "").Trim())
            .ToDictionary(v => v.Key, v => string.IsNullOrWhiteSpace(v.Value) ? null : v.Value.Trim());
        var author = ResourcesDisplay.Author(User);
        Contribution? contribution;
        try
        {
            contribution = await moderation.ProposeChangeAsync(type, id, changed, author, ct);
        }
        catch (EntryValidationException e)
        {
            (EntryTitle, Fields, Errors) = (entry.Title, entry.Fields(), e.Errors);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        if (contribution is not null && ResourcesDisplay.PublishesDirectly(User))
        {
            await moderation.PublishAsync(contribution.Id, author, "modification directe d'un éditeur", ct);
            return Redirect(type switch
            {
                ResourceEntryTypes.Actor => $"/ressources/acteurs/{id}",
                ResourceEntryTypes.Project => $"/ressources/projets/{id}",
                ResourceEntryTypes.Event => $"/ressources/agenda/{id}",
                _ => $"/ressources/documents/{id}",
            });
        }

        return Redirect("/ressources/contributions/merci");
    }
}
