using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Scoran.Observatory.Measurements;
using Scoran.Observatory.Mobile;
using Scoran.Territories.Model;
using Scoran.Territories.Queries;

namespace Scoran.Observatory.Tests.Measurements;

/// <summary>
/// The implementation of <see cref="MeasurementQueries"/> before aggregation moved into SQL (commit 9e817d6),
/// kept verbatim as the reference: it loads every row of the territory and groups in memory, which is
/// easy to check by reading. The tests compare the SQL implementation with it on random data, and
/// bench/Scoran.Benchmarks (measurements mode) links this file to time the "before".
/// </summary>
public sealed class InMemoryMeasurementQueries(DbContext db, IOptions<MeasurementOptions> options)
{
    public int MinimumContributors => Math.Max(1, options.Value.MinimumContributors);

    private sealed record Row(string? CommuneCode, string CellId, string OperatorCode, string Technology, string ContributorId, double? DownloadMbps, double? UploadMbps, double? LatencyMs, double? Rsrp, DateTimeOffset MeasuredAt);

    private async Task<List<Row>> RowsAsync(TerritoryKind? kind, string? code, DateTimeOffset? from, DateTimeOffset? to, string? campaign, CancellationToken cancellationToken)
    {
        var query = db.Set<Measurement>().AsNoTracking();
        if (from is { } f)
        {
            query = query.Where(m => m.MeasuredAt >= f);
        }

        if (to is { } t)
        {
            query = query.Where(m => m.MeasuredAt < t);
        }

        if (campaign is not null)
        {
            query = query.Where(m => m.CampaignCode == campaign);
        }

        if (kind is { } k && code is not null)
        {
            var communes = db.Set<Territory>().AsNoTracking().CommunesOf(k, code).Select(c => c.Code);
            query = query.Where(m => m.CommuneCode != null && communes.Contains(m.CommuneCode));
        }

        // Positions are never selected: the public side cannot leak what it does not read.
        return await query.Select(m => new Row(m.CommuneCode, m.CellId, m.OperatorCode, m.Technology, m.ContributorId, m.DownloadMbps, m.UploadMbps, m.LatencyMs, m.Rsrp, m.MeasuredAt))
            .ToListAsync(cancellationToken);
    }

    public async Task<MeasurementSummary> SummaryAsync(TerritoryKind? kind, string? code, DateTimeOffset? from = null, DateTimeOffset? to = null, string? campaign = null, CancellationToken cancellationToken = default)
    {
        var rows = await RowsAsync(kind, code, from, to, campaign, cancellationToken);
        var (communes, hidden) = await CommunesAsync(rows, cancellationToken);
        var cells = rows.GroupBy(r => r.CellId).Select(g => g.Select(r => r.ContributorId).Distinct().Count()).ToList();
        return new MeasurementSummary(MinimumContributors, rows.Count, communes.Count, hidden,
            cells.Count(c => c >= MinimumContributors), cells.Count(c => c < MinimumContributors), communes);
    }

    private async Task<(List<CommuneMeasurements> Published, int Hidden)> CommunesAsync(List<Row> rows, CancellationToken cancellationToken)
    {
        var groups = rows.Where(r => r.CommuneCode is not null).GroupBy(r => r.CommuneCode!).ToList();
        var published = groups.Where(g => g.Select(r => r.ContributorId).Distinct().Count() >= MinimumContributors).ToList();
        var codes = published.Select(g => g.Key).ToList();
        var names = await db.Set<Territory>().AsNoTracking().Where(t => t.Kind == TerritoryKind.Commune && codes.Contains(t.Code))
            .ToDictionaryAsync(t => t.Code, t => t.Name, cancellationToken);
        var list = published.Select(g => new CommuneMeasurements(g.Key, names.GetValueOrDefault(g.Key) ?? g.Key, g.Count(),
                g.Select(r => r.ContributorId).Distinct().Count(), ByOperator(g)))
            .OrderBy(c => c.CommuneCode, StringComparer.Ordinal).ToList();
        return (list, groups.Count - published.Count);
    }

