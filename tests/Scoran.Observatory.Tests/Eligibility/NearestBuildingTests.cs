using Scoran.Observatory.Eligibility;
using Scoran.Testing;

namespace Scoran.Observatory.Tests.Eligibility;

/// <summary>The grid search returns exactly the building the brute-force scan returns, on real positions.</summary>
public sealed class NearestBuildingTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static void AssertSameAsBruteForce(EligibilityIndex index, IEnumerable<(double Lat, double Lon)> queries)
    {
        var mismatches = new List<string>();
        var count = 0;
        foreach (var (lat, lon) in queries)
        {
            count++;
            var fast = index.Nearest(lat, lon);
            var exact = index.BruteForceNearest(lat, lon);
            if (fast != exact)
            {
                mismatches.Add($"({lat}, {lon}) : grille {fast}, force brute {exact}");
            }
        }

        Assert.True(count > 0);
        Assert.Empty(mismatches);
    }

    private static IEnumerable<(double Lat, double Lon)> RandomPoints(int seed, int count, double south, double north, double west, double east)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            yield return (south + random.NextDouble() * (north - south), west + random.NextDouble() * (east - west));
        }
    }

    [Fact]
    public async Task Every_france_services_site_and_random_points_around_bfc_find_the_brute_force_nearest_building()
    {
        var sites = await EligibilityDemoGenerator.ReadSitesAsync(EligibilityFixtures.FranceServices, Token);
        Assert.True(sites.Count > 2_600, $"{sites.Count} sites with coordinates");
        var (buildings, eligibility) = await EligibilityFixtures.WriteAsync(sites, "france");
        var index = EligibilityFixtures.IndexOf(await EligibilityFiles.ReadAsync(buildings, eligibility, cancellationToken: Token));
        Assert.Equal(sites.Count * 9, index.Count);

        // The real sites themselves (distance 0 to their own building), points just beside them,
        // random points over BFC and a wide margin around it (France-wide sparse areas included).
        var random = new Random(7);
        AssertSameAsBruteForce(index, sites.Select(s => (s.Latitude, s.Longitude)));
        AssertSameAsBruteForce(index, sites.Select(s => (s.Latitude + (random.NextDouble() - 0.5) * 0.02, s.Longitude + (random.NextDouble() - 0.5) * 0.02)));
        AssertSameAsBruteForce(index, RandomPoints(1, 3_000, 46.1, 48.5, 2.8, 7.2));
        AssertSameAsBruteForce(index, RandomPoints(2, 1_000, 45.0, 49.5, 1.5, 8.5));
        // Far from buildings (sea, neighbouring countries): the coarse rings; very far: the scan.
        AssertSameAsBruteForce(index, RandomPoints(5, 1_000, 35.0, 56.0, -15.0, 20.0));
        AssertSameAsBruteForce(index, [(0, 0), (60, -30), (43.0, 9.0), (41.0, 5.0), (46.0, -4.0), (-21.1, 55.5), (89.9, 170.0), (-89.9, -170.0)]);

        // A site's own position finds a building placed exactly there.
        var first = index.Nearest(sites[0].Latitude, sites[0].Longitude)!.Value;
        Assert.True(first.DistanceMeters < 0.05, $"{first.DistanceMeters} m");
    }

    [Fact]
    public async Task Sites_sharing_a_position_tie_on_the_lowest_building_number_in_both_searches()
    {
        var sites = (await EligibilityDemoGenerator.ReadSitesAsync(EligibilityFixtures.FranceServices, Token)).ToList();
        // Real duplicates exist (several France Services at one address); add exact twins too.
        sites.AddRange(sites.Take(50).Select(s => s with { Id = s.Id + "9" }));
        var (buildings, eligibility) = await EligibilityFixtures.WriteAsync(sites, "ties", neighbours: 0);
        var index = EligibilityFixtures.IndexOf(await EligibilityFiles.ReadAsync(buildings, eligibility, cancellationToken: Token));

        AssertSameAsBruteForce(index, sites.Take(50).Select(s => (s.Latitude, s.Longitude)));
        AssertSameAsBruteForce(index, RandomPoints(3, 2_000, 41.0, 51.5, -5.5, 10.0));
    }

    [Fact]
    public async Task A_snapshot_written_and_read_back_answers_the_same()
    {
        var sites = (await EligibilityDemoGenerator.ReadSitesAsync(EligibilityFixtures.FranceServices, Token)).Where(s => EligibilityFixtures.Bfc.Contains(s.Departement)).ToList();
        var (buildings, eligibility) = await EligibilityFixtures.WriteAsync(sites, "roundtrip");
        var index = EligibilityFixtures.IndexOf(await EligibilityFiles.ReadAsync(buildings, eligibility, cancellationToken: Token));
        var path = Path.Combine(Path.GetDirectoryName(buildings)!, "snapshot.bin");
        await index.Snapshot.WriteAsync(path, Token);
        var loaded = EligibilityIndex.Load(path);

        Assert.Equal(index.Count, loaded.Count);
        Assert.True(loaded.Snapshot.Synthetic);
        foreach (var (lat, lon) in RandomPoints(4, 500, 46.1, 48.5, 2.8, 7.2))
        {
            var a = index.Nearest(lat, lon)!.Value;
            var b = loaded.Nearest(lat, lon)!.Value;
            Assert.Equal(a, b);
            Assert.Equal(EligibilityQueries.Describe(index, a.Building, a.DistanceMeters), EligibilityQueries.Describe(loaded, b.Building, b.DistanceMeters), new DescribeComparer());
        }
    }

    [Fact]
    public void The_distance_is_the_great_circle_distance()
    {
        // Two buildings 1° of latitude apart: 111.195 km on the mean sphere (R = 6 371 008.8 m).
        var snapshot = new EligibilitySnapshot
        {
            Vintage = "t", Source = "t", ContentSha256 = "", Synthetic = true, Communes = ["21231"],
            LatE7 = [470_000_000, 480_000_000], LonE7 = [50_000_000, 50_000_000], Commune = [0, 0], Premises = [1, 1],
            TechMask = [0, 0], TechClass = new byte[14], Flags = [0, 0],
            Ids = StringHeap.From(["a", "b"], [0, 1]), Addresses = StringHeap.From(["", ""], [0, 1]),
            CellKeys = [EligibilitySnapshot.CellKey(1000, 9400), EligibilitySnapshot.CellKey(1000, 9600)], CellStarts = [0, 1, 2],
        };
        var index = new EligibilityIndex(snapshot);
        var nearest = index.Nearest(47.0, 5.0)!.Value;
        Assert.Equal(0, nearest.Building);
        Assert.Equal(0, nearest.DistanceMeters, 6);
        var other = index.Nearest(47.9, 5.0)!.Value;
        Assert.Equal(1, other.Building);
        Assert.Equal(Math.PI / 180 * 0.1 * EligibilityIndex.EarthRadiusMeters, other.DistanceMeters, 3);
    }

    private sealed class DescribeComparer : IEqualityComparer<EligibilityAtBuilding>
    {
        public bool Equals(EligibilityAtBuilding? x, EligibilityAtBuilding? y) =>
            x is not null && y is not null && x.BuildingId == y.BuildingId && x.Address == y.Address && x.Premises == y.Premises
            && x.Technologies.SequenceEqual(y.Technologies) && x.FtthStatus == y.FtthStatus && x.DistanceMeters == y.DistanceMeters;

        public int GetHashCode(EligibilityAtBuilding obj) => obj.BuildingId.GetHashCode(StringComparison.Ordinal);
    }
}
