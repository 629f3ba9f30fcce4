using Microsoft.Playwright;
using Scoran.Testing;
using Scoran.Web.Tests.Api;

namespace Scoran.Web.Tests.Browser;

/// <summary>
/// The mobile observatory in Chromium, on a database of its own holding the SYNTHETIC demo, with a
/// test double of the measurements contract so the theory-vs-measured list has something to show.
/// </summary>
public sealed class MobileBrowserFixture : ChromiumFixture
{
    private readonly SqliteMobileWebFixture _data = new();

    protected override async Task<Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program>> StartApplicationAsync()
    {
        await _data.InitializeAsync();
        return Serve(_data.App(MobileWebFixture.Contradicting("21231")));
    }

    protected override ValueTask DisposeDataAsync() => _data.DisposeAsync();
}

/// <summary>An official checks mobile coverage: the région's dashboard and map, a département's white zones, then the communes where measurements contradict the announcement.</summary>
public sealed class MobileBrowserTests(MobileBrowserFixture browser) : IClassFixture<MobileBrowserFixture>
{
    [Fact]
    public async Task Read_the_region_dashboard_then_the_white_zones_and_the_theory_vs_measured_list()
    {
        await browser.RunAsync("observatoire-mobile", async page =>
        {
            await page.GotoAsync("/observatoire");
            await page.GetByRole(AriaRole.Link, new() { Name = "Couverture mobile de ce territoire" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Bourgogne-Franche-Comté");
            await Assertions.Expect(page.GetByTestId("mobile-synthetic")).ToContainTextAsync("Données de démonstration synthétiques");
            await Assertions.Expect(page.GetByTestId("mobile-4g-rate")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+,\d %$"));
            await Assertions.Expect(page.GetByTestId("mobile-source")).ToContainTextAsync("millésime 2025T4, Licence Ouverte 2.0");
            await Assertions.Expect(page.GetByTestId("mobile-antennas-source")).ToContainTextAsync("millésime 2018T1, Licence Ouverte 2.0");
            await Assertions.Expect(page.Locator("#graphique-mobile")).ToHaveAttributeAsync("data-rendered", "2");
            await Assertions.Expect(page.GetByTestId("mobile-targets")).ToContainTextAsync("100 % de la population en 2026");
            var map = page.Locator("#carte-mobile");
            await Assertions.Expect(map).ToHaveAttributeAsync("data-loaded", "true", new() { Timeout = 60_000 });
            await Assertions.Expect(map).ToHaveAttributeAsync("data-valued", "3685");
            await Assertions.Expect(page.GetByTestId("map-legend")).ToHaveAttributeAsync("aria-label", "Légende : part de la population couverte en 4G par au moins un opérateur");
            await map.Locator("xpath=..").ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "observatoire-mobile-carte.png") });

            // From announced coverage to what people measure: the measurements, contribute and campaigns pages are one click away.
            var measurementLinks = page.GetByTestId("mobile-measurement-links");
            await Assertions.Expect(measurementLinks.GetByRole(AriaRole.Link, new() { Name = "Déposer une mesure" })).ToHaveAttributeAsync("href", "/observatoire/mesures/contribuer");
            await Assertions.Expect(measurementLinks.GetByRole(AriaRole.Link, new() { Name = "Campagnes de mesure" })).ToHaveAttributeAsync("href", "/observatoire/mesures/campagnes");
            await measurementLinks.GetByRole(AriaRole.Link, new() { Name = "Mesures de qualité mobile (Bourgogne-Franche-Comté)" }).ClickAsync();
            await page.WaitForURLAsync("**/observatoire/mesures/region/27");
            await page.GoBackAsync();

            // The previous vintage, chosen with the keyboard-accessible form.
            await page.GetByLabel("Millésime", new() { Exact = true }).SelectOptionAsync("2024T4");
            await page.GetByRole(AriaRole.Button, new() { Name = "Afficher" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Chiffres clés au T4 2024" })).ToBeVisibleAsync();

            await page.GetByTestId("mobile-breakdown").GetByRole(AriaRole.Link, new() { Name = "Nièvre" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Nièvre");
            var whiteCount = await page.GetByTestId("mobile-white-zones").InnerTextAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Zones blanches 4G", Exact = true }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Zones blanches 4G — Nièvre");
            await Assertions.Expect(page.GetByTestId("white-zone-count")).ToHaveTextAsync(whiteCount.Trim());
            await Assertions.Expect(page.GetByTestId("white-zones").Locator("tbody tr")).ToHaveCountAsync(int.Parse(whiteCount.Trim(), System.Globalization.CultureInfo.GetCultureInfo("fr-FR")));
            await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "observatoire-mobile-zones-blanches.png"), FullPage = true });

            await page.GotoAsync("/observatoire/mobile/theorie-mesures/departement/21");
            await Assertions.Expect(page.GetByTestId("theory-count")).ToHaveTextAsync("1");
            var first = page.GetByTestId("theory-rows").Locator("tbody tr").First;
            await Assertions.Expect(first).ToContainTextAsync("Dijon (21231)");
            await Assertions.Expect(first).ToContainTextAsync("oui (6 preuves)");
            await Assertions.Expect(page.GetByTestId("theory-rule")).ToContainTextAsync("Règle appliquée : l'opérateur annonce une bonne couverture 4G pour au moins 90 % de la population");
            await Assertions.Expect(page.GetByTestId("theory-source")).ToContainTextAsync("millésime 2025T4, Licence Ouverte 2.0");
            var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Télécharger la liste pour le dispositif de couverture ciblée (CSV)" }).ClickAsync());
            Assert.Equal("theorie-mesures-departement-21.csv", download.SuggestedFilename);
        });
    }

    [Theory]
    [InlineData("/observatoire/mobile")]
    [InlineData("/observatoire/mobile/departement/21")]
    [InlineData("/observatoire/mobile/zones-blanches")]
    [InlineData("/observatoire/mobile/new-deal")]
    [InlineData("/observatoire/mobile/theorie-mesures/departement/21")]
    public async Task Mobile_page_has_no_wcag_a_or_aa_violation(string url)
    {
        var violations = new List<string?>();
        await browser.RunAsync("a11y" + string.Concat(url.Select(c => char.IsLetterOrDigit(c) ? c : '-')).TrimEnd('-'), async page =>
        {
            await page.GotoAsync(url);
            await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = Path.Combine(SharedData.RepositoryRoot, "node_modules", "axe-core", "axe.min.js") });
            var result = await page.EvaluateAsync<System.Text.Json.JsonElement>(
                "async () => (await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })).violations" +
                ".map(v => v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))");
            violations.AddRange(result.EnumerateArray().Select(v => v.GetString()));
        });

        Assert.Empty(violations);
    }
}
