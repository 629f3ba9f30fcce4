using Microsoft.Playwright;
using Scoran.Web.Tests.Api;

namespace Scoran.Web.Tests.Browser;

/// <summary>The demo coverage and the SYNTHETIC demo antenna list (2025T4), as ./scoran.sh run loads them.</summary>
public sealed class MobileAntennaBrowserFixture : ChromiumFixture
{
    private readonly SqliteMobileDemoAntennasFixture _data = new();

    protected override async Task<Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program>> StartApplicationAsync()
    {
        await _data.InitializeAsync();
        return Serve(_data.App(null));
    }

    protected override ValueTask DisposeDataAsync() => _data.DisposeAsync();
}

/// <summary>An official switches the coverage map to antenna sites per commune, then narrows it to one operator in 4G.</summary>
public sealed class MobileAntennaBrowserTests(MobileAntennaBrowserFixture browser) : IClassFixture<MobileAntennaBrowserFixture>
{
    [Fact]
    public async Task Show_antenna_sites_per_commune_on_the_map_for_an_operator_and_a_technology()
    {
        var demo = File.ReadAllLines(MobileWebFixture.DemoAntennaList).Skip(1).Select(l => l.Split(';')).ToList();
        await browser.RunAsync("mobile-antennes-parcours", async page =>
        {
            await page.GotoAsync("/observatoire/mobile");
            await Assertions.Expect(page.GetByTestId("mobile-antennas-synthetic")).ToContainTextAsync("Données de démonstration synthétiques");
            await Assertions.Expect(page.GetByTestId("mobile-antennas-source")).ToContainTextAsync("sites-antennes-l93_2025T4_synthetique.csv, millésime 2025T4");
            var map = page.Locator("#carte-mobile");
            await Assertions.Expect(map).ToHaveAttributeAsync("data-loaded", "true", new() { Timeout = 60_000 });
            await Assertions.Expect(page.GetByTestId("antenna-legend")).ToBeHiddenAsync();
            await Assertions.Expect(page.GetByLabel("Opérateur", new() { Exact = true })).ToBeDisabledAsync();

            await page.GetByLabel("Afficher le nombre de sites d'antennes par commune").CheckAsync();
            await Assertions.Expect(map).ToHaveAttributeAsync("data-antennas", "on", new() { Timeout = 30_000 });
            await Assertions.Expect(page.GetByTestId("antenna-legend")).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByTestId("map-legend")).ToBeHiddenAsync();
            // Every demo site lies in a BFC commune: the layer counts them all.
            await Assertions.Expect(map).ToHaveAttributeAsync("data-antenna-sites", demo.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await Assertions.Expect(page.GetByTestId("antenna-summary")).ToContainTextAsync("Tous les opérateurs, toutes technologies");

            await page.GetByLabel("Opérateur", new() { Exact = true }).SelectOptionAsync("orange");
            await page.GetByLabel("Technologie", new() { Exact = true }).SelectOptionAsync("4G");
            var orange4G = demo.Count(d => d[0] == "20801" && d[5] == "1");
            await Assertions.Expect(map).ToHaveAttributeAsync("data-antenna-sites", orange4G.ToString(System.Globalization.CultureInfo.InvariantCulture), new() { Timeout = 30_000 });
            await Assertions.Expect(map).ToHaveAttributeAsync("data-antennas", "on", new() { Timeout = 30_000 });
            await Assertions.Expect(page.GetByTestId("antenna-summary")).ToContainTextAsync("Orange, 4G : ");
            await page.GetByTestId("mobile-antenna-layer").Locator("xpath=..").ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "mobile-antennes.png") });

            var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Sites d'antennes par commune, opérateur et technologie (CSV)" }).ClickAsync());
            Assert.Equal("antennes-region-27-2025T4.csv", download.SuggestedFilename);

            await page.GetByLabel("Afficher le nombre de sites d'antennes par commune").UncheckAsync();
            await Assertions.Expect(map).ToHaveAttributeAsync("data-antennas", "off");
            await Assertions.Expect(page.GetByTestId("map-legend")).ToBeVisibleAsync();
        });
    }
}
