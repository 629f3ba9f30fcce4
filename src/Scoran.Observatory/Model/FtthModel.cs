using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Scoran.Observatory.Model;

/// <summary>
/// Connectable premises (locaux raccordables FttH) of a current commune at the end of a quarter,
/// as published in one release of Arcep's observatory. Every release is kept: a later release
/// may revise an earlier quarter, and both figures must stay explainable.
/// </summary>
public sealed class FtthCommuneQuarter
{
    /// <summary>Release the figure comes from, e.g. "2018T1" (its latest quarter).</summary>
    public required string Release { get; init; }
    public required string CommuneCode { get; init; }
    /// <summary><see cref="Quarter.Key"/> (year × 10 + quarter number).</summary>
    public required int Quarter { get; init; }
    public required long ConnectablePremises { get; init; }
}

/// <summary>
/// What a release says of a current commune besides deployment: premises (the coverage
/// denominator) and zoning. For a commune made of several communes of the release's vintage,
/// premises are summed and the zoning is the strongest private one among them.
/// </summary>
public sealed class FtthCommuneProfile
{
    public required string Release { get; init; }
    public required string CommuneCode { get; init; }
    public required long Housing { get; init; }
    public required long Businesses { get; init; }
    public required FtthZone Zone { get; init; }
    /// <summary>Operator(s) under an L.33-13 commitment (Orange = FRTE, SFR = SFR0), if any.</summary>
    public string? L3313Commitment { get; init; }
    public string? PrivateIntentions { get; init; }
    /// <summary>Infrastructure operators present, '-'-separated as Arcep writes them.</summary>
    public string? InfrastructureOperators { get; init; }
    /// <summary>Codes of the release's vintage merged into this commune, when there were several.</summary>
    public string? SourceCodes { get; init; }

    /// <summary>
    /// "Meilleure estimation des locaux" of the 2020+ layout: Arcep's own coverage denominator,
    /// which replaces housing + businesses when present (null for the 2017–2019 releases).
    /// </summary>
    public long? BestPremisesEstimate { get; init; }

    /// <summary>
    /// Release whose zoning was borrowed, for a release whose file carries no AMII/RIP split
    /// (2020+ layout); null when the release's own file gave the zoning.
    /// </summary>
    public string? ZoneFrom { get; init; }

    public long Premises => BestPremisesEstimate ?? Housing + Businesses;
}

public sealed class FtthCommuneQuarterConfiguration : IEntityTypeConfiguration<FtthCommuneQuarter>
{
    public void Configure(EntityTypeBuilder<FtthCommuneQuarter> builder)
    {
        builder.ToTable("ftth_commune_quarters");
        builder.HasKey(x => new { x.Release, x.CommuneCode, x.Quarter });
        builder.Property(x => x.Release).HasColumnName("release").HasMaxLength(16);
        builder.Property(x => x.CommuneCode).HasColumnName("commune_code").HasMaxLength(5);
        builder.Property(x => x.Quarter).HasColumnName("quarter");
        builder.Property(x => x.ConnectablePremises).HasColumnName("connectable_premises");
        builder.HasIndex(x => new { x.Release, x.Quarter });
    }
}

public sealed class FtthCommuneProfileConfiguration : IEntityTypeConfiguration<FtthCommuneProfile>
{
    public void Configure(EntityTypeBuilder<FtthCommuneProfile> builder)
    {
        builder.ToTable("ftth_commune_profiles");
        builder.HasKey(x => new { x.Release, x.CommuneCode });
        builder.Property(x => x.Release).HasColumnName("release").HasMaxLength(16);
        builder.Property(x => x.CommuneCode).HasColumnName("commune_code").HasMaxLength(5);
        builder.Property(x => x.Housing).HasColumnName("housing");
        builder.Property(x => x.Businesses).HasColumnName("businesses");
        builder.Property(x => x.Zone).HasColumnName("zone").HasConversion<string>().HasMaxLength(24);
        builder.Property(x => x.L3313Commitment).HasColumnName("l3313_commitment").HasMaxLength(64);
        builder.Property(x => x.PrivateIntentions).HasColumnName("private_intentions").HasMaxLength(64);
        builder.Property(x => x.InfrastructureOperators).HasColumnName("infrastructure_operators").HasMaxLength(128);
        builder.Property(x => x.SourceCodes).HasColumnName("source_codes").HasMaxLength(256);
        builder.Property(x => x.BestPremisesEstimate).HasColumnName("best_premises_estimate");
        builder.Property(x => x.ZoneFrom).HasColumnName("zone_from").HasMaxLength(16);
        builder.Ignore(x => x.Premises);
    }
}
