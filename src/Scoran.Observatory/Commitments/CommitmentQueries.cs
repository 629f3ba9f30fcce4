using Microsoft.EntityFrameworkCore;
using Scoran.Core.Imports;
using Scoran.Observatory.Model;
using Scoran.Observatory.Queries;
using Scoran.Observatory.Targets;
using Scoran.Territories.Model;
using Scoran.Territories.Queries;

namespace Scoran.Observatory.Commitments;

public enum CommitmentStatus
{
    /// <summary>The committed premises are connectable at the latest quarter.</summary>
    Met,
    /// <summary>Not met yet; the recent pace reaches the commitment by its deadline.</summary>
    OnTime,
    /// <summary>Not met yet; at the recent pace the deadline will be missed.</summary>
    AtRisk,
    /// <summary>The deadline has passed at the latest quarter and the commitment is not met.</summary>
    Late,
    /// <summary>No deployment figures (or a single quarter) for the commune.</summary>
    Unknown,
}

/// <summary>One commitment compared with the deployment of its commune.</summary>
public sealed record CommitmentRowView(
    long Id,
    string CommuneCode,
    string CommuneName,
    string? DepartementCode,
    string? EpciCode,
    string OperatorCode,
    string OperatorName,
    CommitmentZone Zone,
    DateOnly Deadline,
    decimal? TargetShare,
    long Premises,
    long TargetPremises,
    long ConnectablePremises,
    long? ProjectedConnectable,
    CommitmentStatus Status,
    bool Partial,
    string Register,
    string? LegalBasis,
    string LegalStatus,
    string Source)
{
    /// <summary>Committed premises not connectable at the latest quarter (never negative).</summary>
    public long Gap => Math.Max(0, TargetPremises - ConnectablePremises);

    /// <summary>Committed premises still missing at the deadline if the recent pace holds.</summary>
    public long? ProjectedGap => Status == CommitmentStatus.Met ? 0 : ProjectedConnectable is { } p ? Math.Max(0, TargetPremises - p) : null;
}

/// <summary>Sums of counts over a group of commitments with the same deadline (per operator, or per territory).</summary>
public sealed record CommitmentSummary(
    string Key,
    string Name,
    DateOnly Deadline,
    int Commitments,
    long TargetPremises,
    long ConnectablePremises,
    long Gap,
    long ProjectedGap,
    IReadOnlyDictionary<CommitmentStatus, int> ByStatus);

public sealed record CommitmentReport(
    TerritoryKind Kind,
    string Code,
    string? Release,
    Quarter? AsOf,
    IReadOnlyList<CommitmentRowView> Commitments,
    IReadOnlyList<CommitmentSummary> ByOperator,
    TerritoryKind? ChildKind,
    IReadOnlyList<CommitmentSummary> ByTerritory,
    IReadOnlyList<FtthSource> Sources);

/// <summary>
/// Operator commitments compared with Arcep's deployment figures of the latest release. The
/// status is judged at the date of the latest quarter imported, not today's date: a commitment
/// due after it is measured by projecting its commune's recent pace (<see cref="Trajectory"/>).
/// </summary>
public sealed class CommitmentQueries(DbContext db, FtthQueries ftth)
{
    public async Task<bool> AnyAsync(CancellationToken cancellationToken = default) =>
        await db.Set<OperatorCommitment>().AnyAsync(cancellationToken);

