using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scoran.Accounts;
using Scoran.Data;
using Scoran.Observatory.Connexion;
using Scoran.Testing;

namespace Scoran.Web.Tests.Api;

/// <summary>/api/observatory/debits and the dashboard over the shipped SYNTHETIC demo files (three dates, BFC communes).</summary>
public abstract partial class DebitsApiTests(ImportedTerritories imported) : ApplicationTests(imported)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private async Task<JsonElement> GetJsonAsync(string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await Client.GetAsync(url, Token);
        Assert.Equal(expected, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Token);
    }

    /// <summary>Sums of a column of a demo file over the communes whose code starts with <paramref name="prefix"/>.</summary>
    private static long DemoSum(string family, string date, string prefix, params string[] columns)
    {
        var file = SharedData.ConnexionDemoFiles().Single(f => Path.GetFileName(f).StartsWith($"commune_{family}_{date}", StringComparison.Ordinal));
        var lines = File.ReadAllLines(file);
        var header = lines[0].Split(',');
        var indexes = columns.Select(c => Array.IndexOf(header, c)).ToList();
        return lines.Skip(1).Select(l => l.Split(',')).Where(f => f[0].StartsWith(prefix, StringComparison.Ordinal))
            .Sum(f => indexes.Sum(i => long.Parse(f[f.Length - header.Length + i], System.Globalization.CultureInfo.InvariantCulture)));
    }

    private static JsonElement Indicator(JsonElement values, string id) =>
        values.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("indicator").GetString() == id);

    [Fact]
    public async Task A_departement_gets_exact_sums_of_its_communes_its_comparison_and_a_synthetic_source()
    {
        var json = await GetJsonAsync("/api/observatory/debits/departement/21?date=2022-12-31");

        Assert.Equal("2022-12-31", json.GetProperty("date").GetString());
        Assert.Equal(["2021-12-31", "2022-12-31", "2023-12-31"], json.GetProperty("dates").EnumerateArray().Select(d => d.GetString()));
        var values = json.GetProperty("values");
        Assert.Equal(DemoSum("debit", "2022-12-31", "21", "nbr"), values.GetProperty("premises").GetInt64());
        Assert.Equal(DemoSum("debit", "2022-12-31", "21", "elig_cd_4", "elig_cd_5", "elig_cd_6"), Indicator(values, "thd30").GetProperty("count").GetInt64());
        Assert.Equal(DemoSum("debit", "2022-12-31", "21", "elig_cd_6"), Indicator(values, "gigabit").GetProperty("count").GetInt64());
        Assert.Equal(DemoSum("techno", "2022-12-31", "21", "elig_ftth"), Indicator(values, "ftth").GetProperty("count").GetInt64());
        Assert.Equal(DemoSum("meilleure_techno", "2022-12-31", "21", "nbr") - DemoSum("meilleure_techno", "2022-12-31", "21", "elig_ftth", "elig_coax", "elig_cu_30", "elig_cu_8"),
            Indicator(values, "sans-filaire").GetProperty("count").GetInt64());

        Assert.Equal(["departement", "region", "france"], json.GetProperty("comparison").EnumerateArray().Select(c => c.GetProperty("kind").GetString()));
        var zones = json.GetProperty("zones").EnumerateArray().ToList();
        Assert.Equal(values.GetProperty("premises").GetInt64(), zones.Sum(z => z.GetProperty("values").GetProperty("premises").GetInt64()));
        Assert.Equal(3, json.GetProperty("history").GetArrayLength());

        var source = json.GetProperty("source");
        Assert.True(source.GetProperty("synthetic").GetBoolean());
        Assert.Contains(ConnexionImporter.SyntheticNotice, source.GetProperty("line").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("Licence Ouverte 2.0", source.GetProperty("licence").GetString());
        Assert.Equal(3, source.GetProperty("files").GetArrayLength());
    }

    [Fact]
    public async Task The_region_breakdown_adds_up_to_the_region_and_serves_the_map()
    {
        var region = Indicator((await GetJsonAsync("/api/observatory/debits/region/27")).GetProperty("values"), "sans-filaire");
        var departements = (await GetJsonAsync("/api/observatory/debits/region/27/breakdown?indicateur=sans-filaire")).EnumerateArray().ToList();
        var communes = (await GetJsonAsync("/api/observatory/debits/region/27/breakdown?level=commune&indicateur=sans-filaire")).EnumerateArray().ToList();

        Assert.Equal(["21", "25", "39", "58", "70", "71", "89", "90"], departements.Select(d => d.GetProperty("code").GetString()));
        Assert.Equal(3_685, communes.Count);
        foreach (var parts in new[] { departements, communes })
        {
            Assert.Equal(region.GetProperty("count").GetInt64(), parts.Sum(p => p.GetProperty("covered").GetInt64()));
            Assert.Equal(region.GetProperty("premises").GetInt64(), parts.Sum(p => p.GetProperty("premises").GetInt64()));
        }

        Assert.All(communes, c => Assert.Equal("sans-filaire", c.GetProperty("indicator").GetString()));
        await GetJsonAsync("/api/observatory/debits/region/27/breakdown?indicateur=vitesse", HttpStatusCode.BadRequest);
        await GetJsonAsync("/api/observatory/debits/departement/21/breakdown?level=region", HttpStatusCode.BadRequest);
        await GetJsonAsync("/api/observatory/debits/region/99", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_breakdown_downloads_as_csv_with_its_rules_and_synthetic_source()
    {
        var response = await Client.GetAsync("/api/observatory/debits/region/27/breakdown.csv?date=2021-12-31", Token);
        var lines = (await response.Content.ReadAsStringAsync(Token)).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("debits-region-27-2021-12-31.csv", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        Assert.StartsWith("# Source : Données de démonstration synthétiques", lines[0]);
        Assert.Contains("Licence Ouverte 2.0", lines[0]);
        Assert.StartsWith("# Règles : ≥ 8 Mbit/s = elig_cd_3+4+5+6", lines[1]);
        Assert.StartsWith("niveau;code;nom;date;locaux;locaux_8mbits;locaux_30mbits;", lines[2]);
        var doubs = lines.Single(l => l.StartsWith("departement;25;", StringComparison.Ordinal)).Split(';');
        Assert.Equal(DemoSum("debit", "2021-12-31", "25", "nbr").ToString(System.Globalization.CultureInfo.InvariantCulture), doubs[4]);
        Assert.Equal(DemoSum("debit", "2021-12-31", "25", "elig_cd_4", "elig_cd_5", "elig_cd_6").ToString(System.Globalization.CultureInfo.InvariantCulture), doubs[6]);
        Assert.Equal(8, lines.Count - 3);
    }

    [Fact]
    public async Task The_commune_layer_carries_the_indicators_and_its_source()
    {
        var response = await Client.GetAsync("/api/observatory/debits/epci/242100410/communes.geojson", Token);
        var layer = await response.Content.ReadFromJsonAsync<JsonElement>(Token);

        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        var features = layer.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(23, features.Count);
        var dijon = features.Single(f => f.GetProperty("properties").GetProperty("code").GetString() == "21231").GetProperty("properties");
        Assert.Equal("2023-12-31", dijon.GetProperty("date").GetString());
        Assert.Equal(DemoSum("debit", "2023-12-31", "21231", "nbr"), dijon.GetProperty("locaux").GetInt64());
        Assert.InRange(dijon.GetProperty("taux_30mbits").GetDecimal(), 0m, 1m);
        Assert.Contains("données de démonstration synthétiques", layer.GetProperty("source").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("Licence Ouverte 2.0", layer.GetProperty("licence").GetString());
    }

    [Fact]
    public async Task The_openapi_document_lists_the_debits_endpoints()
    {
        var document = await Client.GetStringAsync("/openapi/v1.json", Token);

        foreach (var path in new[] { "/api/observatory/debits/{kind}/{code}", "/api/observatory/debits/{kind}/{code}/breakdown", "/api/observatory/debits/{kind}/{code}/breakdown.csv", "/api/observatory/debits/{kind}/{code}/communes.geojson" })
        {
            Assert.Contains($"\"{path}\"", document);
        }
    }

    [Fact]
    public async Task The_dashboard_shows_the_speeds_the_comparison_and_says_the_data_is_synthetic()
    {
        var html = WebUtility.HtmlDecode(await Client.GetStringAsync("/observatoire/commune/21231", Token));

        Assert.Contains("Débits au 31 décembre 2023", html);
        Assert.Contains("Données de démonstration synthétiques", html);
        Assert.Contains("data-testid=\"comparison\"", html);
        Assert.Contains("Dijon Métropole", html);
        Assert.Contains("Côte-d'Or", html);
        Assert.Contains("France (communes importées)", html);
        Assert.Matches(@"data-testid=""debits-source"">Source : Données de démonstration synthétiques", html);

        var region = WebUtility.HtmlDecode(await Client.GetStringAsync("/observatoire?indicateur=gigabit", Token));
        Assert.Contains("SCORAN BFC : très haut débit (≥ 30 Mbit/s) pour 100 % des locaux en 2022", region);
        Assert.Contains("SCORAN BFC : gigabit (≥ 1 Gbit/s) pour 100 % des locaux en 2025", region);
        Assert.Contains("(T4 2023)", region);
        Assert.Contains("indicateur=gigabit", region);
        Assert.Contains("Légende : part des locaux à 1 Gbit/s ou plus", region);
    }

    // Upload from the administration page, without changing the shared data: a damaged file and the demo file already imported.
    [Fact]
    public async Task Uploads_from_the_administration_page_refuse_a_damaged_file_and_skip_an_identical_one()
    {
        var email = await TestAccounts.CreateAsync(Services, ScoranRoles.DataManager);
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await TestAccounts.SignInAsync(client, email)).StatusCode);
        var before = await CountAsync();
        var demo = SharedData.ConnexionDemoFiles().First(f => Path.GetFileName(f).StartsWith("commune_debit_2023", StringComparison.Ordinal));

        async Task<string> UploadAsync(string fileName, byte[] bytes)
        {
            var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            var form = new MultipartFormDataContent { { new StringContent(ConnexionImporter.Kind), "kind" }, { content, $"{ConnexionImporter.Kind}-statistiques", fileName } };
            form.Add(new StringContent(await TestAccounts.AntiforgeryTokenAsync(client, "/admin/imports")), "__RequestVerificationToken");
            var response = await client.PostAsync("/admin/imports", form, Token);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Token));
        }

        var lines = await File.ReadAllLinesAsync(demo, Token);
        lines[3] = string.Join(',', lines[3].Split(',').Select((f, i) => i == 9 ? "beaucoup" : f));
        var refused = await UploadAsync("commune_debit.csv", System.Text.Encoding.UTF8.GetBytes(string.Join('\n', lines)));
        var skipped = await UploadAsync(Path.GetFileName(demo), await File.ReadAllBytesAsync(demo, Token));

        Assert.Contains("Import refusé, données inchangées.", refused);
        Assert.Contains("commune_debit.csv:4:10: nombre de locaux invalide : « beaucoup »", refused);
        Assert.Contains("déjà importé à l'identique", skipped);
        Assert.Equal(before, await CountAsync());
    }

    private async Task<(int Rows, long Sum)> CountAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ScoranDbContext>();
        return (await db.Set<ConnexionCommuneCount>().CountAsync(Token), await db.Set<ConnexionCommuneCount>().SumAsync(c => c.Value, Token));
    }

}

public sealed class SqliteDebitsApiTests(SqliteImportedTerritories imported) : DebitsApiTests(imported);

public sealed class PostgresDebitsApiTests(PostgresImportedTerritories imported) : DebitsApiTests(imported);
