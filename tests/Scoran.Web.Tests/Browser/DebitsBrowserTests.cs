using Microsoft.Playwright;

namespace Scoran.Web.Tests.Browser;

/// <summary>An official reading speeds: key figures, switch the map indicator, compare a commune with its parents, download.</summary>
public sealed class DebitsBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Switch_the_map_to_gigabit_then_compare_dijon_with_its_parent_territories()
    {
        await browser.RunAsync("observatoire-debits", async page =>
        {
            await page.GotoAsync("/observatoire");
            var debits = page.GetByTestId("debits");
            await Assertions.Expect(debits.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToHaveTextAsync("Débits au 31 décembre 2023 (« Ma connexion internet »)");
            await Assertions.Expect(page.GetByTestId("debits-synthetic")).ToContainTextAsync("Données de démonstration synthétiques");
            await Assertions.Expect(page.GetByTestId("debits-thd30")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+,\d %$"));
            await Assertions.Expect(page.Locator("#graphique-debits")).ToHaveAttributeAsync("data-rendered", "3");

            await page.GetByLabel("Indicateur de la carte", new() { Exact = true }).SelectOptionAsync("gigabit");
            await page.GetByRole(AriaRole.Button, new() { Name = "Changer d'indicateur" }).ClickAsync();
            var map = page.Locator("#carte-ftth");
            await Assertions.Expect(map).ToHaveAttributeAsync("data-values", new System.Text.RegularExpressions.Regex("indicateur=gigabit$"));
            await Assertions.Expect(map).ToHaveAttributeAsync("data-loaded", "true", new() { Timeout = 60_000 });
            await Assertions.Expect(map).ToHaveAttributeAsync("data-valued", "3685");
            await Assertions.Expect(page.GetByTestId("map-legend")).ToHaveAttributeAsync("aria-label", "Légende : part des locaux à 1 Gbit/s ou plus");
            await Assertions.Expect(page.GetByLabel("Indicateur de la carte", new() { Exact = true })).ToHaveValueAsync("gigabit");
            await map.Locator("xpath=..").ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "observatoire-carte-gigabit.png") });

            await page.GotoAsync("/observatoire/commune/21231");
            var comparison = page.GetByTestId("comparison");
            await Assertions.Expect(comparison.Locator("tbody tr")).ToHaveCountAsync(5);
            await Assertions.Expect(comparison.Locator("tbody tr").Nth(1)).ToContainTextAsync("Dijon Métropole");
            await Assertions.Expect(comparison.Locator("tbody tr").Nth(4)).ToContainTextAsync("France (communes importées)");
            await comparison.GetByRole(AriaRole.Link, new() { Name = "Côte-d'Or" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Côte-d'Or");

            // The EPCI table sorts by gigabit share, highest first.
            var table = page.GetByTestId("debits-breakdown");
            var gigabit = table.GetByRole(AriaRole.Button, new() { Name = "≥ 1 Gbit/s", Exact = true });
            await gigabit.ClickAsync();
            await gigabit.ClickAsync();
            await Assertions.Expect(table).ToHaveAttributeAsync("data-sorted", "5-desc");
            var shares = await table.Locator("tbody tr td:nth-child(6)").EvaluateAllAsync<double[]>("cells => cells.map(c => Number(c.dataset.sort))");
            Assert.Equal(shares.OrderDescending(), shares);
            Assert.True(shares.Length > 10);

            var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "les débits des territoires contenus (CSV)" }).ClickAsync());
            var path = Path.Combine(BrowserFixture.ScreenshotFolder, download.SuggestedFilename);
            await download.SaveAsAsync(path);
            Assert.Equal("debits-departement-21-2023-12-31.csv", download.SuggestedFilename);
            var lines = await File.ReadAllLinesAsync(path, TestContext.Current.CancellationToken);
            Assert.StartsWith("\uFEFF# Source : Données de démonstration synthétiques", lines[0]);
            Assert.Contains(lines, l => l.StartsWith("epci;242100410;\"Dijon Métropole\";2023-12-31;", StringComparison.Ordinal));
        });
    }
}
