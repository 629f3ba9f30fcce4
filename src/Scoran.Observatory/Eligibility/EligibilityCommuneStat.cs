using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Scoran.Observatory.Eligibility;

/// <summary>
/// What a building-level release says of a current commune, summed at import: premises by best
/// download class, by technology, and those with no wired broadband (DSL, cable, fibre) and
/// whether a radio or satellite solution reaches them.
/// </summary>
public sealed class EligibilityCommuneStat
{
    public required string Vintage { get; init; }
    public required string CommuneCode { get; init; }
    public required int Buildings { get; init; }
    public required long Premises { get; init; }
    /// <summary>Premises whose best download class, all technologies together, is INEL … THD1G (index 0 … 6); none reported counts as INEL.</summary>
    public required long PremisesBestInel { get; init; }
    public required long PremisesBestHd05 { get; init; }
    public required long PremisesBestHd3 { get; init; }
    public required long PremisesBestBhd8 { get; init; }
    public required long PremisesBestThd30 { get; init; }
    public required long PremisesBestThd100 { get; init; }
    public required long PremisesBestThd1g { get; init; }
    public required long PremisesCu { get; init; }
    public required long PremisesCoax { get; init; }
    /// <summary>Premises eligible to FttH (code_techno FO).</summary>
    public required long PremisesFo { get; init; }
    public required long Premises4gf { get; init; }
    public required long PremisesThdr { get; init; }
    public required long PremisesWmx { get; init; }
    public required long PremisesSat { get; init; }
    public required long PremisesNoWired { get; init; }
    /// <summary>Premises without wired broadband that a radio or satellite solution reaches.</summary>
    public required long PremisesNoWiredAlternative { get; init; }

    public static readonly string[] Columns =
    [
        "vintage", "commune_code", "buildings", "premises", "premises_best_inel", "premises_best_hd05", "premises_best_hd3", "premises_best_bhd8",
        "premises_best_thd30", "premises_best_thd100", "premises_best_thd1g", "premises_cu", "premises_coax", "premises_fo", "premises_4gf",
        "premises_thdr", "premises_wmx", "premises_sat", "premises_no_wired", "premises_no_wired_alternative",
    ];
}

public sealed class EligibilityCommuneStatConfiguration : IEntityTypeConfiguration<EligibilityCommuneStat>
{
    public void Configure(EntityTypeBuilder<EligibilityCommuneStat> builder)
    {
        builder.ToTable("eligibility_commune_stats");
        builder.HasKey(x => new { x.Vintage, x.CommuneCode });
        builder.Property(x => x.Vintage).HasColumnName("vintage").HasMaxLength(32);
        builder.Property(x => x.CommuneCode).HasColumnName("commune_code").HasMaxLength(5);
        builder.Property(x => x.Buildings).HasColumnName("buildings");
        builder.Property(x => x.Premises).HasColumnName("premises");
        builder.Property(x => x.PremisesBestInel).HasColumnName("premises_best_inel");
        builder.Property(x => x.PremisesBestHd05).HasColumnName("premises_best_hd05");
        builder.Property(x => x.PremisesBestHd3).HasColumnName("premises_best_hd3");
        builder.Property(x => x.PremisesBestBhd8).HasColumnName("premises_best_bhd8");
        builder.Property(x => x.PremisesBestThd30).HasColumnName("premises_best_thd30");
        builder.Property(x => x.PremisesBestThd100).HasColumnName("premises_best_thd100");
        builder.Property(x => x.PremisesBestThd1g).HasColumnName("premises_best_thd1g");
        builder.Property(x => x.PremisesCu).HasColumnName("premises_cu");
        builder.Property(x => x.PremisesCoax).HasColumnName("premises_coax");
        builder.Property(x => x.PremisesFo).HasColumnName("premises_fo");
        builder.Property(x => x.Premises4gf).HasColumnName("premises_4gf");
        builder.Property(x => x.PremisesThdr).HasColumnName("premises_thdr");
        builder.Property(x => x.PremisesWmx).HasColumnName("premises_wmx");
        builder.Property(x => x.PremisesSat).HasColumnName("premises_sat");
        builder.Property(x => x.PremisesNoWired).HasColumnName("premises_no_wired");
        builder.Property(x => x.PremisesNoWiredAlternative).HasColumnName("premises_no_wired_alternative");
        builder.HasIndex(x => x.CommuneCode);
    }
}
