using System.Net;
using System.Net.Http.Json;
using Scoran.Accounts;
using Scoran.Core.Security;
using Scoran.Data;
using Scoran.Testing;
using Scoran.Web.Tests.Api;

namespace Scoran.Web.Tests.Security;

/// <summary>Security review F13: every malformed or out-of-range input of the report answers 400 problem+json (413 for a body too large), never 500.</summary>
public abstract class MalformedInputTests(DatabaseProvider provider)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task F13_out_of_range_and_malformed_inputs_answer_400_problems_not_500()
    {
        TestDatabase.RequireEngine(provider);
        await using var f = await FundingDatabase.CreateAsync(provider);
        var client = f.Factory.CreateClient();
        var words = string.Join(' ', Enumerable.Range(0, 1500).Select(i => ((char)('a' + i % 26)).ToString()));

        async Task ExpectProblemAsync(HttpClient c, HttpRequestMessage request, string label)
        {
            var response = await c.SendAsync(request, Token);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{label}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Token)}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        HttpRequestMessage Post(string url, string json) => new(HttpMethod.Post, url) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
        HttpRequestMessage Get(string url) => new(HttpMethod.Get, url);

        await ExpectProblemAsync(client, Post("/api/funding/plan", "{\"totalCost\":1e27,\"lines\":[{\"schemeId\":\"bfc-micro-folies\",\"eligibleBase\":1e27}]}"), "plan 1e27");
        await ExpectProblemAsync(client, Post("/api/funding/plan", "{\"totalCost\":100,\"lines\":[{\"schemeId\":null,\"eligibleBase\":1}]}"), "plan schemeId null");
        await ExpectProblemAsync(client, Post("/api/funding/plan", "{\"totalCost\":100,\"lines\":[" + string.Join(',', Enumerable.Range(0, 9).Select(i => $"{{\"schemeId\":\"s{i}\",\"eligibleBase\":1}}")) + "]}"), "plan 9 lines");
        await ExpectProblemAsync(client, Get("/api/funding/plan.csv?cout=900000000000000000000000000&d1=bfc-micro-folies"), "plan.csv");
        await ExpectProblemAsync(client, Get("/api/funding/plan.xlsx?cout=900000000000000000000000000&d1=bfc-micro-folies"), "plan.xlsx");
        await ExpectProblemAsync(client, Get("/api/funding/finder?montant=900000000000000000000000000"), "finder");
        await ExpectProblemAsync(client, Get("/api/eligibility?lat=NaN&lon=NaN"), "eligibility NaN");
        await ExpectProblemAsync(client, Get("/api/eligibility?lat=Infinity&lon=5"), "eligibility Infinity");
        await ExpectProblemAsync(client, Get("/api/measurements/communes?a=9999-12-31"), "communes a=9999");
        await ExpectProblemAsync(client, Get("/api/measurements/communes.csv?de=0001-01-01"), "communes.csv de=0001");
        await ExpectProblemAsync(client, Get("/api/resources/search?q=" + Uri.EscapeDataString(words)), "search 1500 words");

        // The page forms answer (no 500) and the plan page shows the error.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/ressources/recherche?q=" + Uri.EscapeDataString(words), Token)).StatusCode);
        var planPage = await client.GetAsync("/financements/plan?cout=900000000000000000000000000&d1=bfc-micro-folies", Token);
        Assert.NotEqual(HttpStatusCode.InternalServerError, planPage.StatusCode);

        var agent = await f.SignedInAsync(await f.AccountAsync("Région Bourgogne-Franche-Comté", ScoranRoles.FundingAgent));
        await ExpectProblemAsync(agent, Get("/api/funding/reminders?jours=99999999"), "reminders");
        Assert.Equal(HttpStatusCode.OK, (await agent.GetAsync("/api/funding/reminders?jours=365", Token)).StatusCode);
    }

    [Fact]
    public async Task F13_a_body_beyond_the_server_limit_answers_413_problem_json()
    {
        TestDatabase.RequireEngine(provider);
        await using var database = await TestDatabase.CreateAsync(provider, "secbody");
        await using var factory = new ScoranAppFactory(database.Storage, new Dictionary<string, string> { ["Scoran:Measurements:MaximumBodyBytes"] = "4096" });
        factory.UseKestrel(0);
        factory.StartServer();
        var client = factory.CreateClient();
        var body = "[" + string.Join(',', Enumerable.Repeat("{}", 20_000)) + "]";
        var response = await client.PostAsync("/api/measurements", new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Token);
        Assert.True(response.StatusCode == HttpStatusCode.RequestEntityTooLarge, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync(Token)}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public void Upload_names_never_leave_their_folder()
    {
        foreach (var name in new[] { "..", ".", "", "../../etc/passwd", "..\\..\\evil.csv", "a/b/../..", null })
        {
            var safe = SafeFileName.From(name);
            Assert.DoesNotContain("..", safe == "fichier" ? "" : safe.Replace("...", ""));
            Assert.DoesNotContain('/', safe);
            Assert.NotEqual("", safe.Trim('.'));
        }

        Assert.Equal("ftthCommunes.csv", SafeFileName.From("ftthCommunes.csv"));
        Assert.Equal("passwd", SafeFileName.From("../../etc/passwd"));
    }
}

public sealed class SqliteMalformedInputTests() : MalformedInputTests(DatabaseProvider.Sqlite);

public sealed class PostgresMalformedInputTests() : MalformedInputTests(DatabaseProvider.Postgres);
