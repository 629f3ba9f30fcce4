using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Scoran.Resources.Places;

/// <summary>
/// A place where people get help with digital matters (« lieu d'inclusion numérique »): a France
/// Services, an EPN, a tiers-lieu, a lieu de médiation numérique… Places are kept per source
/// (« france-services », « mediation-numerique », « data-inclusion », or a regional file), keyed by the
/// source's own identifier, so re-importing a source replaces exactly its places.
/// </summary>
public sealed class InclusionPlace
{
    public long Id { get; init; }
    /// <summary>Source the place was read from ("france-services", "mediation-numerique", …).</summary>
    public required string Source { get; init; }
    /// <summary>The place's identifier in its source (France Services « id_fs », schema « id »).</summary>
    public required string SourceId { get; init; }
    public required string Name { get; set; }
    /// <summary><see cref="Scoran.Core.Text.SearchText"/> key of the name, commune and address, for the search.</summary>
    public required string SearchText { get; set; }
    public required string Address { get; set; }
    public string? AddressComplement { get; set; }
    public string? PostalCode { get; set; }
    /// <summary>Today's INSEE commune code (codes of merged communes are brought onto the current commune); null when the source gave none that resolves.</summary>
    public string? CommuneCode { get; set; }
    public required string CommuneName { get; set; }
    public string? DepartementCode { get; set; }
    public double Latitude { get; set; }
    public double Longitude { get; set; }
    /// <summary>The file gave no coordinates: the place sits on its commune's representative point.</summary>
    public bool LocatedAtCommune { get; set; }
    /// <summary>Services offered, codes of the « lieux de médiation numérique » schema, '|'-separated.</summary>
    public string Services { get; set; } = "";
    /// <summary>Publics specifically welcomed (schema codes), '|'-separated; empty means everyone.</summary>
    public string Publics { get; set; } = "";
    /// <summary>Labels and national programmes (<see cref="PlaceLabels"/>), '|'-separated.</summary>
    public string Labels { get; set; } = "";
    /// <summary>Opening hours in the OpenStreetMap <c>opening_hours</c> syntax, as the national schemas use.</summary>
    public string? OpeningHours { get; set; }
    /// <summary>Free text hours when the source's hours could not be written in the OSM syntax.</summary>
    public string? HoursNote { get; set; }
    /// <summary>Physical accessibility: "PMR" codes or a link to an Acceslibre record.</summary>
    public string? Accessibility { get; set; }
    public bool Itinerant { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Website { get; set; }
    public string? Description { get; set; }
    /// <summary>Line of the source file the place was read from (1-based), so a place leads back to its source row.</summary>
    public long SourceLine { get; set; }
    /// <summary>The <c>dataset_imports</c> row of the import that wrote this place.</summary>
    public Guid DatasetImportId { get; set; }

    public IReadOnlyList<string> ServiceList => Split(Services);
    public IReadOnlyList<string> PublicList => Split(Publics);
    public IReadOnlyList<string> LabelList => Split(Labels);

    public static IReadOnlyList<string> Split(string? values) =>
        string.IsNullOrWhiteSpace(values) ? [] : values.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static string Join(IEnumerable<string> values) =>
        string.Join('|', values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()).Distinct(StringComparer.Ordinal));
}

public sealed class InclusionPlaceConfiguration : IEntityTypeConfiguration<InclusionPlace>
{
    public void Configure(EntityTypeBuilder<InclusionPlace> builder)
    {
        builder.ToTable("inclusion_places");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).HasColumnName("id").ValueGeneratedOnAdd();
        builder.Property(x => x.Source).HasColumnName("source").HasMaxLength(64);
        builder.Property(x => x.SourceId).HasColumnName("source_id").HasMaxLength(128);
        builder.Property(x => x.Name).HasColumnName("name").HasMaxLength(512);
        builder.Property(x => x.SearchText).HasColumnName("search_text").HasMaxLength(2000);
        builder.Property(x => x.Address).HasColumnName("address").HasMaxLength(512);
        builder.Property(x => x.AddressComplement).HasColumnName("address_complement").HasMaxLength(512);
        builder.Property(x => x.PostalCode).HasColumnName("postal_code").HasMaxLength(5);
        builder.Property(x => x.CommuneCode).HasColumnName("commune_code").HasMaxLength(5);
        builder.Property(x => x.CommuneName).HasColumnName("commune_name").HasMaxLength(256);
        builder.Property(x => x.DepartementCode).HasColumnName("departement_code").HasMaxLength(3);
        builder.Property(x => x.Latitude).HasColumnName("latitude");
        builder.Property(x => x.Longitude).HasColumnName("longitude");
        builder.Property(x => x.LocatedAtCommune).HasColumnName("located_at_commune");
        builder.Property(x => x.Services).HasColumnName("services").HasMaxLength(2000);
        builder.Property(x => x.Publics).HasColumnName("publics").HasMaxLength(2000);
        builder.Property(x => x.Labels).HasColumnName("labels").HasMaxLength(1000);
        builder.Property(x => x.OpeningHours).HasColumnName("opening_hours").HasMaxLength(1000);
        builder.Property(x => x.HoursNote).HasColumnName("hours_note").HasMaxLength(2000);
        builder.Property(x => x.Accessibility).HasColumnName("accessibility").HasMaxLength(1000);
        builder.Property(x => x.Itinerant).HasColumnName("itinerant");
        builder.Property(x => x.Phone).HasColumnName("phone").HasMaxLength(64);
        builder.Property(x => x.Email).HasColumnName("email").HasMaxLength(256);
        builder.Property(x => x.Website).HasColumnName("website").HasMaxLength(512);
        builder.Property(x => x.Description).HasColumnName("description").HasMaxLength(4000);
        builder.Property(x => x.SourceLine).HasColumnName("source_line");
        builder.Property(x => x.DatasetImportId).HasColumnName("dataset_import_id");
        builder.Ignore(x => x.ServiceList);
        builder.Ignore(x => x.PublicList);
        builder.Ignore(x => x.LabelList);
        builder.HasIndex(x => new { x.Source, x.SourceId }).IsUnique();
        builder.HasIndex(x => x.CommuneCode);
        builder.HasIndex(x => x.DepartementCode);
    }
}

/// <summary>Labels and national programmes a place may carry (codes of the schema's « dispositif_programmes_nationaux » / « formations_labels », plus the common typologies).</summary>
public static class PlaceLabels
{
    public const string FranceServices = "France Services";
    public const string TiersLieu = "Tiers-lieu";
    public const string PassNumerique = "Pass numérique";
    public const string Epn = "EPN";
    public const string ConseillerNumerique = "Conseillers numériques";
    public const string AidantsConnect = "Aidants Connect";
    public const string MediationNumerique = "Lieu de médiation numérique";

    public static readonly IReadOnlyList<string> All = [FranceServices, ConseillerNumerique, AidantsConnect, PassNumerique, Epn, TiersLieu, MediationNumerique];
}
