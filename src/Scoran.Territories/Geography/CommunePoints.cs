using Microsoft.EntityFrameworkCore;
using NetTopologySuite.IO;
using Scoran.Territories.Model;

namespace Scoran.Territories.Geography;

/// <summary>Where the inhabitants of a commune are taken to live, with how many they are.</summary>
public sealed record CommunePoint(string Code, string Name, string? DepartementCode, string? EpciCode, string? RegionCode, long Population, double Latitude, double Longitude);

/// <summary>
/// The « home » of every commune with an outline: its representative point (NetTopologySuite's
/// interior point, always inside the outline, unlike the centroid of a crescent-shaped commune),
/// carrying the commune's whole population. Address points would place people more finely; no
/// such file is available here (see docs/resources-places.md). Communes without an outline
/// (outside the shipped BFC outlines) have no point and are left out of the indicators.
/// </summary>
public sealed class CommunePointsStore
{
    private readonly Lock _gate = new();
    private (Guid Version, IReadOnlyList<CommunePoint> Points)? _cache;

    public async Task<IReadOnlyList<CommunePoint>> GetAsync(DbContext db, CancellationToken cancellationToken = default)
    {
        var version = await db.Set<Core.Imports.DatasetImport>().AsNoTracking()
            .Where(i => i.Dataset == Territories.Import.ContoursImporter.Dataset || i.Dataset == Territories.Import.TerritoriesImporter.Dataset)
            .OrderByDescending(i => i.ImportedAt).Select(i => i.Id).FirstOrDefaultAsync(cancellationToken);
        lock (_gate)
        {
            if (_cache is { } cached && cached.Version == version)
            {
                return cached.Points;
            }
        }

        var rows = await (
                from t in db.Set<Territory>().AsNoTracking()
                join c in db.Set<TerritoryContour>().AsNoTracking() on new { t.Kind, t.Code } equals new { c.Kind, c.Code }
                where t.Kind == TerritoryKind.Commune && !t.IsObsolete
                orderby t.Code
                select new { t.Code, t.Name, t.DepartementCode, t.EpciCode, t.RegionCode, t.Population, c.Geometry })
            .ToListAsync(cancellationToken);
        var reader = new WKBReader();
        var points = rows.Select(r =>
        {
            var p = reader.Read(r.Geometry).InteriorPoint;
            return new CommunePoint(r.Code, r.Name, r.DepartementCode, r.EpciCode, r.RegionCode, r.Population ?? 0, p.Y, p.X);
        }).ToList();
        lock (_gate)
        {
            _cache = (version, points);
        }

        return points;
    }
}
