using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Scoran.Data;
using Scoran.Observatory.Eligibility;
using Scoran.Testing;
using Scoran.Web.Tests.Api;

namespace Scoran.Web.Tests.Browser;

/// <summary>The application over a database of its own holding the synthetic eligibility demo, and Chromium.</summary>
public sealed class EligibilityBrowserFixture : OwnDatabaseBrowserFixture
{
    protected override async Task<TestDatabase> CreateDatabaseAsync()
    {
        var database = await EligibilityDatabase.WithTerritoriesAsync(DatabaseProvider.Sqlite, contours: true);
        await database.WithScopeAsync(sp => sp.GetRequiredService<EligibilityImporter>().ImportAsync(EligibilityDatabase.DemoBuildings, EligibilityDatabase.DemoEligibility));
        return database;
    }
}

/// <summary>Someone checking what internet access an address has: by typing it, then by clicking the map.</summary>
public sealed class EligibilityBrowserTests(EligibilityBrowserFixture browser) : IClassFixture<EligibilityBrowserFixture>
{
    [Fact]
    public async Task Type_an_address_and_read_the_technologies_speeds_and_fibre_status()
    {
        await browser.RunAsync("observatoire-eligibilite-adresse", async page =>
        {
            await page.GotoAsync("/observatoire/eligibilite");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Éligibilité à l'adresse");
            await page.GetByLabel("Adresse", new() { Exact = true }).FillAsync("20 place général leclerc is-sur-tille");
            await page.GetByRole(AriaRole.Button, new() { Name = "Voir l'éligibilité", Exact = true }).ClickAsync();

            var result = page.GetByTestId("eligibility-result");
            await Assertions.Expect(result.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToHaveTextAsync("20 Place Général Leclerc, Is-sur-Tille");
            await Assertions.Expect(page.GetByTestId("synthetic-notice")).ToContainTextAsync("Données de démonstration synthétiques");
            await Assertions.Expect(page.GetByTestId("ftth-status")).ToContainTextAsync("à la fibre (FttH)");
            await Assertions.Expect(result.GetByRole(AriaRole.Table)).ToContainTextAsync("DSL (cuivre) (CU)");
            await Assertions.Expect(page.GetByTestId("matches")).ToContainTextAsync("22 Place Général Leclerc, Is-sur-Tille");
        });
    }

    [Fact]
    public async Task Click_on_the_map_and_get_the_nearest_building()
    {
        await browser.RunAsync("observatoire-eligibilite-carte", async page =>
        {
            await page.GotoAsync("/observatoire/eligibilite?lat=47.5216&lon=5.112966");
            await Assertions.Expect(page.GetByTestId("eligibility-result").GetByRole(AriaRole.Heading, new() { Level = 2 })).ToHaveTextAsync("20 Place Général Leclerc, Is-sur-Tille");
            var map = page.Locator("#carte-eligibilite");
            await Assertions.Expect(map).ToHaveAttributeAsync("data-loaded", "true", new() { Timeout = 30_000 });

            // The map is centred on the building found: a click beside the centre asks for the point clicked.
            var box = (await map.BoundingBoxAsync())!;
            await page.Mouse.ClickAsync(box.X + box.Width / 2 + 40, box.Y + box.Height / 2 + 10);
            await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("lat=47\\.5[0-9]+&lon=5\\.1[0-9]+"));
            await Assertions.Expect(page.GetByTestId("eligibility-result")).ToContainTextAsync("du point demandé");
        });
    }

    [Fact]
    public async Task The_page_with_a_result_has_no_wcag_a_or_aa_violation()
    {
        var violations = new List<string?>();
        await browser.RunAsync("a11y-observatoire-eligibilite", async page =>
        {
            await page.GotoAsync("/observatoire/eligibilite?q=" + Uri.EscapeDataString("20 place général leclerc is-sur-tille"));
            violations.AddRange(await AxeAudit.ViolationsAsync(page));
        });

        Assert.Empty(violations);
    }
}
