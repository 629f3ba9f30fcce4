using Microsoft.Playwright;
using Scoran.Data;
using Scoran.Testing;
using Scoran.Web.Tests.Api;

namespace Scoran.Web.Tests.Browser;

/// <summary>The application over a database of its own holding the real France Services list, and Chromium.</summary>
public sealed class PlacesBrowserFixture : OwnDatabaseBrowserFixture
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => PlacesWebDatabase.CreateAsync(DatabaseProvider.Sqlite);
}

/// <summary>Someone looking for digital help near home, and the région's map of places and accessibility.</summary>
public sealed class PlacesBrowserTests(PlacesBrowserFixture browser) : IClassFixture<PlacesBrowserFixture>
{
    [Fact]
    public async Task Find_the_nearest_inclusion_place_to_a_commune()
    {
        await browser.RunAsync("ressources-lieux-plus-proche", async page =>
        {
            await page.GotoAsync("/ressources/lieux/trouver");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Trouver un lieu d'aide au numérique");
            await page.GetByLabel("Commune, code postal ou code INSEE").FillAsync("Saulieu");
            await page.GetByLabel("Jour").SelectOptionAsync("mardi");
            await page.GetByRole(AriaRole.Button, new() { Name = "Trouver les lieux les plus proches" }).ClickAsync();

            var results = page.GetByTestId("find-results");
            await Assertions.Expect(results.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToHaveTextAsync("Lieux les plus proches de Saulieu (21584)");
            var first = page.GetByTestId("find-result").First;
            await Assertions.Expect(first).ToContainTextAsync("Saulieu");
            await Assertions.Expect(first.GetByTestId("distance")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+(,\d)? k?m$"));
            await Assertions.Expect(page.GetByTestId("find-result")).ToHaveCountAsync(5);
            await Assertions.Expect(page.Locator("#carte-trouver")).ToHaveAttributeAsync("data-places", "2653", new() { Timeout = 30_000 });
            // The answer itself is the evidence the issue asks for: keep it before following the link.
            await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "ressources-lieux-plus-proche-resultats.png"), FullPage = true });

            await first.GetByRole(AriaRole.Link).ClickAsync();
            await Assertions.Expect(page.GetByTestId("place-name")).ToContainTextAsync("Saulieu");
            await Assertions.Expect(page.GetByTestId("place-source")).ToContainTextAsync("liste-fs-20221201.csv");
        });
    }

    [Fact]
    public async Task The_map_of_the_region_shows_its_216_France_Services_and_filters_by_departement()
    {
        await browser.RunAsync("ressources-lieux-carte", async page =>
        {
            await page.GotoAsync("/ressources/lieux");
            await Assertions.Expect(page.Locator("#carte-lieux")).ToHaveAttributeAsync("data-places", "216", new() { Timeout = 30_000 });
            await Assertions.Expect(page.GetByTestId("place-count")).ToContainTextAsync("216 lieu(x)");
            await page.GetByLabel("Département").SelectOptionAsync("90");
            await page.GetByRole(AriaRole.Button, new() { Name = "Filtrer" }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("place-list").Locator("tbody tr")).ToHaveCountAsync(3);
            await Assertions.Expect(page.Locator("#carte-lieux")).ToHaveAttributeAsync("data-places", "3", new() { Timeout = 30_000 });
        });
    }

    [Fact]
    public async Task The_accessibility_page_lists_the_departements_and_maps_the_far_communes()
    {
        await browser.RunAsync("ressources-accessibilite", async page =>
        {
            await page.GotoAsync("/ressources/accessibilite");
            await Assertions.Expect(page.GetByTestId("accessibility-departements").Locator("tbody tr")).ToHaveCountAsync(9);
            await Assertions.Expect(page.Locator("#carte-accessibilite")).ToHaveAttributeAsync("data-loaded", "true", new() { Timeout = 30_000 });
            await Assertions.Expect(page.Locator("#carte-accessibilite")).ToHaveAttributeAsync("data-places", new System.Text.RegularExpressions.Regex("^[0-9]+$"), new() { Timeout = 30_000 });
        });
    }
}
