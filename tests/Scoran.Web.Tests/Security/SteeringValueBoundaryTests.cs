using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scoran.Accounts;
using Scoran.Data;
using Scoran.Steering.Exchange;
using Scoran.Steering.Model;
using Scoran.Testing;

namespace Scoran.Web.Tests.Security;

/// <summary>
/// Security review F6: an editor writes indicator values only for its organisation's actions (unless administrator);
/// out-of-range values and dates are refused with 400, and values already stored at the edge of decimal no longer break the public pages.
/// </summary>
public abstract class SteeringValueBoundaryTests(DatabaseProvider provider)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;
    private const string Values = "/api/steering/strategies/scoran-bfc-2019/indicators/{0}/values";

    [Fact]
    public async Task F6_editor_writes_only_its_organisations_indicators_and_out_of_range_values_are_refused_and_cannot_break_pages()
    {
        TestDatabase.RequireEngine(provider);
        await using var database = await TestDatabase.CreateAsync(provider, "secsteering");
        await using var factory = new ScoranAppFactory(database.Storage);
        string own, foreign;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<StrategyStore>();
            foreach (var file in Directory.GetFiles(Path.Combine(SharedData.RepositoryRoot, "data", "strategy"), "*.json").Order(StringComparer.Ordinal))
            {
                await store.ImportAsync(await StrategyFiles.ReadAsync(file, Token), Path.GetFileName(file), "système", Token);
            }

            // The editor's organisation (« Région (test) ») leads one action under the enjeu of one manual indicator.
            var db = scope.ServiceProvider.GetRequiredService<ScoranDbContext>();
            var strategy = await db.Set<Strategy>().SingleAsync(s => s.Code == "scoran-bfc-2019", Token);
            // In id order: PostgreSQL returns rows in no particular order, and the choice of action below must not depend on it.
            var nodes = await db.Set<StrategyNode>().Where(n => n.StrategyId == strategy.Id).OrderBy(n => n.Id).ToListAsync(Token);
            var indicators = await db.Set<Indicator>().Where(i => i.StrategyId == strategy.Id && i.Kind == IndicatorKind.Manual && i.NodeCode != null).OrderBy(i => i.Code).ToListAsync(Token);
            string? Enjeu(StrategyNode n) { while (n.ParentId is { } p) n = nodes.Single(x => x.Id == p); return n.Code; }
            var mine = indicators.First();
            // Another enjeu altogether: an indicator attached lower in the same enjeu could sit above the editor's action.
            string Root(string code) => Enjeu(nodes.First(n => n.Code == code))!;
            foreign = indicators.First(i => Root(i.NodeCode!) != Root(mine.NodeCode!)).Code;
            own = mine.Code;
            var action = nodes.First(n => n.Level == NodeLevel.Action && Enjeu(n) == mine.NodeCode);
            foreach (var n in nodes.Where(n => n.Level == NodeLevel.Action)) n.Porteur = n.Id == action.Id ? "Région (test)" : "Autre organisation";
            await db.SaveChangesAsync(Token);
        }

        var editor = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        await TestAccounts.SignInAsync(editor, await TestAccounts.CreateAsync(factory.Services, ScoranRoles.Editor));

        // Another organisation's indicator: 403 on the API, access denied on the page.
        var other = await editor.PostAsJsonAsync(string.Format(Values, foreign), new { date = "2024-01-01", value = 1, source = "x" }, Token);
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        var token = await TestAccounts.AntiforgeryTokenAsync(editor, $"/pilotage/strategie/scoran-bfc-2019/indicateur/{foreign}");
        var page = await editor.PostAsync($"/pilotage/strategie/scoran-bfc-2019/indicateur/{foreign}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Entry.Date"] = "2024-01-01", ["Entry.Value"] = "1", ["Entry.Source"] = "x",
        }), Token);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/compte/acces-refuse", page.Headers.Location?.PathAndQuery);

        // The report's attack on its own indicator: decimal.MaxValue then -decimal.MaxValue, and a far date: 400 problem+json, nothing stored.
        var max = await editor.PostAsync(string.Format(Values, own), JsonContent("{\"date\":\"2024-01-01\",\"value\":79228162514264337593543950335,\"source\":\"x\"}"), Token);
        Assert.Equal(HttpStatusCode.BadRequest, max.StatusCode);
        Assert.Equal("application/problem+json", max.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, (await editor.PostAsync(string.Format(Values, own), JsonContent("{\"date\":\"2025-01-01\",\"value\":-79228162514264337593543950335,\"source\":\"x\"}"), Token)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await editor.PostAsJsonAsync(string.Format(Values, own), new { date = "9999-12-31", value = 1, source = "x" }, Token)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await editor.PostAsJsonAsync(string.Format(Values, own), new { date = "2024-01-01", value = 12.5m, source = "Bilan" }, Token)).StatusCode);

        // Values stored at the edge of decimal before this rule (written straight to the base; SQLite keeps them, PostgreSQL's
        // numeric(18,4) column could not) leave every page and the API answering.
        if (provider == DatabaseProvider.Sqlite)
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ScoranDbContext>();
            var indicator = await db.Set<Indicator>().SingleAsync(i => i.Code == own && i.Strategy!.Code == "scoran-bfc-2019", Token);
            db.Add(new IndicatorValue { IndicatorId = indicator.Id, Date = new DateOnly(2024, 6, 1), Value = decimal.MaxValue, Source = "x", Author = "x" });
            db.Add(new IndicatorValue { IndicatorId = indicator.Id, Date = new DateOnly(2025, 1, 1), Value = decimal.MinValue, Source = "x", Author = "x" });
            await db.SaveChangesAsync(Token);
        }

        var anonymous = factory.CreateClient();
        foreach (var url in new[] { "/pilotage/strategie/scoran-bfc-2019", $"/pilotage/strategie/scoran-bfc-2019/indicateur/{own}", "/api/steering/strategies/scoran-bfc-2019", $"/api/steering/strategies/scoran-bfc-2019/indicators/{own}" })
        {
            var response = await anonymous.GetAsync(url, Token);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {response.StatusCode}");
        }

        // An administrator writes every indicator.
        var admin = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        await TestAccounts.SignInAsync(admin, await TestAccounts.CreateAsync(factory.Services, ScoranRoles.Administrator));
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsJsonAsync(string.Format(Values, foreign), new { date = "2024-01-01", value = 1, source = "x" }, Token)).StatusCode);
    }

    private static StringContent JsonContent(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}

public sealed class SqliteSteeringValueBoundaryTests() : SteeringValueBoundaryTests(DatabaseProvider.Sqlite);

public sealed class PostgresSteeringValueBoundaryTests() : SteeringValueBoundaryTests(DatabaseProvider.Postgres);
