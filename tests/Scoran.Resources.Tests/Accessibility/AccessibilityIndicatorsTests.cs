using Scoran.Territories.Geography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scoran.Resources.Accessibility;
using Scoran.Resources.Places;
using Scoran.Resources.Tests.Places;
using Scoran.Testing;
using Scoran.Territories.Model;

namespace Scoran.Resources.Tests.Accessibility;

/// <summary>
/// The indicators on the real France Services list and the real BFC communes, checked exactly
/// against a brute-force scan of every place for every commune, then against sums written here
/// independently of the calculator.
/// </summary>
public abstract class AccessibilityIndicatorsTests(PlacesDatabase data)
{
    private void Require() => TestDatabase.RequireEngine(data.Provider);

    private async Task<(List<InclusionPlace> Places, IReadOnlyList<CommunePoint> Communes, AccessibilityReport Report)> LoadAsync() =>
        await data.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<Scoran.Data.ScoranDbContext>();
            var places = await db.Set<InclusionPlace>().AsNoTracking().OrderBy(p => p.Id).ToListAsync();
            var communes = (await sp.GetRequiredService<CommunePointsStore>().GetAsync(db)).Where(c => c.RegionCode == "27").ToList();
            var report = await sp.GetRequiredService<AccessibilityQueries>().RegionAsync("27");
            return (places, (IReadOnlyList<CommunePoint>)communes, report!);
        });

    [Fact]
    public async Task The_index_finds_exactly_the_brute_force_nearest_place_for_every_BFC_commune()
    {
        Require();
        var (places, communes, _) = await LoadAsync();
        var points = places.Select(p => new IndexedPoint(p.Id, p.Latitude, p.Longitude)).ToList();
        var index = new NearestPlaceIndex(points);
        Assert.Equal(2653, index.Count);
        // Every current commune of the région (COG 2026) has an outline, hence a home point.
        Assert.Equal(3685, communes.Count);
        foreach (var c in communes)
        {
            var expected = NearestPlaceIndex.BruteForce(points, c.Latitude, c.Longitude);
            var actual = index.Find(c.Latitude, c.Longitude);
            Assert.Equal(expected, actual);
        }

        // Points exactly on a place, and far away (Paris, Réunion), too.
        foreach (var p in places.Take(200))
        {
            Assert.Equal(NearestPlaceIndex.BruteForce(points, p.Latitude, p.Longitude), index.Find(p.Latitude, p.Longitude));
        }

        Assert.Equal(NearestPlaceIndex.BruteForce(points, 48.8566, 2.3522), index.Find(48.8566, 2.3522));
        Assert.Equal(NearestPlaceIndex.BruteForce(points, -21.1151, 55.5364), index.Find(-21.1151, 55.5364));
    }

    [Fact]
    public async Task Indicators_per_departement_equal_sums_over_brute_force_distances()
    {
        Require();
        var (places, communes, report) = await LoadAsync();
        var points = places.Select(p => new IndexedPoint(p.Id, p.Latitude, p.Longitude)).ToList();
        Assert.Equal(8, report.Departements.Count);
        Assert.Equal(0, report.CommunesWithoutPoint);

        foreach (var departement in report.Departements.Append(report.Region))
        {
            var members = communes.Where(c => departement.Kind == TerritoryKind.Region || c.DepartementCode == departement.Code).OrderBy(c => c.Code, StringComparer.Ordinal).ToList();
            long population = 0, beyond10 = 0, beyond20 = 0;
            double weighted = 0;
            foreach (var c in members)
            {
                var meters = NearestPlaceIndex.BruteForce(points, c.Latitude, c.Longitude)!.Value.Meters;
                population += c.Population;
                weighted += c.Population * meters;
                beyond10 += meters > 10_000 ? c.Population : 0;
                beyond20 += meters > 20_000 ? c.Population : 0;
            }

            var codes = members.Select(c => c.Code).ToHashSet();
            var inside = places.Count(p => p.CommuneCode is not null && codes.Contains(p.CommuneCode));
            Assert.Equal(members.Count, departement.Communes);
            Assert.Equal(population, departement.Population);
            Assert.Equal(weighted / population / 1000, departement.MeanDistanceKm);
            Assert.Equal(beyond10, departement.PopulationBeyond10Km);
            Assert.Equal(beyond20, departement.PopulationBeyond20Km);
            Assert.Equal(inside, departement.Places);
            Assert.Equal(inside * 10_000m / population, departement.PlacesPer10000);
        }

        // The région is the sum of its départements, never an average of their figures.
        Assert.Equal(report.Departements.Sum(d => d.Population), report.Region.Population);
        Assert.Equal(report.Departements.Sum(d => d.PopulationBeyond10Km), report.Region.PopulationBeyond10Km);
        Assert.Equal(216, report.Region.Places);
        Assert.NotEqual(report.Departements.Average(d => d.MeanDistanceKm), report.Region.MeanDistanceKm);
    }

    [Fact]
    public void Haversine_gives_known_distances()
    {
        // Dijon (Place de la Libération) to Besançon (Place du 8 Septembre): about 75.6 km.
        Assert.InRange(NearestPlaceIndex.Haversine(47.3216, 5.0415, 47.2378, 6.0241), 74_000, 76_000);
        Assert.Equal(0, NearestPlaceIndex.Haversine(47, 5, 47, 5));
        // A quarter of a meridian.
        Assert.Equal(Math.PI / 2 * NearestPlaceIndex.EarthRadiusMeters, NearestPlaceIndex.Haversine(0, 0, 90, 0), 6);
    }

    [Fact]
    public void Aggregates_weigh_by_population()
    {
        var a = new CommuneAccess(new CommunePoint("1", "A", "21", null, "27", 900, 0, 0), 1, 1_000);
        var b = new CommuneAccess(new CommunePoint("2", "B", "21", null, "27", 100, 0, 0), 1, 21_000);
        var sum = AccessibilityCalculator.Sum(TerritoryKind.Departement, "21", "X", [a, b], new Dictionary<string, int> { ["1"] = 2 });
        Assert.Equal(3.0, sum.MeanDistanceKm, 12);
        Assert.Equal(0.1, sum.ShareBeyond20Km);
        Assert.Equal(20m, sum.PlacesPer10000);
        Assert.Equal(1, sum.CommunesBeyond20Km);
    }
}

public sealed class SqliteAccessibilityIndicatorsTests(SqlitePlacesDatabase data) : AccessibilityIndicatorsTests(data), IClassFixture<SqlitePlacesDatabase>;

public sealed class PostgresAccessibilityIndicatorsTests(PostgresPlacesDatabase data) : AccessibilityIndicatorsTests(data), IClassFixture<PostgresPlacesDatabase>;
