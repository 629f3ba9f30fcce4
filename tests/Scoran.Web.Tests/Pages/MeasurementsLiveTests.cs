using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scoran.Accounts;
using Scoran.Core.Audit;
using Scoran.Data;
using Scoran.Observatory.Measurements;
using Scoran.Testing;
using Scoran.Web.Tests.Api;

namespace Scoran.Web.Tests.Pages;

/// <summary>
/// Issue 7 follow-up: the campaign page fully live (operator report and communes in the live
/// endpoint, k applied), the commune table following the map filter (k after the filter), and the
/// reactivation of a revoked contributor token.
/// </summary>
public abstract class MeasurementsLiveTests(DatabaseProvider provider)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static Dictionary<string, string> Settings(int k) => new()
    {
        ["Scoran:Measurements:MinimumContributors"] = k.ToString(CultureInfo.InvariantCulture),
        ["Scoran:Measurements:RequestsPerMinute"] = "1000",
    };

    private static string Day(int offset) => TestClock.Day(offset);

    private static async Task<HttpClient> SignedInAsync(ScoranAppFactory factory, string role)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var email = await TestAccounts.CreateAsync(factory.Services, role);
        Assert.Equal(HttpStatusCode.Redirect, (await TestAccounts.SignInAsync(client, email)).StatusCode);
        return client;
    }

    /// <summary>A measurement with a given technology (the shared helper always sends 4G).</summary>
    private static JsonObject Item(string id, double lat, double lon, string installation, string op = "20801", string technology = "4G", string? campaign = null)
    {
        var item = JsonSerializer.SerializeToNode(MeasurementsTestData.Item(id, lat, lon, installation, op, campaign: campaign), new JsonSerializerOptions(JsonSerializerDefaults.Web))!.AsObject();
        item["technology"] = technology;
        return item;
    }

    [Fact]
    public async Task The_live_endpoint_sends_the_operator_report_and_only_the_communes_with_k_contributors()
    {
        TestDatabase.RequireEngine(provider);
        await using var database = await MeasurementsTestData.CreateAsync(provider, "measlive");
        await using var factory = new ScoranAppFactory(database.Storage, Settings(2));
        var manager = await SignedInAsync(factory, ScoranRoles.DataManager);
        Assert.Equal(HttpStatusCode.Created, (await manager.PostAsJsonAsync("/api/measurements/campaigns",
            new { code = "cote-live", name = "Côte-d'Or en direct", territoryKind = "departement", territoryCode = "21", startsOn = Day(-1), endsOn = Day(2), operators = "", protocol = "" }, Token)).StatusCode);
        var client = factory.CreateClient();

        // Dijon: two phones (Orange, Bouygues Telecom), k = 2, published; Beaune: one phone, masked.
        var first = new[]
        {
            Item("v1", 47.3220, 5.0415, "phone-1", campaign: "cote-live"),
            Item("v2", 47.3190, 5.0450, "phone-2", op: "20820", campaign: "cote-live"),
            Item("v3", 47.0260, 4.8400, "phone-3", campaign: "cote-live"),
        };
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/measurements", first, Token)).StatusCode);
        var text = await client.GetStringAsync("/api/measurements/campaigns/cote-live/live", Token);
        var live = JsonDocument.Parse(text).RootElement;
        Assert.Equal([("21231", "Dijon", 2, 2)], live.GetProperty("communes").EnumerateArray()
            .Select(c => (c.GetProperty("communeCode").GetString(), c.GetProperty("communeName").GetString(), c.GetProperty("measurements").GetInt32(), c.GetProperty("contributors").GetInt32())));
        Assert.Equal(1, live.GetProperty("hiddenCommunes").GetInt32());
        // Beaune is below k: nothing of it is sent, not even its code.
        Assert.DoesNotContain("21054", text);
        Assert.DoesNotContain("Beaune", text);
        // The operator report is the page's: totals and medians over the whole territory, for operators
        // with k contributors; Bouygues Telecom has one phone so far and is not detailed.
        var operators = live.GetProperty("operators").EnumerateArray().ToList();
        Assert.Equal([("20801", "Orange", 2)],
            operators.Select(o => (o.GetProperty("operatorCode").GetString(), o.GetProperty("operatorName").GetString(), o.GetProperty("measurements").GetInt32())));
        Assert.Equal((31.5, 6.2, 41.0, -98.0), (operators[0].GetProperty("medianDownloadMbps").GetDouble(), operators[0].GetProperty("medianUploadMbps").GetDouble(),
            operators[0].GetProperty("medianLatencyMs").GetDouble(), operators[0].GetProperty("medianRsrp").GetDouble()));
        // Dijon itself is published (two phones) but each of its operators has one: it is listed without
        // operator detail, in the report file and on its page.
        var reportCsv = await client.GetStringAsync("/api/measurements/campaigns/cote-live/report.csv", Token);
        Assert.Contains("commune;;21231;\"Dijon\";2;2;;;;;;;;\n", reportCsv);
        Assert.DoesNotContain("commune;;21231;\"Dijon\";2;2;20820", reportCsv);
        Assert.Contains("chaque opérateur : moins de 2 contributeurs distincts (non détaillé)",
            WebUtility.HtmlDecode(await client.GetStringAsync("/observatoire/mesures/campagnes/cote-live/bilan", Token)));
        // The same as the campaign report the page loads.
        var report = await client.GetFromJsonAsync<JsonElement>("/api/measurements/campaigns/cote-live", Token);
        Assert.Equal(report.GetProperty("operators").GetRawText(), live.GetProperty("operators").GetRawText());

        // A second Beaune phone, on Bouygues Telecom, reaches k twice: Beaune appears at the next poll, and so does Bouygues Telecom.
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/measurements", Item("v4", 47.0240, 4.8380, "phone-4", op: "20820", campaign: "cote-live"), Token)).StatusCode);
        live = await client.GetFromJsonAsync<JsonElement>("/api/measurements/campaigns/cote-live/live", Token);
        Assert.Equal([("21054", 2), ("21231", 2)], live.GetProperty("communes").EnumerateArray()
            .Select(c => (c.GetProperty("communeCode").GetString(), c.GetProperty("measurements").GetInt32())));
        Assert.Equal(0, live.GetProperty("hiddenCommunes").GetInt32());
        Assert.Equal([2, 2], live.GetProperty("operators").EnumerateArray().Select(o => o.GetProperty("measurements").GetInt32()));

        // The page renders the same tables, tagged for the polling script, and no longer says they are frozen.
        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/observatoire/mesures/campagnes/cote-live", Token));
        Assert.Contains("<tbody data-live=\"operators\">", page);
        Assert.Contains("<span data-live=\"communes\">Beaune (2), Dijon (2)</span>", page);
        Assert.DoesNotContain("à l'ouverture de la page", page);
    }

    [Fact]
    public async Task The_commune_table_and_api_follow_the_operator_and_technology_filter_with_k_counted_after_the_filter()
    {
        TestDatabase.RequireEngine(provider);
        await using var database = await MeasurementsTestData.CreateAsync(provider, "measfilter");
        await using var factory = new ScoranAppFactory(database.Storage, Settings(2));
        var client = factory.CreateClient();

        // k = 2. Dijon: two Orange phones and one SFR phone, in 4G. Beaune: one Orange and one SFR phone, in 5G.
        var items = new[]
        {
            Item("f1", 47.3220, 5.0415, "phone-1"),
            Item("f2", 47.3190, 5.0450, "phone-2"),
            Item("f3", 47.3200, 5.0430, "phone-3", op: "20810"),
            Item("f4", 47.0260, 4.8400, "phone-4", technology: "5G"),
            Item("f5", 47.0240, 4.8380, "phone-5", op: "20810", technology: "5G"),
        };
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/measurements", items, Token)).StatusCode);

        async Task<(string Communes, int Hidden, int Measurements)> Communes(string filter)
        {
            var summary = await client.GetFromJsonAsync<JsonElement>("/api/measurements/communes?territoire=departement/21" + filter, Token);
            return (string.Join(",", summary.GetProperty("communes").EnumerateArray().Select(c => c.GetProperty("communeCode").GetString())),
                summary.GetProperty("hiddenCommunes").GetInt32(), summary.GetProperty("measurements").GetInt32());
        }

        Assert.Equal(("21054,21231", 0, 5), await Communes(""));
        // Orange: Dijon has two Orange phones (published), Beaune one (masked in Orange's view although published overall).
        Assert.Equal(("21231", 1, 3), await Communes("&operateur=20801"));
        Assert.Equal(("", 2, 2), await Communes("&operateur=20810"));
        // Dijon has no 5G measurement: no group to mask there.
        Assert.Equal(("21054", 0, 2), await Communes("&technologie=5g"));
        Assert.Equal(("", 1, 1), await Communes("&operateur=20801&technologie=5G"));
        // In a filtered view a commune's operator rows are those of the filter only.
        var orange = await client.GetFromJsonAsync<JsonElement>("/api/measurements/communes?territoire=departement/21&operateur=20801", Token);
        var dijon = orange.GetProperty("communes")[0];
        Assert.Equal((2, 2), (dijon.GetProperty("measurements").GetInt32(), dijon.GetProperty("contributors").GetInt32()));
        Assert.Equal(["20801"], dijon.GetProperty("operators").EnumerateArray().Select(o => o.GetProperty("operatorCode").GetString()));

        // Unknown values: 400 problem+json with the same field errors as the cells, nothing silently ignored.
        var bad = await client.GetAsync("/api/measurements/communes?operateur=20899&technologie=6G&de=hier", Token);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        Assert.Equal(["de", "operateur", "technologie"], (await bad.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/measurements/communes.csv?operateur=x", Token)).StatusCode);

        // The CSV says which filter it holds.
        var csv = (await client.GetStringAsync("/api/measurements/communes.csv?territoire=departement/21&operateur=20801", Token)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.EndsWith("1 commune(s) masquée(s) ; filtre : Orange", csv[0].TrimEnd('\r'));
        Assert.Equal(3, csv.Length);
        Assert.StartsWith("21231;\"Dijon\";2;2;20801;Orange;2", csv[2]);

        // The page: the same filter as the map, stated, applied to the commune table and the downloads.
        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/observatoire/mesures/departement/21?operateur=20801", Token));
        Assert.Contains("Filtre actif : <strong>Orange</strong>", page);
        Assert.Contains("Mesures retenues par le filtre : Orange", page);
        Assert.Contains("data-testid=\"count-21231\">2<", page);
        Assert.DoesNotContain("count-21054", page);
        Assert.Contains("href=\"/api/measurements/communes.csv?territoire=departement/21&operateur=20801\"", page);
        Assert.Contains("<option value=\"20801\" selected=\"selected\">Orange</option>", page);
        var fiveG = WebUtility.HtmlDecode(await client.GetStringAsync("/observatoire/mesures/departement/21?technologie=5G", Token));
        Assert.Contains("data-testid=\"count-21054\">2<", fiveG);
        Assert.DoesNotContain("count-21231", fiveG);
        var all = WebUtility.HtmlDecode(await client.GetStringAsync("/observatoire/mesures/departement/21", Token));
        Assert.Contains("data-testid=\"count-21231\">3<", all);
        Assert.Contains("data-testid=\"count-21054\">2<", all);
        Assert.Contains("aucun filtre d'opérateur ni de technologie", all);
        Assert.DoesNotContain("Filtre actif", all);
    }

    [Fact]
    public async Task A_data_manager_reactivates_a_revoked_token_but_not_one_of_an_ended_campaign_and_others_change_nothing()
    {
        TestDatabase.RequireEngine(provider);
        await using var database = await MeasurementsTestData.CreateAsync(provider, "measreact");
        await using var factory = new ScoranAppFactory(database.Storage, Settings(1));
        var manager = await SignedInAsync(factory, ScoranRoles.DataManager);
        var editor = await SignedInAsync(factory, ScoranRoles.Editor);
        var anonymous = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Created, (await manager.PostAsJsonAsync("/api/measurements/campaigns",
            new { code = "passee", name = "Campagne passée", territoryKind = "commune", territoryCode = "21231", startsOn = "2025-03-01", endsOn = "2025-03-02", operators = "", protocol = "" }, Token)).StatusCode);

        async Task<string> Issue(string label, string? campaign)
        {
            var issued = await manager.PostAsJsonAsync("/api/measurements/tokens", new { label, campaign }, Token);
            Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
            return (await issued.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("token").GetString()!;
        }

        var secret = await Issue("Équipe 21", null);
        var ended = await Issue("Équipe passée", "passee");
        var ids = (await manager.GetFromJsonAsync<JsonElement>("/api/measurements/tokens", Token)).EnumerateArray()
            .ToDictionary(t => t.GetProperty("label").GetString()!, t => t.GetProperty("id").GetInt64());
        var (id, endedId) = (ids["Équipe 21"], ids["Équipe passée"]);
        Assert.Equal(HttpStatusCode.OK, (await manager.PostAsync($"/api/measurements/tokens/{id}/revoke", null, Token)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.PostAsync($"/api/measurements/tokens/{endedId}/revoke", null, Token)).StatusCode);

        async Task<HttpStatusCode> Submit(string itemId)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/measurements") { Content = JsonContent.Create(MeasurementsTestData.Item(itemId, 47.3220, 5.0415, "phone")) };
            request.Headers.Add("X-Contributor-Token", secret);
            return (await anonymous.SendAsync(request, Token)).StatusCode;
        }

        async Task<(bool Revoked, int AuditEntries)> State(string clear)
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ScoranDbContext>();
            var hash = MeasurementRules.Hash("token", clear);
            var token = await db.Set<ContributorToken>().AsNoTracking().SingleAsync(t => t.TokenHash == hash, Token);
            return (token.RevokedAt is not null, (await AuditTrail.HistoryAsync(db, "observatory.measurement-token", hash[..12], Token)).Count);
        }

        Assert.Equal(HttpStatusCode.BadRequest, await Submit("revoked"));
        Assert.Equal((true, 2), await State(secret));

        // Anonymous 401, another role 403, a form without antiforgery 400: nothing changes.
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync($"/api/measurements/tokens/{id}/reactivate", null, Token)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.PostAsync($"/api/measurements/tokens/{id}/reactivate", null, Token)).StatusCode);
        var editorForm = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await TestAccounts.AntiforgeryTokenAsync(editor, "/observatoire/mesures/contribuer"),
        });
        var editorPage = await editor.PostAsync($"/observatoire/mesures/jetons?handler=Reactivate&id={id}", editorForm, Token);
        Assert.Equal(HttpStatusCode.Redirect, editorPage.StatusCode);
        Assert.Contains("/compte/acces-refuse", editorPage.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.PostAsync($"/observatoire/mesures/jetons?handler=Reactivate&id={id}", new FormUrlEncodedContent([]), Token)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.PostAsync($"/observatoire/mesures/jetons?handler=Reactivate&id={id}", new FormUrlEncodedContent([]), Token)).StatusCode);
        Assert.Equal((true, 2), await State(secret));
        Assert.Equal(HttpStatusCode.BadRequest, await Submit("still-revoked"));

        // The manager sees a « Réactiver » button for the revoked tokens and uses it.
        var list = WebUtility.HtmlDecode(await manager.GetStringAsync("/observatoire/mesures/jetons", Token));
        Assert.Contains("aria-label=\"Réactiver le jeton « Équipe 21 »\"", list);
        var reactivated = await manager.PostAsync($"/observatoire/mesures/jetons?handler=Reactivate&id={id}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await TestAccounts.AntiforgeryTokenAsync(manager, "/observatoire/mesures/jetons"),
        }), Token);
        Assert.Equal(HttpStatusCode.OK, reactivated.StatusCode);
        var after = WebUtility.HtmlDecode(await reactivated.Content.ReadAsStringAsync(Token));
        Assert.Contains("Jeton « Équipe 21 » réactivé", after);
        Assert.Contains("aria-label=\"Révoquer le jeton « Équipe 21 »\"", after);
        Assert.Equal((false, 3), await State(secret));
        Assert.Equal(HttpStatusCode.OK, await Submit("accepted-again"));

        // Through the API: reactivating an active token changes and records nothing; an unknown id is 404.
        var again = await manager.PostAsync($"/api/measurements/tokens/{id}/reactivate", null, Token);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.False((await again.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("revoked").GetBoolean());
        Assert.Equal((false, 3), await State(secret));
        Assert.Equal(HttpStatusCode.NotFound, (await manager.PostAsync("/api/measurements/tokens/999999/reactivate", null, Token)).StatusCode);

        // The token of an ended campaign stays revoked, with the reason in French, on the API and on the page.
        var refused = await manager.PostAsync($"/api/measurements/tokens/{endedId}/reactivate", null, Token);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var reason = (await refused.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("errors").GetProperty("campaign")[0].GetString();
        Assert.Equal("Le jeton « Équipe passée » ne peut pas être réactivé : la campagne passee est terminée depuis le 2 mars 2025. Émettez un nouveau jeton pour une campagne en cours.", reason);
        var pageRefused = await manager.PostAsync($"/observatoire/mesures/jetons?handler=Reactivate&id={endedId}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await TestAccounts.AntiforgeryTokenAsync(manager, "/observatoire/mesures/jetons"),
        }), Token);
        Assert.Equal(HttpStatusCode.OK, pageRefused.StatusCode);
        Assert.Contains($"role=\"alert\" data-testid=\"token-error\">{reason}</p>", WebUtility.HtmlDecode(await pageRefused.Content.ReadAsStringAsync(Token)));
        Assert.Equal((true, 2), await State(ended));

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ScoranDbContext>();
        var history = await AuditTrail.HistoryAsync(db, "observatory.measurement-token", MeasurementRules.Hash("token", secret)[..12], Token);
        Assert.Equal(["issued", "reactivated", "revoked"], history.Select(h => h.Action).Order(StringComparer.Ordinal));
        Assert.NotNull(history.Single(h => h.Action == "reactivated").Author);
    }
}

public sealed class SqliteMeasurementsLiveTests() : MeasurementsLiveTests(DatabaseProvider.Sqlite);

public sealed class PostgresMeasurementsLiveTests() : MeasurementsLiveTests(DatabaseProvider.Postgres);
