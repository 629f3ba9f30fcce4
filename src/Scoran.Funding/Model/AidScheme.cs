using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Scoran.Funding.Model;

/// <summary>Kind of help a scheme gives; French labels in <see cref="FundingLabels"/>.</summary>
public enum AidType
{
    Grant,
    RepayableAdvance,
    Loan,
    Engineering,
    Voucher,
    Other,
}

/// <summary>Whether the finder may offer the scheme today.</summary>
public enum SchemeStatus
{
    Open,
    /// <summary>Announced by a strategy document, no financial rules published yet.</summary>
    Announced,
    /// <summary>Kept for history (e.g. 2015 FSN rates); never eligible.</summary>
    Historical,
}

/// <summary>What a scheme's ceiling is counted against.</summary>
public enum CeilingPeriod
{
    Total,
    PerYear,
    PerFte,
}

/// <summary>
/// One aid scheme (« dispositif d'aide »), regional or national, modelled on the Aides-territoires
/// catalogue. Lists are stored as primitive collections so SQLite and PostgreSQL both hold them.
/// </summary>
public sealed class AidScheme
{
    /// <summary>Stable slug, e.g. "bfc-usages-innovants-projets-et-tiers-lieux" or "at-…" for Aides-territoires.</summary>
    public required string Id { get; init; }
    public required string Name { get; set; }
    public required string Backer { get; set; }
    public string? Programme { get; set; }
    public AidType AidType { get; set; }
    public string? AidTypeText { get; set; }
    public SchemeStatus Status { get; set; }
    /// <summary>Normalised beneficiary types (see <see cref="BeneficiaryTypes"/>).</summary>
    public List<string> Beneficiaries { get; set; } = [];
    public string? BeneficiariesText { get; set; }
    /// <summary>Territory keys "FR" (national), "region:27", "departement:39", "epci:…", "commune:…".</summary>
    public List<string> Perimeter { get; set; } = [];
    public List<string> Themes { get; set; } = [];
    public List<string> EligibleCosts { get; set; } = [];
    public string? Description { get; set; }
    /// <summary>Percentage of the eligible base, e.g. 50 for 50 %; null when the source gives none.</summary>
    public decimal? RatePercent { get; set; }
    public string? RateBase { get; set; }
    public decimal? CeilingEuros { get; set; }
    public CeilingPeriod CeilingPeriod { get; set; }
    /// <summary>Extra percentage points of rate when <see cref="BonusCondition"/> is met.</summary>
    public decimal? BonusPercentPoints { get; set; }
    public string? BonusCondition { get; set; }
    /// <summary>Minimum eligible base (« plancher de dépenses ») below which the scheme does not help.</summary>
    public decimal? FloorEuros { get; set; }
    /// <summary>Scheme's own cumulation limit: total public aid at most this percentage of the project cost.</summary>
    public decimal? MaxPublicAidPercent { get; set; }
    public DateOnly? OpensOn { get; set; }
    public DateOnly? ClosesOn { get; set; }
    public bool Recurring { get; set; }
    public bool CallForProjects { get; set; }
    public List<string> Conditions { get; set; } = [];
    public List<string> Documents { get; set; } = [];
    public string? Contact { get; set; }
    public string? Url { get; set; }
    /// <summary>Provenance: file and lines, or Aides-territoires export.</summary>
    public required string Source { get; set; }
    public DateOnly? SourceDate { get; set; }
    /// <summary>Catalogue it came from: "schemes-bfc" or "aides-territoires"; null when created by hand.</summary>
    public string? Catalogue { get; set; }
    public string? Notes { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A finder query kept under a random token, so its Atom feed can be followed without an account.</summary>
public sealed class SavedSearch
{
    public required string Token { get; init; }
    public required string Query { get; init; }
    public string? Label { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
}

public sealed class AidSchemeConfiguration : IEntityTypeConfiguration<AidScheme>
{
    public void Configure(EntityTypeBuilder<AidScheme> b)
    {
        b.ToTable("funding_schemes");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasColumnName("id").HasMaxLength(128);
        b.Property(x => x.Name).HasColumnName("name").HasMaxLength(1000);
        b.Property(x => x.Backer).HasColumnName("backer").HasMaxLength(500);
        b.Property(x => x.Programme).HasColumnName("programme").HasMaxLength(1000);
        b.Property(x => x.AidType).HasColumnName("aid_type").HasConversion<string>().HasMaxLength(32);
        b.Property(x => x.AidTypeText).HasColumnName("aid_type_text").HasMaxLength(1000);
        b.Property(x => x.Status).HasColumnName("status").HasConversion<string>().HasMaxLength(32);
        b.Property(x => x.Beneficiaries).HasColumnName("beneficiaries");
        b.Property(x => x.BeneficiariesText).HasColumnName("beneficiaries_text");
        b.Property(x => x.Perimeter).HasColumnName("perimeter");
        b.Property(x => x.Themes).HasColumnName("themes");
        b.Property(x => x.EligibleCosts).HasColumnName("eligible_costs");
        b.Property(x => x.Description).HasColumnName("description");
        b.Property(x => x.RatePercent).HasColumnName("rate_percent").HasPrecision(9, 4);
        b.Property(x => x.RateBase).HasColumnName("rate_base").HasMaxLength(500);
        b.Property(x => x.CeilingEuros).HasColumnName("ceiling_euros").HasPrecision(18, 2);
        b.Property(x => x.CeilingPeriod).HasColumnName("ceiling_period").HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.BonusPercentPoints).HasColumnName("bonus_percent_points").HasPrecision(9, 4);
        b.Property(x => x.BonusCondition).HasColumnName("bonus_condition").HasMaxLength(1000);
        b.Property(x => x.FloorEuros).HasColumnName("floor_euros").HasPrecision(18, 2);
        b.Property(x => x.MaxPublicAidPercent).HasColumnName("max_public_aid_percent").HasPrecision(9, 4);
        b.Property(x => x.OpensOn).HasColumnName("opens_on");
        b.Property(x => x.ClosesOn).HasColumnName("closes_on");
        b.Property(x => x.Recurring).HasColumnName("recurring");
        b.Property(x => x.CallForProjects).HasColumnName("call_for_projects");
        b.Property(x => x.Conditions).HasColumnName("conditions");
        b.Property(x => x.Documents).HasColumnName("documents");
        b.Property(x => x.Contact).HasColumnName("contact").HasMaxLength(1000);
        b.Property(x => x.Url).HasColumnName("url").HasMaxLength(1000);
        b.Property(x => x.Source).HasColumnName("source").HasMaxLength(1000);
        b.Property(x => x.SourceDate).HasColumnName("source_date");
        b.Property(x => x.Catalogue).HasColumnName("catalogue").HasMaxLength(64);
        b.Property(x => x.Notes).HasColumnName("notes");
        b.Property(x => x.CreatedAt).HasColumnName("created_at");
        b.Property(x => x.UpdatedAt).HasColumnName("updated_at");
        b.HasIndex(x => x.Catalogue);
    }
}

public sealed class SavedSearchConfiguration : IEntityTypeConfiguration<SavedSearch>
{
    public void Configure(EntityTypeBuilder<SavedSearch> b)
    {
        b.ToTable("funding_saved_searches");
        b.HasKey(x => x.Token);
        b.Property(x => x.Token).HasColumnName("token").HasMaxLength(64);
        b.Property(x => x.Query).HasColumnName("query").HasMaxLength(2000);
        b.Property(x => x.Label).HasColumnName("label").HasMaxLength(200);
        b.Property(x => x.CreatedAt).HasColumnName("created_at");
    }
}

/// <summary>The normalised beneficiary vocabulary and its French labels.</summary>
public static class BeneficiaryTypes
{
    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        ["commune"] = "Commune",
        ["epci"] = "Intercommunalité (EPCI)",
        ["pays-petr"] = "Pays / PETR",
        ["syndicat"] = "Syndicat, groupement de collectivités",
        ["departement"] = "Département",
        ["region"] = "Région",
        ["etablissement-public"] = "Établissement public",
        ["sem-spl"] = "SEM, SPL",
        ["association"] = "Association, fondation",
        ["cooperative"] = "Coopérative (SCOP, SCIC), GIP, GIE",
        ["chambre-consulaire"] = "Chambre consulaire",
        ["entreprise"] = "Entreprise",
        ["etablissement-scolaire"] = "Lycée, établissement scolaire",
        ["particulier"] = "Particulier",
    };

    /// <summary>Maps a source's wording to the vocabulary by keywords; unknown wording maps to nothing.</summary>
    public static IEnumerable<string> Normalise(string text)
    {
        var t = text.ToLowerInvariant();
        if (t.Contains("commune") && !t.Contains("intercommun")) yield return "commune";
        if (t.Contains("epci") || t.Contains("intercommun")) yield return "epci";
        if (t.Contains("pays") || t.Contains("petr") || t.Contains("parcs naturels")) yield return "pays-petr";
        if (t.Contains("syndicat") || t.Contains("groupement de collectivités")) yield return "syndicat";
        if (t.Contains("départements") || t == "départements" || t.StartsWith("département")) yield return "departement";
        if (t.Contains("régions")) yield return "region";
        if (t.Contains("établissements publics") || t.Contains("établissement public")) yield return "etablissement-public";
        if (t.Contains("sem") && (t.Contains("spl") || t == "sem") || t == "spl") yield return "sem-spl";
        if (t.Contains("association") || t.Contains("fondation")) yield return "association";
        if (t.Contains("coopérative") || t.Contains("gip") || t.Contains("gie")) yield return "cooperative";
        if (t.Contains("chambre")) yield return "chambre-consulaire";
        if (t.Contains("entreprise")) yield return "entreprise";
        if (t.Contains("lycée")) yield return "etablissement-scolaire";
        if (t.Contains("particulier") || t.Contains("personnes") || t.Contains("parents") || t.Contains("publics vulnérables") || t.Contains("conducteur")) yield return "particulier";
        if (t == "collectivités") { yield return "commune"; yield return "epci"; yield return "departement"; yield return "region"; }
    }
}

/// <summary>Themes the finder filters on, with French labels.</summary>
public static class FundingThemes
{
    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        ["tiers-lieux"] = "Tiers-lieux",
        ["usages"] = "Usages et services numériques innovants",
        ["etudes"] = "Études préalables",
        ["animation"] = "Animation, postes",
        ["inclusion"] = "Inclusion numérique",
        ["territoires-intelligents"] = "Territoires intelligents",
        ["culture"] = "Culture (Micro-Folies)",
        ["education"] = "Éducation",
        ["entreprises"] = "Numérique des entreprises",
        ["infrastructures"] = "Réseaux, très haut débit",
        ["mobilite"] = "Mobilité",
        ["amenagement"] = "Aménagement, urbanisme",
        ["environnement"] = "Environnement, transition écologique",
    };

