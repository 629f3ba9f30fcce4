namespace Scoran.Observatory.Mobile;

/// <summary>
/// What crowdsourced measurements say about one operator and technology in one commune, already
/// aggregated: the contract between the measurements store (Observatory/Measurements) and the
/// "theory vs measured" comparison (Observatory/Mobile), so neither reads the other's tables.
/// </summary>
/// <param name="CommuneCode">Current INSEE code of the commune the measurements fell in.</param>
/// <param name="OperatorCode">MCC-MNC of the operator (20801 Orange, 20810 SFR, 20815 Free Mobile, 20820 Bouygues Telecom).</param>
/// <param name="Technology">2G, 3G, 4G or 5G as measured; "aucune" for measurements without service.</param>
/// <param name="MeasurementCount">Measurements kept after validation.</param>
/// <param name="DistinctContributors">Distinct contributors (privacy threshold k applies to this count).</param>
/// <param name="NoServiceCount">Measurements that found no service from this operator.</param>
/// <param name="MedianDownloadMbps">Median download throughput, when measured.</param>
public sealed record CommuneOperatorMeasurements(
    string CommuneCode,
    string OperatorCode,
    string Technology,
    int MeasurementCount,
    int DistinctContributors,
    int NoServiceCount,
    double? MedianDownloadMbps);

/// <summary>Source of aggregated measurements; implemented by the measurements store.</summary>
public interface IMeasuredQualitySource
{
    /// <summary>Aggregates per commune, operator and technology over a period, for the communes inside <paramref name="territoryCode"/> (null: all).</summary>
    Task<IReadOnlyList<CommuneOperatorMeasurements>> ByCommuneAndOperatorAsync(string? territoryCode, DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellationToken = default);
}
