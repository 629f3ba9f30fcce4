using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Scoran.Accounts;
using Scoran.Data;
using Scoran.Funding;
using Scoran.Funding.Import;
using Scoran.Territories.Import;
using Scoran.Testing;

namespace Scoran.Web.Tests.Api;

/// <summary>A database of its own with the territories and the shipped funding catalogues (the shared fixture has no schemes).</summary>
public sealed class FundingDatabase(DatabaseProvider provider) : IAsyncDisposable
{
    public TestDatabase Database { get; private set; } = null!;
    public ScoranAppFactory Factory { get; private set; } = null!;

    public static async Task<FundingDatabase> CreateAsync(DatabaseProvider provider, bool kestrel = false)
    {
        var f = new FundingDatabase(provider);
        f.Database = await TestDatabase.CreateAsync(provider, "funding", TestTemplates.France);
        f.Factory = new ScoranAppFactory(f.Database.Storage);
        if (kestrel)
        {
            // A real port for the browser; must precede the first use of the services.
            f.Factory.UseKestrel(0);
            f.Factory.StartServer();
        }

        var folder = Path.Combine(SharedData.RepositoryRoot, "data", "funding");
        await f.WithScopeAsync(sp => sp.GetRequiredService<SchemeCatalogImporter>().ImportRegionalAsync(Path.Combine(folder, "schemes-bfc.json"), false));
        await f.WithScopeAsync(sp => sp.GetRequiredService<SchemeCatalogImporter>().ImportAidesTerritoiresAsync(Path.Combine(folder, "aides-territoires_periurbain.csv"), false));
        return f;
    }

    /// <summary>The application's own services (the test database's service set has no funding registrations).</summary>
    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    public DatabaseProvider Provider => provider;

    /// <summary>An account acting for an organisation (the test helper's accounts all belong to "Région (test)").</summary>
    public async Task<string> AccountAsync(string organisation, params string[] roles)
    {
        var email = $"financement-{Guid.NewGuid():N}@test.invalid";
        await using var scope = Factory.Services.CreateAsyncScope();
        var refused = await scope.ServiceProvider.GetRequiredService<AccountAdministration>().CreateAsync(email, "Test", organisation, TestAccounts.Password, roles);
        Assert.Empty(refused);
        return email;
    }

    public async Task<HttpClient> SignedInAsync(string email)
    {
        var client = Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        Assert.Equal(HttpStatusCode.Redirect, (await TestAccounts.SignInAsync(client, email)).StatusCode);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        if (Factory is not null) await Factory.DisposeAsync();
        if (Database is not null) await Database.DisposeAsync();
    }
}