    public async Task<CommitmentReport> ReportAsync(TerritoryKind kind, string code, string? operatorCode = null, CancellationToken cancellationToken = default)
    {
        var communes = new TerritoryQueries(db).Communes(kind, code);
        var commitments = await (
                from c in db.Set<OperatorCommitment>().AsNoTracking()
                join t in communes on c.CommuneCode equals t.Code
                where operatorCode == null || c.OperatorCode == operatorCode
                select new { c, t.Name, t.DepartementCode, t.EpciCode })
            .ToListAsync(cancellationToken);
        var release = (await ftth.ReleasesAsync(cancellationToken)).FirstOrDefault();
        var codes = commitments.Select(x => x.c.CommuneCode).Distinct().ToList();

        var premises = new Dictionary<string, long>();
        var history = new Dictionary<string, List<(Quarter Quarter, long Connectable)>>();
        if (release is not null && codes.Count > 0)
        {
            premises = await db.Set<FtthCommuneProfile>().AsNoTracking()
                .Where(p => p.Release == release && codes.Contains(p.CommuneCode))
                .ToDictionaryAsync(p => p.CommuneCode, p => p.BestPremisesEstimate ?? p.Housing + p.Businesses, cancellationToken);
            var quarters = await db.Set<FtthCommuneQuarter>().AsNoTracking()
                .Where(q => q.Release == release && codes.Contains(q.CommuneCode))
                .Select(q => new { q.CommuneCode, q.Quarter, q.ConnectablePremises })
                .ToListAsync(cancellationToken);
            history = quarters.GroupBy(q => q.CommuneCode)
                .ToDictionary(g => g.Key, g => g.OrderBy(q => q.Quarter).Select(q => (Quarter.FromKey(q.Quarter), q.ConnectablePremises)).ToList());
        }

        Quarter? asOf = history.Count == 0 ? null : history.Values.Max(h => h[^1].Quarter);
        var rows = commitments
            .Select(x => Assess(x.c, x.Name, x.DepartementCode, x.EpciCode, premises.GetValueOrDefault(x.c.CommuneCode), history.GetValueOrDefault(x.c.CommuneCode) ?? []))
            .OrderBy(r => r.Deadline).ThenBy(r => r.CommuneCode, StringComparer.Ordinal).ThenBy(r => r.OperatorCode, StringComparer.Ordinal)
            .ToList();

        var byOperator = Summarise(rows, r => r.OperatorCode, r => r.OperatorName);
        TerritoryKind? childKind = kind switch
        {
            TerritoryKind.Region => TerritoryKind.Departement,
            TerritoryKind.Departement => TerritoryKind.Epci,
            TerritoryKind.Epci => TerritoryKind.Commune,
            _ => null,
        };
        IReadOnlyList<CommitmentSummary> byTerritory = [];
        if (childKind is { } child)
        {
            string? ChildCode(CommitmentRowView r) => child switch
            {
                TerritoryKind.Departement => r.DepartementCode,
                TerritoryKind.Epci => r.EpciCode,
                _ => r.CommuneCode,
            };
            var childCodes = rows.Select(ChildCode).Where(c => c is not null).Distinct().ToList();
            var names = await new TerritoryQueries(db).NamesAsync(child, childCodes, cancellationToken);
            byTerritory = Summarise(rows.Where(r => ChildCode(r) is not null).ToList(), r => ChildCode(r)!, r => names.GetValueOrDefault(ChildCode(r)!) ?? ChildCode(r)!);
        }

        var sources = new List<FtthSource>();
        foreach (var register in rows.Select(r => r.Register).Distinct())
        {
            var import = await db.Set<DatasetImport>().AsNoTracking()
                .Where(i => i.Dataset == CommitmentImporter.Dataset(register)).OrderByDescending(i => i.ImportedAt).FirstOrDefaultAsync(cancellationToken);
            if (import is not null)
            {
                sources.Add(new FtthSource(import.Publisher, import.Source, import.Vintage, import.Licence, import.ImportedAt));
            }
        }

        if (release is not null && rows.Count > 0 && await ftth.SeriesAsync(kind, code, release, cancellationToken) is { } series)
        {
            sources.Add(series.Source);
        }

        return new CommitmentReport(kind, code, release, asOf, rows, byOperator, childKind, byTerritory, sources);
    }

    /// <summary>Compares one commitment with its commune's deployment history (one release).</summary>
    public static CommitmentRowView Assess(OperatorCommitment c, string communeName, string? departement, string? epci, long premises, IReadOnlyList<(Quarter Quarter, long Connectable)> history)
    {
        // A share is rounded up: 92 % of 101 premises is 93 premises to make connectable.
        var target = c.TargetPremises ?? (long)Math.Ceiling((c.TargetShare ?? 0) * premises);
        var connectable = history.Count > 0 ? history[^1].Connectable : 0;
        long? projected = null;
        CommitmentStatus status;
        if (history.Count == 0 || target == 0)
        {
            status = history.Count > 0 && target == 0 ? CommitmentStatus.Met : CommitmentStatus.Unknown;
        }
        else if (connectable >= target)
        {
            status = CommitmentStatus.Met;
        }
        else if (history[^1].Quarter.EndDate >= c.Deadline)
        {
            status = CommitmentStatus.Late;
            projected = connectable;
        }
        else
        {
            // The trajectory works on shares: here, the share of the committed premises made connectable.
            var goal = new Target($"commitment-{c.Id}", c.OperatorName, TargetIndicators.FtthCoverage, 1m, c.Deadline, "commune", null, c.Source);
            var assessment = Trajectory.Assess(goal, history.Select(h => (h.Quarter, (decimal)h.Connectable / target)).ToList());
            projected = assessment.ProjectedAtDeadline is { } share ? (long)Math.Floor(share * target) : null;
            status = assessment.Status switch
            {
                TrajectoryStatus.OnTrack => CommitmentStatus.OnTime,
                TrajectoryStatus.Late or TrajectoryStatus.Stalled => CommitmentStatus.AtRisk,
                _ => CommitmentStatus.Unknown,
            };
        }

        return new CommitmentRowView(c.Id, c.CommuneCode, communeName, departement, epci, c.OperatorCode, c.OperatorName, c.Zone, c.Deadline, c.TargetShare,
            premises, target, connectable, projected, status, c.Partial, c.Register, c.LegalBasis, c.LegalStatus, c.Source);
    }

    private static List<CommitmentSummary> Summarise(IReadOnlyList<CommitmentRowView> rows, Func<CommitmentRowView, string> key, Func<CommitmentRowView, string> name) =>
        rows.GroupBy(r => (Key: key(r), r.Deadline))
            .Select(g => new CommitmentSummary(g.Key.Key, name(g.First()), g.Key.Deadline, g.Count(),
                g.Sum(r => r.TargetPremises), g.Sum(r => r.ConnectablePremises), g.Sum(r => r.Gap), g.Sum(r => r.ProjectedGap ?? 0),
                Enum.GetValues<CommitmentStatus>().ToDictionary(s => s, s => g.Count(r => r.Status == s))))
            .OrderBy(s => s.Deadline).ThenByDescending(s => s.TargetPremises).ThenBy(s => s.Key, StringComparer.Ordinal)
            .ToList();
}
