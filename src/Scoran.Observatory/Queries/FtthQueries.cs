using Microsoft.EntityFrameworkCore;
using Scoran.Core.Imports;
using Scoran.Observatory.Import.Arcep;
using Scoran.Observatory.Indicators;
using Scoran.Observatory.Model;
using Scoran.Territories.Model;
using Scoran.Territories.Queries;

namespace Scoran.Observatory.Queries;

/// <summary>FttH coverage of a territory at one quarter, with the counts behind the rate.</summary>
public sealed record FtthPoint(Quarter Quarter, long ConnectablePremises, long Premises)
{
    public CoverageRate Coverage => new(ConnectablePremises, Premises);
}

/// <summary>A territory's FttH history in one release, with where the figures come from.</summary>
public sealed record FtthSeries(string Release, IReadOnlyList<FtthPoint> Points, FtthSource Source)
{
    /// <summary>True when premises are Arcep's best estimate (2020+ layout) rather than housing + businesses.</summary>
    public bool EstimatedPremises { get; init; }
}

/// <summary>Provenance shown next to every figure.</summary>
public sealed record FtthSource(string Publisher, string File, string Vintage, string Licence, DateTimeOffset ImportedAt);

/// <summary>One territory of a breakdown (the départements of a région, the communes of an EPCI…).</summary>
public sealed record FtthBreakdownRow(TerritoryKind Kind, string Code, string Name, long ConnectablePremises, long Premises)
{
    public CoverageRate Coverage => new(ConnectablePremises, Premises);
}

/// <summary>FttH coverage of the part of a territory in one deployment zone.</summary>
public sealed record FtthZoneRow(FtthZone Zone, int Communes, long ConnectablePremises, long Premises)
{
    public CoverageRate Coverage => new(ConnectablePremises, Premises);
}

/// <summary>
/// Read side of the FttH observatory. Every aggregate is a sum of commune counts of the same
/// release (never an average of rates); the denominator is the premises of the same release.
/// </summary>
public sealed class FtthQueries(DbContext db)
{
    private readonly TerritoryQueries territories = new(db);

    public async Task<IReadOnlyList<string>> ReleasesAsync(CancellationToken cancellationToken = default) =>
        await db.Set<FtthCommuneProfile>().AsNoTracking().Select(p => p.Release).Distinct().OrderByDescending(r => r).ToListAsync(cancellationToken);

    public async Task<FtthSeries?> SeriesAsync(TerritoryKind kind, string code, string? release = null, CancellationToken cancellationToken = default)
    {
        release ??= (await ReleasesAsync(cancellationToken)).FirstOrDefault();
        if (release is null)
        {
            return null;
        }

        var communes = CommunesOf(kind, code).Select(t => t.Code);
        var premises = await db.Set<FtthCommuneProfile>().AsNoTracking()
            .Where(p => p.Release == release && communes.Contains(p.CommuneCode))
            .SumAsync(p => p.BestPremisesEstimate ?? p.Housing + p.Businesses, cancellationToken);
        var byQuarter = await db.Set<FtthCommuneQuarter>().AsNoTracking()
            .Where(q => q.Release == release && communes.Contains(q.CommuneCode))
            .GroupBy(q => q.Quarter)
            .Select(g => new { Quarter = g.Key, Connectable = g.Sum(q => q.ConnectablePremises) })
            .OrderBy(x => x.Quarter)
            .ToListAsync(cancellationToken);
        if (byQuarter.Count == 0)
        {
            return null;
        }

        return new FtthSeries(release, byQuarter.Select(x => new FtthPoint(Quarter.FromKey(x.Quarter), x.Connectable, premises)).ToList(),
            await SourceAsync(release, cancellationToken))
        {
            EstimatedPremises = await db.Set<FtthCommuneProfile>().AsNoTracking()
                .AnyAsync(p => p.Release == release && p.BestPremisesEstimate != null && communes.Contains(p.CommuneCode), cancellationToken),
        };
    }