public abstract class FundingApiTests(DatabaseProvider provider)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;
    private const string TiersLieux = "bfc-usages-innovants-projets-et-tiers-lieux";

    [Fact]
    public async Task Finder_plan_dossier_feed_and_validation_end_to_end()
    {
        TestDatabase.RequireEngine(provider);
        await using var f = await FundingDatabase.CreateAsync(provider);
        var client = f.Factory.CreateClient();

        // Re-importing the unchanged catalogue changes nothing and duplicates nothing.
        var again = await f.WithScopeAsync(sp => sp.GetRequiredService<SchemeCatalogImporter>().ImportRegionalAsync(Path.Combine(SharedData.RepositoryRoot, "data", "funding", "schemes-bfc.json"), force: true));
        Assert.Equal((0, 0, 34), (again.Added, again.Updated, again.Unchanged));
        var schemes = await client.GetFromJsonAsync<JsonElement>("/api/funding/schemes", Token);
        Assert.Equal(34 + 274, schemes.GetArrayLength());

        // Cize (Jura, 797 inhabitants), a tiers-lieu equipment project of 200 000 €.
        var found = await client.GetFromJsonAsync<JsonElement>("/api/funding/finder?beneficiaire=commune&territoire=39153&theme=tiers-lieux&montant=200000", Token);
        var region = found.EnumerateArray().Single(r => r.GetProperty("id").GetString() == TiersLieux);
        Assert.Equal(100_000m, region.GetProperty("maxAmount").GetDecimal());
        Assert.Equal("50 % × 200 000 € = 100 000 € ≤ plafond 150 000 €", Normalise(region.GetProperty("explanation").GetString()!));
        Assert.All(found.EnumerateArray(), r => Assert.True(r.GetProperty("eligible").GetBoolean()));
        var all = await client.GetFromJsonAsync<JsonElement>("/api/funding/finder?beneficiaire=commune&territoire=39153&theme=tiers-lieux&montant=200000&nonEligibles=true", Token);
        var cd21 = all.EnumerateArray().Single(r => r.GetProperty("id").GetString() == "cd21-cheques-du-numerique-parents-connectes");
        Assert.Contains(cd21.GetProperty("reasons").EnumerateArray(), r => r.GetString()!.StartsWith("hors périmètre", StringComparison.Ordinal));

        var bad = await client.GetAsync("/api/funding/finder?montant=deux-cents&beneficiaire=martien", Token);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        var problem = await bad.Content.ReadFromJsonAsync<JsonElement>(Token);
        Assert.True(problem.GetProperty("errors").TryGetProperty("montant", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("beneficiaire", out _));

        // Three Region schemes on 100 000 €: 50 000 + 40 000 + 16 000 = 106 000 > 80 000.
        var plan = await client.PostAsJsonAsync("/api/funding/plan", new
        {
            totalCost = 100_000m,
            lines = new object[]
            {
                new { schemeId = TiersLieux, eligibleBase = 100_000m },
                new { schemeId = "bfc-territoires-intelligents-durables", eligibleBase = 100_000m },
                new { schemeId = "bfc-usages-innovants-etudes-prealables", eligibleBase = 20_000m },
            },
        }, Token);
        Assert.Equal(HttpStatusCode.OK, plan.StatusCode);
        var p = await plan.Content.ReadFromJsonAsync<JsonElement>(Token);
        Assert.Equal([50_000m, 30_000m, 0m], p.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("amount").GetDecimal()));
        Assert.Equal(20_000m, p.GetProperty("selfFinancing").GetDecimal());
        Assert.Contains("80 %", p.GetProperty("bindingConstraint").GetString());
        var planErrors = await client.PostAsJsonAsync("/api/funding/plan", new { totalCost = -1m, lines = Array.Empty<object>() }, Token);
        Assert.Equal(HttpStatusCode.BadRequest, planErrors.StatusCode);

        var csv = await client.GetStringAsync($"/api/funding/plan.csv?cout=100000&d1={TiersLieux}&d2=bfc-territoires-intelligents-durables&d3=bfc-usages-innovants-etudes-prealables&a3=20000", Token);
        Assert.Contains("\"Autofinancement\";;;;;20000;20", csv);
        var xlsx = await client.GetAsync($"/api/funding/plan.xlsx?cout=100000&d1={TiersLieux}", Token);
        Assert.Equal(Scoran.Web.Funding.FundingApi.XlsxType, xlsx.Content.Headers.ContentType?.MediaType);

        // Dossiers: the holder files and submits; only the Region's agent acknowledges; a skipped step is refused.
        var anonymous = await client.PostAsJsonAsync("/api/funding/dossiers", new { schemeId = TiersLieux, projectTitle = "x", projectCost = 1m, requestedAmount = 0m }, Token);
        Assert.Contains(anonymous.StatusCode, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.Redirect, HttpStatusCode.Found });
        var holder = await f.SignedInAsync(await f.AccountAsync("Commune de Cize", ScoranRoles.ProjectHolder));
        var created = await holder.PostAsJsonAsync("/api/funding/dossiers", new { schemeId = TiersLieux, projectTitle = "Tiers-lieu de Cize", projectCost = 200_000m, requestedAmount = 100_000m }, Token);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("id").GetInt64();
        var invalid = await holder.PostAsJsonAsync("/api/funding/dossiers", new { schemeId = TiersLieux, projectTitle = "", projectCost = 0m, requestedAmount = 0m }, Token);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await holder.PostAsJsonAsync($"/api/funding/dossiers/{id}/status", new { status = "depose", date = TestClock.Day(-11) }, Token)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await holder.PostAsJsonAsync($"/api/funding/dossiers/{id}/status", new { status = "accuse-reception" }, Token)).StatusCode);

        var agent = await f.SignedInAsync(await f.AccountAsync("Région Bourgogne-Franche-Comté", ScoranRoles.FundingAgent));
        var otherAgent = await f.SignedInAsync(await f.AccountAsync("Département de la Côte-d'Or", ScoranRoles.FundingAgent));
        Assert.Equal(0, (await otherAgent.GetFromJsonAsync<JsonElement>("/api/funding/dossiers", Token)).GetArrayLength());
        Assert.Equal(HttpStatusCode.BadRequest, (await agent.PostAsJsonAsync($"/api/funding/dossiers/{id}/status", new { status = "accorde", amount = 1m }, Token)).StatusCode);
        var ack = await agent.PostAsJsonAsync($"/api/funding/dossiers/{id}/status", new { status = "accuse-reception", date = TestClock.Day(0) }, Token);
        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        var acknowledged = await ack.Content.ReadFromJsonAsync<JsonElement>(Token);
        Assert.Equal(TestClock.Day(0), acknowledged.GetProperty("eligibleInvoicesFrom").GetString());
        Assert.Equal(TestClock.Today.AddYears(3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), acknowledged.GetProperty("deadline").GetString());
        var history = await f.WithScopeAsync(sp => sp.GetRequiredService<FundingService>().HistoryAsync(id));
        Assert.Equal(["created", "status-changed", "status-changed"], history.Select(h => h.Action));

        // A saved search's Atom feed lists the matching schemes.
        var search = await f.WithScopeAsync(sp => sp.GetRequiredService<FundingService>().SaveSearchAsync("beneficiaire=commune&territoire=39153&theme=tiers-lieux&montant=200000", "Tiers-lieux Jura"));
        var feed = await client.GetAsync($"/financements/recherches/{search.Token}/atom", Token);
        Assert.Equal("application/atom+xml", feed.Content.Headers.ContentType?.MediaType);
        var xml = XDocument.Parse(await feed.Content.ReadAsStringAsync(Token));
        XNamespace atom = "http://www.w3.org/2005/Atom";
        Assert.Equal(atom + "feed", xml.Root!.Name);
        Assert.NotNull(xml.Root.Element(atom + "id"));
        Assert.NotNull(xml.Root.Element(atom + "updated"));
        Assert.Contains(xml.Root.Elements(atom + "entry"), e => e.Element(atom + "link")!.Attribute("href")!.Value.EndsWith("/financements/dispositifs/" + TiersLieux, StringComparison.Ordinal));
        Assert.All(xml.Root.Elements(atom + "entry"), e => Assert.NotNull(e.Element(atom + "updated")));

        var openApi = await client.GetStringAsync("/openapi/v1.json", Token);
        Assert.Contains("/api/funding/finder", openApi);
        Assert.Contains("/api/funding/plan", openApi);
    }

    private static string Normalise(string s) => s.Replace('\u202f', ' ').Replace('\u00a0', ' ');
}

public sealed class SqliteFundingApiTests() : FundingApiTests(DatabaseProvider.Sqlite);

public sealed class PostgresFundingApiTests() : FundingApiTests(DatabaseProvider.Postgres);
