using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;
using NetTopologySuite.IO;
using Scoran.Territories.Model;

namespace Scoran.Territories.Geography;

/// <summary>
/// Finds the commune whose outline contains a point, from the commune outlines in the database,
/// held in memory as an R-tree of prepared point-in-polygon locators. Reloaded every few minutes
/// so a new outline import is picked up without a restart.
/// </summary>
public sealed class CommuneLocator(TimeProvider clock)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    private readonly SemaphoreSlim _loading = new(1, 1);
    private Index? _index;

    private sealed record Index(STRtree<(string Code, IPointOnGeometryLocator Locator)> Tree, int Count, DateTimeOffset LoadedAt);

    /// <summary>Number of commune outlines loaded (0: none, so France is checked by bounding boxes).</summary>
    public async Task<int> OutlineCountAsync(DbContext db, CancellationToken cancellationToken) => (await IndexAsync(db, cancellationToken)).Count;

    /// <summary>The commune containing the point, or null.</summary>
    public async Task<string?> LocateAsync(DbContext db, double lat, double lon, CancellationToken cancellationToken)
    {
        var index = await IndexAsync(db, cancellationToken);
        var point = new Coordinate(lon, lat);
        foreach (var (code, locator) in index.Tree.Query(new Envelope(point)))
        {
            if (locator.Locate(point) != Location.Exterior)
            {
                return code;
            }
        }

        return null;
    }

    public void Reset() => _index = null;

    private async Task<Index> IndexAsync(DbContext db, CancellationToken cancellationToken)
    {
        if (_index is { } current && clock.GetUtcNow() - current.LoadedAt < Lifetime)
        {
            return current;
        }

        await _loading.WaitAsync(cancellationToken);
        try
        {
            if (_index is { } loaded && clock.GetUtcNow() - loaded.LoadedAt < Lifetime)
            {
                return loaded;
            }

            var rows = await db.Set<TerritoryContour>().AsNoTracking()
                .Where(c => c.Kind == TerritoryKind.Commune)
                .Select(c => new { c.Code, c.Geometry })
                .ToListAsync(cancellationToken);
            var reader = new WKBReader();
            var tree = new STRtree<(string, IPointOnGeometryLocator)>();
            foreach (var row in rows)
            {
                var geometry = reader.Read(row.Geometry);
                tree.Insert(geometry.EnvelopeInternal, (row.Code, new IndexedPointInAreaLocator(geometry)));
            }

            if (rows.Count > 0)
            {
                tree.Build();
            }

            return _index = new Index(tree, rows.Count, clock.GetUtcNow());
        }
        finally
        {
            _loading.Release();
        }
    }
}
