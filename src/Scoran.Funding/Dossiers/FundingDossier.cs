using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Scoran.Funding.Dossiers;

/// <summary>Life of an application (« dossier de demande d'aide »).</summary>
public enum DossierStatus
{
    Draft,
    Submitted,
    Acknowledged,
    UnderReview,
    Granted,
    Refused,
    Paid,
    Closed,
}

/// <summary>A project holder's application to one scheme.</summary>
public sealed class FundingDossier
{
    public long Id { get; init; }
    public required string SchemeId { get; set; }
    /// <summary>Account e-mail of the holder: only they (and the scheme's backer's agents, and administrators) see it.</summary>
    public required string HolderEmail { get; init; }
    public string? HolderOrganisation { get; set; }
    public required string ProjectTitle { get; set; }
    public decimal ProjectCost { get; set; }
    public decimal RequestedAmount { get; set; }
    public DossierStatus Status { get; set; }
    public DateOnly? SubmittedOn { get; set; }
    /// <summary>Date of the backer's acknowledgement of receipt: invoices are eligible from this date.</summary>
    public DateOnly? AcknowledgedOn { get; set; }
    public DateOnly? DecidedOn { get; set; }
    public decimal? GrantedAmount { get; set; }
    public DateOnly? ClosedOn { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public List<DossierPayment> Payments { get; set; } = [];
    public List<DossierDocument> Documents { get; set; } = [];

    /// <summary>
    /// Completion deadline: 3 years (GrantRules.CompletionYears) from the grant decision, or from the
    /// acknowledgement while no decision is made (provisional). See docs/funding.md.
    /// </summary>
    public DateOnly? Deadline => (Status is DossierStatus.Granted or DossierStatus.Paid or DossierStatus.Closed ? DecidedOn ?? AcknowledgedOn : AcknowledgedOn)?.AddYears(Rules.GrantRules.CompletionYears);

    public decimal PaidAmount => Payments.Sum(p => p.Amount);
}

/// <summary>One instalment paid on a granted dossier.</summary>
public sealed class DossierPayment
{
    public long Id { get; init; }
    public long DossierId { get; init; }
    public DateOnly PaidOn { get; init; }
    public decimal Amount { get; init; }
    public string? Label { get; init; }
}

/// <summary>A file attached to a dossier, stored outside the web root under <see cref="StoredName"/>.</summary>
public sealed class DossierDocument
{
    public long Id { get; init; }
    public long DossierId { get; init; }
    public required string FileName { get; init; }
    public required string ContentType { get; init; }
    public long Size { get; init; }
    public required string StoredName { get; init; }
    public required string Sha256 { get; init; }
    public DateTimeOffset UploadedAt { get; init; }
    public required string UploadedBy { get; init; }
}

public sealed class FundingDossierConfiguration : IEntityTypeConfiguration<FundingDossier>
{
    public void Configure(EntityTypeBuilder<FundingDossier> b)
    {
        b.ToTable("funding_dossiers");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasColumnName("id");
        b.Property(x => x.SchemeId).HasColumnName("scheme_id").HasMaxLength(128);
        b.Property(x => x.HolderEmail).HasColumnName("holder_email").HasMaxLength(256);
        b.Property(x => x.HolderOrganisation).HasColumnName("holder_organisation").HasMaxLength(256);
        b.Property(x => x.ProjectTitle).HasColumnName("project_title").HasMaxLength(500);
        b.Property(x => x.ProjectCost).HasColumnName("project_cost").HasPrecision(18, 2);
        b.Property(x => x.RequestedAmount).HasColumnName("requested_amount").HasPrecision(18, 2);
        b.Property(x => x.Status).HasColumnName("status").HasConversion<string>().HasMaxLength(32);
        b.Property(x => x.SubmittedOn).HasColumnName("submitted_on");
        b.Property(x => x.AcknowledgedOn).HasColumnName("acknowledged_on");
        b.Property(x => x.DecidedOn).HasColumnName("decided_on");
        b.Property(x => x.GrantedAmount).HasColumnName("granted_amount").HasPrecision(18, 2);
        b.Property(x => x.ClosedOn).HasColumnName("closed_on");
        b.Property(x => x.CreatedAt).HasColumnName("created_at");
        b.Ignore(x => x.Deadline);
        b.Ignore(x => x.PaidAmount);
        b.HasOne<Model.AidScheme>().WithMany().HasForeignKey(x => x.SchemeId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Payments).WithOne().HasForeignKey(p => p.DossierId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Documents).WithOne().HasForeignKey(p => p.DossierId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.HolderEmail);
        b.HasIndex(x => x.SchemeId);
    }
}

public sealed class DossierPaymentConfiguration : IEntityTypeConfiguration<DossierPayment>
{
    public void Configure(EntityTypeBuilder<DossierPayment> b)
    {
        b.ToTable("funding_dossier_payments");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasColumnName("id");
        b.Property(x => x.DossierId).HasColumnName("dossier_id");
        b.Property(x => x.PaidOn).HasColumnName("paid_on");
        b.Property(x => x.Amount).HasColumnName("amount").HasPrecision(18, 2);
        b.Property(x => x.Label).HasColumnName("label").HasMaxLength(200);
    }
}

public sealed class DossierDocumentConfiguration : IEntityTypeConfiguration<DossierDocument>
{
    public void Configure(EntityTypeBuilder<DossierDocument> b)
    {
        b.ToTable("funding_dossier_documents");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasColumnName("id");
        b.Property(x => x.DossierId).HasColumnName("dossier_id");
        b.Property(x => x.FileName).HasColumnName("file_name").HasMaxLength(255);
        b.Property(x => x.ContentType).HasColumnName("content_type").HasMaxLength(100);
        b.Property(x => x.Size).HasColumnName("size");
        b.Property(x => x.StoredName).HasColumnName("stored_name").HasMaxLength(100);
        b.Property(x => x.Sha256).HasColumnName("sha256").HasMaxLength(64);
        b.Property(x => x.UploadedAt).HasColumnName("uploaded_at");
        b.Property(x => x.UploadedBy).HasColumnName("uploaded_by").HasMaxLength(256);
    }
}

public static class DossierStatuses
{
    /// <summary>Allowed moves; anything else is refused.</summary>
    public static readonly IReadOnlyDictionary<DossierStatus, DossierStatus[]> Next = new Dictionary<DossierStatus, DossierStatus[]>
    {
        [DossierStatus.Draft] = [DossierStatus.Submitted],
        [DossierStatus.Submitted] = [DossierStatus.Acknowledged],
        [DossierStatus.Acknowledged] = [DossierStatus.UnderReview],
        [DossierStatus.UnderReview] = [DossierStatus.Granted, DossierStatus.Refused],
        [DossierStatus.Granted] = [DossierStatus.Paid],
        [DossierStatus.Paid] = [DossierStatus.Closed],
        [DossierStatus.Refused] = [DossierStatus.Closed],
        [DossierStatus.Closed] = [],
    };

    /// <summary>Moves the holder may make; the others belong to the backer's agent.</summary>
    public static bool IsHolderMove(DossierStatus to) => to == DossierStatus.Submitted;

    public static string ToFrench(this DossierStatus s) => s switch
    {
        DossierStatus.Draft => "Brouillon",
        DossierStatus.Submitted => "Déposé",
        DossierStatus.Acknowledged => "Accusé de réception",
        DossierStatus.UnderReview => "En instruction",
        DossierStatus.Granted => "Accordé",
        DossierStatus.Refused => "Refusé",
        DossierStatus.Paid => "Versé",
        _ => "Clos",
    };

    public static string Slug(this DossierStatus s) => s switch
    {
        DossierStatus.Draft => "brouillon",
        DossierStatus.Submitted => "depose",
        DossierStatus.Acknowledged => "accuse-reception",
        DossierStatus.UnderReview => "instruction",
        DossierStatus.Granted => "accorde",
        DossierStatus.Refused => "refuse",
        DossierStatus.Paid => "verse",
        _ => "clos",
    };

    public static DossierStatus? FromSlug(string? slug) => Enum.GetValues<DossierStatus>().Cast<DossierStatus?>().FirstOrDefault(s => s!.Value.Slug() == slug);
}
