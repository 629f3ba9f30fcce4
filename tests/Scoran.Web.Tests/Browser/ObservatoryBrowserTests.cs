using Microsoft.Playwright;

namespace Scoran.Web.Tests.Browser;

/// <summary>An official following fibre deployment: open the région dashboard, change the quarter, drill down, download.</summary>
public sealed class ObservatoryBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Open_the_bfc_dashboard_change_the_quarter_drill_down_and_download_the_table()
    {
        await browser.RunAsync("observatoire-bfc", async page =>
        {
            await page.GotoAsync("/");
            await page.GetByRole(AriaRole.Navigation, new() { Name = "Navigation principale" }).GetByRole(AriaRole.Link, new() { Name = "Observatoire" }).ClickAsync();

            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Bourgogne-Franche-Comté");
            await Assertions.Expect(page.GetByTestId("ftth-connectable")).ToHaveTextAsync("244\u202f643");
            await Assertions.Expect(page.GetByTestId("ftth-source")).ToContainTextAsync("publication T1 2018");
            await Assertions.Expect(page.Locator("#graphique-ftth")).ToHaveAttributeAsync("data-rendered", "3");

            await page.GetByLabel("Trimestre", new() { Exact = true }).SelectOptionAsync("20174");
            await page.GetByRole(AriaRole.Button, new() { Name = "Afficher" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Chiffres clés au T4 2017" })).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByTestId("ftth-connectable")).ToHaveTextAsync("219\u202f873");
            var map = page.Locator("#carte-ftth");
            await Assertions.Expect(map).ToHaveAttributeAsync("data-loaded", "true", new() { Timeout = 60_000 });
            await Assertions.Expect(map).ToHaveAttributeAsync("data-values", new System.Text.RegularExpressions.Regex("trimestre=20174$"));
            await Assertions.Expect(map).ToHaveAttributeAsync("data-valued", "3685");
            await map.Locator("xpath=..").ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "observatoire-carte-T4-2017.png") });

            var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Télécharger ce tableau (CSV)" }).ClickAsync());
            var path = Path.Combine(BrowserFixture.ScreenshotFolder, download.SuggestedFilename);
            await download.SaveAsAsync(path);
            Assert.Equal("ftth-region-27-20174.csv", download.SuggestedFilename);
            Assert.Contains("departement;25;\"Doubs\";T4 2017;77885;", await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken));

            await page.GetByRole(AriaRole.Link, new() { Name = "Doubs" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Doubs");
            await Assertions.Expect(page.GetByTestId("ftth-connectable")).ToHaveTextAsync("77\u202f885");
        });
    }
}
