using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scoran.Data;
using Scoran.Observatory.Measurements;
using Scoran.Observatory.Mobile;
using Scoran.Territories.Import;
using Scoran.Testing;

namespace Scoran.Observatory.Tests.Measurements;

/// <summary>Storage of crowdsourced measurements on a real database: idempotency under concurrency, the k threshold, retention, campaigns.</summary>
public abstract class MeasurementStoreTests(DatabaseProvider provider)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public static MeasurementSubmission At(string id, double lat, double lon, string installation, string op = "20801", double download = 20, DateTimeOffset? time = null, string? campaign = null) => new()
    {
        Id = id, Time = time ?? TestClock.Now.AddMinutes(-5), Lat = lat, Lon = lon, Accuracy = 10, Operator = op, Technology = "4G",
        Rsrp = -100, DownloadMbps = download, InstallationId = installation, Campaign = campaign,
    };

    [Fact]
    public async Task The_same_batch_posted_twenty_times_in_parallel_is_stored_once_and_each_item_reported_new_exactly_once()
    {
        TestDatabase.RequireEngine(provider);
        await using var database = await TestDatabase.CreateAsync(provider, "measureconc");
        var batch = Enumerable.Range(0, 10).Select(i => At($"m-{i}", 47.30 + i * 0.001, 5.04, "phone-1")).ToList();
        await using var services = database.Services();

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ =>
        {
            await using var scope = services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<MeasurementIngestion>()
                .SubmitAsync(batch, batch: true, new SubmissionContext(null, null, "127.0.0.1"), Token);
        }));

        Assert.All(results, r => Assert.Null(r.Errors));
        Assert.All(results, r => Assert.Equal(10, r.Items.Count));
        // Every item is "new" in exactly one response, "already stored" in the 19 others.
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(1, results.Count(r => r.Items[i].New));
        }

        await using var check = services.CreateAsyncScope();
        var keys = await check.ServiceProvider.GetRequiredService<ScoranDbContext>().Set<Measurement>().Select(m => m.ClientKey).ToListAsync(Token);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => $"i:m-{i}").Order(), keys.Order());
    }

    [Fact]
    public async Task A_request_with_one_invalid_item_stores_nothing_and_names_the_item()
    {
        TestDatabase.RequireEngine(provider);
        await using var database = await TestDatabase.CreateAsync(provider, "measureinvalid");
        var batch = new[] { At("ok-1", 47.3, 5.0, "p"), At("ok-2", 47.3, 5.0, "p"), At("bad", 47.3, 5.0, "p") with { Rsrp = -20 }, At("far", 40.42, -3.70, "p") };
        var result = await database.WithScopeAsync(sp => sp.GetRequiredService<MeasurementIngestion>()
            .SubmitAsync(batch, true, new SubmissionContext(null, null, "127.0.0.1"), Token));

        Assert.Equal(["items[2].rsrp", "items[3].lat"], result.Errors!.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(0, await database.WithScopeAsync(sp => sp.GetRequiredService<ScoranDbContext>().Set<Measurement>().CountAsync(Token)));
    }

    [Fact]
    public async Task Communes_below_k_contributors_are_hidden_aggregates_survive_the_purge_and_campaigns_keep_to_their_period_and_territory()
    {
        TestDatabase.RequireEngine(provider);
        await using var database = await TestDatabase.CreateAsync(provider, "measureagg", TestTemplates.France);
        await database.WithScopeAsync(async sp =>
        {
            var cotedor = SharedData.BfcContourFiles().Where(f => f.Contains("communes-21", StringComparison.Ordinal)).ToList();
            await sp.GetRequiredService<ContoursImporter>().ImportAsync(await ContoursImporter.ReadAsync(cotedor), "test");
        });
        await using var services = database.Services();
        async Task<IngestionResult> Submit(params MeasurementSubmission[] items)
        {
            await using var scope = services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<MeasurementIngestion>().SubmitAsync(items, true, new SubmissionContext(null, null, "127.0.0.1"), Token);
        }

        async Task<T> Query<T>(Func<MeasurementQueries, Task<T>> query)
        {
            await using var scope = services.CreateAsyncScope();
            return await query(scope.ServiceProvider.GetRequiredService<MeasurementQueries>());
        }

        // Dijon (21231): four phones, eight measurements; Beaune (21054): one phone.
        var dijon = Enumerable.Range(0, 8).Select(i => At($"d-{i}", 47.3220, 5.0415, $"phone-{i % 4}", download: 10 * (i + 1))).ToList();
        var stored = await Submit([.. dijon, At("b-0", 47.0260, 4.8400, "phone-9")]);
        Assert.Null(stored.Errors);
        Assert.Equal("21231", stored.Items[0].CommuneCode);
        Assert.Equal("21054", stored.Items[8].CommuneCode);
        // A point in Lyon is in France but outside every loaded outline: refused.
        Assert.Contains("items[0].lat", (await Submit(At("lyon", 45.76, 4.84, "phone-1"))).Errors!.Keys);

        var hidden = await Query(q => q.SummaryAsync(Territories.Model.TerritoryKind.Region, "27", cancellationToken: Token));
        Assert.Equal(5, hidden.MinimumContributors);
        Assert.Empty(hidden.Communes);
        Assert.Equal(2, hidden.HiddenCommunes);
        Assert.Empty(await Query(q => q.ByCommuneAndOperatorAsync("region/27", null, null, Token)));

        await Submit(At("d-8", 47.3230, 5.0400, "phone-4", download: 90));
        var shown = await Query(q => q.SummaryAsync(Territories.Model.TerritoryKind.Region, "27", cancellationToken: Token));
        var commune = Assert.Single(shown.Communes);
        Assert.Equal(("21231", "Dijon", 9, 5), (commune.CommuneCode, commune.CommuneName, commune.Measurements, commune.Contributors));
        Assert.Equal(50, commune.Operators.Single().MedianDownloadMbps);
        var measured = Assert.Single(await Query(q => q.ByCommuneAndOperatorAsync("departement/21", null, null, Token)));
        Assert.Equal(new CommuneOperatorMeasurements("21231", "20801", "4G", 9, 5, 0, 50), measured);
        IMeasuredQualitySource source = services.CreateScope().ServiceProvider.GetRequiredService<IMeasuredQualitySource>();
        Assert.IsType<MeasurementQueries>(source);

        // Retention: positions go, aggregates stay.
        var purged = await database.WithScopeAsync(sp => sp.GetRequiredService<MeasurementRetention>().PurgeAsync(days: -1, Token));
        Assert.Equal(10, purged);
        Assert.Equal(0, await database.WithScopeAsync(sp => sp.GetRequiredService<ScoranDbContext>().Set<Measurement>().CountAsync(m => m.Latitude != null || m.Longitude != null, Token)));
        Assert.Equal(measured, Assert.Single(await Query(q => q.ByCommuneAndOperatorAsync("21", null, null, Token))));

        // Campaign in Côte-d'Or this week, Orange only.
        var (campaign, errors) = await database.WithScopeAsync(sp => sp.GetRequiredService<MeasurementCampaigns>().CreateAsync(
            new CampaignDraft("cotedor-2026", "Campagne Côte-d'Or", "departement", "21", TestClock.Today.AddDays(-2), TestClock.Today, "20801", "Mesures en extérieur, à l'arrêt."), "chef@region.invalid", Token));
        Assert.Null(errors);
        Assert.Null((await Submit(At("c-1", 47.3220, 5.0415, "phone-1", campaign: "cotedor-2026"))).Errors);
        Assert.Contains("items[0].campaign", (await Submit(At("c-2", 47.3220, 5.0415, "phone-1", op: "20810", campaign: "cotedor-2026"))).Errors!.Keys);
        Assert.Contains("items[0].campaign", (await Submit(At("c-3", 47.3220, 5.0415, "phone-1", time: TestClock.Now.AddDays(-5), campaign: "cotedor-2026"))).Errors!.Keys);
        Assert.Contains("items[0].campaign", (await Submit(At("c-4", 47.3220, 5.0415, "phone-1", campaign: "inconnue"))).Errors!.Keys);
        var report = await Query(q => q.CampaignReportAsync("cotedor-2026", Token));
        Assert.Equal(1, report!.Measurements);
        Assert.Equal("20801", Assert.Single(report.Days).OperatorCode);
        var audit = await database.WithScopeAsync(sp => Scoran.Core.Audit.AuditTrail.HistoryAsync(sp.GetRequiredService<ScoranDbContext>(), "observatory.measurement-campaign", campaign!.Code, Token));
        Assert.Equal("created", Assert.Single(audit).Action);
    }
}

public sealed class SqliteMeasurementStoreTests() : MeasurementStoreTests(DatabaseProvider.Sqlite);

public sealed class PostgresMeasurementStoreTests() : MeasurementStoreTests(DatabaseProvider.Postgres);
