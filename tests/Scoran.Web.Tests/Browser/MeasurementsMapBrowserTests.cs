using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Scoran.Accounts;
using Scoran.Data;
using Scoran.Observatory.Measurements;
using Scoran.Testing;
using Scoran.Web.Tests.Api;

namespace Scoran.Web.Tests.Browser;

/// <summary>
/// The measurements seen in a real browser: the map of published cells, a campaign followed live
/// (a new measurement posted through the API shows without a reload, operator table and commune list
/// included), its report downloaded and fitting the page, and a data manager revoking then reactivating
/// a contributor token. On a database of its own, with k = 2.
/// </summary>
public sealed partial class MeasurementsMapBrowserTests
{
    [GeneratedRegex("^[1-9][0-9]*$")]
    private static partial Regex Positive();

    [GeneratedRegex("Mis à jour à \\d{2}:\\d{2}:\\d{2}")]
    private static partial Regex UpdatedAt();

    /// <summary>The tables of a selector wider than the content box of main (or than the window), by test id; empty when all fit.</summary>
    private const string OverflowingTables = """
        selector => {
          const main = document.querySelector("main");
          const style = getComputedStyle(main);
          const right = Math.min(main.getBoundingClientRect().right - parseFloat(style.paddingRight), document.documentElement.clientWidth);
          return Array.from(document.querySelectorAll(selector))
            .filter(t => t.getBoundingClientRect().right > right + 0.5)
            .map(t => t.dataset.testid + ":" + Math.round(t.getBoundingClientRect().right) + ">" + Math.round(right)).join(" ");
        }
        """;

