using Microsoft.EntityFrameworkCore;
using Scoran.Observatory.Import.Arcep;
using Scoran.Observatory.Model;
using Scoran.Territories.Model;
using Scoran.Territories.Queries;

namespace Scoran.Observatory.Queries;

/// <summary>A quarter as two releases give it for a territory (sums of commune counts).</summary>
public sealed record QuarterInReleases(Quarter Quarter, long? Before, long? After)
{
    /// <summary>Same quarter, different figure: the later release restated it.</summary>
    public bool Restated => Before is not null && After is not null && Before != After;
}

/// <summary>Connectable premises added during a quarter that only the later release covers.</summary>
public sealed record QuarterAdded(Quarter Quarter, long ConnectablePremises, long AddedSincePreviousQuarter);

/// <summary>A commune's figure that differs between the two releases.</summary>
public sealed record CommuneRevision(string Code, string Name, long Before, long After)
{
    public long Change => After - Before;
}

public sealed record CommuneQuarterRevision(string Code, string Name, Quarter Quarter, long Before, long After)
{
    public long Change => After - Before;
}

public sealed record CommuneZoneChange(string Code, string Name, FtthZone Before, FtthZone After);

public sealed record CommunePresence(string Code, string Name);

/// <summary>
/// What changed for a territory between two releases of Arcep's observatory: everything a
/// figure moved by, so it can be explained ("the T4 2017 figure went up by 1,200 because the
/// publisher restated Dijon").
/// </summary>
public sealed record ReleaseDiff(
    string From,
    string To,
    IReadOnlyList<QuarterInReleases> Quarters,
    IReadOnlyList<QuarterAdded> QuartersAdded,
    long PremisesBefore,
    long PremisesAfter,
    IReadOnlyList<CommuneRevision> PremisesRevised,
    IReadOnlyList<CommuneQuarterRevision> Restated,
    IReadOnlyList<CommuneZoneChange> ZoneChanges,
    IReadOnlyList<CommunePresence> CommunesAdded,
    IReadOnlyList<CommunePresence> CommunesRemoved);

/// <summary>Compares two kept releases of the FttH observatory over the communes of a territory.</summary>
public sealed class ReleaseDiffQueries(DbContext db)
{
    public async Task<ReleaseDiff> DiffAsync(TerritoryKind kind, string code, string from, string to, CancellationToken cancellationToken = default)
    {
        var communes = await new TerritoryQueries(db).Communes(kind, code)
            .Select(t => new { t.Code, t.Name }).ToDictionaryAsync(t => t.Code, t => t.Name, cancellationToken);
        var codes = communes.Keys.ToList();
        string[] releases = [from, to];
        var profiles = await db.Set<FtthCommuneProfile>().AsNoTracking()
            .Where(p => releases.Contains(p.Release) && codes.Contains(p.CommuneCode))
            .Select(p => new { p.Release, p.CommuneCode, Premises = p.BestPremisesEstimate ?? p.Housing + p.Businesses, p.Zone })
            .ToListAsync(cancellationToken);
        var quarters = await db.Set<FtthCommuneQuarter>().AsNoTracking()
            .Where(q => releases.Contains(q.Release) && codes.Contains(q.CommuneCode))
            .Select(q => new { q.Release, q.CommuneCode, q.Quarter, q.ConnectablePremises })
            .ToListAsync(cancellationToken);

        string Name(string c) => communes.GetValueOrDefault(c) ?? c;
        var before = profiles.Where(p => p.Release == from).ToDictionary(p => p.CommuneCode);
        var after = profiles.Where(p => p.Release == to).ToDictionary(p => p.CommuneCode);
        var qBefore = quarters.Where(q => q.Release == from).ToDictionary(q => (q.CommuneCode, q.Quarter), q => q.ConnectablePremises);
        var qAfter = quarters.Where(q => q.Release == to).ToDictionary(q => (q.CommuneCode, q.Quarter), q => q.ConnectablePremises);
        var inBefore = before.Keys.Concat(qBefore.Keys.Select(k => k.CommuneCode)).ToHashSet();
        var inAfter = after.Keys.Concat(qAfter.Keys.Select(k => k.CommuneCode)).ToHashSet();

        var sumsBefore = quarters.Where(q => q.Release == from).GroupBy(q => q.Quarter).ToDictionary(g => g.Key, g => g.Sum(q => q.ConnectablePremises));
        var sumsAfter = quarters.Where(q => q.Release == to).GroupBy(q => q.Quarter).ToDictionary(g => g.Key, g => g.Sum(q => q.ConnectablePremises));
        var allQuarters = sumsBefore.Keys.Union(sumsAfter.Keys).Order().ToList();
        var perQuarter = allQuarters
            .Select(k => new QuarterInReleases(Quarter.FromKey(k), sumsBefore.TryGetValue(k, out var b) ? b : null, sumsAfter.TryGetValue(k, out var a) ? a : null))
            .ToList();

        // New quarters are measured inside the later release, so a restatement of the earlier
        // quarters is not mistaken for deployment.
        var added = new List<QuarterAdded>();
        var lastBefore = sumsBefore.Count == 0 ? (int?)null : sumsBefore.Keys.Max();
        var afterKeys = sumsAfter.Keys.Order().ToList();
        for (var i = 0; i < afterKeys.Count; i++)
        {
            if (lastBefore is not null && afterKeys[i] <= lastBefore)
            {
                continue;
            }

            var previous = i > 0 ? sumsAfter[afterKeys[i - 1]] : 0;
            added.Add(new QuarterAdded(Quarter.FromKey(afterKeys[i]), sumsAfter[afterKeys[i]], sumsAfter[afterKeys[i]] - previous));
        }

        var revised = before.Keys.Intersect(after.Keys)
            .Where(c => before[c].Premises != after[c].Premises)
            .Select(c => new CommuneRevision(c, Name(c), before[c].Premises, after[c].Premises))
            .OrderByDescending(r => Math.Abs(r.Change)).ThenBy(r => r.Code, StringComparer.Ordinal)
            .ToList();
        var restated = qBefore.Where(b => qAfter.TryGetValue(b.Key, out var a) && a != b.Value)
            .Select(b => new CommuneQuarterRevision(b.Key.CommuneCode, Name(b.Key.CommuneCode), Quarter.FromKey(b.Key.Quarter), b.Value, qAfter[b.Key]))
            .OrderByDescending(r => Math.Abs(r.Change)).ThenBy(r => r.Code, StringComparer.Ordinal).ThenBy(r => r.Quarter)
            .ToList();
        var zones = before.Keys.Intersect(after.Keys)
            .Where(c => before[c].Zone != after[c].Zone)
            .Select(c => new CommuneZoneChange(c, Name(c), before[c].Zone, after[c].Zone))
            .OrderBy(z => z.Code, StringComparer.Ordinal)
            .ToList();
        var addedCommunes = inAfter.Except(inBefore).Order(StringComparer.Ordinal).Select(c => new CommunePresence(c, Name(c))).ToList();
        var removedCommunes = inBefore.Except(inAfter).Order(StringComparer.Ordinal).Select(c => new CommunePresence(c, Name(c))).ToList();

        return new ReleaseDiff(from, to, perQuarter, added, before.Values.Sum(p => p.Premises), after.Values.Sum(p => p.Premises),
            revised, restated, zones, addedCommunes, removedCommunes);
    }
}
