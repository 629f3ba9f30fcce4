using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Scoran.Accounts;
using Scoran.Resources.Actors;
using Scoran.Resources.Contributions;

namespace Scoran.Web.Resources.Actors;

[Authorize(Policy = ScoranPolicies.Contribute)]
public sealed class ProposeModel(ModerationService moderation) : PageModel
{
    [BindProperty] public string? Nom { get; set; }
    [BindProperty] public ActorType Type { get; set; }
    [BindProperty] public string? Siren { get; set; }
    [BindProperty] public string? Description { get; set; }
    [BindProperty] public string? Territoires { get; set; }
    [BindProperty] public string? Roles { get; set; }
    [BindProperty] public string? Themes { get; set; }
    [BindProperty] public string? SiteWeb { get; set; }
    [BindProperty] public string? ContactNom { get; set; }
    [BindProperty] public string? ContactFonction { get; set; }
    [BindProperty] public string? ContactCourriel { get; set; }
    [BindProperty] public string? ContactTelephone { get; set; }
    [BindProperty] public bool ContactConsentement { get; set; }
    [BindProperty] public DateOnly? ContactDateConsentement { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var actor = new Actor { Name = Nom?.Trim() ?? "", Type = Type };
        actor.Apply(new Dictionary<string, string?>
        {
            ["siren"] = Siren, ["description"] = Description, ["territories"] = Territoires, ["roles"] = Roles, ["themes"] = Themes,
            ["website"] = string.IsNullOrWhiteSpace(SiteWeb) ? null : SiteWeb.Trim(),
        });
        if (!string.IsNullOrWhiteSpace(ContactNom))
        {
            actor.Contacts.Add(new ActorContact
            {
                Name = ContactNom.Trim(), Function = ContactFonction, Email = ContactCourriel, Phone = ContactTelephone,
                Consent = ContactConsentement, ConsentDate = ContactConsentement ? ContactDateConsentement : null,
            });
        }

        foreach (var (field, messages) in ActorDirectory.Validate(actor))
        {
            var key = field switch { "name" => nameof(Nom), "siren" => nameof(Siren), "website" => nameof(SiteWeb), _ => nameof(ContactDateConsentement) };
            foreach (var message in messages)
            {
                ModelState.AddModelError(key, message);
            }
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var publish = ResourcesDisplay.PublishesDirectly(User);
        await moderation.CreateAsync(actor, ResourceEntryTypes.Actor, ResourcesDisplay.Author(User), publish, ct);
        return Redirect(publish ? $"/ressources/acteurs/{actor.Id}" : "/ressources/contributions/merci");
    }
}
