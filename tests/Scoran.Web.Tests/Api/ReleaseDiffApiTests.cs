using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Scoran.Data;
using Scoran.Territories.Import;
using Scoran.Testing;

namespace Scoran.Web.Tests.Api;

/// <summary>The release-diff page and API over a database holding the real release and a made-up later one.</summary>
public abstract class ReleaseDiffApiTests(DatabaseProvider provider)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Page_and_api_show_what_changed_between_two_releases()
    {
        TestDatabase.RequireEngine(provider);
        await using var database = await TestDatabase.CreateAsync(provider, "diffweb", TestTemplates.France);
        var second = await SecondRelease.WriteAsync();
        await database.WithScopeAsync(async sp =>
        {
            await SecondRelease.ImportBothAsync(sp, second);
        });
        await using var factory = new ScoranAppFactory(database.Storage);
        var client = factory.CreateClient();

        var diff = await client.GetFromJsonAsync<JsonElement>("/api/observatory/releases/departement/25/diff", Token);
        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/observatoire/publications/departement/25?de=2018T1&a=2018T2", Token));
        var same = await client.GetAsync("/api/observatory/releases/departement/25/diff?de=2018T2&a=2018T2", Token);
        var unknown = await client.GetAsync("/api/observatory/releases/departement/25/diff?de=2017T4", Token);

        Assert.Equal(("2018T1", "2018T2"), (diff.GetProperty("from").GetString(), diff.GetProperty("to").GetString()));
        var restated = Assert.Single(diff.GetProperty("restated").EnumerateArray());
        Assert.Equal(("25056", 50L), (restated.GetProperty("code").GetString(), restated.GetProperty("change").GetInt64()));
        Assert.Equal("25002", Assert.Single(diff.GetProperty("zoneChanges").EnumerateArray()).GetProperty("code").GetString());
        Assert.Equal("25001", Assert.Single(diff.GetProperty("communesRemoved").EnumerateArray()).GetProperty("code").GetString());
        Assert.Contains("Besançon (25056)", html);
        Assert.Contains("trimestre réévalué par la publication 2018T2", html);
        Assert.Contains("retirée : Abbans-Dessous (25001)", html);
        Assert.Contains("Abbans-Dessus (25002) : Zone d'initiative publique (RIP) → Zone d'initiative privée (engagements L. 33-13)", html);
        Assert.Equal(HttpStatusCode.BadRequest, same.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}

public sealed class SqliteReleaseDiffApiTests() : ReleaseDiffApiTests(DatabaseProvider.Sqlite);

public sealed class PostgresReleaseDiffApiTests() : ReleaseDiffApiTests(DatabaseProvider.Postgres);
