using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Scoran.Core.Audit;
using Scoran.Data;
using Scoran.Observatory.Measurements;
using Scoran.Testing;
using Scoran.Web.Observatory.Measurements;

namespace Scoran.Web.Tests.Api;

/// <summary>The retention purge scheduled inside the web app (<see cref="MeasurementPurgeService"/>), on a real database.</summary>
public abstract class MeasurementPurgeServiceTests(DatabaseProvider provider)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>Six contributors in Dijon: 12 measurements received 200 days ago, 6 received yesterday.</summary>
    private static async Task SeedAsync(TestDatabase database)
    {
        var now = TestClock.Now;
        await database.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<ScoranDbContext>();
            db.AddRange(Enumerable.Range(0, 18).Select(i => new Measurement
            {
                ClientKey = $"purge-{i}", MeasuredAt = now.AddDays(i < 12 ? -201 : -1), ReceivedAt = now.AddDays(i < 12 ? -200 : -1),
                Latitude = 47.3220, Longitude = 5.0415, AccuracyMeters = 8, Device = "Pixel", AppVersion = "1.0",
                OperatorCode = i % 2 == 0 ? "20801" : "20810", Technology = "4G", DownloadMbps = 10 + i, Rsrp = -90 - i,
                ContributorId = $"c{i % 6}", CommuneCode = "21231", CellId = MeasurementGrid.CellOf(47.3220, 5.0415),
            }));
            return await db.SaveChangesAsync(Token);
        });
    }

    private static Task<string> AggregatesAsync(TestDatabase database) => database.WithScopeAsync(async sp =>
    {
        var queries = sp.GetRequiredService<MeasurementQueries>();
        return JsonSerializer.Serialize(new object[]
        {
            await queries.SummaryAsync(null, null, cancellationToken: Token), await queries.CellsAsync(null, null, cancellationToken: Token),
            await queries.ByCommuneAndOperatorAsync(null, null, null, Token),
        });
    });

    [Fact]
    public async Task The_web_app_purges_old_positions_on_its_own_schedule_and_the_aggregates_do_not_change()
    {
        TestDatabase.RequireEngine(provider);
        await using var database = await TestDatabase.CreateAsync(provider, "measpurgesvc");
        await SeedAsync(database);
        var before = await AggregatesAsync(database);
        Assert.Contains("\"Contributors\":6", before, StringComparison.Ordinal);

        await using var factory = new ScoranAppFactory(database.Storage, new Dictionary<string, string>
        {
            ["Scoran:Measurements:PurgeInterval"] = "00:00:00.300",
            ["Scoran:Measurements:PurgeStartDelay"] = "00:00:00",
        });
        _ = factory.Services; // starts the host, hence its hosted services

        async Task<(int Purged, int WithPosition)> State() => await database.WithScopeAsync(async sp =>
        {
            var rows = sp.GetRequiredService<ScoranDbContext>().Set<Measurement>();
            return (await rows.CountAsync(m => m.Purged, Token), await rows.CountAsync(m => m.Latitude != null, Token));
        });

        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((await State()).Purged < 12 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200, Token);
        }

        // Several ticks later still only the 12 old rows are purged; yesterday's keep their position.
        await Task.Delay(1000, Token);
        Assert.Equal((12, 6), await State());
        Assert.Equal(0, await database.WithScopeAsync(sp => sp.GetRequiredService<ScoranDbContext>().Set<Measurement>()
            .CountAsync(m => m.Purged && (m.Longitude != null || m.AccuracyMeters != null || m.Device != null || m.AppVersion != null), Token)));
        Assert.Equal(before, await AggregatesAsync(database));
        // One audit entry, like the CLI verb: later ticks find nothing to purge and record nothing.
        var audit = await database.WithScopeAsync(sp => AuditTrail.HistoryAsync(sp.GetRequiredService<ScoranDbContext>(), "observatory.measurements", "retention", Token));
        Assert.Equal("purged", Assert.Single(audit).Action);
    }

    [Fact]
    public async Task A_database_error_is_logged_and_the_next_run_purges()
    {
        TestDatabase.RequireEngine(provider);
        await using var database = await TestDatabase.CreateAsync(provider, "measpurgefail");
        await SeedAsync(database);
        // Disabled schedule: the test drives the runs itself.
        await using var factory = new ScoranAppFactory(database.Storage, new Dictionary<string, string> { ["Scoran:Measurements:PurgeInterval"] = "0" });
        var service = factory.Services.GetServices<IHostedService>().OfType<MeasurementPurgeService>().Single();

        await database.WithScopeAsync(sp => sp.GetRequiredService<ScoranDbContext>().Database.ExecuteSqlRawAsync("ALTER TABLE mobile_measurements RENAME TO mobile_measurements_away", Token));
        Assert.Null(await service.RunOnceAsync(Token));
        await database.WithScopeAsync(sp => sp.GetRequiredService<ScoranDbContext>().Database.ExecuteSqlRawAsync("ALTER TABLE mobile_measurements_away RENAME TO mobile_measurements", Token));
        Assert.Equal(12, await service.RunOnceAsync(Token));
        Assert.Equal(0, await service.RunOnceAsync(Token));
        // The host is still serving.
        var response = await factory.CreateClient().GetAsync("/api/measurements/communes", Token);
        Assert.True(response.IsSuccessStatusCode, response.StatusCode.ToString());
    }
}

public sealed class SqliteMeasurementPurgeServiceTests() : MeasurementPurgeServiceTests(DatabaseProvider.Sqlite);

public sealed class PostgresMeasurementPurgeServiceTests() : MeasurementPurgeServiceTests(DatabaseProvider.Postgres);
