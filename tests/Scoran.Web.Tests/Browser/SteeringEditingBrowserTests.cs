using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Scoran.Accounts;
using Scoran.Data;
using Scoran.Steering.Exchange;
using Scoran.Steering.Model;
using Scoran.Steering.Reviews;
using Scoran.Testing;

namespace Scoran.Web.Tests.Browser;

/// <summary>
/// The reference strategies in a SQLite database of their own, O1.A2 led by the test accounts'
/// organisation, and E2.R3.I1 with two values and one target point to correct.
/// </summary>
public sealed class SteeringEditingBrowserFixture : OwnDatabaseBrowserFixture
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.CreateAsync(DatabaseProvider.Sqlite, "steeringeditbrowser");

    protected override async Task SeedAsync(IServiceProvider services)
    {
        var store = services.GetRequiredService<StrategyStore>();
        foreach (var file in Directory.GetFiles(Path.Combine(SharedData.RepositoryRoot, "data", "strategy"), "*.json").Order(StringComparer.Ordinal))
        {
            await store.ImportAsync(await StrategyFiles.ReadAsync(file), Path.GetFileName(file), "système");
        }

        var db = services.GetRequiredService<ScoranDbContext>();
        (await db.Set<StrategyNode>().SingleAsync(n => n.Code == "O1.A2" && n.Strategy!.Code == "scoran-bfc-2019")).Porteur = "Région (test)";
        await db.SaveChangesAsync();
        var service = services.GetRequiredService<SteeringService>();
        var indicator = await db.Set<Indicator>().SingleAsync(i => i.Code == "E2.R3.I1");
        await service.AddIndicatorValueAsync(indicator.Id, new DateOnly(2024, 12, 31), 4_000m, "Bilan Pass numérique (test)", "système");
        await service.AddIndicatorValueAsync(indicator.Id, new DateOnly(2025, 12, 31), 8_000m, "Bilan Pass numérique (test)", "système");
        await service.AddTargetAsync(indicator.Id, new DateOnly(2027, 12, 31), 20_000m, "système");
    }
}

/// <summary>
/// A lead organisation's editor adds a budget line, corrects it and sees the total change, adds a
/// milestone; a steering officer corrects a target and sees the chart follow.
/// </summary>
public sealed class SteeringEditingBrowserTests(SteeringEditingBrowserFixture app) : IClassFixture<SteeringEditingBrowserFixture>
{
    private const string Action = "/pilotage/strategie/scoran-bfc-2019/action/O1.A2";
    private const string Indicator = "/pilotage/strategie/scoran-bfc-2019/indicateur/E2.R3.I1";

    private static async Task SignInAsync(IPage page, string email)
    {
        await page.GetByLabel("Adresse électronique").FillAsync(email);
        await page.GetByLabel("Mot de passe").FillAsync(TestAccounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
    }

    [Fact]
    public async Task A_lead_corrects_budget_and_milestones_and_a_steering_officer_corrects_a_target_on_the_chart()
    {
        var editor = await TestAccounts.CreateAsync(app.Services, ScoranRoles.Editor);
        var officer = await TestAccounts.CreateAsync(app.Services, ScoranRoles.CommitteeSecretary);

        await app.RunAsync("pilotage-edition-action", async page =>
        {
            await page.GotoAsync(Action);
            await page.GetByRole(AriaRole.Link, new() { Name = "se connectent" }).ClickAsync();
            await SignInAsync(page, editor);
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Modifier l'action" })).ToBeVisibleAsync();

            var form = page.GetByTestId("budget-form");
            await form.GetByLabel("Année").FillAsync("2026");
            await form.GetByLabel("Financeur").FillAsync("Région Bourgogne-Franche-Comté");
            await form.GetByLabel("Prévu (€)").FillAsync("10000");
            await form.GetByLabel("Engagé (€)").FillAsync("5000");
            await form.GetByLabel("Dépensé (€)").FillAsync("1000");
            await form.GetByRole(AriaRole.Button, new() { Name = "Ajouter la ligne" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Ligne budgétaire ajoutée.");
            await Assertions.Expect(page.GetByTestId("budget-total")).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"Total\s*10\s000 €\s*5\s000 €\s*1\s000 €"));

            await page.GetByRole(AriaRole.Link, new() { Name = "Modifier la ligne 2026 Région Bourgogne-Franche-Comté" }).ClickAsync();
            await Assertions.Expect(form.GetByRole(AriaRole.Heading, new() { Name = "Modifier la ligne budgétaire" })).ToBeVisibleAsync();
            await form.GetByLabel("Prévu (€)").FillAsync("12500.50");
            await form.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la ligne" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Ligne budgétaire modifiée.");
            await Assertions.Expect(page.GetByTestId("budget-total")).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"Total\s*12\s500,5 €\s*5\s000 €\s*1\s000 €"));
            await Assertions.Expect(page.GetByTestId("budget-lines").Locator("tbody tr")).ToHaveCountAsync(1);

            var milestone = page.GetByTestId("milestone-form");
            await milestone.GetByLabel("Jalon", new() { Exact = true }).FillAsync("Convention signée");
            await milestone.GetByLabel("Date prévue").FillAsync("2026-06-30");
            await milestone.GetByRole(AriaRole.Button, new() { Name = "Ajouter le jalon" }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("milestones")).ToContainTextAsync("Convention signée");
            await Assertions.Expect(page.GetByTestId("audit-history").Locator("td[data-verb='budget-updated']")).ToContainTextAsync("Ligne budgétaire modifiée");
            await Assertions.Expect(page.GetByTestId("audit-history")).ToContainTextAsync(editor);
        });

        var officerPage = await app.NewPageAsync();
        try
        {
            await officerPage.GotoAsync($"/compte/connexion?ReturnUrl={Uri.EscapeDataString(Indicator)}");
            await SignInAsync(officerPage, officer);
            var chart = officerPage.GetByTestId("indicator-chart");
            await Assertions.Expect(chart).ToHaveAttributeAsync("data-rendered-targets", "20000");
            await officerPage.GetByRole(AriaRole.Link, new() { Name = "Modifier la cible du 31 décembre 2027" }).ClickAsync();
            var form = officerPage.GetByTestId("target-form");
            await Assertions.Expect(form.GetByRole(AriaRole.Heading, new() { Name = "Modifier la cible" })).ToBeVisibleAsync();
            await form.GetByLabel("Valeur cible").FillAsync("15000");
            await form.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la cible" }).ClickAsync();
            await Assertions.Expect(officerPage.GetByTestId("saved")).ToContainTextAsync("Cible modifiée.");
            // Values of 2024 and 2025 and the target of 2027 on one axis; the target line now ends at 15 000.
            await Assertions.Expect(chart).ToHaveAttributeAsync("data-rendered", "3");
            await Assertions.Expect(chart).ToHaveAttributeAsync("data-rendered-targets", "15000");
            await Assertions.Expect(officerPage.GetByTestId("indicator-status")).ToHaveTextAsync("En bonne voie");
            await Assertions.Expect(officerPage.GetByTestId("indicator-history").Locator("td[data-verb='target-updated']")).ToContainTextAsync("Cible modifiée");
            await officerPage.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "pilotage-edition.png"), FullPage = true });
            Assert.Empty(await AxeAudit.ViolationsAsync(officerPage));
        }
        finally
        {
            await officerPage.Context.CloseAsync();
        }
    }
}
