using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Scoran.Resources.Contributions;

namespace Scoran.Resources.Agenda;

/// <summary>
/// An event of the shared agenda. Instants are stored in UTC; people enter and read them in
/// Europe/Paris time (<see cref="ParisTime"/>), and the iCal feed carries that zone.
/// </summary>
public sealed class AgendaEvent : IModeratedEntry
{
    public long Id { get; init; }
    /// <summary>Stable iCalendar UID, so subscribers' calendars update the event instead of duplicating it.</summary>
    public required string Uid { get; init; }
    public required string Title { get; set; }
    public string? Description { get; set; }
    public DateTimeOffset StartsAt { get; set; }
    public DateTimeOffset EndsAt { get; set; }
    /// <summary>Address of the venue, when the event takes place somewhere.</summary>
    public string? Place { get; set; }
    /// <summary>Link to join online.</summary>
    public string? OnlineUrl { get; set; }
    public string? Organiser { get; set; }
    public string Themes { get; set; } = "";
    public string Territories { get; set; } = "";
    public PublicationStatus Status { get; set; }
    /// <summary>Last change, the iCalendar DTSTAMP.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    public IReadOnlyList<EntryField> Fields() =>
    [
        new("title", "Titre", Title),
        new("description", "Description", Description),
        new("starts", "Début (heure de Paris)", ParisTime.Format(StartsAt)),
        new("ends", "Fin (heure de Paris)", ParisTime.Format(EndsAt)),
        new("place", "Lieu", Place),
        new("online", "En ligne", OnlineUrl),
        new("organiser", "Organisateur", Organiser),
        new("themes", "Thèmes", TagList.Display(Themes)),
        new("territories", "Territoires", TagList.Display(Territories)),
    ];

    public void Apply(IReadOnlyDictionary<string, string?> values)
    {
        foreach (var (key, value) in values)
        {
            switch (key)
            {
                case "title": Title = value ?? Title; break;
                case "description": Description = value; break;
                case "starts": StartsAt = ParisTime.Parse(value) ?? StartsAt; break;
                case "ends": EndsAt = ParisTime.Parse(value) ?? EndsAt; break;
                case "place": Place = value; break;
                case "online": OnlineUrl = value; break;
                case "organiser": Organiser = value; break;
                case "themes": Themes = TagList.Store(value); break;
                case "territories": Territories = TagList.Store(value); break;
            }
        }
    }
}

/// <summary>Europe/Paris wall-clock time, the one people use for the agenda.</summary>
public static class ParisTime
{
    public const string ZoneId = "Europe/Paris";
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById(ZoneId);

    public static DateTime Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone).DateTime;

    public static string Format(DateTimeOffset instant) => Local(instant).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    /// <summary>A local Paris time "2026-12-03T14:00" (the value of an HTML datetime-local input) as an instant.</summary>
    public static DateTimeOffset? Parse(string? local)
    {
        if (!DateTime.TryParse(local, CultureInfo.InvariantCulture, DateTimeStyles.None, out var wall))
        {
            return null;
        }

        return ToInstant(wall);
    }

    public static DateTimeOffset ToInstant(DateTime wall)
    {
        wall = DateTime.SpecifyKind(wall, DateTimeKind.Unspecified);
        return new DateTimeOffset(wall, Zone.GetUtcOffset(wall)).ToUniversalTime();
    }
}

public sealed class AgendaEventConfiguration : IEntityTypeConfiguration<AgendaEvent>
{
    public void Configure(EntityTypeBuilder<AgendaEvent> builder)
    {
        builder.ToTable("resource_events");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).HasColumnName("id");
        builder.Property(x => x.Uid).HasColumnName("uid").HasMaxLength(100);
        builder.Property(x => x.Title).HasColumnName("title").HasMaxLength(300);
        builder.Property(x => x.Description).HasColumnName("description").HasMaxLength(8000);
        builder.Property(x => x.StartsAt).HasColumnName("starts_at");
        builder.Property(x => x.EndsAt).HasColumnName("ends_at");
        builder.Property(x => x.Place).HasColumnName("place").HasMaxLength(500);
        builder.Property(x => x.OnlineUrl).HasColumnName("online_url").HasMaxLength(500);
        builder.Property(x => x.Organiser).HasColumnName("organiser").HasMaxLength(300);
        builder.Property(x => x.Themes).HasColumnName("themes").HasMaxLength(1000);
        builder.Property(x => x.Territories).HasColumnName("territories").HasMaxLength(2000);
        builder.Property(x => x.Status).HasColumnName("status").HasConversion<string>().HasMaxLength(16);
        builder.Property(x => x.UpdatedAt).HasColumnName("updated_at");
        builder.HasIndex(x => x.Uid).IsUnique();
        builder.HasIndex(x => new { x.Status, x.StartsAt });
    }
}
