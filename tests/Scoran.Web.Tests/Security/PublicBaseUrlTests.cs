using Microsoft.Extensions.DependencyInjection;
using Scoran.Data;
using Scoran.Funding;
using Scoran.Testing;

namespace Scoran.Web.Tests.Security;

/// <summary>Security review F16: absolute links use the configured public base URL, never the Host header a client sends.</summary>
public abstract class PublicBaseUrlTests(DatabaseProvider provider)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task F16_a_forged_host_header_is_not_reflected_in_feeds_and_agenda_addresses()
    {
        TestDatabase.RequireEngine(provider);
        await using var database = await TestDatabase.CreateAsync(provider, "secbaseurl");
        await using var factory = new ScoranAppFactory(database.Storage, new Dictionary<string, string> { ["Scoran:PublicBaseUrl"] = "https://scoran.example.fr/" });
        string token;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            token = (await scope.ServiceProvider.GetRequiredService<FundingService>().SaveSearchAsync("beneficiaire=commune", "test", Token)).Token;
        }

        var client = factory.CreateClient();
        foreach (var url in new[] { $"/financements/recherches/{token}/atom", "/ressources/agenda", "/api/catalog" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Host = "evil.example";
            var response = await client.SendAsync(request, Token);
            var body = await response.Content.ReadAsStringAsync(Token);
            Assert.DoesNotContain("evil.example", body);
            if (url != "/api/catalog") Assert.Contains("https://scoran.example.fr/", body);
        }
    }
}

public sealed class SqlitePublicBaseUrlTests() : PublicBaseUrlTests(DatabaseProvider.Sqlite);

public sealed class PostgresPublicBaseUrlTests() : PublicBaseUrlTests(DatabaseProvider.Postgres);
