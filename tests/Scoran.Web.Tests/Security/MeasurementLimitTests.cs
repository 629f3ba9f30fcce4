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
}

public sealed class SqliteMeasurementLimitTests() : MeasurementLimitTests(DatabaseProvider.Sqlite);

public sealed class PostgresMeasurementLimitTests() : MeasurementLimitTests(DatabaseProvider.Postgres);
