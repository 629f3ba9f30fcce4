using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scoran.Accounts;
using Scoran.Core.Audit;
using Scoran.Data;
using Scoran.Steering.Exchange;
using Scoran.Steering.Model;
using Scoran.Steering.Reviews;
using Scoran.Testing;

namespace Scoran.Web.Tests.Pages;

/// <summary>
/// Correcting and removing budget lines, milestones and indicator targets through the API and the
/// pages: refused without the right account (nothing changes), antiforgery on forms, field errors
/// in French, and the audit trail shown on the pages.
/// </summary>
public abstract class SteeringEditingWebTests(DatabaseProvider provider)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private const string Action = "/pilotage/strategie/scoran-bfc-2019/action/O1.A2";
    private const string ActionApi = "/api/steering/strategies/scoran-bfc-2019/actions/O1.A2";
    private const string Indicator = "/pilotage/strategie/scoran-bfc-2019/indicateur/E1.R2.I1";
    private const string IndicatorApi = "/api/steering/strategies/scoran-bfc-2019/indicators/E1.R2.I1";

    /// <summary>The reference strategies, O1.A2 led by the test accounts' organisation with one budget line and one milestone.</summary>
    private static async Task<(TestDatabase Database, ScoranAppFactory Factory, long Line, long Milestone, long Target)> StartAsync(DatabaseProvider provider)
    {
        TestDatabase.RequireEngine(provider);
        var database = await TestDatabase.CreateAsync(provider, "steeringeditweb");
        var factory = new ScoranAppFactory(database.Storage);
        await using var scope = factory.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<StrategyStore>();
        foreach (var file in Directory.GetFiles(Path.Combine(SharedData.RepositoryRoot, "data", "strategy"), "*.json").Order(StringComparer.Ordinal))
        {
            await store.ImportAsync(await StrategyFiles.ReadAsync(file, Token), Path.GetFileName(file), "système", Token);
        }

        var db = scope.ServiceProvider.GetRequiredService<ScoranDbContext>();
        var node = await db.Set<StrategyNode>().SingleAsync(n => n.Code == "O1.A2" && n.Strategy!.Code == "scoran-bfc-2019", Token);
        node.Porteur = "Région (test)";
        await db.SaveChangesAsync(Token);
        var service = scope.ServiceProvider.GetRequiredService<SteeringService>();
        await service.AddBudgetLineAsync(node.Id, 2026, "Région Bourgogne-Franche-Comté", 1_000m, 500m, 100m, "système", Token);
        await service.AddMilestoneAsync(node.Id, "Étude", new DateOnly(2026, 3, 1), null, "système", Token);
        var line = await db.Set<BudgetLine>().SingleAsync(Token);
        var milestone = await db.Set<Milestone>().SingleAsync(Token);
        var indicatorId = await db.Set<Indicator>().Where(i => i.Code == "E1.R2.I1").Select(i => i.Id).SingleAsync(Token);
        var target = await db.Set<IndicatorTarget>().SingleAsync(t => t.IndicatorId == indicatorId, Token);
        return (database, factory, line.Id, milestone.Id, target.Id);
    }

    private static HttpClient Browser(ScoranAppFactory factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private static IEnumerable<(HttpMethod Method, string Url, object? Body)> ApiWrites(long line, long milestone, long target) =>
    [
        (HttpMethod.Put, $"{ActionApi}/budget/{line}", new { year = 2026, funder = "Pirate", planned = 1 }),
        (HttpMethod.Delete, $"{ActionApi}/budget/{line}", null),
        (HttpMethod.Put, $"{ActionApi}/milestones/{milestone}", new { title = "Pirate", plannedDate = "2026-01-01" }),
        (HttpMethod.Delete, $"{ActionApi}/milestones/{milestone}", null),
        (HttpMethod.Post, $"{IndicatorApi}/targets", new { date = "2024-12-31", value = 1 }),
        (HttpMethod.Put, $"{IndicatorApi}/targets/{target}", new { date = "2025-12-31", value = 1 }),
        (HttpMethod.Delete, $"{IndicatorApi}/targets/{target}", null),
    ];

    private static IEnumerable<(string Url, Dictionary<string, string> Form)> PageWrites(long line, long milestone, long target) =>
    [
        ($"{Action}?handler=Budget", new() { ["Budget.Id"] = $"{line}", ["Budget.Year"] = "2026", ["Budget.Funder"] = "Pirate", ["Budget.Planned"] = "1" }),
        ($"{Action}?handler=RemoveBudget", new() { ["id"] = $"{line}" }),
        ($"{Action}?handler=Milestone", new() { ["Milestone.Id"] = $"{milestone}", ["Milestone.Title"] = "Pirate", ["Milestone.PlannedDate"] = "2026-01-01" }),
        ($"{Action}?handler=RemoveMilestone", new() { ["id"] = $"{milestone}" }),
        ($"{Indicator}?handler=Target", new() { ["Target.Date"] = "2024-12-31", ["Target.Value"] = "1" }),
        ($"{Indicator}?handler=Target", new() { ["Target.Id"] = $"{target}", ["Target.Date"] = "2025-12-31", ["Target.Value"] = "1" }),
        ($"{Indicator}?handler=RemoveTarget", new() { ["id"] = $"{target}" }),
    ];

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url, object? body) =>
        client.SendAsync(new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) }, Token);

    /// <summary>What the writes above would change: budget, milestone, target points, and their audit entries.</summary>
    private static async Task<string> StateAsync(ScoranAppFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ScoranDbContext>();
        var budget = await db.Set<BudgetLine>().AsNoTracking().Select(b => $"{b.Year}/{b.Funder}/{b.Planned}").ToListAsync(Token);
        var milestones = await db.Set<Milestone>().AsNoTracking().Select(m => $"{m.Title}/{m.PlannedDate}").ToListAsync(Token);
        var targets = await db.Set<IndicatorTarget>().AsNoTracking().OrderBy(t => t.Id).Select(t => $"{t.Date}/{t.Value}").ToListAsync(Token);
        var audit = await db.Set<AuditEntry>().CountAsync(Token);
        return string.Join(";", budget.Concat(milestones).Concat(targets).Append($"audit={audit}"));
    }

    [Fact]
    public async Task Without_the_right_account_every_correction_is_refused_and_nothing_changes()
    {
        var (database, factory, line, milestone, target) = await StartAsync(provider);
        await using var _ = database;
        await using var __ = factory;
        var state = await StateAsync(factory);
        Assert.Contains("Région Bourgogne-Franche-Comté", state);

        var anonymous = Browser(factory);
        foreach (var (method, url, body) in ApiWrites(line, milestone, target))
        {
            var response = await SendAsync(anonymous, method, url, body);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{method} {url}: {response.StatusCode}");
        }

        var token = await TestAccounts.AntiforgeryTokenAsync(anonymous, "/compte/connexion");
        foreach (var (url, form) in PageWrites(line, milestone, target))
        {
            var response = await anonymous.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>(form) { ["__RequestVerificationToken"] = token }), Token);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{url}: {response.StatusCode}");
            Assert.StartsWith("/compte/connexion", response.Headers.Location?.PathAndQuery);
        }

        // A data manager may do neither; an editor of the porteur's organisation may not set targets (steering officers do).
        var dataManager = Browser(factory);
        await TestAccounts.SignInAsync(dataManager, await TestAccounts.CreateAsync(factory.Services, ScoranRoles.DataManager));
        var editor = Browser(factory);
        await TestAccounts.SignInAsync(editor, await TestAccounts.CreateAsync(factory.Services, ScoranRoles.Editor));
        foreach (var (method, url, body) in ApiWrites(line, milestone, target))
        {
            var response = await SendAsync(dataManager, method, url, body);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{method} {url}: {response.StatusCode}");
        }

        foreach (var (method, url, body) in ApiWrites(line, milestone, target).Where(w => w.Url.Contains("/targets")))
        {
            var response = await SendAsync(editor, method, url, body);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"editor {method} {url}: {response.StatusCode}");
        }

        var managerToken = await TestAccounts.AntiforgeryTokenAsync(dataManager, Action);
        foreach (var (url, form) in PageWrites(line, milestone, target))
        {
            var response = await dataManager.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>(form) { ["__RequestVerificationToken"] = managerToken }), Token);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{url}: {response.StatusCode}");
            Assert.StartsWith("/compte/acces-refuse", response.Headers.Location?.PathAndQuery);
        }

        // An editor of another organisation: the action is not theirs.
        var outsider = Browser(factory);
        var outsiderEmail = await TestAccounts.CreateAsync(factory.Services, ScoranRoles.Editor);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<ScoranUser>>();
            var user = (await users.FindByEmailAsync(outsiderEmail))!;
            user.Organisation = "Département de la Nièvre";
            await users.UpdateAsync(user);
        }

        await TestAccounts.SignInAsync(outsider, outsiderEmail);
        foreach (var (method, url, body) in ApiWrites(line, milestone, target).Where(w => w.Url.Contains("/actions/")))
        {
            var response = await SendAsync(outsider, method, url, body);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"outsider {method} {url}: {response.StatusCode}");
        }

        // Without the antiforgery token, a signed-in editor's form post is refused outright.
        var noToken = await editor.PostAsync($"{Action}?handler=RemoveBudget", new FormUrlEncodedContent(new Dictionary<string, string> { ["id"] = $"{line}" }), Token);
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);

        Assert.Equal(state, await StateAsync(factory));
    }

    [Fact]
    public async Task Lead_and_steering_officer_correct_with_field_errors_in_French_and_the_pages_show_totals_chart_data_and_history()
    {
        var (database, factory, line, milestone, target) = await StartAsync(provider);
        await using var _ = database;
        await using var __ = factory;
        var editor = Browser(factory);
        var editorEmail = await TestAccounts.CreateAsync(factory.Services, ScoranRoles.Editor);
        await TestAccounts.SignInAsync(editor, editorEmail);

        // API: 400 problem+json with one entry per field, nothing saved; unknown ids 404.
        var state = await StateAsync(factory);
        var invalid = await SendAsync(editor, HttpMethod.Put, $"{ActionApi}/budget/{line}", new { year = 1999, funder = "", planned = -5, committed = 1.001 });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal("application/problem+json", invalid.Content.Headers.ContentType?.MediaType);
        var errors = JsonDocument.Parse(await invalid.Content.ReadAsStringAsync(Token)).RootElement.GetProperty("errors");
        Assert.Equal("Indiquez une année entre 2000 et 2100.", errors.GetProperty("Year")[0].GetString());
        Assert.Equal("Indiquez le financeur.", errors.GetProperty("Funder")[0].GetString());
        Assert.Equal("Le montant ne peut pas être négatif.", errors.GetProperty("Planned")[0].GetString());
        Assert.Equal("Indiquez un montant en euros, au centime près (au plus deux décimales).", errors.GetProperty("Committed")[0].GetString());
        var invalidMilestone = await SendAsync(editor, HttpMethod.Put, $"{ActionApi}/milestones/{milestone}", new { title = " " });
        Assert.Equal(HttpStatusCode.BadRequest, invalidMilestone.StatusCode);
        var milestoneErrors = JsonDocument.Parse(await invalidMilestone.Content.ReadAsStringAsync(Token)).RootElement.GetProperty("errors");
        Assert.Equal("Indiquez l'intitulé du jalon.", milestoneErrors.GetProperty("Title")[0].GetString());
        Assert.Equal("Indiquez la date prévue.", milestoneErrors.GetProperty("PlannedDate")[0].GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(editor, HttpMethod.Delete, $"{ActionApi}/budget/{line + 1000}", null)).StatusCode);
        Assert.Equal(state, await StateAsync(factory));

        // Form: the same rules, in French, 400 and nothing saved.
        var token = await TestAccounts.AntiforgeryTokenAsync(editor, Action);
        var form = await editor.PostAsync($"{Action}?handler=Budget", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Budget.Id"] = $"{line}", ["Budget.Year"] = "2026", ["Budget.Funder"] = "Région Bourgogne-Franche-Comté", ["Budget.Planned"] = "-1",
        }), Token);
        Assert.Equal(HttpStatusCode.BadRequest, form.StatusCode);
        var formHtml = WebUtility.HtmlDecode(await form.Content.ReadAsStringAsync(Token));
        Assert.Contains("Le montant ne peut pas être négatif.", formHtml);
        Assert.Contains("Modifier la ligne budgétaire", formHtml);
        Assert.Equal(state, await StateAsync(factory));

        // Valid corrections through the API and the form.
        Assert.Equal(HttpStatusCode.NoContent, (await SendAsync(editor, HttpMethod.Put, $"{ActionApi}/budget/{line}", new { year = 2026, funder = "Région Bourgogne-Franche-Comté", planned = 2_500.25m, committed = 1_000, spent = 250.5m })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await SendAsync(editor, HttpMethod.Put, $"{ActionApi}/milestones/{milestone}", new { title = "Étude de faisabilité", plannedDate = "2026-03-01", actualDate = "2026-03-11" })).StatusCode);
        var added = await editor.PostAsync($"{Action}?handler=Budget", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Budget.Year"] = "2027", ["Budget.Funder"] = "État (FSN)", ["Budget.Planned"] = "100.75",
        }), Token);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var html = WebUtility.HtmlDecode(await editor.GetStringAsync(Action, Token)).Replace('\u202f', ' ').Replace('\u00a0', ' ');
        Assert.Matches(@"data-testid=""budget-total"">\s*<th scope=""row"" colspan=""2"">Total</th><td class=""num"">2 601 €</td><td class=""num"">1 000 €</td><td class=""num"">250,5 €</td>", html);
        Assert.Contains("atteint avec 10 jours de retard", html);
        Assert.Contains("data-verb=\"budget-updated\"", html);
        Assert.Contains("data-verb=\"milestone-updated\"", html);
        Assert.Contains(editorEmail, html);
        // A visitor sees the same change log without the agents' e-mail addresses.
        var visitorHtml = WebUtility.HtmlDecode(await Browser(factory).GetStringAsync(Action, Token));
        Assert.Contains("data-verb=\"budget-updated\"", visitorHtml);
        Assert.DoesNotContain(editorEmail, visitorHtml);
        Assert.Contains("Les adresses des auteurs ne sont visibles que des agents connectés : le public voit leur organisation.", visitorHtml);
        var edit = WebUtility.HtmlDecode(await editor.GetStringAsync($"{Action}?ligne={line}", Token));
        Assert.Contains("value=\"2500.25\"", edit);
        Assert.Contains("Enregistrer la ligne", edit);
        Assert.Equal(HttpStatusCode.NoContent, (await SendAsync(editor, HttpMethod.Delete, $"{ActionApi}/milestones/{milestone}", null)).StatusCode);

        // The steering officer sets targets: API field errors, then a point and a correction.
        var officer = Browser(factory);
        await TestAccounts.SignInAsync(officer, await TestAccounts.CreateAsync(factory.Services, ScoranRoles.CommitteeSecretary));
        var badTarget = await SendAsync(officer, HttpMethod.Post, $"{IndicatorApi}/targets", new { value = 120 });
        Assert.Equal(HttpStatusCode.BadRequest, badTarget.StatusCode);
        var targetErrors = JsonDocument.Parse(await badTarget.Content.ReadAsStringAsync(Token)).RootElement.GetProperty("errors");
        Assert.Equal("Indiquez la date de la cible.", targetErrors.GetProperty("Date")[0].GetString());
        Assert.Equal("Une cible en pourcentage doit être comprise entre 0 et 100.", targetErrors.GetProperty("Value")[0].GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await SendAsync(officer, HttpMethod.Post, $"{IndicatorApi}/targets", new { date = "2022-12-31", value = 60 })).StatusCode);
        var officerToken = await TestAccounts.AntiforgeryTokenAsync(officer, Indicator);
        var corrected = await officer.PostAsync($"{Indicator}?handler=Target", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = officerToken, ["Target.Id"] = $"{target}", ["Target.Date"] = "2026-12-31", ["Target.Value"] = "95",
        }), Token);
        Assert.Equal(HttpStatusCode.Redirect, corrected.StatusCode);
        var duplicate = await officer.PostAsync($"{Indicator}?handler=Target", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = officerToken, ["Target.Date"] = "2026-12-31", ["Target.Value"] = "1",
        }), Token);
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.Contains("Une cible existe déjà au 31/12/2026", WebUtility.HtmlDecode(await duplicate.Content.ReadAsStringAsync(Token)));

        var targets = JsonDocument.Parse(await officer.GetStringAsync($"{IndicatorApi}/targets", Token)).RootElement;
        Assert.Equal(["2022-12-31:60", "2026-12-31:95"], targets.EnumerateArray().Select(t => $"{t.GetProperty("date").GetString()}:{t.GetProperty("value").GetDecimal():G29}"));
        var indicator = JsonDocument.Parse(await officer.GetStringAsync(IndicatorApi, Token)).RootElement;
        Assert.Equal(("2026-12-31", 95m), (indicator.GetProperty("targetDate").GetString(), indicator.GetProperty("targetValue").GetDecimal()));
        var page = WebUtility.HtmlDecode(await officer.GetStringAsync(Indicator, Token));
        Assert.Contains("data-verb=\"target-added\"", page);
        Assert.Contains("data-verb=\"target-updated\"", page);
        Assert.Contains("Cible modifiée", page);
        Assert.Matches("data-targets=\"[^\"]*60[^\"]*\\|95\"", page);
        var openApi = JsonDocument.Parse(await officer.GetStringAsync("/openapi/v1.json", Token)).RootElement.GetProperty("paths");
        Assert.True(openApi.GetProperty("/api/steering/strategies/{code}/actions/{action}/budget/{id}").TryGetProperty("put", out var __put));
        Assert.True(openApi.GetProperty("/api/steering/strategies/{code}/indicators/{indicator}/targets/{id}").TryGetProperty("delete", out var __delete));
    }
}

public sealed class SqliteSteeringEditingWebTests() : SteeringEditingWebTests(DatabaseProvider.Sqlite);

public sealed class PostgresSteeringEditingWebTests() : SteeringEditingWebTests(DatabaseProvider.Postgres);
