using System.Data.Common;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.Extensions.Options;
using Scoran.Observatory.Mobile;
using Scoran.Territories.Model;
using Scoran.Territories.Queries;

namespace Scoran.Observatory.Measurements;

/// <summary>Published figures of one commune: only built for communes with at least k distinct contributors.</summary>
public sealed record CommuneMeasurements(string CommuneCode, string CommuneName, int Measurements, int Contributors, IReadOnlyList<OperatorMeasurements> Operators);

public sealed record OperatorMeasurements(string OperatorCode, string OperatorName, int Measurements, int NoService, double? MedianDownloadMbps, double? MedianUploadMbps, double? MedianLatencyMs, double? MedianRsrp);

/// <summary>A published grid cell (bounds, never a position) with its counts.</summary>
public sealed record CellMeasurements(string CellId, double South, double West, double North, double East, int Measurements, int Contributors, double? MedianDownloadMbps);

public sealed record MeasurementSummary(int MinimumContributors, int Measurements, int PublishedCommunes, int HiddenCommunes, int PublishedCells, int HiddenCells, IReadOnlyList<CommuneMeasurements> Communes);

public sealed record CampaignDay(DateOnly Day, string OperatorCode, int Measurements);

public sealed record CampaignReport(MeasurementCampaign Campaign, int Measurements, int Contributors, IReadOnlyList<CampaignDay> Days, IReadOnlyList<OperatorMeasurements> Operators, IReadOnlyList<CommuneMeasurements> Communes, int HiddenCommunes);

/// <summary>
/// The public side of the measurements: every figure is an aggregate over a commune or grid cell,
/// and a commune or cell with fewer than k distinct contributors is left out entirely (not shown
/// as zero), so its few measurements cannot be traced back.
/// </summary>
/// <remarks>
/// Grouping, counting and the k rule run in SQL (GROUP BY … COUNT(DISTINCT contributor_id) … HAVING),
/// so a territory of a million rows returns a few thousand groups instead of every row, and values
/// are read only for published groups. A median needs the sorted values of its group: PostgreSQL
/// returns the two middle values (percentile_disc), SQLite the values, and the mean and rounding
/// are done here, so both engines give the same doubles as the in-memory definition
/// (<see cref="Median"/>). The SQL is written by hand because EF Core translates neither
/// ordered-set aggregates nor a median; it reads only grouping columns, values and the contributor id.
/// </remarks>
public sealed partial class MeasurementQueries(DbContext db, IOptions<MeasurementOptions> options) : IMeasuredQualitySource
{
    public int MinimumContributors => Math.Max(1, options.Value.MinimumContributors);

