using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scoran.Accounts;
using Scoran.Data;
using Scoran.Observatory.Measurements;
using Scoran.Testing;

namespace Scoran.Web.Tests.Api;

/// <summary>POST /api/measurements and every public output of the measurements, on a database of their own.</summary>
public abstract class MeasurementsApiTests(DatabaseProvider provider)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static readonly Dictionary<string, string> Settings = new()
    {
        ["Scoran:Measurements:MinimumContributors"] = "3",
        ["Scoran:Measurements:RequestsPerMinute"] = "1000",
    };

    [Fact]
    public async Task Invalid_items_get_field_level_problem_details_with_their_index_and_nothing_is_stored()
    {
        TestDatabase.RequireEngine(provider);
        await using var database = await MeasurementsTestData.CreateAsync(provider, "measapi");
        await using var factory = new ScoranAppFactory(database.Storage, Settings);
        var client = factory.CreateClient();

        var batch = new[]
        {
            MeasurementsTestData.Item("a", 47.3220, 5.0415, "p1"),
            MeasurementsTestData.Item("b", 47.3220, 5.0415, "p1"),
            MeasurementsTestData.Item("c", 47.3220, 5.0415, "p1", op: "20899"),
            MeasurementsTestData.Item("d", 47.3220, 5.0415, "p1", rsrp: -20),
        };
        var response = await client.PostAsJsonAsync("/api/measurements", batch, Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Token);
        var errors = problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["items[2].operator", "items[3].rsrp"], errors);

        // A wrong type is reported on its field too.
        var typed = await client.PostAsync("/api/measurements", new StringContent("""[{"rsrp":"fort"}]""", System.Text.Encoding.UTF8, "application/json"), Token);
        Assert.Equal(HttpStatusCode.BadRequest, typed.StatusCode);
        Assert.Contains("items[0].rsrp", await typed.Content.ReadAsStringAsync(Token));
        Assert.Equal(0, await database.WithScopeAsync(sp => sp.GetRequiredService<ScoranDbContext>().Set<Measurement>().CountAsync(Token)));
    }

    [Fact]
    public async Task A_retried_upload_is_stored_once_and_reported_as_already_stored()
    {
        TestDatabase.RequireEngine(provider);
        await using var database = await MeasurementsTestData.CreateAsync(provider, "measretry");
        await using var factory = new ScoranAppFactory(database.Storage, Settings);
        var client = factory.CreateClient();

        // Items without their own id: the Idempotency-Key header and the item's index make the key.
        var body = new[] { MeasurementsTestData.Item(null!, 47.3220, 5.0415, "p1"), MeasurementsTestData.Item(null!, 47.0260, 4.8400, "p1") };
        async Task<JsonElement> Post()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/measurements") { Content = JsonContent.Create(body) };
            request.Headers.Add("Idempotency-Key", "upload-42");
            var response = await client.SendAsync(request, Token);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return await response.Content.ReadFromJsonAsync<JsonElement>(Token);
        }

        var first = await Post();
        var second = await Post();
        Assert.Equal((2, 0), (first.GetProperty("stored").GetInt32(), first.GetProperty("alreadyStored").GetInt32()));
        Assert.Equal((0, 2), (second.GetProperty("stored").GetInt32(), second.GetProperty("alreadyStored").GetInt32()));
        Assert.Equal(["21231", "21054"], second.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("commune").GetString()));
        Assert.Equal(2, await database.WithScopeAsync(sp => sp.GetRequiredService<ScoranDbContext>().Set<Measurement>().CountAsync(Token)));
    }

    [Fact]
    public async Task No_measurement_output_contains_a_raw_position_or_a_commune_or_cell_below_k()
    {
        TestDatabase.RequireEngine(provider);
        await using var database = await MeasurementsTestData.CreateAsync(provider, "measprivacy");
        await using var factory = new ScoranAppFactory(database.Storage, Settings);
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var email = await TestAccounts.CreateAsync(factory.Services, ScoranRoles.DataManager);
        await TestAccounts.SignInAsync(client, email);
        var start = TestClock.Today.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var end = TestClock.Today.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var created = await client.PostAsJsonAsync("/api/measurements/campaigns",
            new { code = "dijon-test", name = "Dijon", territoryKind = "commune", territoryCode = "21231", startsOn = start, endsOn = end, operators = "", protocol = "À pied." }, Token);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        // Dijon: three phones (k = 3) at distinctive positions; Beaune: two phones only.
        var dijon = new[] { (47.321987, 5.041234), (47.322456, 5.043789), (47.318765, 5.039876) };
        var beaune = new[] { (47.026135, 4.840469), (47.024321, 4.838642) };
        var items = dijon.Select((p, i) => MeasurementsTestData.Item($"d{i}", p.Item1, p.Item2, $"dijon-{i}", campaign: "dijon-test"))
            .Concat(beaune.Select((p, i) => MeasurementsTestData.Item($"b{i}", p.Item1, p.Item2, $"beaune-{i}")))
            .ToArray();
        var submitted = await client.PostAsJsonAsync("/api/measurements", items, Token);
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);

        var outputs = new Dictionary<string, string> { ["POST /api/measurements"] = await submitted.Content.ReadAsStringAsync(Token) };
        foreach (var url in new[]
                 {
                     "/api/measurements/communes", "/api/measurements/communes?territoire=region/27", "/api/measurements/communes?territoire=departement/21",
                     "/api/measurements/communes.csv?territoire=region/27", "/api/measurements/cells.geojson", "/api/measurements/cells.geojson?territoire=departement/21",
                     "/api/measurements/campaigns", "/api/measurements/campaigns/dijon-test",
                     "/observatoire/mesures", "/observatoire/mesures/departement/21", "/observatoire/mesures/campagnes", "/observatoire/mesures/campagnes/dijon-test",
                     "/openapi/v1.json",
                     // Added with the map, the live follow-up, the report and the tokens page.
                     "/api/measurements/cells.geojson?operateur=20801&technologie=4G", "/api/measurements/cells.geojson?campagne=dijon-test",
                     "/api/measurements/campaigns/dijon-test/live", "/api/measurements/campaigns/dijon-test/report.csv",
                     "/observatoire/mesures/departement/21?operateur=20801&technologie=4G", "/observatoire/mesures/campagnes/dijon-test/bilan",
                     "/api/measurements/tokens", "/observatoire/mesures/jetons",
                     // Added with the filtered commune table (k after the filter).
                     "/api/measurements/communes?territoire=departement/21&operateur=20801&technologie=4G", "/api/measurements/communes.csv?territoire=region/27&operateur=20801",
                     "/observatoire/mesures?operateur=20801&technologie=4G",
                 })
        {
            var response = await client.GetAsync(url, Token);
            Assert.True(response.IsSuccessStatusCode, $"{url}: {response.StatusCode}");
            outputs[url] = await response.Content.ReadAsStringAsync(Token);
        }

        // The XLSX report is scanned as the text of all its cells.
        var xlsx = await client.GetAsync("/api/measurements/campaigns/dijon-test/report.xlsx", Token);
        Assert.True(xlsx.IsSuccessStatusCode);
        using (var workbook = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync(Token)), false))
        {
            outputs["report.xlsx"] = string.Join("\n", workbook.WorkbookPart!.WorksheetParts
                .SelectMany(p => p.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>()).Select(c => c.InnerText));
        }

        foreach (var (url, text) in outputs)
        {
            foreach (var (lat, lon) in dijon.Concat(beaune))
            {
                foreach (var value in new[] { lat, lon })
                {
                    // Four decimals (~10 m) is already too precise to publish; check both decimal separators.
                    var four = value.ToString("0.0000", CultureInfo.InvariantCulture);
                    Assert.DoesNotContain(four, text);
                    Assert.DoesNotContain(four.Replace('.', ','), text);
                }
            }

            Assert.DoesNotContain("Beaune", text);
            if (!url.StartsWith("POST", StringComparison.Ordinal))
            {
                // Only the submitter is told the commune of its own items.
                Assert.DoesNotContain("21054", text);
            }
        }

        Assert.Contains("/api/measurements/cells.geojson", outputs["/openapi/v1.json"]);
        Assert.Contains("/api/measurements/tokens/{id}/revoke", outputs["/openapi/v1.json"]);
        Assert.Contains("/api/measurements/campaigns/{code}/live", outputs["/openapi/v1.json"]);
        Assert.Contains("/api/measurements/tokens/{id}/reactivate", outputs["/openapi/v1.json"]);
        // The live follow-up now lists the campaign's published communes: Dijon (3 contributors).
        Assert.Contains("\"communeCode\":\"21231\"", outputs["/api/measurements/campaigns/dijon-test/live"]);
        // Filtered, Dijon keeps its three Orange 4G phones; Beaune (two phones) stays out of every view.
        Assert.Contains("21231;\"Dijon\";3;3;20801", outputs["/api/measurements/communes.csv?territoire=region/27&operateur=20801"]);
        // The campaign's report publishes Dijon (3 contributors) and nothing of Beaune (outside the campaign).
        Assert.Contains("Dijon", outputs["report.xlsx"]);
        Assert.Contains("commune;;21231;\"Dijon\";3;3", outputs["/api/measurements/campaigns/dijon-test/report.csv"]);
        // Dijon is published, with its three contributors, in the table, the CSV and one cell at most per point.
        Assert.Contains("Dijon (21231)", WebUtility.HtmlDecode(outputs["/observatoire/mesures"]));
        Assert.Contains("21231;\"Dijon\";3;3;20801", outputs["/api/measurements/communes.csv?territoire=region/27"]);
        var cells = JsonDocument.Parse(outputs["/api/measurements/cells.geojson"]).RootElement.GetProperty("features");
        // Dijon's points fall in two cells (2 and 1 contributors), Beaune's in one (2): all below k = 3.
        Assert.Equal(0, cells.GetArrayLength());
        var summary = JsonDocument.Parse(outputs["/api/measurements/communes"]).RootElement;
        Assert.Equal(1, summary.GetProperty("hiddenCommunes").GetInt32());
        Assert.Equal(3, summary.GetProperty("hiddenCells").GetInt32());
    }

    [Fact]
    public async Task Submissions_beyond_the_per_client_limit_get_429_and_campaign_writes_need_a_data_manager()
    {
        TestDatabase.RequireEngine(provider);
        await using var database = await MeasurementsTestData.CreateAsync(provider, "measlimit");
        await using var factory = new ScoranAppFactory(database.Storage, new Dictionary<string, string> { ["Scoran:Measurements:RequestsPerMinute"] = "2" });
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await client.PostAsJsonAsync("/api/measurements", MeasurementsTestData.Item($"r{i}", 47.3220, 5.0415, "p1"), Token)).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        // The submit page shares the policy and the client's partition.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.GetAsync("/observatoire/mesures/contribuer", Token)).StatusCode);
        // The sign-in limiter is untouched: the sign-in page still answers.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/compte/connexion", Token)).StatusCode);

        var anonymous = await client.PostAsJsonAsync("/api/measurements/campaigns", new { code = "x1", name = "X" }, Token);
        Assert.False(anonymous.IsSuccessStatusCode);
        var token = await client.PostAsJsonAsync("/api/measurements/tokens", new { label = "X" }, Token);
        Assert.False(token.IsSuccessStatusCode);
    }
}

public sealed class SqliteMeasurementsApiTests() : MeasurementsApiTests(DatabaseProvider.Sqlite);

public sealed class PostgresMeasurementsApiTests() : MeasurementsApiTests(DatabaseProvider.Postgres);
