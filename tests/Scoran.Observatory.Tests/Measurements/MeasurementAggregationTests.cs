using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Scoran.Data;
using Scoran.Observatory.Measurements;
using Scoran.Territories.Import;
using Scoran.Territories.Model;
using Scoran.Testing;

namespace Scoran.Observatory.Tests.Measurements;

/// <summary>
/// The SQL aggregation of <see cref="MeasurementQueries"/> against the in-memory reference
/// (<see cref="InMemoryMeasurementQueries"/>, the implementation it replaced) on a random dataset:
/// every public method, several territories, time windows and a campaign, compared as JSON so that
/// every count, median and order must match exactly.
/// </summary>
public abstract class MeasurementAggregationTests(DatabaseProvider provider)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static readonly string[] Operators = ["20801", "20810", "20815", "20820"];
    private static readonly string[] Technologies = ["4G", "4G", "5G", "3G", "aucune"];

    /// <summary>Few contributors and few cells, so that many groups fall on either side of k = 5; values rounded to 0.005 so that ties and .xx5 means occur.</summary>
    public static List<Measurement> RandomMeasurements(int seed, int count, IReadOnlyList<string> communes, DateTimeOffset start)
    {
        var random = new Random(seed);
        double? Value(double min, double max) => random.Next(6) == 0 ? null : Math.Round((min + random.NextDouble() * (max - min)) * 200) / 200;
        return Enumerable.Range(0, count).Select(i => new Measurement
        {
            ClientKey = $"r:{seed}:{i}",
            MeasuredAt = start.AddMinutes(random.Next(60 * 24 * 6)),
            ReceivedAt = start.AddDays(7),
            Latitude = 47 + random.NextDouble(),
            Longitude = 5 + random.NextDouble(),
            OperatorCode = Operators[random.Next(Operators.Length)],
            Technology = Technologies[random.Next(Technologies.Length)],
            Rsrp = Value(-130, -70),
            DownloadMbps = Value(0, 3),
            UploadMbps = Value(0, 2),
            LatencyMs = Value(10, 12),
            ContributorId = $"c{random.Next(14)}",
            CommuneCode = random.Next(20) == 0 ? null : communes[random.Next(communes.Count)],
            CellId = $"{4700 + random.Next(4)}_{330 + random.Next(4)}",
            CampaignCode = random.Next(3) == 0 ? "camp" : null,
        }).ToList();
    }

    [Fact]
    public async Task Sql_aggregates_equal_the_in_memory_reference_on_random_data()
    {
        TestDatabase.RequireEngine(provider);
        await using var database = await TestDatabase.CreateAsync(provider, "measuresql", TestTemplates.France);
        var start = new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
        // Dijon, Beaune, Chenôve (21), Besançon (25), Nevers (58), and a commune of another région (Lyon).
        string[] communes = ["21231", "21054", "21166", "25056", "58194", "69123"];
        await database.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<ScoranDbContext>();
            db.Add(new MeasurementCampaign
            {
                Code = "camp", Name = "Campagne", TerritoryKind = "region", TerritoryCode = "27", StartsAt = start, EndsAt = start.AddDays(10),
                Operators = "", Protocol = "p", CreatedBy = "test", CreatedAt = start,
            });
            db.AddRange(RandomMeasurements(42, 3000, communes, start));
            await db.SaveChangesAsync(Token);
        });

        await using var scope = database.Services().CreateAsyncScope();
        var sql = scope.ServiceProvider.GetRequiredService<MeasurementQueries>();
        var reference = new InMemoryMeasurementQueries(scope.ServiceProvider.GetRequiredService<ScoranDbContext>(), scope.ServiceProvider.GetRequiredService<IOptions<MeasurementOptions>>());
        static string Json(object? value) => JsonSerializer.Serialize(value);

        (TerritoryKind?, string?)[] places = [(null, null), (TerritoryKind.Region, "27"), (TerritoryKind.Departement, "21"), (TerritoryKind.Commune, "21231"), (TerritoryKind.Commune, "89024")];
        (DateTimeOffset?, DateTimeOffset?)[] windows = [(null, null), (start.AddDays(2), start.AddDays(4)), (start.AddDays(5), null), (start.AddDays(5), start.AddDays(5).AddMinutes(40))];
        var (published, hidden) = (0, 0);
        foreach (var (kind, code) in places)
        {
            foreach (var (from, to) in windows)
            {
                var expected = await reference.SummaryAsync(kind, code, from, to, null, Token);
                Assert.Equal(Json(expected), Json(await sql.SummaryAsync(kind, code, from, to, null, Token)));
                Assert.Equal(Json(await reference.CellsAsync(kind, code, from, to, Token)), Json(await sql.CellsAsync(kind, code, from, to, Token)));
                published += expected.PublishedCommunes;
                hidden += expected.HiddenCommunes;
            }

            Assert.Equal(Json(await reference.SummaryAsync(kind, code, null, null, "camp", Token)), Json(await sql.SummaryAsync(kind, code, null, null, "camp", Token)));
        }

        foreach (var territory in new[] { null, "region/27", "21", "21231", "departement/69" })
        {
            Assert.Equal(Json(await reference.ByCommuneAndOperatorAsync(territory, null, null, Token)), Json(await sql.ByCommuneAndOperatorAsync(territory, null, null, Token)));
            Assert.Equal(Json(await reference.ByCommuneAndOperatorAsync(territory, start.AddDays(1), start.AddDays(3), Token)), Json(await sql.ByCommuneAndOperatorAsync(territory, start.AddDays(1), start.AddDays(3), Token)));
        }

        Assert.Equal(Json(await reference.CampaignReportAsync("camp", Token)), Json(await sql.CampaignReportAsync("camp", Token)));
        Assert.Null(await sql.CampaignReportAsync("none", Token));

        // The comparison means something: communes on both sides of k, published groups with medians.
        Assert.True(published > 0, "some communes are published");
        Assert.True(hidden > 0, "some communes are hidden");
        Assert.Contains(await sql.ByCommuneAndOperatorAsync("region/27", null, null, Token), m => m.MedianDownloadMbps is not null);
    }
}

public sealed class SqliteMeasurementAggregationTests() : MeasurementAggregationTests(DatabaseProvider.Sqlite);

public sealed class PostgresMeasurementAggregationTests() : MeasurementAggregationTests(DatabaseProvider.Postgres);
