using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scoran.Accounts;
using Scoran.Data;
using Scoran.Steering.Exchange;
using Scoran.Steering.Model;
using Scoran.Steering.Reviews;
using Scoran.Testing;

namespace Scoran.Web.Tests.Pages;

/// <summary>
/// The steering pages and API over a database of their own holding the reference strategies:
/// public reading, refused writes for anonymous visitors and wrong roles, clear errors.
/// </summary>
public abstract class SteeringWebTests(DatabaseProvider provider)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static async Task<(TestDatabase Database, ScoranAppFactory Factory, long MeetingId)> StartAsync(DatabaseProvider provider)
    {
        TestDatabase.RequireEngine(provider);
        var database = await TestDatabase.CreateAsync(provider, "steeringweb");
        var factory = new ScoranAppFactory(database.Storage);
        await using var scope = factory.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<StrategyStore>();
        foreach (var file in Directory.GetFiles(Path.Combine(SharedData.RepositoryRoot, "data", "strategy"), "*.json").Order(StringComparer.Ordinal))
        {
            await store.ImportAsync(await StrategyFiles.ReadAsync(file, Token), Path.GetFileName(file), "système", Token);
        }

        var (meeting, _) = await scope.ServiceProvider.GetRequiredService<SteeringService>()
            .CreateMeetingAsync("scoran-bfc-2019", new MeetingInput(new DateOnly(2026, 10, 15), "Comité de pilotage du numérique", null), "test", Token);
        return (database, factory, meeting!.Id);
    }

    private static HttpClient Browser(ScoranAppFactory factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private static IEnumerable<(string Url, object Body)> ApiWrites(long meeting) =>
    [
        ("/api/steering/strategies", new { format = StrategyDocument.CurrentFormat, code = "x", title = "x" }),
        ("/api/steering/strategies/scoran-bfc-2019/meetings", new { date = "2026-12-01", committee = "Comité" }),
        ($"/api/steering/meetings/{meeting}/reviews", new { actionCode = "O1.A1", progress = 10, decision = "maintain", decidedBy = "Comité" }),
        ("/api/steering/strategies/scoran-bfc-2019/indicators/E2.R3.I1/values", new { date = "2026-01-01", value = 1, source = "s" }),
        ("/api/steering/strategies/scoran-bfc-2019/actions/O1.A1/budget", new { year = 2026, funder = "Région", planned = 1 }),
        ("/api/steering/strategies/scoran-bfc-2019/actions/O1.A1/milestones", new { title = "j", plannedDate = "2026-01-01" }),
    ];

    private static IEnumerable<(string Url, Dictionary<string, string> Form)> PageWrites(long meeting) =>
    [
        ("/pilotage/seances", new() { ["Input.Strategy"] = "scoran-bfc-2019", ["Input.Date"] = "2026-12-01", ["Input.Committee"] = "Comité" }),
        ($"/pilotage/seances/{meeting}", new() { ["Review.ActionCode"] = "O1.A1", ["Review.Progress"] = "10", ["Review.Decision"] = "Maintain", ["Review.DecidedBy"] = "Comité" }),
        ("/pilotage/strategie/scoran-bfc-2019/action/O1.A1?handler=Details", new() { ["Details.Porteur"] = "Pirate" }),
        ("/pilotage/strategie/scoran-bfc-2019/action/O1.A1?handler=Budget", new() { ["Budget.Year"] = "2026", ["Budget.Funder"] = "Région", ["Budget.Planned"] = "1" }),
        ("/pilotage/strategie/scoran-bfc-2019/action/O1.A1?handler=Milestone", new() { ["Milestone.Title"] = "j", ["Milestone.PlannedDate"] = "2026-01-01" }),
        ("/pilotage/strategie/scoran-bfc-2019/indicateur/E2.R3.I1", new() { ["Entry.Date"] = "2026-01-01", ["Entry.Value"] = "1", ["Entry.Source"] = "s" }),
    ];

    [Fact]
    public async Task Anonymous_visitors_read_the_progress_view_but_every_write_is_refused_and_changes_nothing()
    {
        var (database, factory, meeting) = await StartAsync(provider);
        await using var _ = database;
        await using var __ = factory;
        var client = Browser(factory);

        var tree = WebUtility.HtmlDecode(await client.GetStringAsync("/pilotage/strategie/scoran-bfc-2019", Token));
        Assert.Equal(3, CountOf(tree, "level-enjeu"));
        Assert.Equal(5, CountOf(tree, "level-defi"));
        Assert.Equal(15, CountOf(tree, "level-orientation"));
        Assert.Equal(53, CountOf(tree, "level-action"));
        Assert.Contains("Un territoire 100% THD en 2022 puis FttH à horizon 2025", tree);
        var ppun = WebUtility.HtmlDecode(await client.GetStringAsync("/pilotage/strategie/ppun-bfc-2021", Token));
        Assert.Equal((3, 7, 15, 53), (CountOf(ppun, "level-enjeu"), CountOf(ppun, "level-defi"), CountOf(ppun, "level-orientation"), CountOf(ppun, "level-action")));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/pilotage", Token)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/pilotage/strategie/scoran-bfc-2019/action/O1.A1", Token)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/pilotage/strategie/scoran-bfc-2019/indicateur/E1.R2.I1", Token)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/pilotage/seances/{meeting}/compte-rendu", Token)).StatusCode);
        var agenda = WebUtility.HtmlDecode(await client.GetStringAsync($"/pilotage/seances/{meeting}/ordre-du-jour", Token));
        Assert.Contains("Ordre du jour — séance du 15 octobre 2026", agenda);
        Assert.Contains("respect du calendrier, respect du budget alloué", agenda);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/pilotage/seances/{meeting}/autre-chose", Token)).StatusCode);
        var openApi = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json", Token)).RootElement.GetProperty("paths");
        Assert.True(openApi.TryGetProperty("/api/steering/strategies/{code}", out var tree2));
        Assert.True(openApi.TryGetProperty("/api/steering/meetings/{id}/reviews", out var reviews2));

        foreach (var (url, body) in ApiWrites(meeting))
        {
            var response = await client.PostAsJsonAsync(url, body, Token);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{url}: {response.StatusCode}");
        }

        // With a valid antiforgery token, so the refusal comes from authorisation, not from the missing token.
        var token = await TestAccounts.AntiforgeryTokenAsync(client, "/compte/connexion");
        foreach (var (url, form) in PageWrites(meeting))
        {
            var response = await client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>(form) { ["__RequestVerificationToken"] = token }), Token);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{url}: {response.StatusCode}");
            Assert.StartsWith("/compte/connexion", response.Headers.Location?.PathAndQuery);
        }

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ScoranDbContext>();
        Assert.Equal(1, await db.Set<Meeting>().CountAsync(Token));
        Assert.Equal(0, await db.Set<ActionReview>().CountAsync(Token));
        Assert.Equal(0, await db.Set<BudgetLine>().CountAsync(Token));
        Assert.Equal(0, await db.Set<Milestone>().CountAsync(Token));
        Assert.Equal(0, await db.Set<IndicatorValue>().CountAsync(Token));
        Assert.Null((await db.Set<StrategyNode>().SingleAsync(n => n.Code == "O1.A1", Token)).Porteur);
    }

    [Fact]
    public async Task Wrong_roles_are_refused_and_an_editor_writes_only_to_the_actions_of_their_organisation()
    {
        var (database, factory, meeting) = await StartAsync(provider);
        await using var _ = database;
        await using var __ = factory;
        var dataManager = Browser(factory);
        await TestAccounts.SignInAsync(dataManager, await TestAccounts.CreateAsync(factory.Services, ScoranRoles.DataManager));
        foreach (var (url, body) in ApiWrites(meeting))
        {
            var response = await dataManager.PostAsJsonAsync(url, body, Token);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{url}: {response.StatusCode}");
        }

        // The test account's organisation is « Région (test) »: O1.A2 is led by it, O1.A1 by no one.
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ScoranDbContext>();
            (await db.Set<StrategyNode>().SingleAsync(n => n.Code == "O1.A2", Token)).Porteur = "Région (test)";
            await db.SaveChangesAsync(Token);
        }

        var editor = Browser(factory);
        await TestAccounts.SignInAsync(editor, await TestAccounts.CreateAsync(factory.Services, ScoranRoles.Editor));
        var other = await editor.PostAsJsonAsync("/api/steering/strategies/scoran-bfc-2019/actions/O1.A1/budget", new { year = 2026, funder = "Région", planned = 1 }, Token);
        var own = await editor.PostAsJsonAsync("/api/steering/strategies/scoran-bfc-2019/actions/O1.A2/budget", new { year = 2026, funder = "Région", planned = 1000.50m, spent = 10 }, Token);
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, own.StatusCode);
        var token = await TestAccounts.AntiforgeryTokenAsync(editor, "/pilotage/strategie/scoran-bfc-2019/action/O1.A2");
        var page = await editor.PostAsync("/pilotage/strategie/scoran-bfc-2019/action/O1.A1?handler=Milestone",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Milestone.Title"] = "j", ["Milestone.PlannedDate"] = "2026-01-01" }), Token);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/compte/acces-refuse", page.Headers.Location?.PathAndQuery);
        var html = WebUtility.HtmlDecode(await editor.GetStringAsync("/pilotage/strategie/scoran-bfc-2019/action/O1.A2", Token));
        Assert.Contains("1 000,5 €", html.Replace('\u202f', ' ').Replace('\u00a0', ' '));
    }

    [Fact]
    public async Task Invalid_reviews_get_field_level_errors_from_the_API_and_the_form()
    {
        var (database, factory, meeting) = await StartAsync(provider);
        await using var _ = database;
        await using var __ = factory;
        var secretary = Browser(factory);
        await TestAccounts.SignInAsync(secretary, await TestAccounts.CreateAsync(factory.Services, ScoranRoles.CommitteeSecretary));

        var api = await secretary.PostAsJsonAsync($"/api/steering/meetings/{meeting}/reviews", new { actionCode = "O9.A9", progress = 150, decision = "abandon", decidedBy = "" }, Token);

        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        var errors = JsonDocument.Parse(await api.Content.ReadAsStringAsync(Token)).RootElement.GetProperty("errors");
        Assert.Equal("Action inconnue dans cette stratégie.", errors.GetProperty("ActionCode")[0].GetString());
        Assert.Equal("L'avancement doit être compris entre 0 et 100 %.", errors.GetProperty("Progress")[0].GetString());
        Assert.Equal("Un abandon doit être motivé : indiquez la raison dans le commentaire.", errors.GetProperty("Comment")[0].GetString());
        Assert.Equal("Indiquez qui a pris la décision.", errors.GetProperty("DecidedBy")[0].GetString());

        var token = await TestAccounts.AntiforgeryTokenAsync(secretary, $"/pilotage/seances/{meeting}");
        var form = await secretary.PostAsync($"/pilotage/seances/{meeting}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Review.ActionCode"] = "O1.A1", ["Review.Progress"] = "40", ["Review.Decision"] = "Abandon", ["Review.DecidedBy"] = "Comité",
        }), Token);
        Assert.Equal(HttpStatusCode.BadRequest, form.StatusCode);
        Assert.Contains("Un abandon doit être motivé", WebUtility.HtmlDecode(await form.Content.ReadAsStringAsync(Token)));

        var ok = await secretary.PostAsJsonAsync($"/api/steering/meetings/{meeting}/reviews", new { actionCode = "O1.A1", progress = 25, decision = "scaleUp", decidedBy = "Comité" }, Token);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var xlsx = await secretary.GetAsync($"/api/steering/meetings/{meeting}/revue.xlsx", Token);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        using var workbook = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync(Token)), false);
        var cells = workbook.WorkbookPart!.WorksheetParts.SelectMany(p => p.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>()).Select(c => c.InnerText).ToList();
        Assert.Contains("O1.A1", cells);
        Assert.Contains("Étendre à l'échelle régionale", cells);
    }

    private static int CountOf(string html, string css) => html.Split($"tree-node {css}\"").Length - 1;
}

public sealed class SqliteSteeringWebTests() : SteeringWebTests(DatabaseProvider.Sqlite);

public sealed class PostgresSteeringWebTests() : SteeringWebTests(DatabaseProvider.Postgres);