    /// <summary>Coverage of each <paramref name="childKind"/> territory inside a territory at one quarter.</summary>
    public async Task<IReadOnlyList<FtthBreakdownRow>> BreakdownAsync(TerritoryKind kind, string code, TerritoryKind childKind, Quarter quarter, string release, CancellationToken cancellationToken = default)
    {
        var communes = CommunesOf(kind, code);
        var rows = await (
                from t in communes
                join q in db.Set<FtthCommuneQuarter>().AsNoTracking().Where(q => q.Release == release && q.Quarter == quarter.Key) on t.Code equals q.CommuneCode into qs
                from q in qs.DefaultIfEmpty()
                join p in db.Set<FtthCommuneProfile>().AsNoTracking().Where(p => p.Release == release) on t.Code equals p.CommuneCode into ps
                from p in ps.DefaultIfEmpty()
                select new
                {
                    Group = childKind == TerritoryKind.Departement ? t.DepartementCode : childKind == TerritoryKind.Epci ? t.EpciCode : t.Code,
                    Connectable = q == null ? 0 : q.ConnectablePremises,
                    Premises = p == null ? 0 : p.BestPremisesEstimate ?? p.Housing + p.Businesses,
                })
            .GroupBy(x => x.Group)
            .Select(g => new { Code = g.Key, Connectable = g.Sum(x => x.Connectable), Premises = g.Sum(x => x.Premises) })
            .ToListAsync(cancellationToken);

        var codes = rows.Where(r => r.Code != null).Select(r => r.Code!).ToList();
        var names = await territories.NamesAsync(childKind, codes, cancellationToken);
        return rows.Where(r => r.Code != null)
            .Select(r => new FtthBreakdownRow(childKind, r.Code!, names.GetValueOrDefault(r.Code!) ?? r.Code!, r.Connectable, r.Premises))
            .OrderBy(r => r.Code, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Coverage split by deployment zone (very dense, private commitment, public initiative) at one quarter.</summary>
    public async Task<IReadOnlyList<FtthZoneRow>> ZonesAsync(TerritoryKind kind, string code, Quarter quarter, string release, CancellationToken cancellationToken = default)
    {
        var communes = CommunesOf(kind, code).Select(t => t.Code);
        var rows = await (
                from p in db.Set<FtthCommuneProfile>().AsNoTracking().Where(p => p.Release == release && communes.Contains(p.CommuneCode))
                join q in db.Set<FtthCommuneQuarter>().AsNoTracking().Where(q => q.Release == release && q.Quarter == quarter.Key)
                    on p.CommuneCode equals q.CommuneCode into qs
                from q in qs.DefaultIfEmpty()
                group new { p, Connectable = q == null ? 0 : q.ConnectablePremises } by p.Zone into g
                select new { Zone = g.Key, Communes = g.Count(), Connectable = g.Sum(x => x.Connectable), Premises = g.Sum(x => x.p.BestPremisesEstimate ?? x.p.Housing + x.p.Businesses) })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new FtthZoneRow(r.Zone, r.Communes, r.Connectable, r.Premises)).OrderBy(r => r.Zone).ToList();
    }

    private async Task<FtthSource> SourceAsync(string release, CancellationToken cancellationToken)
    {
        var vintage = Quarter.FromKey(int.Parse(release[..4]) * 10 + (release[^1] - '0')).ToString();
        var import = await db.Set<DatasetImport>().AsNoTracking()
            .Where(i => i.Dataset == ArcepFtthImporter.Dataset && i.Vintage == vintage)
            .OrderByDescending(i => i.ImportedAt)
            .FirstAsync(cancellationToken);
        return new FtthSource(import.Publisher, import.Source, import.Vintage, import.Licence, import.ImportedAt);
    }

    private IQueryable<Territory> CommunesOf(TerritoryKind kind, string code) => territories.Communes(kind, code);
}
