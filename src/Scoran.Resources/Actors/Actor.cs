using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Scoran.Resources.Contributions;

namespace Scoran.Resources.Actors;

public enum ActorType
{
    Commune,
    Epci,
    Departement,
    Region,
    Etat,
    SyndicatMixte,
    Operateur,
    Entreprise,
    Association,
    LaboratoireUniversite,
    EtablissementPublic,
    Autre,
}

public static class ActorTypes
{
    public static string ToFrench(this ActorType type) => type switch
    {
        ActorType.Commune => "Commune",
        ActorType.Epci => "EPCI",
        ActorType.Departement => "Département",
        ActorType.Region => "Région",
        ActorType.Etat => "État",
        ActorType.SyndicatMixte => "Syndicat mixte",
        ActorType.Operateur => "Opérateur",
        ActorType.Entreprise => "Entreprise",
        ActorType.Association => "Association",
        ActorType.LaboratoireUniversite => "Laboratoire / université",
        ActorType.EtablissementPublic => "Établissement public",
        _ => "Autre",
    };
}

/// <summary>An organisation of the territory (annuaire des acteurs).</summary>
public sealed class Actor : IModeratedEntry
{
    public long Id { get; init; }
    public required string Name { get; set; }
    public ActorType Type { get; set; }
    /// <summary>9 digits, Luhn-valid (<see cref="Siren"/>), when known.</summary>
    public string? Siren { get; set; }
    public string? Description { get; set; }
    /// <summary>Territory codes (INSEE commune, SIREN of EPCI, département, région) as a tag list.</summary>
    public string Territories { get; set; } = "";
    /// <summary>Roles in the digital strategy (financeur, maître d'ouvrage, animateur…) as a tag list.</summary>
    public string Roles { get; set; } = "";
    public string Themes { get; set; } = "";
    public string? Website { get; set; }
    public PublicationStatus Status { get; set; }
    public List<ActorContact> Contacts { get; init; } = [];

    string IModeratedEntry.Title => Name;

    public IReadOnlyList<EntryField> Fields() =>
    [
        new("name", "Nom", Name),
        new("type", "Type", Type.ToString()),
        new("siren", "SIREN", Siren),
        new("description", "Présentation", Description),
        new("territories", "Territoires", TagList.Display(Territories)),
        new("roles", "Rôles", TagList.Display(Roles)),
        new("themes", "Thèmes", TagList.Display(Themes)),
        new("website", "Site web", Website),
        // Read-only in proposals (not applied): lets the editor check consent before publishing; names only, never coordinates.
        new("contacts", "Contacts", Contacts.Count == 0 ? null : string.Join(" ; ", Contacts.Select(c => c.IsPublic
            ? $"{c.Name} (consentement du {c.ConsentDate!.Value:yyyy-MM-dd})"
            : $"{c.Name} (sans consentement : non publié)"))),
    ];

    public void Apply(IReadOnlyDictionary<string, string?> values)
    {
        foreach (var (key, value) in values)
        {
            switch (key)
            {
                case "name": Name = value ?? Name; break;
                case "type": Type = Enum.TryParse<ActorType>(value, out var t) ? t : Type; break;
                case "siren": Siren = string.IsNullOrWhiteSpace(value) ? null : value.Replace(" ", "", StringComparison.Ordinal); break;
                case "description": Description = value; break;
                case "territories": Territories = TagList.Store(value); break;
                case "roles": Roles = TagList.Store(value); break;
                case "themes": Themes = TagList.Store(value); break;
                case "website": Website = value; break;
            }
        }
    }
}

/// <summary>
/// A person to contact at an organisation. Personal details are published only with the
/// person's recorded consent (flag and date): <see cref="IsPublic"/> is the one rule every page and the API use.
/// </summary>
public sealed class ActorContact
{
    public long Id { get; init; }
    public long ActorId { get; init; }
    public required string Name { get; set; }
    public string? Function { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public bool Consent { get; set; }
    public DateOnly? ConsentDate { get; set; }

    public bool IsPublic => Consent && ConsentDate is not null;
}

/// <summary>SIREN: 9 digits whose Luhn checksum is valid (La Poste's 356000000 is the one known exception).</summary>
public static class Siren
{
    public static bool IsValid(string? value)
    {
        var digits = value?.Replace(" ", "", StringComparison.Ordinal);
        if (digits is null || digits.Length != 9 || !digits.All(char.IsAsciiDigit))
        {
            return false;
        }

        if (digits == "356000000")
        {
            return true;
        }

        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            // From the right, every second digit is doubled: in a 9-digit number those are the even positions (0-based odd).
            var d = digits[i] - '0';
            if (i % 2 == 1)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
        }

        return sum % 10 == 0;
    }

    public static string Format(string siren) =>
        siren.Length == 9 ? string.Create(CultureInfo.InvariantCulture, $"{siren[..3]} {siren[3..6]} {siren[6..]}") : siren;
}

public sealed class ActorConfiguration : IEntityTypeConfiguration<Actor>
{
    public void Configure(EntityTypeBuilder<Actor> builder)
    {
        builder.ToTable("resource_actors");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).HasColumnName("id");
        builder.Property(x => x.Name).HasColumnName("name").HasMaxLength(300);
        builder.Property(x => x.Type).HasColumnName("type").HasConversion<string>().HasMaxLength(32);
        builder.Property(x => x.Siren).HasColumnName("siren").HasMaxLength(9);
        builder.Property(x => x.Description).HasColumnName("description").HasMaxLength(4000);
        builder.Property(x => x.Territories).HasColumnName("territories").HasMaxLength(2000);
        builder.Property(x => x.Roles).HasColumnName("roles").HasMaxLength(1000);
        builder.Property(x => x.Themes).HasColumnName("themes").HasMaxLength(1000);
        builder.Property(x => x.Website).HasColumnName("website").HasMaxLength(500);
        builder.Property(x => x.Status).HasColumnName("status").HasConversion<string>().HasMaxLength(16);
        builder.HasMany(x => x.Contacts).WithOne().HasForeignKey(c => c.ActorId);
        builder.HasIndex(x => x.Status);
    }
}

public sealed class ActorContactConfiguration : IEntityTypeConfiguration<ActorContact>
{
    public void Configure(EntityTypeBuilder<ActorContact> builder)
    {
        builder.ToTable("resource_actor_contacts");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).HasColumnName("id");
        builder.Property(x => x.ActorId).HasColumnName("actor_id");
        builder.Property(x => x.Name).HasColumnName("name").HasMaxLength(200);
        builder.Property(x => x.Function).HasColumnName("function").HasMaxLength(200);
        builder.Property(x => x.Email).HasColumnName("email").HasMaxLength(256);
        builder.Property(x => x.Phone).HasColumnName("phone").HasMaxLength(40);
        builder.Property(x => x.Consent).HasColumnName("consent");
        builder.Property(x => x.ConsentDate).HasColumnName("consent_date");
        builder.Ignore(x => x.IsPublic);
    }
}
