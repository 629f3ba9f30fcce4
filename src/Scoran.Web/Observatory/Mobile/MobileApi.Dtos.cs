using Scoran.Observatory.Mobile;

namespace Scoran.Web.Observatory.Mobile;

/// <summary>The JSON shapes of the mobile observatory API.</summary>
public static partial class MobileApi
{
    public sealed record ShareValue(long PopulationCovered, long Population, decimal? PopulationRate, decimal AreaCoveredKm2, decimal AreaKm2, decimal? AreaRate);

    public sealed record LineValue(string Operator, string OperatorName, string Technology, string Level, string LevelLabel, ShareValue Share);

    public sealed record PresenceValue(int Operators, int Communes, long Population);

    public sealed record WhiteZoneValue(string Code, string Name, long Population, decimal AreaKm2);

    public sealed record HistoryValue(string Vintage, long Population, ShareValue AtLeastOne4G, IReadOnlyDictionary<string, ShareValue> ByOperator);

    public sealed record TargetValue(string Id, string Name, decimal Threshold, string Deadline, decimal? Current, string? AsOf, decimal? ProjectedAtDeadline, string? ProjectedReachDate, string Status, string Source);

    public sealed record NewDealCounts(string Vintage, int Total, int Planned, int InService, int Late);

    public sealed record SourceValue(string Line, bool Synthetic, string Licence);

    public sealed record MobileResponse(string Kind, string Code, string Name, string Vintage, IReadOnlyList<string> Vintages, int Communes, long Population, decimal AreaKm2,
        ShareValue AtLeastOne4G, IReadOnlyList<LineValue> Lines, IReadOnlyList<PresenceValue> OperatorsPresent4G, int WhiteZoneCommunes, long WhiteZonePopulation, decimal WhiteZoneAreaKm2,
        IReadOnlyList<WhiteZoneValue> WhiteZones, IReadOnlyList<HistoryValue> History, IReadOnlyList<TargetValue> Targets, NewDealCounts? NewDeal, SourceValue Source);

    public sealed record BreakdownValue(string Code, string Name, decimal? Rate, long Covered, long Population, decimal AreaKm2, int Operators4G, bool WhiteZone);

    public sealed record SiteValue(string SiteId, string CommuneCode, string CommuneName, IReadOnlyList<string> Operators, string Status, bool Late, string? DecreeDate, string? Deadline, string? InServiceDate);

    public sealed record NewDealResponse(string Kind, string Code, NewDealCounts Counts, IReadOnlyList<SiteValue> Sites, SourceValue Source);

    public sealed record TheoryRowValue(string CommuneCode, string CommuneName, string Operator, string OperatorName, decimal? Announced4GShare, int Measurements, int Contributors,
        int NoService, int BelowFourG, int Evidence, double? MedianDownloadMbps, bool Contradiction);

    public sealed record TheoryResponse(string Kind, string Code, bool MeasurementsAvailable, string? Message, string? Vintage, ContradictionRule Rule, int Contradictions, IReadOnlyList<TheoryRowValue> Rows, SourceValue Source);

    public sealed record AntennaCountValue(string Operator, string OperatorName, int Sites, int Sites2G, int Sites3G, int Sites4G, int Sites5G);

    public sealed record AntennaResponse(string Kind, string Code, string Vintage, int Sites, int Communes, int CommunesWith4G, IReadOnlyList<AntennaCountValue> ByOperator, SourceValue Source);

    public sealed record AntennaCommuneValue(string Code, string Name, int Sites);

    public sealed record AntennaCommunesResponse(string Kind, string Code, string Vintage, string? Operator, string? OperatorName, string? Technology, int Sites, int Max,
        IReadOnlyList<AntennaCommuneValue> Communes, SourceValue Source);
}
