using Scoran.Funding.Model;

namespace Scoran.Funding;

/// <summary>Entity types and author names this capability writes to the shared audit trail.</summary>
public static class FundingAudit
{
    public const string Scheme = "funding.scheme";
    public const string Dossier = "funding.dossier";
    public const string System = "système";

    /// <summary>The audited state of a scheme (lists copied so later edits do not alter a recorded snapshot).</summary>
    public static SchemeSnapshot Snapshot(AidScheme s) => new(s.Name, s.Backer, s.Programme, s.AidType, s.Status, [.. s.Beneficiaries], [.. s.Perimeter], [.. s.Themes],
        s.RatePercent, s.CeilingEuros, s.CeilingPeriod, s.BonusPercentPoints, s.BonusCondition, s.FloorEuros, s.MaxPublicAidPercent, s.OpensOn, s.ClosesOn, s.Source, s.CreatedAt);

    public sealed record SchemeSnapshot(string Name, string Backer, string? Programme, AidType AidType, SchemeStatus Status, List<string> Beneficiaries, List<string> Perimeter, List<string> Themes,
        decimal? RatePercent, decimal? CeilingEuros, CeilingPeriod CeilingPeriod, decimal? BonusPercentPoints, string? BonusCondition, decimal? FloorEuros, decimal? MaxPublicAidPercent,
        DateOnly? OpensOn, DateOnly? ClosesOn, string Source, DateTimeOffset CreatedAt);
}
