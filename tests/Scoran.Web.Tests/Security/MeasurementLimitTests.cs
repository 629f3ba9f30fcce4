using System.Net;
using Scoran.Data;
using Scoran.Testing;

namespace Scoran.Web.Tests.Security;

/// <summary>Security review F3: the measurement limiter is partitioned on the client address, never on the client-chosen token header.</summary>
public abstract class MeasurementLimitTests(DatabaseProvider provider)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task F3_a_fresh_random_contributor_token_per_request_does_not_reset_the_rate_limit()
    {
        TestDatabase.RequireEngine(provider);
        await using var database = await TestDatabase.CreateAsync(provider, "secmeasurelimit");
        await using var factory = new ScoranAppFactory(database.Storage, new Dictionary<string, string> { ["Scoran:Measurements:RequestsPerMinute"] = "3" });
        var client = factory.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/measurements") { Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json") };
            request.Headers.Add("X-Contributor-Token", $"rnd-{Guid.NewGuid():N}-{i}");
            statuses.Add((await client.SendAsync(request, Token)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[3]);
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[4]);
    }

    [Fact]
    public async Task F3_a_batch_beyond_the_limit_is_refused_before_it_is_parsed()
    {
        // 1,000,000 empty objects fit in 3 MB; beyond 500 items the scan stops (the review saw +370 MB for this body).
        Assert.True(Scoran.Web.Observatory.Measurements.MeasurementBatchScan.ExceedsBatch(System.Text.Encoding.UTF8.GetBytes("[" + string.Join(',', Enumerable.Repeat("{}", 1_000_000)) + "]"), 500));
        Assert.False(Scoran.Web.Observatory.Measurements.MeasurementBatchScan.ExceedsBatch(System.Text.Encoding.UTF8.GetBytes("[" + string.Join(',', Enumerable.Repeat("{\"a\":[1,2,{\"b\":3}]}", 500)) + "]"), 500));
        Assert.False(Scoran.Web.Observatory.Measurements.MeasurementBatchScan.ExceedsBatch(System.Text.Encoding.UTF8.GetBytes("{\"id\":\"x\"}"), 500));
        Assert.False(Scoran.Web.Observatory.Measurements.MeasurementBatchScan.ExceedsBatch(System.Text.Encoding.UTF8.GetBytes("[{"), 500));

        TestDatabase.RequireEngine(provider);
        await using var database = await TestDatabase.CreateAsync(provider, "secmeasurebatch");
        await using var factory = new ScoranAppFactory(database.Storage);
        var response = await factory.CreateClient().PostAsync("/api/measurements",
            new StringContent("[" + string.Join(',', Enumerable.Repeat("{}", 600)) + "]", System.Text.Encoding.UTF8, "application/json"), Token);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("500 mesures au plus par envoi.", await response.Content.ReadAsStringAsync(Token));
    }
}

public sealed class SqliteMeasurementLimitTests() : MeasurementLimitTests(DatabaseProvider.Sqlite);

public sealed class PostgresMeasurementLimitTests() : MeasurementLimitTests(DatabaseProvider.Postgres);
