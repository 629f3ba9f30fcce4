using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scoran.Accounts;
using Scoran.Data;
using Scoran.Funding;
using Scoran.Funding.Editing;
using Scoran.Observatory.Measurements;
using Scoran.Steering.Exchange;
using Scoran.Steering.Model;
using Scoran.Testing;
using Scoran.Web.Tests.Api;

namespace Scoran.Web.Tests.Security;

/// <summary>
/// Security review F12: audit tables, indicator authors and campaign owners show the organisation (or role) to anonymous
/// visitors; e-mail addresses only to signed-in staff.
/// </summary>
public abstract class PublicAuthorTests(DatabaseProvider provider)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task F12_indicator_authors_and_campaign_owners_are_organisations_for_visitors_and_addresses_for_staff()
    {
        TestDatabase.RequireEngine(provider);
        await using var database = await TestDatabase.CreateAsync(provider, "secauthors");
        await using var factory = new ScoranAppFactory(database.Storage);
        var editorEmail = await TestAccounts.CreateAsync(factory.Services, ScoranRoles.Editor);
        var dataEmail = await TestAccounts.CreateAsync(factory.Services, ScoranRoles.DataManager);
        string indicator;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<StrategyStore>();
            var file = Path.Combine(SharedData.RepositoryRoot, "data", "strategy", "scoran-bfc-2019.json");
            await store.ImportAsync(await StrategyFiles.ReadAsync(file, Token), Path.GetFileName(file), "système", Token);
            var db = scope.ServiceProvider.GetRequiredService<ScoranDbContext>();
            var manual = await db.Set<Indicator>().Where(i => i.Kind == IndicatorKind.Manual).OrderBy(i => i.Code).FirstAsync(Token);
            indicator = manual.Code;
            await scope.ServiceProvider.GetRequiredService<Scoran.Steering.Reviews.SteeringService>().AddIndicatorValueAsync(manual.Id, new DateOnly(2025, 12, 31), 42m, "Bilan", editorEmail, Token);
            db.Add(new MeasurementCampaign
            {
                Code = "sec-2026", Name = "Campagne", TerritoryKind = "commune", TerritoryCode = "21231", StartsAt = TestClock.Now.AddDays(-1), EndsAt = TestClock.Now.AddDays(1),
                Operators = "", Protocol = "p", CreatedBy = dataEmail, CreatedAt = TestClock.Now,
            });
            await db.SaveChangesAsync(Token);
        }

        var page = $"/pilotage/strategie/scoran-bfc-2019/indicateur/{indicator}";
        var anonymous = factory.CreateClient();
        foreach (var url in new[] { page, $"/api/steering/strategies/scoran-bfc-2019/indicators/{indicator}", "/api/steering/strategies/scoran-bfc-2019", "/api/measurements/campaigns", "/api/measurements/campaigns/sec-2026" })
        {
            var body = WebUtility.HtmlDecode(await anonymous.GetStringAsync(url, Token));
            Assert.DoesNotContain("@region-test.invalid", body);
        }

        Assert.Contains("Région (test)", WebUtility.HtmlDecode(await anonymous.GetStringAsync(page, Token)));
        Assert.Equal("Région (test)", (await anonymous.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/measurements/campaigns", Token))[0].GetProperty("createdBy").GetString());

        // Signed-in staff see who did it.
        var editor = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        await TestAccounts.SignInAsync(editor, editorEmail);
        Assert.Contains(editorEmail, await editor.GetStringAsync(page, Token));
        Assert.Contains(dataEmail, await editor.GetStringAsync("/api/measurements/campaigns", Token));
    }

    [Fact]
    public async Task F12_the_public_scheme_page_shows_the_agents_organisation_not_its_address()
    {
        TestDatabase.RequireEngine(provider);
        await using var f = await FundingDatabase.CreateAsync(provider);
        var agentEmail = await f.AccountAsync("Région Bourgogne-Franche-Comté", ScoranRoles.FundingAgent);
        var agent = await f.SignedInAsync(agentEmail);
        var scheme = await f.WithScopeAsync(async sp => (await sp.GetRequiredService<FundingService>().SchemeAsync("bfc-micro-folies", Token))!);
        Assert.Equal(HttpStatusCode.OK, (await agent.PutAsJsonAsync("/api/funding/schemes/bfc-micro-folies", SchemeEditing.From(scheme) with { RatePercent = 31m }, Token)).StatusCode);

        var visitor = WebUtility.HtmlDecode(await f.Factory.CreateClient().GetStringAsync("/financements/dispositifs/bfc-micro-folies", Token));
        Assert.DoesNotContain(agentEmail, visitor);
        Assert.Contains("<td>Région Bourgogne-Franche-Comté</td>", visitor);
        Assert.Contains(agentEmail, await agent.GetStringAsync("/financements/dispositifs/bfc-micro-folies", Token));
    }
}

public sealed class SqlitePublicAuthorTests() : PublicAuthorTests(DatabaseProvider.Sqlite);

public sealed class PostgresPublicAuthorTests() : PublicAuthorTests(DatabaseProvider.Postgres);
