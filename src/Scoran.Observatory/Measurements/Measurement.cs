using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Scoran.Observatory.Measurements;

/// <summary>
/// One crowdsourced mobile measurement as received. The position is personal data: it is read
/// only to assign the commune and grid cell at ingestion, never published, and stripped by the
/// retention purge (<see cref="MeasurementRetention"/>); everything published is computed from
/// <see cref="CommuneCode"/>, <see cref="CellId"/> and the pseudonymous <see cref="ContributorId"/>.
/// </summary>
public sealed class Measurement
{
    public long Id { get; init; }
    /// <summary>Idempotency key: the client's item id, else Idempotency-Key header + item index. Unique in the database.</summary>
    public required string ClientKey { get; init; }
    public required DateTimeOffset MeasuredAt { get; init; }
    public required DateTimeOffset ReceivedAt { get; init; }
    /// <summary>WGS84 latitude; null once purged.</summary>
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public double? AccuracyMeters { get; set; }
    /// <summary>MCC-MNC, e.g. 20801.</summary>
    public required string OperatorCode { get; init; }
    /// <summary>2G, 3G, 4G, 5G or "aucune" (no service).</summary>
    public required string Technology { get; init; }
    public double? Rsrp { get; init; }
    public double? Rsrq { get; init; }
    public double? Sinr { get; init; }
    public double? Rssi { get; init; }
    public double? DownloadMbps { get; init; }
    public double? UploadMbps { get; init; }
    public double? LatencyMs { get; init; }
    public bool? Indoor { get; init; }
    public string? AppVersion { get; set; }
    public string? Device { get; set; }
    /// <summary>Pseudonymous contributor: SHA-256 of the contributor token or installation id (or client address). Only ever counted.</summary>
    public required string ContributorId { get; init; }
    /// <summary>Current INSEE code of the commune whose outline contains the position; null when no outlines are loaded.</summary>
    public string? CommuneCode { get; init; }
    /// <summary>Grid cell of about 1 km (<see cref="MeasurementGrid"/>).</summary>
    public required string CellId { get; init; }
    public string? CampaignCode { get; init; }
    /// <summary>True once the retention purge removed position and device fields.</summary>
    public bool Purged { get; set; }
}

/// <summary>A measurement campaign defined by a project team: where, when, which operators, how.</summary>
public sealed class MeasurementCampaign
{
    public required string Code { get; init; }
    public required string Name { get; set; }
    /// <summary>region, departement, epci or commune.</summary>
    public required string TerritoryKind { get; set; }
    public required string TerritoryCode { get; set; }
    public required DateTimeOffset StartsAt { get; set; }
    public required DateTimeOffset EndsAt { get; set; }
    /// <summary>MCC-MNC codes measured, comma-separated; empty: all French operators.</summary>
    public required string Operators { get; set; }
    public required string Protocol { get; set; }
    public required string CreatedBy { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }

