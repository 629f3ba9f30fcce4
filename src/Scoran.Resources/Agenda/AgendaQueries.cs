using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.EntityFrameworkCore;
using Scoran.Resources.Contributions;

namespace Scoran.Resources.Agenda;

public sealed record AgendaFilter(string? Theme = null, string? Territory = null);

/// <summary>Published events, upcoming or past, and their iCalendar feed.</summary>
public sealed class AgendaQueries(DbContext db, TimeProvider clock)
{
    public Task<List<AgendaEvent>> UpcomingAsync(AgendaFilter filter, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        return Filter(filter).Where(e => e.EndsAt >= now).OrderBy(e => e.StartsAt).ToListAsync(ct);
    }

    /// <summary>The archive: events already over, latest first.</summary>
    public Task<List<AgendaEvent>> PastAsync(AgendaFilter filter, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        return Filter(filter).Where(e => e.EndsAt < now).OrderByDescending(e => e.StartsAt).ToListAsync(ct);
    }

    public Task<AgendaEvent?> PublishedAsync(long id, CancellationToken ct = default) =>
        db.Set<AgendaEvent>().FirstOrDefaultAsync(e => e.Id == id && e.Status == PublicationStatus.Published, ct);

    public async Task<IReadOnlyList<string>> ThemesAsync(CancellationToken ct = default) =>
        (await db.Set<AgendaEvent>().Where(e => e.Status == PublicationStatus.Published).Select(e => e.Themes).ToListAsync(ct))
            .SelectMany(TagList.Read).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("fr-FR"), true)).ToList();

    public async Task<IReadOnlyList<string>> TerritoriesAsync(CancellationToken ct = default) =>
        (await db.Set<AgendaEvent>().Where(e => e.Status == PublicationStatus.Published).Select(e => e.Territories).ToListAsync(ct))
            .SelectMany(TagList.Read).Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>
    /// The RFC 5545 feed of published events (past ones included: subscribers keep their history),
    /// optionally for one theme or territory.
    /// </summary>
    public async Task<string> FeedAsync(AgendaFilter filter, CancellationToken ct = default)
    {
        var events = await Filter(filter).OrderBy(e => e.StartsAt).ToListAsync(ct);
        return Feed.Write(events, filter);
    }

    private IQueryable<AgendaEvent> Filter(AgendaFilter filter)
    {
        var query = db.Set<AgendaEvent>().Where(e => e.Status == PublicationStatus.Published);
        if (!string.IsNullOrWhiteSpace(filter.Theme))
        {
            var pattern = TagList.Pattern(filter.Theme);
            query = query.Where(e => EF.Functions.Like(e.Themes, pattern));
        }

        if (!string.IsNullOrWhiteSpace(filter.Territory))
        {
            var pattern = TagList.Pattern(filter.Territory);
            query = query.Where(e => EF.Functions.Like(e.Territories, pattern));
        }

        return query;
    }
}

/// <summary>Writes events as an iCalendar object (RFC 5545) with Ical.Net, times in Europe/Paris.</summary>
public static class Feed
{
    public static string Write(IEnumerable<AgendaEvent> events, AgendaFilter filter)
    {
        var calendar = new Calendar { ProductId = "-//Scoran//Agenda des ressources//FR" };
        calendar.AddProperty("X-WR-CALNAME", "Agenda Scoran" + (filter.Theme is { Length: > 0 } t ? " — " + t : "") + (filter.Territory is { Length: > 0 } c ? " — " + c : ""));
        calendar.AddProperty("X-WR-TIMEZONE", ParisTime.ZoneId);
        calendar.AddTimeZone(new VTimeZone(ParisTime.ZoneId));
        foreach (var e in events)
        {
            var item = new CalendarEvent
            {
                Uid = e.Uid,
                DtStamp = new CalDateTime(e.UpdatedAt.UtcDateTime, "UTC"),
                DtStart = new CalDateTime(ParisTime.Local(e.StartsAt), ParisTime.ZoneId),
                DtEnd = new CalDateTime(ParisTime.Local(e.EndsAt), ParisTime.ZoneId),
                Summary = e.Title,
                Description = e.Description,
                Location = e.Place ?? Scoran.Core.Security.SafeUrl.Http(e.OnlineUrl),
                Organizer = string.IsNullOrWhiteSpace(e.Organiser) ? null : new Organizer { CommonName = e.Organiser, Value = new Uri("urn:scoran:organisateur") },
            };
            if (Scoran.Core.Security.SafeUrl.Http(e.OnlineUrl) is { } online && Uri.TryCreate(online, UriKind.Absolute, out var url))
            {
                item.Url = url;
            }

            foreach (var theme in TagList.Read(e.Themes))
            {
                item.Categories.Add(theme);
            }

            calendar.Events.Add(item);
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }
}