    private static readonly (string Theme, string[] Keywords)[] Keywords =
    [
        ("tiers-lieux", ["tiers-lieu", "tiers-lieux", "fablab"]),
        ("usages", ["usages", "services innovants", "numérique"]),
        ("etudes", ["étude"]),
        ("animation", ["animateur", "poste", "emplois"]),
        ("inclusion", ["inclusion", "pass numérique", "chèque", "chéquier", "éloignées du numérique", "éloignés"]),
        ("territoires-intelligents", ["territoires intelligents", "territoire intelligent", "smart"]),
        ("culture", ["micro-folie", "culture", "culturel"]),
        ("education", ["lycée", "lycéen", "pédagogique", "campus", "élèves"]),
        ("entreprises", ["entreprise", "digitalisation", "industrie"]),
        ("infrastructures", ["réseau d'initiative", "réseau d’initiative", "fibre", "très haut débit", "thd", "wifi", "rip", "hub"]),
        ("mobilite", ["covoiturage", "mobilité", "cyclable", "vélo", "transport"]),
        ("amenagement", ["aménagement", "urbanisme", "centre", "revitalisation", "foncier", "habitat", "logement"]),
        ("environnement", ["environnement", "transition écologique", "biodiversité", "énergie", "climat", "eau"]),
    ];

    public static List<string> Detect(string text)
    {
        var t = text.ToLowerInvariant();
        return Keywords.Where(k => k.Keywords.Any(w => t.Contains(w))).Select(k => k.Theme).ToList();
    }
}

public static class FundingLabels
{
    public static string ToFrench(this AidType type) => type switch
    {
        AidType.Grant => "Subvention",
        AidType.RepayableAdvance => "Avance remboursable",
        AidType.Loan => "Prêt",
        AidType.Engineering => "Ingénierie",
        AidType.Voucher => "Chèque, pass",
        _ => "Autre",
    };

    public static string ToFrench(this SchemeStatus status) => status switch
    {
        SchemeStatus.Open => "Ouvert",
        SchemeStatus.Announced => "Annoncé (règles non publiées)",
        _ => "Historique (clos)",
    };

    public static string ToFrench(this CeilingPeriod period) => period switch
    {
        CeilingPeriod.PerYear => "par an",
        CeilingPeriod.PerFte => "par ETP",
        _ => "",
    };
}
