using Microsoft.EntityFrameworkCore;
using Scoran.Territories.Model;
using Scoran.Territories.Queries;

namespace Scoran.Observatory.Measurements;

/// <summary>Published cells of one selection (territory, operator, technology, campaign) and how many cells of it stay masked.</summary>
public sealed record CellSelection(int MinimumContributors, IReadOnlyList<CellMeasurements> Cells, int HiddenCells);

/// <summary>A published commune of a campaign as the live follow-up lists it (only communes with at least k distinct contributors).</summary>
public sealed record CampaignLiveCommune(string CommuneCode, string CommuneName, int Measurements, int Contributors);

/// <summary>
/// What the live follow-up of a campaign refreshes: counts, days, published/hidden communes and
/// cells, the per-operator report and the published communes (the same rules as the page:
/// operator totals over the whole territory, communes only from k distinct contributors).
/// </summary>
public sealed record CampaignLive(
    string Code,
    bool Running,
    int MinimumContributors,
    int Measurements,
    int Contributors,
    int PublishedCommunes,
    int HiddenCommunes,
    int PublishedCells,
    int HiddenCells,
    IReadOnlyList<CampaignDay> Days,
    IReadOnlyList<OperatorMeasurements> Operators,
    IReadOnlyList<CampaignLiveCommune> Communes,
    DateTimeOffset GeneratedAt);

public sealed partial class MeasurementQueries
{
    private sealed record CellRow(string CellId, string ContributorId, double? DownloadMbps);

    /// <summary>
    /// Cells of a filtered selection. The k rule is applied after filtering, per cell of the
    /// selection: a cell with k contributors overall but fewer for one operator is masked in that
    /// operator's view, otherwise the filter would publish a group smaller than k.
    /// </summary>
    public async Task<CellSelection> CellSelectionAsync(TerritoryKind? kind, string? code, string? operatorCode = null, string? technology = null,
        string? campaign = null, CancellationToken cancellationToken = default)
    {
        var query = db.Set<Measurement>().AsNoTracking();
        if (operatorCode is not null)
        {
            query = query.Where(m => m.OperatorCode == operatorCode);
        }

        if (technology is not null)
        {
            query = query.Where(m => m.Technology == technology);
        }

        if (campaign is not null)
        {
            query = query.Where(m => m.CampaignCode == campaign);
        }

        if (kind is { } k && code is not null)
        {
            var communes = new TerritoryQueries(db).CommuneCodes(k, code);
            query = query.Where(m => m.CommuneCode != null && communes.Contains(m.CommuneCode));
        }

        // Only the cell, the pseudonymous contributor and the value: never a position column.
        var rows = await query.Select(m => new CellRow(m.CellId, m.ContributorId, m.DownloadMbps)).ToListAsync(cancellationToken);
        var groups = rows.GroupBy(r => r.CellId).Select(g => (g, Contributors: g.Select(r => r.ContributorId).Distinct().Count())).ToList();
        var cells = groups.Where(x => x.Contributors >= MinimumContributors)
            .Select(x =>
            {
                var (s, w, n, e) = MeasurementGrid.Bounds(x.g.Key);
                return new CellMeasurements(x.g.Key, s, w, n, e, x.g.Count(), x.Contributors, Median(x.g.Select(r => r.DownloadMbps)));
            })
            .OrderBy(c => c.CellId, StringComparer.Ordinal).ToList();
        return new CellSelection(MinimumContributors, cells, groups.Count - cells.Count);
    }

    /// <summary>The counters of the campaign page, for its polling script; null for an unknown campaign.</summary>
    public async Task<CampaignLive?> CampaignLiveAsync(string code, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        if (await CampaignReportAsync(code, cancellationToken) is not { } report)
        {
            return null;
        }

        var cells = await CellSelectionAsync(null, null, campaign: code, cancellationToken: cancellationToken);
        var c = report.Campaign;
        return new CampaignLive(c.Code, IsRunning(c, now), MinimumContributors, report.Measurements, report.Contributors, report.Communes.Count, report.HiddenCommunes,
            cells.Cells.Count, cells.HiddenCells, report.Days, report.Operators,
            report.Communes.Select(x => new CampaignLiveCommune(x.CommuneCode, x.CommuneName, x.Measurements, x.Contributors)).ToList(), now);
    }

    /// <summary>A campaign runs from its first day 00:00 UTC to its last day 23:59:59 UTC.</summary>
    public static bool IsRunning(MeasurementCampaign campaign, DateTimeOffset now) => now >= campaign.StartsAt && now <= campaign.EndsAt;
}
