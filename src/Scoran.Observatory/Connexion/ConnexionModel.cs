using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Scoran.Observatory.Connexion;

/// <summary>The three commune file families of Arcep's « Ma connexion internet » statistics that Scoran reads.</summary>
public enum ConnexionFamily
{
    /// <summary><c>commune_debit*</c>: premises by best download speed class (inel_hd, elig_cd_1 … elig_cd_6).</summary>
    Debit,
    /// <summary><c>commune_techno</c>: premises eligible to each technology (a premises counts once per technology).</summary>
    Techno,
    /// <summary><c>commune_meilleure_techno</c>: premises by their best technology.</summary>
    MeilleureTechno,
}

/// <summary>
/// One count of one commune file, kept in long form (one row per column of the file): the three
/// families have different columns, and a long table lets one import replace exactly its own file
/// (same date, same family) without touching the others.
/// </summary>
public sealed class ConnexionCommuneCount
{
    /// <summary>The file's <c>date</c> column (stock at that day).</summary>
    public required DateOnly Date { get; init; }
    public required ConnexionFamily Family { get; init; }
    /// <summary><c>all</c> (housing + business premises), <c>log</c> (housing) or <c>loc</c> (business premises).</summary>
    public required string PremisesType { get; init; }
    /// <summary>Today's commune (former codes of the file are mapped on import).</summary>
    public required string CommuneCode { get; init; }
    /// <summary>The file's column name: <c>nbr</c>, <c>elig_cd_4</c>, <c>elig_ftth</c>…</summary>
    public required string Measure { get; init; }
    public required long Value { get; init; }
}

public sealed class ConnexionCommuneCountConfiguration : IEntityTypeConfiguration<ConnexionCommuneCount>
{
    public void Configure(EntityTypeBuilder<ConnexionCommuneCount> builder)
    {
        builder.ToTable("connexion_commune_counts");
        builder.HasKey(x => new { x.Date, x.Family, x.PremisesType, x.CommuneCode, x.Measure });
        builder.Property(x => x.Date).HasColumnName("date");
        builder.Property(x => x.Family).HasColumnName("family").HasConversion<string>().HasMaxLength(24);
        builder.Property(x => x.PremisesType).HasColumnName("premises_type").HasMaxLength(3);
        builder.Property(x => x.CommuneCode).HasColumnName("commune_code").HasMaxLength(5);
        builder.Property(x => x.Measure).HasColumnName("measure").HasMaxLength(16);
        builder.Property(x => x.Value).HasColumnName("value");
        // Covering index for the territory sums (communes of a territory, type all): the value is read from the index, not the table.
        builder.HasIndex(x => new { x.CommuneCode, x.PremisesType, x.Date, x.Family, x.Measure, x.Value });
    }
}
