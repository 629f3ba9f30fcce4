using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Scoran.Accounts;
using Scoran.Data;
using Scoran.Resources.Contributions;
using Scoran.Resources.Projects;
using Scoran.Testing;

namespace Scoran.Web.Tests.Browser;

/// <summary>A contributor's published project (no territories needed) on a SQLite database of its own.</summary>
public sealed class ResourcesProjectEditingBrowserFixture : OwnDatabaseBrowserFixture
{
    public string OwnerEmail { get; private set; } = "";
    public long ProjectId { get; private set; }

    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.CreateAsync(DatabaseProvider.Sqlite, "resprojeditbrowser");

    protected override async Task SeedAsync(IServiceProvider services)
    {
        OwnerEmail = await TestAccounts.CreateAsync(services, ScoranRoles.Contributor);
        var moderation = services.GetRequiredService<ModerationService>();
        var project = new Project { Title = "Fablab rural d'essai", Summary = "Projet de test.", Links = "https://fablab.example" };
        var creation = await moderation.CreateAsync(project, ResourceEntryTypes.Project, OwnerEmail, publish: false);
        await moderation.PublishAsync(creation.Id, "editeur@test.invalid", null);
        ProjectId = project.Id;
    }
}

/// <summary>The owner of a published project adds a link; an editor publishes it; the visitor sees it.</summary>
public sealed class ResourcesProjectEditingBrowserTests(ResourcesProjectEditingBrowserFixture browser) : IClassFixture<ResourcesProjectEditingBrowserFixture>
{
    [Fact]
    public async Task A_project_owner_adds_a_link_which_is_public_once_an_editor_publishes_it()
    {
        await browser.RunAsync("ressources-projet-edition", async page =>
        {
            await ChromiumFixture.SignInAsync(page, browser.OwnerEmail);
            await page.GotoAsync($"/ressources/projets/{browser.ProjectId}");
            await page.GetByTestId("edit-attachments").ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Liens, images et acteurs du projet");
            var links = page.GetByLabel("Liens web (un par ligne");
            await Assertions.Expect(links).ToHaveValueAsync("https://fablab.example");
            await links.FillAsync("https://fablab.example\njavascript:alert(1)");
            await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
            await Assertions.Expect(page.Locator(".field-error").First).ToContainTextAsync("Lien invalide : « javascript:alert(1) »");
            await page.GetByLabel("Liens web (un par ligne").FillAsync("https://fablab.example\nhttps://atelier.example/agenda");
            await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("edit-message")).ToContainTextAsync("après relecture par un éditeur");
            await Assertions.Expect(page.GetByTestId("pending-edits")).ToContainTextAsync("1 modification(s) en attente");
            Assert.Empty(await AxeAudit.ViolationsAsync(page));
        });

        await browser.RunAsync("ressources-projet-edition-publiee", async page =>
        {
            await browser.SignInWithRoleAsync(page, ScoranRoles.Editor);
            await page.GotoAsync("/ressources/moderation");
            await page.GetByRole(AriaRole.Link, new() { Name = "Fablab rural d'essai" }).Last.ClickAsync();
            await Assertions.Expect(page.GetByTestId("diff")).ToContainTextAsync("https://atelier.example/agenda");
            await page.GetByRole(AriaRole.Button, new() { Name = "Publier" }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("moderation-message")).ToBeVisibleAsync();
            await page.GotoAsync($"/ressources/projets/{browser.ProjectId}");
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "https://atelier.example/agenda" })).ToHaveAttributeAsync("href", "https://atelier.example/agenda");
        });
    }
}
