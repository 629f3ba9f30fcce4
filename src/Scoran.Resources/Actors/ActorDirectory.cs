using Microsoft.EntityFrameworkCore;
using Scoran.Resources.Contributions;

namespace Scoran.Resources.Actors;

public sealed record ActorFilter(ActorType? Type = null, string? Territory = null, string? Theme = null);

/// <summary>Published actors, with their contacts reduced to those who consented.</summary>
public sealed class ActorDirectory(DbContext db)
{
    public async Task<List<Actor>> ListAsync(ActorFilter filter, CancellationToken ct = default)
    {
        var query = db.Set<Actor>().Where(a => a.Status == PublicationStatus.Published);
        if (filter.Type is { } type)
        {
            query = query.Where(a => a.Type == type);
        }

        if (!string.IsNullOrWhiteSpace(filter.Territory))
        {
            var pattern = TagList.Pattern(filter.Territory);
            query = query.Where(a => EF.Functions.Like(a.Territories, pattern));
        }

        if (!string.IsNullOrWhiteSpace(filter.Theme))
        {
            var pattern = TagList.Pattern(filter.Theme);
            query = query.Where(a => EF.Functions.Like(a.Themes, pattern));
        }

        return await query.OrderBy(a => a.Name).ToListAsync(ct);
    }

    /// <summary>A published actor and only its consenting contacts: the others never leave this method.</summary>
    public async Task<(Actor Actor, IReadOnlyList<ActorContact> PublicContacts)?> PublishedAsync(long id, CancellationToken ct = default)
    {
        var actor = await db.Set<Actor>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == id && a.Status == PublicationStatus.Published, ct);
        if (actor is null)
        {
            return null;
        }

        var contacts = await db.Set<ActorContact>().AsNoTracking()
            .Where(c => c.ActorId == id && c.Consent && c.ConsentDate != null).OrderBy(c => c.Name).ToListAsync(ct);
        return (actor, contacts);
    }

    public Task<List<Actor>> AllPublishedNamesAsync(CancellationToken ct = default) =>
        db.Set<Actor>().AsNoTracking().Where(a => a.Status == PublicationStatus.Published).OrderBy(a => a.Name).ToListAsync(ct);

    /// <summary>French messages keyed by field, for forms and the API's validation problems.</summary>
    public static Dictionary<string, string[]> Validate(Actor actor)
    {
        var errors = ValidateFields(actor);
        foreach (var contact in actor.Contacts)
        {
            if (contact.Consent && contact.ConsentDate is null)
            {
                errors["contacts"] = ["La date du consentement est obligatoire quand le contact a consenti à la publication."];
            }
        }

        return errors;
    }

    /// <summary>The rules on the fields a change proposal can carry (name, SIREN, website): <see cref="EntryValidation"/> runs them on every path.</summary>
    public static Dictionary<string, string[]> ValidateFields(Actor actor)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(actor.Name))
        {
            errors["name"] = ["Le nom est obligatoire."];
        }

        if (actor.Siren is { Length: > 0 } siren && !Siren.IsValid(siren))
        {
            errors["siren"] = ["Le SIREN doit compter 9 chiffres et sa clé (Luhn) être valide."];
        }

        if (actor.Website is { Length: > 0 } site && !Scoran.Core.Security.SafeUrl.IsHttp(site))
        {
            errors["website"] = ["Le site web doit être une adresse http(s) complète."];
        }

        return errors;
    }
}
