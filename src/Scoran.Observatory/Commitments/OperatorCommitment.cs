using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Scoran.Observatory.Commitments;

/// <summary>Deployment zone a commitment is made in, as the national plan names them.</summary>
public enum CommitmentZone
{
    /// <summary>Zone très dense.</summary>
    Ztd,
    /// <summary>Appel à manifestation d'intention d'investir (2011): private deployment, L.33-13 commitments of 2018.</summary>
    Amii,
    /// <summary>Appel à manifestation d'engagements locaux: private deployment in a public-initiative area.</summary>
    Amel,
    /// <summary>Réseau d'initiative publique.</summary>
    Rip,
}

/// <summary>
/// An operator's commitment to make premises of a commune connectable (raccordables) to FttH by
/// a deadline: either a number of premises or a share of the commune's premises. Kept per
/// register (the one derived from Arcep's 2018 zoning, or a file a région records), so that
/// re-importing a register replaces exactly its own commitments.
/// </summary>
public sealed class OperatorCommitment
{
    public long Id { get; init; }
    /// <summary>Register the commitment comes from ("arcep-l3313-2018", or the name of an imported file).</summary>
    public required string Register { get; init; }
    public required string CommuneCode { get; init; }
    /// <summary>Arcep operator code (FRTE = Orange, SFR0 = SFR), or "FRTE-SFR0" for a commune shared by both.</summary>
    public required string OperatorCode { get; init; }
    public required string OperatorName { get; init; }
    public required CommitmentZone Zone { get; init; }
    /// <summary>Premises to make connectable; null when the commitment is a share.</summary>
    public long? TargetPremises { get; init; }
    /// <summary>Share of the commune's premises to make connectable (0.92 = 92 %); null when a count is given.</summary>
    public decimal? TargetShare { get; init; }
    public required DateOnly Deadline { get; init; }
    /// <summary>Legal basis, e.g. "CPCE art. L. 33-13, arrêté du 26 juillet 2018".</summary>
    public string? LegalBasis { get; init; }
    public required string Source { get; init; }
    /// <summary>Legal status of the commitment: "accepté" (opposable), "proposé", "déclaratif"…</summary>
    public required string LegalStatus { get; init; }
    /// <summary>The commitment covers only part of the commune (Arcep's "partielle").</summary>
    public bool Partial { get; init; }
    /// <summary>Line of the file the commitment was read from (1-based), so a figure leads back to its source row.</summary>
    public long Line { get; init; }
}

public sealed class OperatorCommitmentConfiguration : IEntityTypeConfiguration<OperatorCommitment>
{
    public void Configure(EntityTypeBuilder<OperatorCommitment> builder)
    {
        builder.ToTable("operator_commitments");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).HasColumnName("id").ValueGeneratedOnAdd();
        builder.Property(x => x.Register).HasColumnName("register").HasMaxLength(64);
        builder.Property(x => x.CommuneCode).HasColumnName("commune_code").HasMaxLength(5);
        builder.Property(x => x.OperatorCode).HasColumnName("operator_code").HasMaxLength(32);
        builder.Property(x => x.OperatorName).HasColumnName("operator_name").HasMaxLength(128);
        builder.Property(x => x.Zone).HasColumnName("zone").HasConversion<string>().HasMaxLength(8);
        builder.Property(x => x.TargetPremises).HasColumnName("target_premises");
        builder.Property(x => x.TargetShare).HasColumnName("target_share").HasPrecision(6, 5);
        builder.Property(x => x.Deadline).HasColumnName("deadline");
        builder.Property(x => x.LegalBasis).HasColumnName("legal_basis").HasMaxLength(256);
        builder.Property(x => x.Source).HasColumnName("source").HasMaxLength(512);
        builder.Property(x => x.LegalStatus).HasColumnName("legal_status").HasMaxLength(32);
        builder.Property(x => x.Partial).HasColumnName("partial");
        builder.Property(x => x.Line).HasColumnName("line");
        builder.HasIndex(x => x.Register);
        builder.HasIndex(x => x.CommuneCode);
    }
}
