using Microsoft.Playwright;
using Scoran.Accounts;
using Scoran.Testing;

namespace Scoran.Web.Tests.Browser;

/// <summary>A data manager of the Region signs in, tries a damaged release, reads why it was refused, and signs out.</summary>
public sealed class AdministrationBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Sign_in_upload_a_damaged_release_read_the_errors_and_sign_out()
    {
        var email = await TestAccounts.CreateAsync(browser.Services, ScoranRoles.DataManager);
        var folder = Path.Combine(SharedData.Root, "data", "ftth", "arcep-observatoire-2018T1");
        var damaged = Path.Combine(SharedData.ArtifactsFolder("uploads"), "ftthCommunes.csv");
        var lines = await File.ReadAllLinesAsync(Path.Combine(folder, "ftthCommunes.csv"), TestContext.Current.CancellationToken);
        await File.WriteAllLinesAsync(damaged, lines.Take(lines.Length / 2).Append("01001,Locaux Raccordables,12"), TestContext.Current.CancellationToken);

        await browser.RunAsync("admin-import-refuse", async page =>
        {
            await page.GotoAsync("/admin/imports");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Connexion", Level = 1 })).ToBeVisibleAsync();
            await page.GetByLabel("Adresse électronique").FillAsync(email);
            await page.GetByLabel("Mot de passe").FillAsync(TestAccounts.Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();

            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Imports de données", Level = 1 })).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByTestId("import-history")).ToContainTextAsync("arcep-ftth");
            await page.GetByLabel("Déploiement par commune (ftthCommunes.csv)").SetInputFilesAsync(damaged);
            await page.GetByLabel("Informations communales (communes.csv)").SetInputFilesAsync(Path.Combine(folder, "communes.csv"));
            // Each kind has its own form; submit the one holding the files just chosen.
            await page.Locator("section.import-form", new() { Has = page.GetByLabel("Déploiement par commune (ftthCommunes.csv)") })
                .GetByRole(AriaRole.Button, new() { Name = "Importer" }).ClickAsync();

            var errors = page.GetByTestId("import-errors");
            await Assertions.Expect(errors).ToContainTextAsync("Import refusé, données inchangées.");
            await Assertions.Expect(errors).ToContainTextAsync("ftthCommunes.csv:");
            await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "admin-import-erreurs.png"), FullPage = true });

            await page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Se déconnecter") }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Connexion" })).ToBeVisibleAsync();
        });
    }
}
