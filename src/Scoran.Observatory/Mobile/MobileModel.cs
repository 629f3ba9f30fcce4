using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Scoran.Observatory.Mobile;

/// <summary>
/// Announced (theoretical) mobile coverage of one commune by one operator, technology and level,
/// at one vintage: the population and area covered "at least at this level", as the publisher
/// computed them from its coverage maps. Kept per commune so any territory is a sum of communes.
/// </summary>
public sealed class MobileCoverage
{
    /// <summary>Quarter key of the vintage (2025T4 → 20254), so vintages sort as numbers.</summary>
    public required int Vintage { get; init; }
    public required string CommuneCode { get; init; }
    /// <summary>Canonical operator id (<see cref="MobileOperators"/>: orange, sfr, bouygues, free).</summary>
    public required string Operator { get; init; }
    /// <summary>2G, 3G, 4G or 5G.</summary>
    public required string Technology { get; init; }
    /// <summary>Canonical level (<see cref="MobileLevels"/>): tres-bonne, bonne, limitee.</summary>
    public required string Level { get; init; }
    public required long PopulationCovered { get; init; }
    /// <summary>Area covered in km² (decimal: exact sums, no float drift).</summary>
    public required decimal AreaCoveredKm2 { get; init; }
}

/// <summary>Population and area of a commune as the coverage file gives them: the denominators of its rates, at that vintage.</summary>
public sealed class MobileCommuneBase
{
    public required int Vintage { get; init; }
    public required string CommuneCode { get; init; }
    public required long Population { get; init; }
    public required decimal AreaKm2 { get; init; }
}

/// <summary>A site of the New Deal mobile's targeted-coverage scheme (« dispositif de couverture ciblée »), as listed at one vintage.</summary>
public sealed class NewDealSite
{
    public required int Vintage { get; init; }
    /// <summary>The publisher's site identifier.</summary>
    public required string SiteId { get; init; }
    public required string CommuneCode { get; init; }
    /// <summary>Canonical operator ids, comma-separated in a stable order (a site is often shared).</summary>
    public required string Operators { get; init; }
    /// <summary>planned (« à construire ») or in-service (« en service »).</summary>
    public required string Status { get; init; }
    /// <summary>Date of the ministerial order designating the zone (« arrêté »), when given.</summary>
    public DateOnly? DecreeDate { get; init; }
    /// <summary>Date by which the site must be in service (regulatory deadline), when given.</summary>
    public DateOnly? Deadline { get; init; }
    public DateOnly? InServiceDate { get; init; }
}

public sealed class MobileCoverageConfiguration : IEntityTypeConfiguration<MobileCoverage>
{
    public void Configure(EntityTypeBuilder<MobileCoverage> builder)
    {
        builder.ToTable("mobile_coverage");
        builder.HasKey(x => new { x.Vintage, x.CommuneCode, x.Operator, x.Technology, x.Level });
        builder.Property(x => x.Vintage).HasColumnName("vintage");
        builder.Property(x => x.CommuneCode).HasColumnName("commune_code").HasMaxLength(5);
        builder.Property(x => x.Operator).HasColumnName("operator").HasMaxLength(16);
        builder.Property(x => x.Technology).HasColumnName("technology").HasMaxLength(2);
        builder.Property(x => x.Level).HasColumnName("level").HasMaxLength(16);
        builder.Property(x => x.PopulationCovered).HasColumnName("population_covered");
        builder.Property(x => x.AreaCoveredKm2).HasColumnName("area_covered_km2").HasPrecision(14, 4);
        builder.HasIndex(x => new { x.CommuneCode, x.Vintage });
    }
}

public sealed class MobileCommuneBaseConfiguration : IEntityTypeConfiguration<MobileCommuneBase>
{
    public void Configure(EntityTypeBuilder<MobileCommuneBase> builder)
    {
        builder.ToTable("mobile_commune_bases");
        builder.HasKey(x => new { x.Vintage, x.CommuneCode });
        builder.Property(x => x.Vintage).HasColumnName("vintage");
        builder.Property(x => x.CommuneCode).HasColumnName("commune_code").HasMaxLength(5);
        builder.Property(x => x.Population).HasColumnName("population");
        builder.Property(x => x.AreaKm2).HasColumnName("area_km2").HasPrecision(14, 4);
    }
}

public sealed class NewDealSiteConfiguration : IEntityTypeConfiguration<NewDealSite>
{
    public void Configure(EntityTypeBuilder<NewDealSite> builder)
    {
        builder.ToTable("mobile_new_deal_sites");
        builder.HasKey(x => new { x.Vintage, x.SiteId });
        builder.Property(x => x.Vintage).HasColumnName("vintage");
        builder.Property(x => x.SiteId).HasColumnName("site_id").HasMaxLength(64);
        builder.Property(x => x.CommuneCode).HasColumnName("commune_code").HasMaxLength(5);
        builder.Property(x => x.Operators).HasColumnName("operators").HasMaxLength(64);
        builder.Property(x => x.Status).HasColumnName("status").HasMaxLength(16);
        builder.Property(x => x.DecreeDate).HasColumnName("decree_date");
        builder.Property(x => x.Deadline).HasColumnName("deadline");
        builder.Property(x => x.InServiceDate).HasColumnName("in_service_date");
        builder.HasIndex(x => new { x.CommuneCode, x.Vintage });
    }
}
