using Scoran.Funding.Model;

namespace Scoran.Funding;

/// <summary>Entity types and author names this capability writes to the shared audit trail.</summary>
public static class FundingAudit
{
    public const string Scheme = "funding.scheme";
    public const string Dossier = "funding.dossier";
    public const string System = "système";
    /// <summary>Audit verbs of a scheme's archiving (status set to Historical) and its undoing.</summary>
    public const string Archived = "archived";
    public const string Unarchived = "unarchived";
    /// <summary>Audit verb of a grant above the requested amount, made through the explicit override (its comment is the justification).</summary>
    public const string GrantAboveRequest = "granted-above-request";

    /// <summary>How the audit trail serialises snapshots (web defaults, enums as numbers), to read them back.</summary>
    public static readonly global::System.Text.Json.JsonSerializerOptions Json = new(global::System.Text.Json.JsonSerializerDefaults.Web);

    /// <summary>The audited state of a scheme (lists copied so later edits do not alter a recorded snapshot).</summary>
    public static SchemeSnapshot Snapshot(AidScheme s) => new(s.Name, s.Backer, s.Programme, s.AidType, s.Status, [.. s.Beneficiaries], [.. s.Perimeter], [.. s.Themes],
        N(s.RatePercent), N(s.CeilingEuros), s.CeilingPeriod, N(s.BonusPercentPoints), s.BonusCondition, N(s.FloorEuros), N(s.MaxPublicAidPercent), s.OpensOn, s.ClosesOn, s.Source, s.CreatedAt);

    /// <summary>Drops trailing zeros: databases give 50.0000 back for 50, which is the same rule.</summary>
    private static decimal? N(decimal? d) => d is { } v ? v / 1.000000000000000000000000000000000m : null;

    public sealed record SchemeSnapshot(string Name, string Backer, string? Programme, AidType AidType, SchemeStatus Status, List<string> Beneficiaries, List<string> Perimeter, List<string> Themes,
        decimal? RatePercent, decimal? CeilingEuros, CeilingPeriod CeilingPeriod, decimal? BonusPercentPoints, string? BonusCondition, decimal? FloorEuros, decimal? MaxPublicAidPercent,
        DateOnly? OpensOn, DateOnly? ClosesOn, string Source, DateTimeOffset CreatedAt);
}