    private List<OperatorMeasurements> ByOperator(IEnumerable<Row> rows) =>
        rows.GroupBy(r => r.OperatorCode).Where(g => g.Select(r => r.ContributorId).Distinct().Count() >= MinimumContributors).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new OperatorMeasurements(g.Key, MeasurementRules.Operators.GetValueOrDefault(g.Key) ?? g.Key, g.Count(),
                g.Count(r => r.Technology == "aucune"), Median(g.Select(r => r.DownloadMbps)), Median(g.Select(r => r.UploadMbps)),
                Median(g.Select(r => r.LatencyMs)), Median(g.Select(r => r.Rsrp))))
            .ToList();

    /// <summary>Cells with at least k distinct contributors.</summary>
    public async Task<IReadOnlyList<CellMeasurements>> CellsAsync(TerritoryKind? kind, string? code, DateTimeOffset? from = null, DateTimeOffset? to = null, CancellationToken cancellationToken = default)
    {
        var rows = await RowsAsync(kind, code, from, to, null, cancellationToken);
        return rows.GroupBy(r => r.CellId)
            .Select(g => (g, Contributors: g.Select(r => r.ContributorId).Distinct().Count()))
            .Where(x => x.Contributors >= MinimumContributors)
            .Select(x =>
            {
                var (s, w, n, e) = MeasurementGrid.Bounds(x.g.Key);
                return new CellMeasurements(x.g.Key, s, w, n, e, x.g.Count(), x.Contributors, Median(x.g.Select(r => r.DownloadMbps)));
            })
            .OrderBy(c => c.CellId, StringComparer.Ordinal).ToList();
    }

        /// <remarks>Groups below k distinct contributors are left out here too: the comparison pages publish what they get.</remarks>
    public async Task<IReadOnlyList<CommuneOperatorMeasurements>> ByCommuneAndOperatorAsync(string? territoryCode, DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellationToken = default)
    {
        var (kind, code) = ParseTerritory(territoryCode);
        var rows = await RowsAsync(kind, code, from, to, null, cancellationToken);
        return rows.Where(r => r.CommuneCode is not null)
            .GroupBy(r => (Commune: r.CommuneCode!, r.OperatorCode, r.Technology))
            .Select(g => new CommuneOperatorMeasurements(g.Key.Commune, g.Key.OperatorCode, g.Key.Technology, g.Count(),
                g.Select(r => r.ContributorId).Distinct().Count(), g.Count(r => r.Technology == "aucune"), Median(g.Select(r => r.DownloadMbps))))
            .Where(m => m.DistinctContributors >= MinimumContributors)
            .OrderBy(m => m.CommuneCode, StringComparer.Ordinal).ThenBy(m => m.OperatorCode, StringComparer.Ordinal).ThenBy(m => m.Technology, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>"region/27", "departement/21", "epci/…", a 5-character commune code, a 9-digit EPCI SIREN, else a département code; null: everything.</summary>
    public static (TerritoryKind? Kind, string? Code) ParseTerritory(string? territory)
    {
        if (string.IsNullOrWhiteSpace(territory))
        {
            return (null, null);
        }

        var parts = territory.Trim().Split('/', ':');
        if (parts.Length == 2 && TerritoryKinds.TryParse(parts[0], out var kind))
        {
            return (kind, parts[1].ToUpperInvariant());
        }

        var code = territory.Trim().ToUpperInvariant();
        return code.Length switch
        {
            5 => (TerritoryKind.Commune, code),
            9 => (TerritoryKind.Epci, code),
            _ => (TerritoryKind.Departement, code),
        };
    }

    public Task<List<MeasurementCampaign>> CampaignsAsync(CancellationToken cancellationToken = default) =>
        db.Set<MeasurementCampaign>().AsNoTracking().OrderByDescending(c => c.StartsAt).ThenBy(c => c.Code).ToListAsync(cancellationToken);

    public async Task<CampaignReport?> CampaignReportAsync(string code, CancellationToken cancellationToken = default)
    {
        var campaign = await db.Set<MeasurementCampaign>().AsNoTracking().SingleOrDefaultAsync(c => c.Code == code, cancellationToken);
        if (campaign is null)
        {
            return null;
        }

        var rows = await RowsAsync(null, null, null, null, code, cancellationToken);
        // Daily counts per operator are totals over the whole territory, not places: they are published whatever k.
        var days = rows.GroupBy(r => (Day: DateOnly.FromDateTime(r.MeasuredAt.UtcDateTime), r.OperatorCode))
            .Select(g => new CampaignDay(g.Key.Day, g.Key.OperatorCode, g.Count()))
            .OrderBy(d => d.Day).ThenBy(d => d.OperatorCode, StringComparer.Ordinal).ToList();
        var (communes, hidden) = await CommunesAsync(rows, cancellationToken);
        return new CampaignReport(campaign, rows.Count, rows.Select(r => r.ContributorId).Distinct().Count(), days, ByOperator(rows), communes, hidden);
    }

    public static double? Median(IEnumerable<double?> values)
    {
        var sorted = values.OfType<double>().Order().ToList();
        if (sorted.Count == 0)
        {
            return null;
        }

        var middle = sorted.Count / 2;
        return Math.Round(sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2, 2);
    }
}
