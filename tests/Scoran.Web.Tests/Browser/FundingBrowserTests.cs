using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Playwright;
using Scoran.Accounts;
using Scoran.Data;
using Scoran.Testing;
using Scoran.Web.Tests.Api;

namespace Scoran.Web.Tests.Browser;

/// <summary>
/// A Jura commune looking for funding for a tiers-lieu: search, open the scheme, build a plan,
/// export it; then file a dossier that the Région's agent acknowledges. On a SQLite database of its
/// own with the shipped catalogues (the shared browser fixture has no schemes).
/// </summary>
public sealed class FundingBrowserTests(FundingBrowserFixture browser) : IClassFixture<FundingBrowserFixture>
{
    [Fact]
    public async Task Search_open_a_scheme_build_and_export_a_plan_then_file_a_dossier_acknowledged_by_the_Region()
    {
        await browser.RunAsync("financements-recherche-plan", async page =>
        {
            await page.GotoAsync("/financements");
            await page.GetByLabel("Je suis").SelectOptionAsync("commune");
            await page.GetByLabel("Territoire (code INSEE").FillAsync("39153");
            await page.GetByLabel("Mon projet porte sur").SelectOptionAsync("tiers-lieux");
            await page.GetByLabel("Il coûte").FillAsync("200000");
            await page.GetByRole(AriaRole.Button, new() { Name = "Rechercher les dispositifs" }).ClickAsync();

            await Assertions.Expect(page).ToHaveURLAsync(new Regex("beneficiaire=commune&territoire=39153&theme=tiers-lieux&montant=200000"));
            await Assertions.Expect(page.GetByText("Cize (Commune 39153")).ToBeVisibleAsync();
            var row = page.GetByTestId("eligible").Locator("tr:has(a[href='/financements/dispositifs/bfc-usages-innovants-projets-et-tiers-lieux'])");
            await Assertions.Expect(row).ToContainTextAsync(new Regex(@"100\s000\s€"));
            await Assertions.Expect(row).ToContainTextAsync(new Regex(@"50 % × 200\s000 € = 100\s000 € ≤ plafond 150\s000 €"));

            await row.GetByRole(AriaRole.Link).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("DÉVELOPPER LES USAGES INNOVANTS DU NUMÉRIQUE");
            await Assertions.Expect(page.GetByTestId("scheme-rules")).ToContainTextAsync(new Regex(@"150\s000 €"));

            await page.GetByRole(AriaRole.Link, new() { Name = "Calculer un plan de cofinancement avec ce dispositif" }).ClickAsync();
            await page.GetByLabel("Coût total du projet").FillAsync("100000");
            await page.GetByLabel("Dispositif 2").SelectOptionAsync("bfc-territoires-intelligents-durables");
            await page.GetByLabel("Dispositif 3").SelectOptionAsync("bfc-usages-innovants-etudes-prealables");
            await page.GetByLabel("Assiette ligne 3").FillAsync("20000");
            await page.GetByRole(AriaRole.Button, new() { Name = "Calculer le plan" }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("binding")).ToContainTextAsync("aides publiques ≤ 80 %");
            await Assertions.Expect(page.GetByTestId("self-financing")).ToHaveTextAsync(new Regex(@"^20\s000 €$"));

            var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Exporter le plan (XLSX)" }).ClickAsync());
            var path = Path.Combine(BrowserFixture.ScreenshotFolder, download.SuggestedFilename);
            await download.SaveAsAsync(path);
            Assert.Equal("plan-de-financement.xlsx", download.SuggestedFilename);
            var bytes = await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken);
            Assert.Equal("PK"u8.ToArray(), bytes[..2]);
        });

        var holder = await browser.Data.AccountAsync("Commune de Cize", ScoranRoles.ProjectHolder);
        var agent = await browser.Data.AccountAsync("Région Bourgogne-Franche-Comté", ScoranRoles.FundingAgent);
        string dossierUrl = "";
        await browser.RunAsync("financements-dossier-depot", async page =>
        {
            await ChromiumFixture.SignInAsync(page, holder);
            await page.GotoAsync("/financements/dossiers?dispositif=bfc-usages-innovants-projets-et-tiers-lieux");
            await page.GetByLabel("Intitulé du projet").FillAsync("Équipement du tiers-lieu de Cize");
            await page.GetByLabel("Coût du projet").FillAsync("200000");
            await page.GetByLabel("Montant demandé").FillAsync("100000");
            await page.GetByRole(AriaRole.Button, new() { Name = "Créer le dossier (brouillon)" }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("status")).ToHaveTextAsync("Brouillon");
            dossierUrl = new Uri(page.Url).PathAndQuery;
            await page.GetByLabel("Nouveau statut").SelectOptionAsync("depose");
            await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("status")).ToHaveTextAsync("Déposé");
        });

        await browser.RunAsync("financements-dossier-accuse-reception", async page =>
        {
            await ChromiumFixture.SignInAsync(page, agent);
            await page.GotoAsync("/financements/dossiers");
            await page.GetByRole(AriaRole.Link, new() { Name = "Équipement du tiers-lieu de Cize" }).ClickAsync();
            await page.GetByLabel("Nouveau statut").SelectOptionAsync("accuse-reception");
            // Acknowledged the day it was filed, by the run's clock: a fixed date would fall before the filing one day.
            var today = TestClock.Today;
            await page.GetByLabel("Date de l'événement").FillAsync(TestClock.Day(0));
            await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("status")).ToHaveTextAsync("Accusé de réception");
            await Assertions.Expect(page.GetByTestId("eligibility-date")).ToHaveTextAsync(today.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture));
            await Assertions.Expect(page.GetByTestId("deadline")).ToContainTextAsync(today.AddYears(3).ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(dossierUrl, new Uri(page.Url).AbsolutePath);
            // The dossier's audit trail reads in French.
            var history = page.GetByTestId("history");
            await Assertions.Expect(history.Locator("td[data-verb='created']")).ToHaveTextAsync("Création");
            await Assertions.Expect(history.Locator("td[data-verb='status-changed']")).ToHaveTextAsync(["Changement de statut", "Changement de statut"]);
            await Assertions.Expect(history).Not.ToContainTextAsync("status-changed");
        });
    }
}

/// <summary>The application over <see cref="FundingDatabase"/> (the territories and the shipped catalogues), and Chromium.</summary>
public sealed class FundingBrowserFixture : ChromiumFixture
{
    public FundingDatabase Data { get; private set; } = null!;

    protected override async Task<WebApplicationFactory<Program>> StartApplicationAsync()
    {
        // The catalogues load through the running application's services, so it serves its port first.
        Data = await FundingDatabase.CreateAsync(DatabaseProvider.Sqlite, kestrel: true);
        return Data.Factory;
    }

    protected override async ValueTask DisposeDataAsync()
    {
        if (Data is not null)
        {
            await Data.DisposeAsync();
        }
    }
}
