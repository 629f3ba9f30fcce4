using Microsoft.EntityFrameworkCore;
using Scoran.Resources.Actors;
using Scoran.Resources.Agenda;
using Scoran.Resources.Projects;

namespace Scoran.Resources.Contributions;

/// <summary>
/// A few entries labelled « démonstration » so that a fresh installation shows what the resource
/// space looks like. They describe no real organisation; re-running replaces nothing and adds
/// nothing (their titles are the key).
/// </summary>
public sealed class DemonstrationEntries(DbContext db, ModerationService moderation, TimeProvider clock)
{
    public const string Author = "démonstration";
    public const string Label = "(démonstration)";

    public async Task<int> SeedAsync(CancellationToken ct = default)
    {
        var added = 0;
        if (!await db.Set<Actor>().AnyAsync(a => a.Name.EndsWith(Label), ct))
        {
            await moderation.CreateAsync(new Actor
            {
                Name = "Association d'exemple pour la médiation numérique " + Label,
                Type = ActorType.Association,
                Description = "Fiche de démonstration : elle ne décrit aucune association réelle.",
                Territories = TagList.Store(["25", "39"]),
                Roles = TagList.Store(["médiation numérique"]),
                Themes = TagList.Store(["inclusion numérique"]),
            }, ResourceEntryTypes.Actor, Author, publish: true, ct);
            await moderation.CreateAsync(new Project
            {
                Title = "Tiers-lieu numérique itinérant " + Label,
                Summary = "Projet de démonstration : un bus équipé circule entre des communes rurales pour accompagner les démarches en ligne.",
                Themes = TagList.Store(["inclusion numérique", "tiers-lieux"]),
                Territories = TagList.Store(["25"]),
                CommuneCode = "25056",
                Stage = ProjectStage.EnCours,
                StartDate = new DateOnly(2026, 1, 1),
            }, ResourceEntryTypes.Project, Author, publish: true, ct);
            added += 2;
        }

        if (!await db.Set<AgendaEvent>().AnyAsync(e => e.Title.EndsWith(Label), ct))
        {
            var today = ParisTime.Local(clock.GetUtcNow()).Date;
            var start = ParisTime.ToInstant(today.AddDays(14).AddHours(14));
            await moderation.CreateAsync(new AgendaEvent
            {
                Uid = "demonstration-atelier@scoran.invalid",
                Title = "Atelier « premiers pas en ligne » " + Label,
                Description = "Événement de démonstration.",
                StartsAt = start,
                EndsAt = start.AddHours(2),
                OnlineUrl = "https://example.org/atelier",
                Organiser = "Association d'exemple " + Label,
                Themes = TagList.Store(["inclusion numérique"]),
                Territories = TagList.Store(["25"]),
                UpdatedAt = clock.GetUtcNow(),
            }, ResourceEntryTypes.Event, Author, publish: true, ct);
            added++;
        }

        return added;
    }
}
