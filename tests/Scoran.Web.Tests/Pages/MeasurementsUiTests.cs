using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
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
/// The measurement pages added on top of the ingestion: the filtered cells (k per filtered
/// group), the live follow-up of a campaign, its report and exports, and token revocation.
/// </summary>
public abstract class MeasurementsUiTests(DatabaseProvider provider)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static Dictionary<string, string> Settings(int k) => new()
    {
        ["Scoran:Measurements:MinimumContributors"] = k.ToString(CultureInfo.InvariantCulture),
        ["Scoran:Measurements:RequestsPerMinute"] = "1000",
    };

    private static string Day(int offset) => TestClock.Day(offset);

    private static async Task<HttpClient> ManagerAsync(ScoranAppFactory factory, string role = ScoranRoles.DataManager)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var email = await TestAccounts.CreateAsync(factory.Services, role);
        Assert.Equal(HttpStatusCode.Redirect, (await TestAccounts.SignInAsync(client, email)).StatusCode);
        return client;
    }

    [Fact]
    public async Task A_map_filter_applies_the_k_rule_to_the_filtered_measurements_of_each_cell()
    {
        TestDatabase.RequireEngine(provider);
        await using var database = await MeasurementsTestData.CreateAsync(provider, "measuicells");
        await using var factory = new ScoranAppFactory(database.Storage, Settings(3));
        var client = factory.CreateClient();

        // Three phones in one Dijon cell: two on Orange, one on SFR. k = 3.
        var items = new[]
        {
            MeasurementsTestData.Item("o1", 47.3220, 5.0415, "phone-1"),
            MeasurementsTestData.Item("o2", 47.3221, 5.0416, "phone-2"),
            MeasurementsTestData.Item("s1", 47.3222, 5.0417, "phone-3", op: "20810"),
        };
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/measurements", items, Token)).StatusCode);

        async Task<JsonElement> Cells(string query)
        {
            var response = await client.GetAsync("/api/measurements/cells.geojson" + query, Token);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return await response.Content.ReadFromJsonAsync<JsonElement>(Token);
        }

        var all = await Cells("?territoire=departement/21");
        Assert.Equal(1, all.GetProperty("features").GetArrayLength());
        Assert.Equal(3, all.GetProperty("features")[0].GetProperty("properties").GetProperty("contributeurs").GetInt32());
        Assert.Equal((3, 0), (all.GetProperty("k").GetInt32(), all.GetProperty("maillesMasquees").GetInt32()));
        // Orange alone has two contributors in that cell: below k, so masked in Orange's view.
        var orange = await Cells("?territoire=departement/21&operateur=20801");
        Assert.Equal((0, 1), (orange.GetProperty("features").GetArrayLength(), orange.GetProperty("maillesMasquees").GetInt32()));
        Assert.Equal(1, (await Cells("?technologie=4g")).GetProperty("features").GetArrayLength());
        Assert.Equal(0, (await Cells("?technologie=5G")).GetProperty("features").GetArrayLength());

        var bad = await client.GetAsync("/api/measurements/cells.geojson?operateur=20899&technologie=6G", Token);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("errors");
        Assert.Equal(["operateur", "technologie"], errors.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));

        // The page draws the filtered layer and says what the filter is; an unknown filter value is dropped.
        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/observatoire/mesures/departement/21?operateur=20801&technologie=4G", Token));
        Assert.Contains("data-measure-cells=\"/api/measurements/cells.geojson?territoire=departement/21&operateur=20801&technologie=4G\"", page);
        Assert.Contains("filtre : Orange, 4G", page);
        Assert.Contains("href=\"/observatoire/mobile/theorie-mesures/departement/21\"", page);
        Assert.DoesNotContain("/observatoire/mesures/jetons", page);
        var unknown = WebUtility.HtmlDecode(await client.GetStringAsync("/observatoire/mesures/departement/21?operateur=x", Token));
        Assert.Contains("data-measure-cells=\"/api/measurements/cells.geojson?territoire=departement/21\"", unknown);
    }

    [Fact]
    public async Task A_campaign_is_followed_live_and_its_report_page_csv_and_xlsx_carry_source_period_k_and_date()
    {
        TestDatabase.RequireEngine(provider);
        await using var database = await MeasurementsTestData.CreateAsync(provider, "measuireport");
        await using var factory = new ScoranAppFactory(database.Storage, Settings(2));
        var manager = await ManagerAsync(factory);
        var created = await manager.PostAsJsonAsync("/api/measurements/campaigns",
            new { code = "dijon-live", name = "Dijon en direct", territoryKind = "departement", territoryCode = "21", startsOn = Day(-2), endsOn = Day(3), operators = "", protocol = "À pied." }, Token);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var past = await manager.PostAsJsonAsync("/api/measurements/campaigns",
            new { code = "passee", name = "Campagne passée", territoryKind = "commune", territoryCode = "21231", startsOn = "2025-03-01", endsOn = "2025-03-02", operators = "", protocol = "" }, Token);
        Assert.Equal(HttpStatusCode.Created, past.StatusCode);

        var anonymous = factory.CreateClient();
        var live = await anonymous.GetFromJsonAsync<JsonElement>("/api/measurements/campaigns/dijon-live/live", Token);
        Assert.Equal((true, 0, 2), (live.GetProperty("running").GetBoolean(), live.GetProperty("measurements").GetInt32(), live.GetProperty("minimumContributors").GetInt32()));

        // Dijon: two phones (k = 2, published); Beaune: one phone (hidden).
        var items = new[]
        {
            MeasurementsTestData.Item("l1", 47.3220, 5.0415, "phone-1", campaign: "dijon-live"),
            MeasurementsTestData.Item("l2", 47.3221, 5.0416, "phone-2", op: "20820", campaign: "dijon-live"),
            MeasurementsTestData.Item("l3", 47.0260, 4.8400, "phone-3", campaign: "dijon-live"),
        };
        Assert.Equal(HttpStatusCode.OK, (await anonymous.PostAsJsonAsync("/api/measurements", items, Token)).StatusCode);
        live = await anonymous.GetFromJsonAsync<JsonElement>("/api/measurements/campaigns/dijon-live/live", Token);
        Assert.Equal((3, 3, 1, 1), (live.GetProperty("measurements").GetInt32(), live.GetProperty("contributors").GetInt32(),
            live.GetProperty("publishedCommunes").GetInt32(), live.GetProperty("hiddenCommunes").GetInt32()));
        // The two Dijon phones share one cell (published), Beaune's is masked.
        Assert.Equal((1, 1), (live.GetProperty("publishedCells").GetInt32(), live.GetProperty("hiddenCells").GetInt32()));
        Assert.Equal(3, live.GetProperty("days").EnumerateArray().Sum(d => d.GetProperty("measurements").GetInt32()));
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/api/measurements/campaigns/inconnue/live", Token)).StatusCode);
        Assert.False((await anonymous.GetFromJsonAsync<JsonElement>("/api/measurements/campaigns/passee/live", Token)).GetProperty("running").GetBoolean());

        // The page polls instead of reloading, only while the campaign runs, and links its report.
        var page = WebUtility.HtmlDecode(await anonymous.GetStringAsync("/observatoire/mesures/campagnes/dijon-live", Token));
        Assert.DoesNotContain("http-equiv=\"refresh\"", page);
        Assert.Contains("data-campaign-live=\"/api/measurements/campaigns/dijon-live/live\" data-running=\"true\"", page);
        Assert.Contains("Mis à jour à ", page);
        Assert.Contains("href=\"/observatoire/mesures/campagnes/dijon-live/bilan\"", page);
        Assert.Contains("data-measure-cells=\"/api/measurements/cells.geojson?campagne=dijon-live\"", page);
        Assert.Contains("data-running=\"false\"", await anonymous.GetStringAsync("/observatoire/mesures/campagnes/passee", Token));

        var report = WebUtility.HtmlDecode(await anonymous.GetStringAsync("/observatoire/mesures/campagnes/dijon-live/bilan", Token));
        Assert.Contains("/css/measurements-print.css", report);
        Assert.Contains("Dijon (21231)", report);
        Assert.Contains("Bouygues Telecom", report); // its day count: counts are published whatever k
        // Dijon's two phones are on two operators: the commune is published, neither operator is detailed.
        Assert.Contains("chaque opérateur : moins de 2 contributeurs distincts (non détaillé)", report);
        Assert.Contains("k = 2 contributeurs distincts", report);
        Assert.Contains($"période du {Day(-2)} au {Day(3)} (UTC)", report);
        Assert.DoesNotContain("Beaune", report);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/observatoire/mesures/campagnes/inconnue/bilan", Token)).StatusCode);

        var csvResponse = await anonymous.GetAsync("/api/measurements/campaigns/dijon-live/report.csv", Token);
        Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType?.MediaType);
        var csv = (await csvResponse.Content.ReadAsStringAsync(Token)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("# Source : mesures participatives Scoran, campagne dijon-live", csv[0]);
        Assert.Contains($"période du {Day(-2)} au {Day(3)} (UTC) ; k = 2 contributeurs distincts, 1 commune(s) masquée(s) ; généré le {Day(0)}", csv[0]);
        Assert.StartsWith("tableau;jour;code_commune", csv[1]);
        Assert.Contains("operateur;;;;;;20801;Orange;2;0;31.5;6.2;41;-98", csv);
        Assert.Contains("commune;;21231;\"Dijon\";2;2;;;;;;;;", csv);
        Assert.DoesNotContain(csv, l => l.StartsWith("operateur;;;;;;20820", StringComparison.Ordinal));
        Assert.DoesNotContain(csv, l => l.StartsWith("commune;;21231;\"Dijon\";2;2;20", StringComparison.Ordinal));
        Assert.Contains($"jour;{Day(0)};;;;;20820;\"Bouygues Telecom\";1;;;;;", csv);
        Assert.DoesNotContain(csv, l => l.Contains("21054", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/api/measurements/campaigns/inconnue/report.csv", Token)).StatusCode);

        var xlsx = await anonymous.GetAsync("/api/measurements/campaigns/dijon-live/report.xlsx", Token);
        Assert.Equal(MeasurementsApiXlsx, xlsx.Content.Headers.ContentType?.MediaType);
        using var workbook = SpreadsheetDocument.Open(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync(Token)), false);
        var sheets = workbook.WorkbookPart!.Workbook.Descendants<Sheet>().ToList();
        Assert.Equal(["Opérateurs", "Communes", "Jours"], sheets.Select(s => s.Name?.Value));
        var communes = ((WorksheetPart)workbook.WorkbookPart.GetPartById(sheets[1].Id!)).Worksheet.Descendants<Row>().ToList();
        Assert.StartsWith("Source : mesures participatives Scoran", communes[0].InnerText);
        Assert.Contains("k = 2", communes[0].InnerText);
        Assert.Equal("code_commune", communes[1].Elements<Cell>().First().InnerText);
        var dijon = communes[2].Elements<Cell>().ToList();
        Assert.Equal(("21231", "Dijon"), (dijon[0].InnerText, dijon[1].InnerText));
        // Numbers are numbers, so a spreadsheet can add them up.
        Assert.Equal((CellValues.Number, "2"), (dijon[2].DataType!.Value, dijon[2].InnerText));
        // Dijon: one row without operator detail (each operator below k) under the provenance and header rows.
        Assert.Equal(3, communes.Count);
        Assert.DoesNotContain("Orange", communes[2].InnerText);
    }

    private const string MeasurementsApiXlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    [Fact]
    public async Task Only_a_data_manager_lists_and_revokes_tokens_and_a_revoked_token_is_then_refused()
    {
        TestDatabase.RequireEngine(provider);
        await using var database = await MeasurementsTestData.CreateAsync(provider, "measuitokens");
        await using var factory = new ScoranAppFactory(database.Storage, Settings(1));
        var manager = await ManagerAsync(factory);
        var editor = await ManagerAsync(factory, ScoranRoles.Editor);
        var anonymous = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var issued = await manager.PostAsJsonAsync("/api/measurements/tokens", new { label = "Équipe 21" }, Token);
        var secret = (await issued.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("token").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await manager.PostAsJsonAsync("/api/measurements/tokens", new { label = "Équipe 71" }, Token)).StatusCode);

        async Task<HttpResponseMessage> Submit(string id)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/measurements") { Content = JsonContent.Create(MeasurementsTestData.Item(id, 47.3220, 5.0415, "phone")) };
            request.Headers.Add("X-Contributor-Token", secret);
            return await anonymous.SendAsync(request, Token);
        }

        Assert.Equal(HttpStatusCode.OK, (await Submit("before")).StatusCode);

        // The list never shows the clear token nor its hash.
        var listed = await manager.GetStringAsync("/api/measurements/tokens", Token);
        var tokens = JsonDocument.Parse(listed).RootElement.EnumerateArray().ToList();
        Assert.Equal(["Équipe 71", "Équipe 21"], tokens.Select(t => t.GetProperty("label").GetString()));
        var id = tokens[1].GetProperty("id").GetInt64();
        var hash = MeasurementRules.Hash("token", secret);
        var page = await manager.GetStringAsync("/observatoire/mesures/jetons", Token);
        foreach (var text in new[] { listed, page })
        {
            Assert.DoesNotContain(secret, text);
            Assert.DoesNotContain(hash[..12], text);
        }

        // Anonymous: sign-in (page) or 401 (API); wrong role: 403; nothing changes.
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync("/observatoire/mesures/jetons", Token)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/measurements/tokens", Token)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync($"/api/measurements/tokens/{id}/revoke", null, Token)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.PostAsync($"/api/measurements/tokens/{id}/revoke", null, Token)).StatusCode);
        var forbiddenPage = await editor.GetAsync("/observatoire/mesures/jetons", Token);
        Assert.Contains("/compte/acces-refuse", forbiddenPage.Headers.Location?.OriginalString);
        var editorForm = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await TestAccounts.AntiforgeryTokenAsync(editor, "/observatoire/mesures/contribuer"),
        });
        Assert.NotEqual(HttpStatusCode.OK, (await editor.PostAsync($"/observatoire/mesures/jetons?handler=Revoke&id={id}", editorForm, Token)).StatusCode);
        // Without the antiforgery token, even a manager's form post is refused.
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.PostAsync($"/observatoire/mesures/jetons?handler=Revoke&id={id}", new FormUrlEncodedContent([]), Token)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Submit("still-valid")).StatusCode);

        // The manager revokes it from the page.
        var revoked = await manager.PostAsync($"/observatoire/mesures/jetons?handler=Revoke&id={id}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await TestAccounts.AntiforgeryTokenAsync(manager, "/observatoire/mesures/jetons"),
        }), Token);
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.Contains("Jeton « Équipe 21 » révoqué le", WebUtility.HtmlDecode(await revoked.Content.ReadAsStringAsync(Token)));

        var refused = await Submit("after");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("contributorToken", await refused.Content.ReadAsStringAsync(Token));

        // Revoking again through the API changes nothing and records nothing more; an unknown id is 404.
        var again = await manager.PostAsync($"/api/measurements/tokens/{id}/revoke", null, Token);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.True((await again.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("revoked").GetBoolean());
        Assert.Equal(HttpStatusCode.NotFound, (await manager.PostAsync("/api/measurements/tokens/999999/revoke", null, Token)).StatusCode);
        var other = tokens[0].GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.OK, (await manager.PostAsync($"/api/measurements/tokens/{other}/revoke", null, Token)).StatusCode);

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ScoranDbContext>();
        var history = await AuditTrail.HistoryAsync(db, "observatory.measurement-token", hash[..12], Token);
        Assert.Equal(["issued", "revoked"], history.Select(h => h.Action).Order(StringComparer.Ordinal));
        Assert.All(history, h => Assert.DoesNotContain(secret, h.AfterJson ?? ""));
        Assert.Equal(2, await db.Set<ContributorToken>().CountAsync(t => t.RevokedAt != null, Token));
        Assert.Equal(2, await db.Set<Measurement>().CountAsync(Token));
    }
}

public sealed class SqliteMeasurementsUiTests() : MeasurementsUiTests(DatabaseProvider.Sqlite);

public sealed class PostgresMeasurementsUiTests() : MeasurementsUiTests(DatabaseProvider.Postgres);