    [Fact]
    public async Task The_map_shows_published_cells_a_campaign_updates_live_its_report_downloads_and_a_manager_revokes_and_reactivates_a_token()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var database = await MeasurementsTestData.CreateAsync(DatabaseProvider.Sqlite, "measmapbrowser");
        await using var factory = new ScoranAppFactory(database.Storage, new Dictionary<string, string>
        {
            ["Scoran:Measurements:MinimumContributors"] = "2",
            ["Scoran:Measurements:RequestsPerMinute"] = "1000",
        });
        factory.UseKestrel(0);
        factory.StartServer();
        var email = await TestAccounts.CreateAsync(factory.Services, ScoranRoles.DataManager);
        var today = TestClock.Today;
        string secret;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var campaigns = scope.ServiceProvider.GetRequiredService<MeasurementCampaigns>();
            var (_, errors) = await campaigns.CreateAsync(new CampaignDraft("dijon-carte", "Dijon cartographiée", "departement", "21", today.AddDays(-1), today.AddDays(3), "", "Une mesure par rue."), email, cancellation);
            Assert.Null(errors);
            secret = await campaigns.IssueTokenAsync("Équipe carte", "dijon-carte", email, cancellation);
        }

        using var api = new HttpClient { BaseAddress = factory.ClientOptions.BaseAddress };
        async Task<HttpStatusCode> Post(object item, string? token = null)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/measurements") { Content = JsonContent.Create(item) };
            if (token is not null)
            {
                request.Headers.Add("X-Contributor-Token", token);
            }

            return (await api.SendAsync(request, cancellation)).StatusCode;
        }

        // Two phones in one Dijon cell (published with k = 2), one in Beaune (masked).
        Assert.Equal(HttpStatusCode.OK, await Post(MeasurementsTestData.Item("m1", 47.3220, 5.0415, "phone-1", campaign: "dijon-carte")));
        Assert.Equal(HttpStatusCode.OK, await Post(MeasurementsTestData.Item("m2", 47.3221, 5.0416, "phone-2", op: "20820", campaign: "dijon-carte")));
        Assert.Equal(HttpStatusCode.OK, await Post(MeasurementsTestData.Item("m3", 47.0260, 4.8400, "phone-3", campaign: "dijon-carte")));

        var browser = await ChromiumFixture.SharedBrowserAsync();
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = factory.ClientOptions.BaseAddress.ToString(),
            Locale = "fr-FR",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            AcceptDownloads = true,
        });
        var page = await context.WithBusyMachineTimeouts().NewPageAsync();
        var shot = "mesures-carte";
        try
        {
            // The map of the département draws the one published cell, rendered on the canvas.
            await page.GotoAsync("/observatoire/mesures/departement/21");
            var map = page.Locator("#carte-mesures");
            await Assertions.Expect(map).ToHaveAttributeAsync("aria-label", new Regex("^Carte des mailles d'environ 1 km publiées"));
            await Assertions.Expect(map).ToHaveAttributeAsync("data-cells", "1", new() { Timeout = 60_000 });
            await Assertions.Expect(map).ToHaveAttributeAsync("data-cells-rendered", Positive());
            await Assertions.Expect(page.GetByTestId("cells-masked")).ToContainTextAsync("1 maille(s) publiée(s) ; 1 maille(s) masquée(s) (moins de 2 contributeurs distincts)");
            await Assertions.Expect(page.GetByTestId("count-21231")).ToHaveTextAsync("2");
            await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "mesures-carte.png"), FullPage = true });

            // Bouygues Telecom alone has one phone in that cell: below k, nothing drawn.
            await page.GetByLabel("Opérateur").SelectOptionAsync("20820");
            await page.GetByRole(AriaRole.Button, new() { Name = "Filtrer la carte" }).ClickAsync();
            await Assertions.Expect(page.Locator("#carte-mesures")).ToHaveAttributeAsync("data-cells", "0", new() { Timeout = 60_000 });
            await Assertions.Expect(page.GetByTestId("cells-masked")).ToContainTextAsync("0 maille(s) publiée(s) ; 1 maille(s) masquée(s)");
            // The commune table follows the same filter: Dijon has one Bouygues phone, below k, so no commune; the page says which filter is active.
            await Assertions.Expect(page.GetByTestId("active-filter")).ToContainTextAsync("Filtre actif : Bouygues Telecom");
            await Assertions.Expect(page.GetByTestId("no-measurements")).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByTestId("count-21231")).ToHaveCountAsync(0);
            await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "mesures-carte-filtre.png"), FullPage = true });

            // The campaign page, followed live: a third phone posts and the counter moves without a reload.
            shot = "mesures-campagne-direct";
            await page.GotoAsync("/observatoire/mesures/campagnes/dijon-carte");
            await Assertions.Expect(page.GetByTestId("live-measurements")).ToHaveTextAsync("3");
            await Assertions.Expect(page.Locator("#graphique-campagne")).ToHaveAttributeAsync("data-rendered", "3");
            await Assertions.Expect(page.Locator("#carte-campagne")).ToHaveAttributeAsync("data-cells", "1", new() { Timeout = 60_000 });
            var orangeCount = page.GetByTestId("campaign-operators").Locator("tbody tr", new() { HasText = "Orange" }).Locator("td").Nth(1);
            await Assertions.Expect(orangeCount).ToHaveTextAsync("2");
            await Assertions.Expect(page.GetByTestId("campaign-communes")).ToHaveTextAsync("Communes au-dessus du seuil de contributeurs : Dijon (2)");
            await page.EvaluateAsync("() => { window.scoranNotReloaded = true; }");
            Assert.Equal(HttpStatusCode.OK, await Post(MeasurementsTestData.Item("m4", 47.3222, 5.0417, "phone-4", campaign: "dijon-carte")));
            await Assertions.Expect(page.GetByTestId("live-measurements")).ToHaveTextAsync("4", new() { Timeout = 40_000 });
            await Assertions.Expect(page.GetByTestId("live-contributors")).ToHaveTextAsync("4");
            await Assertions.Expect(page.GetByTestId("campaign-updated")).ToHaveTextAsync(UpdatedAt());
            await Assertions.Expect(page.Locator("#graphique-campagne")).ToHaveAttributeAsync("data-rendered", "4");
            // The operator report and the commune list below follow too (Beaune, one phone, stays below k).
            await Assertions.Expect(orangeCount).ToHaveTextAsync("3");
            await Assertions.Expect(page.GetByTestId("campaign-operators").Locator("tbody tr", new() { HasText = "Orange" }).Locator("td").Nth(3)).ToHaveTextAsync("31,5");
            await Assertions.Expect(page.GetByTestId("campaign-communes")).ToHaveTextAsync("Communes au-dessus du seuil de contributeurs : Dijon (3)");
            await Assertions.Expect(page.GetByText("Chiffres à l'ouverture de la page")).ToHaveCountAsync(0);
            Assert.Equal("", await page.EvaluateAsync<string>(OverflowingTables, "[data-testid=campaign-operators]"));
            Assert.True(await page.EvaluateAsync<bool>("() => window.scoranNotReloaded === true"));
            await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "mesures-campagne-direct.png"), FullPage = true });

            // Its report, printable, and downloaded as XLSX.
            shot = "mesures-bilan";
            await page.GetByRole(AriaRole.Link, new() { Name = "Bilan imprimable de la campagne" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Bilan de la campagne « Dijon cartographiée »");
            await Assertions.Expect(page.GetByTestId("report-communes")).ToContainTextAsync("Dijon (21231)");
            await Assertions.Expect(page.GetByTestId("report-communes")).Not.ToContainTextAsync("Beaune");
            var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("report-xlsx").ClickAsync());
            Assert.Equal("bilan-campagne-dijon-carte.xlsx", download.SuggestedFilename);
            var saved = Path.Combine(Path.GetTempPath(), $"bilan-{Guid.NewGuid():N}.xlsx");
            await download.SaveAsAsync(saved);
            using (var workbook = SpreadsheetDocument.Open(saved, false))
            {
                var text = string.Join("|", workbook.WorkbookPart!.WorksheetParts.SelectMany(p => p.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>()).Select(c => c.InnerText));
                Assert.Contains("k = 2 contributeurs distincts", text);
                Assert.Contains("21231|Dijon|3|3", text);
            }

            File.Delete(saved);
            // Every report table fits the page body: on a 1,440 px screen, and printed (A4 body ≈ 186 mm ≈ 703 px at 96 dpi).
            await page.SetViewportSizeAsync(1440, 900);
            Assert.Equal("", await page.EvaluateAsync<string>(OverflowingTables, ".campaign-report table"));
            await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "mesures-bilan.png"), FullPage = true });
            await page.EmulateMediaAsync(new() { Media = Media.Print });
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Imprimer ou enregistrer en PDF" })).ToBeHiddenAsync();
            Assert.Equal("", await page.EvaluateAsync<string>(OverflowingTables, ".campaign-report table"));
            await page.SetViewportSizeAsync(703, 900);
            Assert.Equal("", await page.EvaluateAsync<string>(OverflowingTables, ".campaign-report table"));
            await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "mesures-bilan-impression.png"), FullPage = true });
            await page.EmulateMediaAsync(new() { Media = Media.Screen });
            await page.SetViewportSizeAsync(1280, 900);

            // A data manager revokes the campaign team's token; the API then refuses it.
            shot = "mesures-jetons";
            Assert.Equal(HttpStatusCode.OK, await Post(MeasurementsTestData.Item("t1", 47.3220, 5.0415, "x", campaign: "dijon-carte"), secret));
            await page.GotoAsync("/compte/connexion?ReturnUrl=%2Fobservatoire%2Fmesures");
            await page.GetByLabel("Adresse électronique").FillAsync(email);
            await page.GetByLabel("Mot de passe").FillAsync(TestAccounts.Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
            await page.GotoAsync("/observatoire/mesures");
            await page.GetByRole(AriaRole.Link, new() { Name = "Jetons de contributeur" }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("tokens")).ToContainTextAsync("Équipe carte");
            await page.GetByRole(AriaRole.Button, new() { Name = "Révoquer le jeton « Équipe carte »" }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("token-revoked")).ToContainTextAsync("Jeton « Équipe carte » révoqué le");
            await Assertions.Expect(page.GetByTestId("tokens")).ToContainTextAsync("révoqué le");
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Révoquer le jeton « Équipe carte »" })).ToHaveCountAsync(0);
            Assert.Equal(HttpStatusCode.BadRequest, await Post(MeasurementsTestData.Item("t2", 47.3220, 5.0415, "x", campaign: "dijon-carte"), secret));
            // The phone was found: the manager reactivates the token (the campaign is still running) and it is accepted again.
            await page.GetByRole(AriaRole.Button, new() { Name = "Réactiver le jeton « Équipe carte »" }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("token-reactivated")).ToContainTextAsync("Jeton « Équipe carte » réactivé");
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Révoquer le jeton « Équipe carte »" })).ToHaveCountAsync(1);
            Assert.Equal(HttpStatusCode.OK, await Post(MeasurementsTestData.Item("t3", 47.3220, 5.0415, "x", campaign: "dijon-carte"), secret));
            await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "mesures-jetons.png"), FullPage = true });
            shot = "";
        }
        finally
        {
            if (shot.Length > 0)
            {
                await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, shot + "-echec.png"), FullPage = true });
            }

            await context.CloseAsync();
        }
    }
}
