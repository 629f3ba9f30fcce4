using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Scoran.Accounts;
using Scoran.Resources.Agenda;
using Scoran.Resources.Contributions;

namespace Scoran.Web.Resources.Agenda;

[Authorize(Policy = ScoranPolicies.Contribute)]
public sealed class ProposeModel(ModerationService moderation, TimeProvider clock) : PageModel
{
    [BindProperty] public string? Titre { get; set; }
    [BindProperty] public DateTime? Debut { get; set; }
    [BindProperty] public DateTime? Fin { get; set; }
    [BindProperty] public string? Lieu { get; set; }
    [BindProperty] public string? EnLigne { get; set; }
    [BindProperty] public string? Organisateur { get; set; }
    [BindProperty] public string? Description { get; set; }
    [BindProperty] public string? Themes { get; set; }
    [BindProperty] public string? Territoires { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Titre))
        {
            ModelState.AddModelError(nameof(Titre), "Le titre est obligatoire.");
        }

        if (Debut is null || Fin is null)
        {
            ModelState.AddModelError(nameof(Debut), "Le début et la fin sont obligatoires.");
        }
        else if (Fin < Debut)
        {
            ModelState.AddModelError(nameof(Fin), "La fin ne peut précéder le début.");
        }

        if (string.IsNullOrWhiteSpace(Lieu) && string.IsNullOrWhiteSpace(EnLigne))
        {
            ModelState.AddModelError(nameof(Lieu), "Indiquez un lieu ou un lien pour participer en ligne.");
        }

        if (!string.IsNullOrWhiteSpace(EnLigne) && !(Uri.TryCreate(EnLigne, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttps || u.Scheme == Uri.UriSchemeHttp)))
        {
            ModelState.AddModelError(nameof(EnLigne), "Le lien doit être une adresse http(s) complète.");
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var item = new AgendaEvent
        {
            Uid = $"{Guid.NewGuid():N}@scoran",
            Title = Titre!.Trim(),
            Description = Description,
            StartsAt = ParisTime.ToInstant(Debut!.Value),
            EndsAt = ParisTime.ToInstant(Fin!.Value),
            Place = string.IsNullOrWhiteSpace(Lieu) ? null : Lieu.Trim(),
            OnlineUrl = string.IsNullOrWhiteSpace(EnLigne) ? null : EnLigne.Trim(),
            Organiser = string.IsNullOrWhiteSpace(Organisateur) ? null : Organisateur.Trim(),
            Themes = TagList.Store(Themes),
            Territories = TagList.Store(Territoires),
            UpdatedAt = clock.GetUtcNow(),
        };
        var publish = ResourcesDisplay.PublishesDirectly(User);
        await moderation.CreateAsync(item, ResourceEntryTypes.Event, ResourcesDisplay.Author(User), publish, ct);
        return Redirect(publish ? $"/ressources/agenda/{item.Id}" : "/ressources/contributions/merci");
    }
}
