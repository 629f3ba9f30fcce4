using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Scoran.Accounts;

namespace Scoran.Web.Tests.Browser;

/// <summary>A Région funding agent raises a scheme's rate in « Gérer le catalogue »; the public scheme page and the finder use it at once.</summary>
public sealed class FundingManagementBrowserTests(FundingBrowserFixture browser) : IClassFixture<FundingBrowserFixture>
{
    private const string TiersLieux = "bfc-usages-innovants-projets-et-tiers-lieux";

    [Fact]
    public async Task A_funding_manager_edits_a_scheme_s_rate_and_the_catalogue_and_finder_show_it()
    {
        var agent = await browser.Data.AccountAsync("Région Bourgogne-Franche-Comté", ScoranRoles.FundingAgent);
        await browser.RunAsync("financements-gestion", async page =>
        {
            await ChromiumFixture.SignInAsync(page, agent);
            await page.GotoAsync("/financements");
            await page.GetByRole(AriaRole.Link, new() { Name = "Gérer le catalogue des dispositifs" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Gérer le catalogue");
            await page.GetByLabel("Rechercher (nom, financeur, identifiant)").FillAsync(TiersLieux);
            await page.GetByRole(AriaRole.Button, new() { Name = "Filtrer" }).ClickAsync();
            var row = page.GetByTestId("manage-schemes").Locator($"tr[data-scheme='{TiersLieux}']");
            await Assertions.Expect(row).ToContainTextAsync("50 %");
            Assert.Empty(await AxeAudit.ViolationsAsync(page));
            await row.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Modifier") }).ClickAsync();

            var rate = page.GetByLabel("Taux (% de l'assiette éligible)");
            await Assertions.Expect(rate).ToHaveValueAsync("50");
            // An invalid value is refused on the field, in French, and nothing is saved.
            await rate.FillAsync("150");
            await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("errors")).ToContainTextAsync("Le taux est un pourcentage entre 0 et 100.");
            Assert.Empty(await AxeAudit.ViolationsAsync(page));
            await page.GetByLabel("Taux (% de l'assiette éligible)").FillAsync("60");
            await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("saved")).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByLabel("Taux (% de l'assiette éligible)")).ToHaveValueAsync("60");
            await Assertions.Expect(page.GetByTestId("history").Locator("td[data-verb='updated']")).ToHaveTextAsync("Modification");

            // The public catalogue and the finder, in another tab as a visitor would.
            var visitor = await browser.NewPageAsync();
            await visitor.GotoAsync($"/financements/dispositifs/{TiersLieux}");
            await Assertions.Expect(visitor.GetByTestId("scheme-rules")).ToContainTextAsync("60 %");
            await visitor.GotoAsync("/financements/recherche?beneficiaire=commune&territoire=39153&theme=tiers-lieux&montant=200000");
            var found = visitor.GetByTestId("eligible").Locator($"tr:has(a[href='/financements/dispositifs/{TiersLieux}'])");
            await Assertions.Expect(found).ToContainTextAsync(new Regex(@"60 % × 200\s000 € = 120\s000 €"));
            await visitor.Context.CloseAsync();
        });
    }
}
