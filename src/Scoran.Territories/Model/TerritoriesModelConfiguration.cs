using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Scoran.Territories.Model;

// Table and column names are snake_case and set here, not by convention, because the bulk
// import merges staging tables with hand-written SQL that must run unchanged on SQLite and PostgreSQL.

internal static class KindColumn
{
    public static readonly ValueConverter<TerritoryKind, string> Converter = new(
        kind => kind.ToSlug(),
        slug => Parse(slug));

    private static TerritoryKind Parse(string slug) =>
        TerritoryKinds.TryParse(slug, out var kind) ? kind : throw new InvalidOperationException($"Unknown territory kind '{slug}'.");
}

public sealed class TerritoryConfiguration : IEntityTypeConfiguration<Territory>
{
    public void Configure(EntityTypeBuilder<Territory> builder)
    {
        builder.ToTable("territories");
        builder.HasKey(x => new { x.Kind, x.Code });
        builder.Property(x => x.Kind).HasColumnName("kind").HasConversion(KindColumn.Converter).HasMaxLength(16);
        builder.Property(x => x.Code).HasColumnName("code").HasMaxLength(9);
        builder.Property(x => x.Name).HasColumnName("name").HasMaxLength(200);
        builder.Property(x => x.SearchName).HasColumnName("search_name").HasMaxLength(200);
        builder.Property(x => x.SearchAlias).HasColumnName("search_alias").HasMaxLength(200);
        builder.Property(x => x.Category).HasColumnName("category").HasMaxLength(32);
        builder.Property(x => x.Population).HasColumnName("population");
        builder.Property(x => x.RegionCode).HasColumnName("region_code").HasMaxLength(3);
        builder.Property(x => x.DepartementCode).HasColumnName("departement_code").HasMaxLength(3);
        builder.Property(x => x.EpciCode).HasColumnName("epci_code").HasMaxLength(9);
        builder.Property(x => x.ChefLieuCode).HasColumnName("chef_lieu_code").HasMaxLength(5);
        builder.Property(x => x.Siren).HasColumnName("siren").HasMaxLength(9);
        builder.Property(x => x.IsObsolete).HasColumnName("is_obsolete");
        builder.HasIndex(x => x.SearchName);
        builder.HasIndex(x => x.SearchAlias);
        builder.HasIndex(x => x.Code);
        builder.HasIndex(x => new { x.Kind, x.DepartementCode });
        builder.HasIndex(x => new { x.Kind, x.EpciCode });
        builder.HasIndex(x => new { x.Kind, x.RegionCode });
    }
}

public sealed class PostalCodeConfiguration : IEntityTypeConfiguration<PostalCode>
{
    public void Configure(EntityTypeBuilder<PostalCode> builder)
    {
        builder.ToTable("postal_codes");
        builder.HasKey(x => new { x.Code, x.CommuneCode });
        builder.Property(x => x.Code).HasColumnName("code").HasMaxLength(5);
        builder.Property(x => x.CommuneCode).HasColumnName("commune_code").HasMaxLength(5);
        builder.HasIndex(x => x.CommuneCode);
    }
}

public sealed class CommuneAliasConfiguration : IEntityTypeConfiguration<CommuneAlias>
{
    public void Configure(EntityTypeBuilder<CommuneAlias> builder)
    {
        builder.ToTable("commune_aliases");
        builder.HasKey(x => x.Code);
        builder.Property(x => x.Code).HasColumnName("code").HasMaxLength(5);
        builder.Property(x => x.CurrentCode).HasColumnName("current_code").HasMaxLength(5);
        builder.Property(x => x.Kind).HasColumnName("kind").HasConversion<int>();
        builder.Property(x => x.Name).HasColumnName("name").HasMaxLength(200);
        builder.HasIndex(x => x.CurrentCode);
    }
}

public sealed class TerritoryContourConfiguration : IEntityTypeConfiguration<TerritoryContour>
{
    public void Configure(EntityTypeBuilder<TerritoryContour> builder)
    {
        builder.ToTable("territory_contours");
        builder.HasKey(x => new { x.Kind, x.Code });
        builder.Property(x => x.Kind).HasColumnName("kind").HasConversion(KindColumn.Converter).HasMaxLength(16);
        builder.Property(x => x.Code).HasColumnName("code").HasMaxLength(9);
        builder.Property(x => x.Geometry).HasColumnName("geometry");
        builder.Property(x => x.Source).HasColumnName("source").HasMaxLength(512);
        builder.Property(x => x.SourceFeatureCount).HasColumnName("source_feature_count");
    }
}
