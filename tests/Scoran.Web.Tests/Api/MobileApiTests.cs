using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Scoran.Accounts;
using Scoran.Data;
using Scoran.Testing;

namespace Scoran.Web.Tests.Api;

/// <summary>/api/observatory/mobile and the /observatoire/mobile pages over the shipped SYNTHETIC demo files (BFC, 2024T4 and 2025T4).</summary>
public abstract partial class MobileApiTests(MobileWebFixture fixture)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private HttpClient Client(IReadOnlyList<Scoran.Observatory.Mobile.CommuneOperatorMeasurements>? measurements = null)
    {
        TestDatabase.RequireEngine(fixture.Provider);
        return fixture.App(measurements).CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
    }

    private static async Task<JsonElement> JsonAsync(HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.GetAsync(url, Token);
        Assert.Equal(expected, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Token);
    }

    /// <summary>The demo file's rows, as columns by name.</summary>
    private static List<Dictionary<string, string>> Demo(string vintage)
    {
        var lines = File.ReadAllLines(Path.Combine(MobileWebFixture.DemoFolder, $"couverture-communes_{vintage}_synthetique.csv"));
        var header = lines[0].Split(',');
        return lines.Skip(1).Select(l => header.Zip(l.Split(',')).ToDictionary(x => x.First, x => x.Second)).ToList();
    }

    private static long L(string text) => long.Parse(text, CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_departement_gets_the_exact_sums_of_its_communes_with_a_synthetic_source()
    {
        var client = Client();
        var json = await JsonAsync(client, "/api/observatory/mobile/departement/21?millesime=2025T4");

        var rows = Demo("2025T4").Where(r => r["code_insee"].StartsWith("21", StringComparison.Ordinal)).ToList();
        var population = rows.GroupBy(r => r["code_insee"]).Sum(g => L(g.First()["pop_commune"]));
        var orange4G = rows.Where(r => r["operateur"] == "orange" && r["techno"] == "4G" && r["niveau"] == "bonne").Sum(r => L(r["pop_couverte"]));
        var withFourG = rows.Where(r => r["techno"] == "4G").Select(r => r["code_insee"]).ToHashSet();
        var communes = rows.Select(r => r["code_insee"]).ToHashSet();

        Assert.Equal("2025T4", json.GetProperty("vintage").GetString());
        Assert.Equal(["2024T4", "2025T4"], json.GetProperty("vintages").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal(population, json.GetProperty("population").GetInt64());
        var orange = json.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("operator").GetString() == "orange" && l.GetProperty("technology").GetString() == "4G" && l.GetProperty("level").GetString() == "bonne");
        Assert.Equal(orange4G, orange.GetProperty("share").GetProperty("populationCovered").GetInt64());
        Assert.Equal(Math.Round((decimal)orange4G / population, 6), orange.GetProperty("share").GetProperty("populationRate").GetDecimal());
        Assert.Equal(communes.Count(c => !withFourG.Contains(c)), json.GetProperty("whiteZoneCommunes").GetInt32());
        Assert.Equal(2, json.GetProperty("history").GetArrayLength());
        Assert.Equal("scoran-bfc-mobile-4g-2026", Assert.Single(json.GetProperty("targets").EnumerateArray()).GetProperty("id").GetString());
        Assert.True(json.GetProperty("source").GetProperty("synthetic").GetBoolean());
        Assert.StartsWith("Données de démonstration synthétiques", json.GetProperty("source").GetProperty("line").GetString());
        Assert.Equal("Licence Ouverte 2.0", json.GetProperty("source").GetProperty("licence").GetString());
    }

    [Fact]
    public async Task Downloads_carry_their_source_first_and_agree_with_the_json()
    {
        var client = Client();
        var json = await JsonAsync(client, "/api/observatory/mobile/region/27");

        var white = (await client.GetStringAsync("/api/observatory/mobile/region/27/zones-blanches.csv", Token)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var breakdown = (await client.GetStringAsync("/api/observatory/mobile/region/27/breakdown.csv", Token)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var sites = (await client.GetStringAsync("/api/observatory/mobile/region/27/new-deal.csv", Token)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var layer = await JsonAsync(client, "/api/observatory/mobile/departement/39/communes.geojson");

        Assert.StartsWith("\uFEFF# Source : Données de démonstration synthétiques", white[0]);
        Assert.Equal(json.GetProperty("whiteZoneCommunes").GetInt32(), white.Length - 3);
        Assert.StartsWith("\uFEFF# Source : Données de démonstration synthétiques", breakdown[0]);
        Assert.Equal(8, breakdown.Length - 3);
        Assert.Equal(json.GetProperty("population").GetInt64(), breakdown.Skip(3).Sum(l => L(l.Split(';')[5])));
        Assert.Equal(json.GetProperty("newDeal").GetProperty("total").GetInt32(), sites.Length - 3);
        // Provenance of the white-zone and New Deal downloads and pages: source, vintage and licence.
        Assert.Contains("couverture-communes_2025T4_synthetique.csv, millésime 2025T4, Licence Ouverte 2.0", white[0]);
        Assert.StartsWith("\uFEFF# Source : Données de démonstration synthétiques", sites[0]);
        Assert.Contains("new-deal-sites_2025T4_synthetique.csv, millésime 2025T4, Licence Ouverte 2.0", sites[0]);
        foreach (var url in new[] { "/observatoire/mobile/zones-blanches", "/observatoire/mobile/new-deal", "/observatoire/mobile" })
        {
            var html = WebUtility.HtmlDecode(await client.GetStringAsync(url, Token));
            Assert.Matches("class=\"source\"[^>]*>[^<]*(Source|Couverture annoncée) : Données de démonstration synthétiques[^<]*millésime 2025T4, Licence Ouverte 2.0", html);
        }
        Assert.StartsWith("Données de démonstration synthétiques", layer.GetProperty("source").GetString());
        Assert.Contains(layer.GetProperty("features").EnumerateArray(), f => f.GetProperty("properties").TryGetProperty("operateurs_4g", out _));
    }

    [Fact]
    public async Task A_bad_vintage_is_a_field_error_and_an_unknown_territory_a_404()
    {
        var client = Client();

        var bad = await client.GetAsync("/api/observatory/mobile/region/27?millesime=2031T9", Token);
        var unknown = await client.GetAsync("/api/observatory/mobile/commune/99999", Token);

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        Assert.True((await bad.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("errors").TryGetProperty("millesime", out _));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_pages_show_the_figures_with_their_source_and_say_they_are_synthetic()
    {
        var client = Client();

        var dashboard = WebUtility.HtmlDecode(await client.GetStringAsync("/observatoire/mobile", Token));
        var white = WebUtility.HtmlDecode(await client.GetStringAsync("/observatoire/mobile/zones-blanches/departement/58", Token));
        var sites = WebUtility.HtmlDecode(await client.GetStringAsync("/observatoire/mobile/new-deal", Token));
        var missing = await client.GetAsync("/observatoire/mobile/commune/99999", Token);

        Assert.Contains("<h1>Bourgogne-Franche-Comté", dashboard);
        Assert.Contains("Données de démonstration synthétiques", dashboard);
        Assert.Contains("Source : Données de démonstration synthétiques (pas des chiffres réels) — Scoran — données de démonstration synthétiques au format « Mon réseau mobile » d'Arcep, couverture-communes_2025T4_synthetique.csv, millésime 2025T4, Licence Ouverte 2.0", dashboard);
        Assert.Contains("SCORAN BFC : couverture mobile (bonne couverture 4G) pour 100 % de la population en 2026", dashboard);
        Assert.Contains("Zones blanches 4G — Nièvre", white);
        Assert.Contains("data-testid=\"white-zones\"", white);
        Assert.Contains("Données de démonstration synthétiques", sites);
        Assert.Contains("en retard", sites);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Without_measurements_the_comparison_page_and_api_say_so_gracefully()
    {
        var client = Client(measurements: null);

        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/observatoire/mobile/theorie-mesures", Token));
        var json = await JsonAsync(client, "/api/observatory/mobile/region/27/theorie-mesures");

        Assert.Contains("Les mesures participatives ne sont pas encore disponibles", page);
        Assert.False(json.GetProperty("measurementsAvailable").GetBoolean());
        Assert.Empty(json.GetProperty("rows").EnumerateArray());
    }

    [Fact]
    public async Task Measurements_that_contradict_an_announcement_are_listed_and_exported_with_their_evidence()
    {
        // Dijon: every operator is announced above 90 % in the demo (dense commune).
        var client = Client(MobileWebFixture.Contradicting("21231"));

        var json = await JsonAsync(client, "/api/observatory/mobile/departement/21/theorie-mesures");
        var csv = (await client.GetStringAsync("/api/observatory/mobile/departement/21/theorie-mesures.csv", Token)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/observatoire/mobile/theorie-mesures/departement/21", Token));
        var elsewhere = await JsonAsync(client, "/api/observatory/mobile/departement/25/theorie-mesures");

        Assert.True(json.GetProperty("measurementsAvailable").GetBoolean());
        Assert.Equal(1, json.GetProperty("contradictions").GetInt32());
        var row = json.GetProperty("rows")[0];
        Assert.Equal(("21231", "orange", 16, 6, true), (row.GetProperty("communeCode").GetString(), row.GetProperty("operator").GetString(),
            row.GetProperty("measurements").GetInt32(), row.GetProperty("evidence").GetInt32(), row.GetProperty("contradiction").GetBoolean()));
        Assert.False(json.GetProperty("rows")[1].GetProperty("contradiction").GetBoolean());
        Assert.StartsWith("\uFEFF# Couverture annoncée : Données de démonstration synthétiques", csv[0]);
        Assert.StartsWith("# Règle appliquée (réglages Scoran:Mobile:Contradiction) : contradiction si l'opérateur annonce une bonne couverture 4G pour au moins 90 %", csv[2]);
        Assert.Equal("# Seuils : AnnouncedShare=0.9;MinMeasurements=5;MinContributors=3;MinEvidence=3;MinEvidenceShare=0.3", csv[3]);
        Assert.StartsWith("21231;\"Dijon\";\"Orange\";", Assert.Single(csv.Skip(5)));
        Assert.EndsWith(";6;30.0;oui", csv[5]);
        Assert.Contains("Règle appliquée : l'opérateur annonce une bonne couverture 4G pour au moins 90 %", page);
        Assert.Contains("oui (6 preuves)", page);
        Assert.Empty(elsewhere.GetProperty("rows").EnumerateArray());
        // Aggregates only: nothing positional leaves the comparison.
        Assert.DoesNotContain("lat", json.GetRawText(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_contradiction_thresholds_are_settings_shown_with_the_list_and_bad_ones_stop_the_start()
    {
        TestDatabase.RequireEngine(fixture.Provider);
        // Dijon's Orange pair has 6 pieces of evidence: requiring 7 empties the list.
        await using var stricter = fixture.App(MobileWebFixture.Contradicting("21231"), new Dictionary<string, string>
        {
            ["Scoran:Mobile:Contradiction:MinEvidence"] = "7", ["Scoran:Mobile:Contradiction:MinMeasurements"] = "8",
        });
        var client = stricter.CreateClient();

        var json = await JsonAsync(client, "/api/observatory/mobile/departement/21/theorie-mesures");
        var csv = (await client.GetStringAsync("/api/observatory/mobile/departement/21/theorie-mesures.csv", Token)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/observatoire/mobile/theorie-mesures/departement/21", Token));

        Assert.Equal(0, json.GetProperty("contradictions").GetInt32());
        Assert.Equal(7, json.GetProperty("rule").GetProperty("minEvidence").GetInt32());
        Assert.Equal("# Seuils : AnnouncedShare=0.9;MinMeasurements=8;MinContributors=3;MinEvidence=7;MinEvidenceShare=0.3", csv[3]);
        Assert.Equal(5, csv.Length);
        Assert.Contains("dont au moins 7", page);

        // The real application built as Program builds it, started directly: WebApplicationFactory's
        // deferred host races with a start-up failure and sometimes reports a disposed provider instead.
        await using var broken = ScoranWebApp.Build(
        [
            "--environment=Testing", "--urls=http://127.0.0.1:0", "--Scoran:MigrateOnStart=false", "--Scoran:Logging:Json=false",
            $"--Scoran:Database:Provider={fixture.Database.Storage.Provider}", $"--ConnectionStrings:Scoran={fixture.Database.Storage.ConnectionString}",
            "--Scoran:Mobile:Contradiction:AnnouncedShare=90",
        ]);
        var refused = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() => broken.StartAsync(Token));
        Assert.Contains("Scoran:Mobile:Contradiction:AnnouncedShare : part entre 0 et 1", refused.Message);
    }

    [Fact]
    public async Task Antenna_sites_are_counted_per_operator_and_technology_with_their_source_and_no_position()
    {
        var client = Client();

        var json = await JsonAsync(client, "/api/observatory/mobile/departement/21/antennes");
        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/observatoire/mobile/departement/21", Token));
        var missing = await client.GetAsync("/api/observatory/mobile/commune/89024/antennes", Token);

        Assert.Equal(("2018T1", 4, 3, 2), (json.GetProperty("vintage").GetString(), json.GetProperty("sites").GetInt32(), json.GetProperty("communes").GetInt32(), json.GetProperty("communesWith4G").GetInt32()));
        var orange = json.GetProperty("byOperator")[0];
        Assert.Equal(("orange", 2, 1), (orange.GetProperty("operator").GetString(), orange.GetProperty("sites").GetInt32(), orange.GetProperty("sites4G").GetInt32()));
        Assert.Contains("millésime 2018T1, Licence Ouverte 2.0", json.GetProperty("source").GetProperty("line").GetString());
        // Counts only: the stored positions are not published.
        Assert.DoesNotContain("latitude", json.GetRawText(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("longitude", json.GetRawText(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Sites d'antennes mobiles au T1 2018", page);
        Assert.Contains("Source : Arcep — « Mon réseau mobile » (sites mobiles 2G/3G/4G/5G par opérateur)", page);
        // A commune with no site still answers, with zero counts; the latest list is the territory's figure.
        Assert.Equal(HttpStatusCode.OK, missing.StatusCode);
        var openApi = await client.GetStringAsync("/openapi/v1.json", Token);
        Assert.Contains("/antennes\"", openApi);
        Assert.Contains("GetMobileAntennaSites", openApi);
    }

    [Fact]
    public async Task The_upload_page_offers_the_mobile_kinds_and_refuses_an_unmapped_layout_naming_its_missing_columns()
    {
        var factory = fixture.App(null);
        TestDatabase.RequireEngine(fixture.Provider);
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var email = await TestAccounts.CreateAsync(factory.Services, ScoranRoles.DataManager);
        Assert.Equal(HttpStatusCode.Redirect, (await TestAccounts.SignInAsync(client, email)).StatusCode);

        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/admin/imports", Token));
        var form = new MultipartFormDataContent
        {
            { new StringContent("arcep-mobile"), "kind" },
            { new StringContent(await TestAccounts.AntiforgeryTokenAsync(client, "/admin/imports")), "__RequestVerificationToken" },
        };
        var content = new ByteArrayContent("code_insee,operateur,techno,pop_couverte\n21231,orange,4G,1\n"u8.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(content, "arcep-mobile-couverture", "couverture-2025T4.csv");
        var response = await client.PostAsync("/admin/imports", form, Token);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Token));

        Assert.Contains("Arcep — « Mon réseau mobile » : couverture théorique par commune", page);
        Assert.Contains("Arcep — New Deal mobile : sites du dispositif de couverture ciblée", page);
        Assert.Contains("Arcep — « Mon réseau mobile » : sites d'antennes mobiles", page);
        Assert.Contains("aucun mapping ne correspond", html);
        Assert.Contains("« niveau », « surf_couverte_km2 », « pop_commune », « surf_commune_km2 »", html);

        // The verified L93 site list, named as the publisher names it: its vintage (2018T1) comes from the name, and the
        // fixture database already holds this very content, so the upload is recognised as identical and changes nothing.
        var sitesForm = new MultipartFormDataContent
        {
            { new StringContent("arcep-mobile-antennas"), "kind" },
            { new StringContent(await TestAccounts.AntiforgeryTokenAsync(client, "/admin/imports")), "__RequestVerificationToken" },
        };
        var sitesContent = new ByteArrayContent(await File.ReadAllBytesAsync(MobileWebFixture.AntennaFixture, Token));
        sitesContent.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        sitesForm.Add(sitesContent, "arcep-mobile-antennas-sites", "2018_01_Sites_mobiles_2G_3G_4G_France_metropolitaine_L93.csv");
        var sitesHtml = WebUtility.HtmlDecode(await (await client.PostAsync("/admin/imports", sitesForm, Token)).Content.ReadAsStringAsync(Token));
        Assert.Contains("Fichier sites d'antennes mobiles, millésime 2018T1 déjà importé à l'identique : rien n'a changé.", sitesHtml);
    }
}

public sealed class SqliteMobileApiTests(SqliteMobileWebFixture fixture) : MobileApiTests(fixture), IClassFixture<SqliteMobileWebFixture>;

public sealed class PostgresMobileApiTests(PostgresMobileWebFixture fixture) : MobileApiTests(fixture), IClassFixture<PostgresMobileWebFixture>;
