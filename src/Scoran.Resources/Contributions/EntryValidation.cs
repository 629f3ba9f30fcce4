using Scoran.Core.Security;
using Scoran.Resources.Actors;
using Scoran.Resources.Agenda;
using Scoran.Resources.Projects;

namespace Scoran.Resources.Contributions;

/// <summary>
/// One validation per entry type (security review F2), run by <see cref="ModerationService"/> at creation, at a change
/// proposal and again at publication, so no path (form, API, change proposal, an editor's direct change) stores what the
/// creation form refuses: links only http(s), SIREN with its Luhn key, dates in order. Messages in French, keyed by field.
/// </summary>
public static class EntryValidation
{
    public static Dictionary<string, string[]> Validate(IModeratedEntry entry) => entry switch
    {
        Actor actor => ActorDirectory.ValidateFields(actor),
        Project project => ProjectDirectory.Validate(project),
        AgendaEvent item => ValidateEvent(item),
        _ => [],
    };

    public static Dictionary<string, string[]> ValidateEvent(AgendaEvent item)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(item.Title))
        {
            errors["title"] = ["Le titre est obligatoire."];
        }

        if (item.EndsAt < item.StartsAt)
        {
            errors["ends"] = ["La fin ne peut précéder le début."];
        }

        if (!string.IsNullOrWhiteSpace(item.OnlineUrl) && !SafeUrl.IsHttp(item.OnlineUrl))
        {
            errors["online"] = ["Le lien doit être une adresse http(s) complète."];
        }

        return errors;
    }
}

/// <summary>An entry that its type's validation refuses (<see cref="EntryValidation"/>): nothing was written.</summary>
public sealed class EntryValidationException(Dictionary<string, string[]> errors)
    : Exception("Valeurs refusées : " + string.Join(" ", errors.SelectMany(e => e.Value)))
{
    public Dictionary<string, string[]> Errors { get; } = errors;
}