    private bool IsSqlite => db.Database.ProviderName?.Contains("Sqlite", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>The rows a query covers: a time range, a campaign, a list of communes (null: no commune filter), an operator and a technology (null: all).</summary>
    private sealed record Filter(DateTimeOffset? From, DateTimeOffset? To, string? Campaign, IReadOnlyCollection<string>? Communes, string? Operator = null, string? Technology = null)
    {
        public Filter WithCommunes(IReadOnlyCollection<string> communes) => this with { Communes = communes };
    }

    private async Task<Filter> FilterAsync(TerritoryKind? kind, string? code, DateTimeOffset? from, DateTimeOffset? to, string? campaign, CancellationToken cancellationToken)
    {
        List<string>? communes = null;
        if (kind is { } k && code is not null)
        {
            communes = await new TerritoryQueries(db).CommuneCodes(k, code).ToListAsync(cancellationToken);
        }

        return new Filter(from, to, campaign, communes);
    }

    public async Task<MeasurementSummary> SummaryAsync(TerritoryKind? kind, string? code, DateTimeOffset? from = null, DateTimeOffset? to = null, string? campaign = null, CancellationToken cancellationToken = default) =>
        await SummaryAsync(await FilterAsync(kind, code, from, to, campaign, cancellationToken), cancellationToken);

    /// <summary>
    /// The summary of the measurements of one operator and/or technology (null: all). The filter is
    /// applied first and k then counts the contributors of the filtered rows of each commune and
    /// cell: a commune with k contributors overall but fewer on one operator is masked in that
    /// operator's view, as on the map.
    /// </summary>
    public async Task<MeasurementSummary> FilteredSummaryAsync(TerritoryKind? kind, string? code, string? operatorCode, string? technology,
        DateTimeOffset? from = null, DateTimeOffset? to = null, CancellationToken cancellationToken = default) =>
        await SummaryAsync((await FilterAsync(kind, code, from, to, null, cancellationToken)) with { Operator = operatorCode, Technology = technology }, cancellationToken);

    private async Task<MeasurementSummary> SummaryAsync(Filter filter, CancellationToken cancellationToken)
    {
        var (total, published, hidden) = (0, 0, 0);
        // Every row has a cell: the total is the sum over cells, which saves a pass.
        await QueryAsync(filter, w => $"""
            SELECT COALESCE(SUM(n), 0), COUNT(CASE WHEN c >= @k THEN 1 END), COUNT(CASE WHEN c < @k THEN 1 END)
            FROM (SELECT COUNT(*) AS n, COUNT(DISTINCT contributor_id) AS c FROM mobile_measurements WHERE {w} GROUP BY cell_id) g
            """, r => (total, published, hidden) = (Convert.ToInt32(r.GetValue(0), System.Globalization.CultureInfo.InvariantCulture), r.GetInt32(1), r.GetInt32(2)), cancellationToken);
        var (communes, hiddenCommunes) = await CommunesAsync(filter, cancellationToken);
        return new MeasurementSummary(MinimumContributors, total, communes.Count, hiddenCommunes, published, hidden, communes);
    }

    private async Task<(List<CommuneMeasurements> Published, int Hidden)> CommunesAsync(Filter filter, CancellationToken cancellationToken)
    {
        var groups = new List<(string Code, int Measurements, int Contributors)>();
        // Every commune group comes back (a few thousand at most) because the hidden ones are counted.
        await QueryAsync(filter, w => $"""
            SELECT commune_code, COUNT(*), COUNT(DISTINCT contributor_id) FROM mobile_measurements
            WHERE {w} AND commune_code IS NOT NULL GROUP BY commune_code
            """, r => groups.Add((r.GetString(0), r.GetInt32(1), r.GetInt32(2))), cancellationToken);
        var published = groups.Where(g => g.Contributors >= MinimumContributors).ToList();
        var codes = published.Select(g => g.Code).ToList();
        var list = new List<CommuneMeasurements>();
        if (codes.Count > 0)
        {
            var names = await new TerritoryQueries(db).NamesAsync(TerritoryKind.Commune, codes, cancellationToken);
            // Values of hidden communes are never read: the operator figures cover the published communes only.
            var operators = await OperatorsAsync(filter.WithCommunes(codes), byCommune: true, cancellationToken);
            list = published.Select(g => new CommuneMeasurements(g.Code, names.GetValueOrDefault(g.Code) ?? g.Code, g.Measurements, g.Contributors,
                    operators.GetValueOrDefault(g.Code) ?? []))
                .OrderBy(c => c.CommuneCode, StringComparer.Ordinal).ToList();
        }

        return (list, groups.Count - published.Count);
    }

    /// <summary>Per operator (and per commune when <paramref name="byCommune"/>): counts and the four medians. Key "" when not by commune.</summary>
    private async Task<Dictionary<string, List<OperatorMeasurements>>> OperatorsAsync(Filter filter, bool byCommune, CancellationToken cancellationToken)
    {
        var keys = byCommune ? "commune_code, operator_code" : "operator_code";
        // Counts and medians in the same pass.
        // k applies to each operator group too: one contributor's medians for an operator must not show,
        // even inside a published commune or over a whole campaign.
        var groups = await MediansAsync(filter, keys, ["download_mbps", "upload_mbps", "latency_ms", "rsrp_dbm"], cancellationToken, publishedOnly: true);
        return groups.Select(g =>
            {
                var parts = g.Key.Split('|');
                return (Commune: byCommune ? parts[0] : "", Operator: parts[^1], g.Value);
            })
            .GroupBy(c => c.Commune).ToDictionary(g => g.Key, g => g.OrderBy(c => c.Operator, StringComparer.Ordinal)
            .Select(c => new OperatorMeasurements(c.Operator, MeasurementRules.Operators.GetValueOrDefault(c.Operator) ?? c.Operator, c.Value.Count, c.Value.NoService,
                c.Value.Medians[0], c.Value.Medians[1], c.Value.Medians[2], c.Value.Medians[3]))
            .ToList());
    }

    /// <summary>Cells with at least k distinct contributors.</summary>
    public async Task<IReadOnlyList<CellMeasurements>> CellsAsync(TerritoryKind? kind, string? code, DateTimeOffset? from = null, DateTimeOffset? to = null, CancellationToken cancellationToken = default)
    {
        var filter = await FilterAsync(kind, code, from, to, null, cancellationToken);
        var cells = new List<(string Cell, int Measurements, int Contributors)>();
        await QueryAsync(filter, w => $"""
            SELECT cell_id, COUNT(*), COUNT(DISTINCT contributor_id) FROM mobile_measurements
            WHERE {w} GROUP BY cell_id HAVING COUNT(DISTINCT contributor_id) >= @k
            """, r => cells.Add((r.GetString(0), r.GetInt32(1), r.GetInt32(2))), cancellationToken);
        var medians = cells.Count == 0 ? [] : await MediansAsync(filter, "cell_id", ["download_mbps"], cancellationToken, ("cell_id", cells.Select(c => c.Cell).ToList()));
        return cells.Select(c =>
            {
                var (s, w, n, e) = MeasurementGrid.Bounds(c.Cell);
                return new CellMeasurements(c.Cell, s, w, n, e, c.Measurements, c.Contributors, medians.GetValueOrDefault(c.Cell)?.Medians[0]);
            })
            .OrderBy(c => c.CellId, StringComparer.Ordinal).ToList();
    }

    /// <inheritdoc />
    /// <remarks>Groups below k distinct contributors are left out here too: the comparison pages publish what they get.</remarks>
    public async Task<IReadOnlyList<CommuneOperatorMeasurements>> ByCommuneAndOperatorAsync(string? territoryCode, DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellationToken = default)
    {
        var (kind, code) = ParseTerritory(territoryCode);
        var filter = await FilterAsync(kind, code, from, to, null, cancellationToken);
        var groups = new List<(string Commune, string Operator, string Technology, int Measurements, int Contributors, int NoService)>();
        await QueryAsync(filter, w => $"""
            SELECT commune_code, operator_code, technology, COUNT(*), COUNT(DISTINCT contributor_id), COUNT(CASE WHEN technology = 'aucune' THEN 1 END)
            FROM mobile_measurements WHERE {w} AND commune_code IS NOT NULL
            GROUP BY commune_code, operator_code, technology HAVING COUNT(DISTINCT contributor_id) >= @k
            """, r => groups.Add((r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt32(3), r.GetInt32(4), r.GetInt32(5))), cancellationToken);
        if (groups.Count == 0)
        {
            return [];
        }

        var medians = await MediansAsync(filter.WithCommunes(groups.Select(g => g.Commune).Distinct().ToList()), "commune_code, operator_code, technology", ["download_mbps"], cancellationToken);
        return groups.Select(g => new CommuneOperatorMeasurements(g.Commune, g.Operator, g.Technology, g.Measurements, g.Contributors, g.NoService,
                medians.GetValueOrDefault($"{g.Commune}|{g.Operator}|{g.Technology}")?.Medians[0]))
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

        var filter = new Filter(null, null, code, null);
        var (total, contributors) = (0, 0);
        await QueryAsync(filter, w => $"SELECT COUNT(*), COUNT(DISTINCT contributor_id) FROM mobile_measurements WHERE {w}",
            r => (total, contributors) = (r.GetInt32(0), r.GetInt32(1)), cancellationToken);
        // Daily counts per operator are totals over the whole territory, not places: they are published whatever k.
        // The day is taken from the instant in C# (SQLite stores it as an encoded integer); only two columns are read.
        var instants = await db.Set<Measurement>().AsNoTracking().Where(m => m.CampaignCode == code)
            .Select(m => new { m.MeasuredAt, m.OperatorCode }).ToListAsync(cancellationToken);
        var days = instants.GroupBy(r => (Day: DateOnly.FromDateTime(r.MeasuredAt.UtcDateTime), r.OperatorCode))
            .Select(g => new CampaignDay(g.Key.Day, g.Key.OperatorCode, g.Count()))
            .OrderBy(d => d.Day).ThenBy(d => d.OperatorCode, StringComparer.Ordinal).ToList();
        var operators = await OperatorsAsync(filter, byCommune: false, cancellationToken);
        var (communes, hidden) = await CommunesAsync(filter, cancellationToken);
        return new CampaignReport(campaign, total, contributors, days, operators.GetValueOrDefault("") ?? [], communes, hidden);
    }

    /// <summary>
    /// Count, no-service count and medians of <paramref name="columns"/> per group of
    /// <paramref name="keys"/> (key parts joined by "|"), in one pass over the rows. PostgreSQL sorts in the database: percentile_disc(0.5) ascending
    /// gives the lower middle value, descending the upper one (the same value for an odd count).
    /// SQLite has no ordered-set aggregate: the values themselves are read (only these columns,
    /// restricted to the groups asked for) and <see cref="Median"/> is applied here.
    /// Either way the result is <see cref="Median"/>'s, to the last bit.
    /// </summary>
    private sealed record Group(int Count, int NoService, double?[] Medians);

    private async Task<Dictionary<string, Group>> MediansAsync(Filter filter, string keys, string[] columns, CancellationToken cancellationToken,
        (string Column, IReadOnlyCollection<string> Values)? restrict = null, bool publishedOnly = false)
    {
        var parts = keys.Split(',', StringSplitOptions.TrimEntries).Length;
        var restriction = restrict is { } r ? $" AND {In(r.Column, "@restrict")}" : "";
        string Key(DbDataReader reader) => parts == 1 ? reader.GetString(0) : string.Join('|', Enumerable.Range(0, parts).Select(reader.GetString));
        double? Value(DbDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetDouble(i);
        var result = new Dictionary<string, Group>(StringComparer.Ordinal);
        if (!IsSqlite)
        {
            var aggregates = string.Join(", ", columns.Select(c => $"percentile_disc(0.5) WITHIN GROUP (ORDER BY {c}), percentile_disc(0.5) WITHIN GROUP (ORDER BY {c} DESC)"));
            await QueryAsync(filter, w => $"SELECT {keys}, COUNT(*), COUNT(CASE WHEN technology = 'aucune' THEN 1 END), {aggregates} FROM mobile_measurements WHERE {w}{restriction} GROUP BY {keys}{(publishedOnly ? " HAVING COUNT(DISTINCT contributor_id) >= @k" : "")}", reader =>
                result[Key(reader)] = new Group(reader.GetInt32(parts), reader.GetInt32(parts + 1),
                    columns.Select((_, i) => Value(reader, parts + 2 + 2 * i) is { } low && Value(reader, parts + 3 + 2 * i) is { } high
                        ? Math.Round((low + high) / 2, 2) : (double?)null).ToArray()),
                cancellationToken, restrict?.Values);
            return result;
        }

        var values = new Dictionary<string, (int NoService, List<double?>[] Lists)>(StringComparer.Ordinal);
        // Groups below k are dropped before any median is computed (their contributors are counted as the values are read).
        var contributors = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var contributorColumn = publishedOnly ? ", contributor_id" : "";
        await QueryAsync(filter, w => $"SELECT {keys}, technology, {string.Join(", ", columns)}{contributorColumn} FROM mobile_measurements WHERE {w}{restriction}", reader =>
        {
            var key = Key(reader);
            if (publishedOnly)
            {
                if (!contributors.TryGetValue(key, out var seen))
                {
                    contributors[key] = seen = new HashSet<string>(StringComparer.Ordinal);
                }

                seen.Add(reader.GetString(parts + 1 + columns.Length));
            }

            if (!values.TryGetValue(key, out var group))
            {
                group = (0, columns.Select(_ => new List<double?>()).ToArray());
            }

            for (var i = 0; i < columns.Length; i++)
            {
                group.Lists[i].Add(Value(reader, parts + 1 + i));
            }

            values[key] = reader.GetString(parts) == "aucune" ? (group.NoService + 1, group.Lists) : group;
        }, cancellationToken, restrict?.Values);
        foreach (var (key, group) in values)
        {
            if (publishedOnly && contributors[key].Count < MinimumContributors)
            {
                continue;
            }

            result[key] = new Group(group.Lists[0].Count, group.NoService, group.Lists.Select(Median).ToArray());
        }

        return result;
    }

    private string In(string column, string parameter) => IsSqlite
        ? $"{column} IN (SELECT value FROM json_each({parameter}))"
        : $"{column} = ANY({parameter})";

    /// <summary>Runs <paramref name="sql"/> (given the WHERE clause of the filter) with @k, the filter's parameters and an optional list @restrict.</summary>
    private async Task QueryAsync(Filter filter, Func<string, string> sql, Action<DbDataReader> read, CancellationToken cancellationToken, IReadOnlyCollection<string>? restrict = null)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = connection.CreateCommand();
            var where = new StringBuilder("1 = 1");
            Add(command, "@k", MinimumContributors);
            if (filter.From is { } from)
            {
                where.Append(" AND measured_at >= @from");
                Add(command, "@from", Instant(from));
            }

            if (filter.To is { } to)
            {
                where.Append(" AND measured_at < @to");
                Add(command, "@to", Instant(to));
            }

            if (filter.Campaign is not null)
            {
                where.Append(" AND campaign_code = @campaign");
                Add(command, "@campaign", filter.Campaign);
            }

            if (filter.Operator is not null)
            {
                where.Append(" AND operator_code = @operator");
                Add(command, "@operator", filter.Operator);
            }

            if (filter.Technology is not null)
            {
                where.Append(" AND technology = @technology");
                Add(command, "@technology", filter.Technology);
            }

            if (filter.Communes is not null)
            {
                // SQLite always prefers the commune index for IN: wrong for a long list (a région covers
                // most rows: scanning the table is cheaper) and for a campaign (its own index is far more
                // selective). The unary + keeps the index out; PostgreSQL's planner decides alone.
                var unindexed = IsSqlite && (filter.Communes.Count > 200 || filter.Campaign is not null);
                where.Append(" AND ").Append(In(unindexed ? "+commune_code" : "commune_code", "@communes"));
                Add(command, "@communes", List(filter.Communes));
            }

            if (restrict is not null)
            {
                Add(command, "@restrict", List(restrict));
            }

            command.CommandText = sql(where.ToString());
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                read(reader);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static readonly DateTimeOffsetToBinaryConverter BinaryInstant = new();

    /// <summary>The stored form of an instant: SQLite keeps EF's sortable 64-bit encoding (ScoranDbContext), PostgreSQL a timestamptz in UTC.</summary>
    private object Instant(DateTimeOffset value) => IsSqlite ? BinaryInstant.ConvertToProvider(value)! : value.ToUniversalTime();

    private object List(IReadOnlyCollection<string> values) => IsSqlite ? JsonSerializer.Serialize(values) : values.ToArray();

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
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