    public IReadOnlyList<string> OperatorList => Operators.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>A contributor token issued to a trusted campaign team; only its SHA-256 is kept.</summary>
public sealed class ContributorToken
{
    public long Id { get; init; }
    public required string TokenHash { get; init; }
    public required string Label { get; init; }
    public string? CampaignCode { get; init; }
    public required string IssuedBy { get; init; }
    public required DateTimeOffset IssuedAt { get; init; }
    public DateTimeOffset? RevokedAt { get; set; }
}

public sealed class MeasurementConfiguration : IEntityTypeConfiguration<Measurement>
{
    public void Configure(EntityTypeBuilder<Measurement> builder)
    {
        builder.ToTable("mobile_measurements");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).HasColumnName("id");
        builder.Property(x => x.ClientKey).HasColumnName("client_key").HasMaxLength(200);
        builder.Property(x => x.MeasuredAt).HasColumnName("measured_at");
        builder.Property(x => x.ReceivedAt).HasColumnName("received_at");
        builder.Property(x => x.Latitude).HasColumnName("latitude");
        builder.Property(x => x.Longitude).HasColumnName("longitude");
        builder.Property(x => x.AccuracyMeters).HasColumnName("accuracy_m");
        builder.Property(x => x.OperatorCode).HasColumnName("operator_code").HasMaxLength(6);
        builder.Property(x => x.Technology).HasColumnName("technology").HasMaxLength(8);
        builder.Property(x => x.Rsrp).HasColumnName("rsrp_dbm");
        builder.Property(x => x.Rsrq).HasColumnName("rsrq_db");
        builder.Property(x => x.Sinr).HasColumnName("sinr_db");
        builder.Property(x => x.Rssi).HasColumnName("rssi_dbm");
        builder.Property(x => x.DownloadMbps).HasColumnName("download_mbps");
        builder.Property(x => x.UploadMbps).HasColumnName("upload_mbps");
        builder.Property(x => x.LatencyMs).HasColumnName("latency_ms");
        builder.Property(x => x.Indoor).HasColumnName("indoor");
        builder.Property(x => x.AppVersion).HasColumnName("app_version").HasMaxLength(64);
        builder.Property(x => x.Device).HasColumnName("device").HasMaxLength(128);
        builder.Property(x => x.ContributorId).HasColumnName("contributor_id").HasMaxLength(64);
        builder.Property(x => x.CommuneCode).HasColumnName("commune_code").HasMaxLength(5);
        builder.Property(x => x.CellId).HasColumnName("cell_id").HasMaxLength(16);
        builder.Property(x => x.CampaignCode).HasColumnName("campaign_code").HasMaxLength(32);
        builder.Property(x => x.Purged).HasColumnName("purged");
        // The idempotency guarantee lives here, not in memory: a retried item hits this constraint.
        builder.HasIndex(x => x.ClientKey).IsUnique();
        builder.HasIndex(x => new { x.CommuneCode, x.MeasuredAt });
        builder.HasIndex(x => new { x.CampaignCode, x.MeasuredAt });
        builder.HasIndex(x => new { x.Purged, x.ReceivedAt });
    }
}

public sealed class MeasurementCampaignConfiguration : IEntityTypeConfiguration<MeasurementCampaign>
{
    public void Configure(EntityTypeBuilder<MeasurementCampaign> builder)
    {
        builder.ToTable("mobile_measurement_campaigns");
        builder.HasKey(x => x.Code);
        builder.Ignore(x => x.OperatorList);
        builder.Property(x => x.Code).HasColumnName("code").HasMaxLength(32);
        builder.Property(x => x.Name).HasColumnName("name").HasMaxLength(200);
        builder.Property(x => x.TerritoryKind).HasColumnName("territory_kind").HasMaxLength(16);
        builder.Property(x => x.TerritoryCode).HasColumnName("territory_code").HasMaxLength(9);
        builder.Property(x => x.StartsAt).HasColumnName("starts_at");
        builder.Property(x => x.EndsAt).HasColumnName("ends_at");
        builder.Property(x => x.Operators).HasColumnName("operators").HasMaxLength(64);
        builder.Property(x => x.Protocol).HasColumnName("protocol").HasMaxLength(4000);
        builder.Property(x => x.CreatedBy).HasColumnName("created_by").HasMaxLength(256);
        builder.Property(x => x.CreatedAt).HasColumnName("created_at");
    }
}

public sealed class ContributorTokenConfiguration : IEntityTypeConfiguration<ContributorToken>
{
    public void Configure(EntityTypeBuilder<ContributorToken> builder)
    {
        builder.ToTable("mobile_measurement_tokens");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).HasColumnName("id");
        builder.Property(x => x.TokenHash).HasColumnName("token_hash").HasMaxLength(64);
        builder.Property(x => x.Label).HasColumnName("label").HasMaxLength(200);
        builder.Property(x => x.CampaignCode).HasColumnName("campaign_code").HasMaxLength(32);
        builder.Property(x => x.IssuedBy).HasColumnName("issued_by").HasMaxLength(256);
        builder.Property(x => x.IssuedAt).HasColumnName("issued_at");
        builder.Property(x => x.RevokedAt).HasColumnName("revoked_at");
        builder.HasIndex(x => x.TokenHash).IsUnique();
    }
}
