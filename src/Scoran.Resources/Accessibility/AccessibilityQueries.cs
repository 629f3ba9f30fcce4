using Scoran.Territories.Queries;
using Scoran.Territories.Geography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Features;
using NetTopologySuite.IO;
using Scoran.Resources.Places;
using Scoran.Territories.Model;

namespace Scoran.Resources.Accessibility;

/// <summary>All the indicators of one région: per commune, EPCI, département and for the région itself.</summary>
public sealed record AccessibilityReport(
    AccessibilityIndicators Region,
    IReadOnlyList<AccessibilityIndicators> Departements,
    IReadOnlyList<AccessibilityIndicators> Epcis,
    IReadOnlyList<CommuneAccess> Communes,
    int PlacesInIndex,
    int CommunesWithoutPoint);

/// <summary>
/// Computes the accessibility indicators of a région from the imported places (all sources, France
/// included: the nearest place of a commune near a border may be in the next région) and the
/// communes' home points.
/// </summary>
public sealed class AccessibilityQueries(DbContext db, CommunePointsStore points)
{
    private readonly TerritoryQueries territories = new(db);

    public async Task<AccessibilityReport?> RegionAsync(string regionCode, string? label = null, CancellationToken cancellationToken = default)
    {
        var region = await territories.FindAsync(TerritoryKind.Region, regionCode, cancellationToken);
        if (region is null)
        {
            return null;
        }

        var places = await PlacesAsync(label, cancellationToken);
        var index = new NearestPlaceIndex(places.Select(p => new IndexedPoint(p.Id, p.Latitude, p.Longitude)));
        var all = await points.GetAsync(db, cancellationToken);
        var communes = all.Where(c => c.RegionCode == regionCode).ToList();
        var withoutPoint = await territories.Communes(TerritoryKind.Region, regionCode).CountAsync(cancellationToken) - communes.Count;
        var access = AccessibilityCalculator.NearestForCommunes(communes, index);
        var perCommune = places.Where(p => p.CommuneCode is not null).GroupBy(p => p.CommuneCode!).ToDictionary(g => g.Key, g => g.Count());
        var departementNames = (await territories.DepartementsAsync(regionCode, cancellationToken)).ToDictionary(d => d.Code, d => d.Name);
        var epciNames = await territories.NamesAsync(TerritoryKind.Epci, cancellationToken);
        return new AccessibilityReport(
            AccessibilityCalculator.Sum(TerritoryKind.Region, region.Code, region.Name, access.OrderBy(a => a.Commune.Code, StringComparer.Ordinal).ToList(), perCommune),
            AccessibilityCalculator.Aggregate(access, TerritoryKind.Departement, c => c.DepartementCode, departementNames, perCommune),
            AccessibilityCalculator.Aggregate(access, TerritoryKind.Epci, c => c.EpciCode, epciNames, perCommune),
            access.OrderBy(a => a.Commune.Code, StringComparer.Ordinal).ToList(),
            index.Count,
            withoutPoint);
    }

    /// <summary>The indicators of one territory of the région (commune, EPCI, département or the région).</summary>
    public async Task<AccessibilityIndicators?> TerritoryAsync(string regionCode, TerritoryKind kind, string code, CancellationToken cancellationToken = default)
    {
        var report = await RegionAsync(regionCode, null, cancellationToken);
        if (report is null)
        {
            return null;
        }

        return kind switch
        {
            TerritoryKind.Region => report.Region.Code == code ? report.Region : null,
            TerritoryKind.Departement => report.Departements.FirstOrDefault(d => d.Code == code),
            TerritoryKind.Epci => report.Epcis.FirstOrDefault(d => d.Code == code),
            _ => report.Communes.FirstOrDefault(c => c.Commune.Code == code) is { } c
                ? AccessibilityCalculator.Sum(TerritoryKind.Commune, c.Commune.Code, c.Commune.Name, [c],
                    await PlaceDuplicates.Visible(db).Where(p => p.CommuneCode == code).GroupBy(p => p.CommuneCode!).ToDictionaryAsync(g => g.Key, g => g.Count(), cancellationToken))
                : null,
        };
    }

    /// <summary>GeoJSON of the communes of the région whose home point is farther than 20 km from any place, with their distance.</summary>
    public async Task<byte[]> FarAreasGeoJsonAsync(string regionCode, double thresholdMeters = AccessibilityCalculator.TwentyKm, CancellationToken cancellationToken = default)
    {
        var report = await RegionAsync(regionCode, null, cancellationToken);
        var far = report?.Communes.Where(c => c.DistanceMeters > thresholdMeters).ToDictionary(c => c.Commune.Code) ?? [];
        var codes = far.Keys.ToList();
        var contours = await territories.CommuneOutlinesAsync(codes, cancellationToken);
        var reader = new WKBReader();
        var collection = new FeatureCollection();
        foreach (var c in contours)
        {
            var a = far[c.Code];
            collection.Add(new Feature(reader.Read(c.Geometry), new AttributesTable
            {
                { "code", c.Code },
                { "nom", a.Commune.Name },
                { "population", a.Commune.Population },
                { "distanceKm", Math.Round(a.DistanceMeters / 1000, 2) },
            }));
        }

        var options = new JsonSerializerOptions();
        options.Converters.Add(new NetTopologySuite.IO.Converters.GeoJsonConverterFactory());
        return JsonSerializer.SerializeToUtf8Bytes(collection, options);
    }

    private async Task<List<InclusionPlace>> PlacesAsync(string? label, CancellationToken cancellationToken)
    {
        var query = PlaceDuplicates.Visible(db);
        var places = await query.OrderBy(p => p.Id).ToListAsync(cancellationToken);
        return label is null ? places : places.Where(p => p.LabelList.Contains(label)).ToList();
    }
}
