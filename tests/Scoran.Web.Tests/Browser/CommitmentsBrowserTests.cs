using Microsoft.Playwright;

namespace Scoran.Web.Tests.Browser;

/// <summary>An official checking operators' fibre commitments, then how a figure moved between releases.</summary>
public sealed class CommitmentsBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task From_the_dashboard_open_the_commitments_sort_by_gap_filter_an_operator_and_download()
    {
        await browser.RunAsync("observatoire-engagements", async page =>
        {
            await page.GotoAsync("/observatoire");
            await page.GetByRole(AriaRole.Link, new() { Name = "Engagements des opérateurs sur ce territoire" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Engagements des opérateurs — Bourgogne-Franche-Comté");
            await Assertions.Expect(page.GetByTestId("by-operator")).ToContainTextAsync("Orange (FRTE)");

            // Sort the commune table by gap, largest first: Dijon (26 482 premises short of 92 % in 2020) leads the 2020 rows.
            var table = page.GetByTestId("commitments");
            var gap = table.GetByRole(AriaRole.Button, new() { Name = "Écart", Exact = true });
            await gap.ClickAsync();
            await Assertions.Expect(table).ToHaveAttributeAsync("data-sorted", "7-asc");
            await gap.ClickAsync();
            await Assertions.Expect(table).ToHaveAttributeAsync("data-sorted", "7-desc");
            var gaps = await table.Locator("tbody tr td:nth-child(8)").EvaluateAllAsync<long[]>("cells => cells.map(c => Number(c.dataset.sort))");
            Assert.Equal(gaps.OrderDescending(), gaps);
            Assert.True(gaps.Length > 600);

            await page.GetByLabel("Opérateur", new() { Exact = true }).SelectOptionAsync("SFR0");
            await page.GetByRole(AriaRole.Button, new() { Name = "Afficher" }).ClickAsync();
            await Assertions.Expect(table.Locator("tbody tr")).ToHaveCountAsync(2);

            var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Télécharger les engagements (CSV)" }).ClickAsync());
            var path = Path.Combine(BrowserFixture.ScreenshotFolder, download.SuggestedFilename);
            await download.SaveAsAsync(path);
            var lines = (await File.ReadAllLinesAsync(path, TestContext.Current.CancellationToken)).Where(l => !l.StartsWith('#')).Skip(1).ToList();
            Assert.Equal("engagements-region-27.csv", download.SuggestedFilename);
            Assert.Equal(2, lines.Count);
            Assert.All(lines, l => Assert.Contains(";SFR0;\"SFR\";AMII;2020-12-31;0.92;", l));
        });
    }

    [Fact]
    public async Task The_releases_page_says_that_only_one_release_is_imported()
    {
        await browser.RunAsync("observatoire-publications", async page =>
        {
            await page.GotoAsync("/observatoire/departement/25");
            await page.GetByRole(AriaRole.Link, new() { Name = "Ce qui change d'une publication Arcep à l'autre" }).ClickAsync();

            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Doubs");
            await Assertions.Expect(page.GetByTestId("single-release")).ToContainTextAsync("Une seule publication est importée (2018T1)");
        });
    }
}
