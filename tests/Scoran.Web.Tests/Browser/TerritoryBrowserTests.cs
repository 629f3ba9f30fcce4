using Microsoft.Playwright;

namespace Scoran.Web.Tests.Browser;

/// <summary>A person looking for a commune, in Chromium: search, open, read, see the map.</summary>
public sealed class TerritoryBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly LocatorAssertionsToHaveAttributeOptions MapTimeout = new() { Timeout = 60_000 };

    [Fact]
    public async Task Search_a_commune_by_name_open_it_and_see_its_population_and_map()
    {
        await browser.RunAsync("commune-besancon", async page =>
        {
            await page.GotoAsync("/");

            await page.GetByLabel("Trouver une commune, une intercommunalité ou un département").FillAsync("besancon");
            await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Rechercher" }).ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Besançon (25)" }).ClickAsync();

            await Assertions.Expect(page).ToHaveURLAsync(new Uri(browser.BaseAddress, "/territoires/commune/25056").ToString());
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Besançon");
            await Assertions.Expect(page.GetByTestId("population")).ToContainTextAsync("118\u202f489");
            var map = page.Locator("#carte-territoire");
            await Assertions.Expect(map).ToHaveAttributeAsync("data-loaded", "true", MapTimeout);
            await Assertions.Expect(map.Locator("canvas")).ToBeVisibleAsync();
        });
    }

    [Fact]
    public async Task Search_a_commune_by_postal_code_from_the_header()
    {
        await browser.RunAsync("search-postal-code", async page =>
        {
            await page.GotoAsync("/");

            await page.GetByRole(AriaRole.Search).First.GetByLabel("Rechercher un territoire").FillAsync("25000");
            await page.Keyboard.PressAsync("Enter");

            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "1 résultat pour « 25000 »" })).ToBeVisibleAsync();
            var result = page.GetByRole(AriaRole.Link, new() { Name = "Besançon (25)" });
            await Assertions.Expect(result).ToBeVisibleAsync();

            await result.ClickAsync();
            await Assertions.Expect(page.GetByTestId("postal-codes")).ToHaveTextAsync("25000");
        });
    }

    [Fact]
    public async Task Home_map_draws_every_commune_of_the_region_without_a_basemap()
    {
        await browser.RunAsync("home", async page =>
        {
            var outside = new List<string>();
            page.Request += (_, request) =>
            {
                if (!request.Url.StartsWith(browser.BaseAddress.ToString(), StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal) && !request.Url.StartsWith("blob:", StringComparison.Ordinal))
                {
                    outside.Add(request.Url);
                }
            };
            await page.GotoAsync("/");

            var map = page.Locator("#carte-region");
            await Assertions.Expect(map).ToHaveAttributeAsync("data-loaded", "true", MapTimeout);
            await Assertions.Expect(map).ToHaveAttributeAsync("data-features", "3685");
            Assert.Empty(outside);
        });
    }

    [Fact]
    public async Task Keyboard_users_can_skip_to_the_content_and_walk_the_breadcrumb()
    {
        await browser.RunAsync("commune-saint-claude", async page =>
        {
            await page.GotoAsync("/territoires/commune/39478");

            await page.Keyboard.PressAsync("Tab");
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Aller au contenu" })).ToBeFocusedAsync();
            await page.Keyboard.PressAsync("Enter");
            var crumbs = page.GetByRole(AriaRole.Navigation, new() { Name = "Fil d'Ariane" }).GetByRole(AriaRole.Link);

            await Assertions.Expect(crumbs).ToHaveTextAsync(["Accueil", "Bourgogne-Franche-Comté", "Jura", "CC Haut-Jura Saint-Claude", "Saint-Claude"]);
        });
    }
}
