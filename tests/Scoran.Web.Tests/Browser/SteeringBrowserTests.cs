using System.Text.RegularExpressions;
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
/// The real application over a SQLite database of its own holding the reference strategies
/// (the shared browser fixture does not load them), and Chromium driven by Playwright.
/// </summary>
public sealed class SteeringBrowserFixture : OwnDatabaseBrowserFixture
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.CreateAsync(DatabaseProvider.Sqlite, "steeringbrowser");

    protected override async Task SeedAsync(IServiceProvider services)
    {
        var store = services.GetRequiredService<StrategyStore>();
        foreach (var file in Directory.GetFiles(Path.Combine(SharedData.RepositoryRoot, "data", "strategy"), "*.json").Order(StringComparer.Ordinal))
        {
            await store.ImportAsync(await StrategyFiles.ReadAsync(file), Path.GetFileName(file), "système");
        }
    }
}

/// <summary>
/// Done-when of the steering issue: the committee secretary signs in, opens a meeting, reviews
/// three actions (one late, one over budget, one abandoned), generates the minutes and prints them
/// to PDF; the abandoned action then shows its reason and its history.
/// </summary>
public sealed class SteeringBrowserTests(SteeringBrowserFixture app) : IClassFixture<SteeringBrowserFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_secretary_reviews_three_actions_generates_the_minutes_and_prints_them_to_PDF()
    {
        var secretary = await TestAccounts.CreateAsync(app.Services, ScoranRoles.CommitteeSecretary);
        // What the action leads entered beforehand: an overdue milestone, an overspent budget.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var service = scope.ServiceProvider.GetRequiredService<SteeringService>();
            var db = scope.ServiceProvider.GetRequiredService<ScoranDbContext>();
            long Id(string code) => db.Set<StrategyNode>().Single(n => n.Code == code && n.Strategy!.Code == "scoran-bfc-2019").Id;
            await service.AddMilestoneAsync(Id("O1.A1"), "Comités de suivi AMII/AMEL installés", new DateOnly(2026, 9, 1), null, "editeur", Token);
            await service.AddBudgetLineAsync(Id("O1.A1"), 2026, "Région Bourgogne-Franche-Comté", 20_000m, 5_000m, 5_000m, "editeur", Token);
            await service.AddBudgetLineAsync(Id("O1.A2"), 2026, "Région Bourgogne-Franche-Comté", 100_000m, 100_000m, 135_000m, "editeur", Token);
            await service.AddBudgetLineAsync(Id("O1.A2"), 2026, "Banque des Territoires", 50_000m, 50_000m, 40_000m, "editeur", Token);
            await service.AddMilestoneAsync(Id("O1.A3"), "Étude de faisabilité", new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 1), "editeur", Token);
            var indicator = await db.Set<Indicator>().SingleAsync(i => i.Code == "E2.R3.I1", Token);
            await service.AddIndicatorValueAsync(indicator.Id, new DateOnly(2025, 6, 30), 4_000m, "Bilan Pass numérique (test)", "editeur", Token);
            await service.AddIndicatorValueAsync(indicator.Id, new DateOnly(2025, 12, 31), 9_500m, "Bilan Pass numérique (test)", "editeur", Token);
        }

        var pdf = Path.Combine(BrowserFixture.ScreenshotFolder, "pilotage-compte-rendu.pdf");
        File.Delete(pdf);
        await app.RunAsync("pilotage-fin", async page =>
        {
            await page.GotoAsync("/pilotage/seances");
            await page.GetByRole(AriaRole.Link, new() { Name = "se connecte" }).ClickAsync();
            await page.GetByLabel("Adresse électronique").FillAsync(secretary);
            await page.GetByLabel("Mot de passe").FillAsync(TestAccounts.Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();

            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Séances du comité de pilotage", Level = 1 })).ToBeVisibleAsync();
            await page.GetByLabel("Stratégie").SelectOptionAsync("scoran-bfc-2019");
            await page.GetByLabel("Date de la séance").FillAsync("2026-10-15");
            await page.GetByLabel("Participants").FillAsync("Région Bourgogne-Franche-Comté\nPréfecture de région\nBanque des Territoires");
            await page.GetByRole(AriaRole.Button, new() { Name = "Créer la séance" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Séance du 15 octobre 2026", Level = 1 })).ToBeVisibleAsync();

            async Task ReviewAsync(string action, string progress, string decision, string comment)
            {
                await page.GetByLabel("Action", new() { Exact = true }).SelectOptionAsync(action);
                await page.GetByLabel("Avancement (%)").FillAsync(progress);
                await page.GetByLabel(decision).CheckAsync();
                await page.GetByLabel("Commentaire").FillAsync(comment);
                await page.GetByLabel("Décidé par").FillAsync("Comité de pilotage du numérique");
                await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la revue" }).ClickAsync();
                await Assertions.Expect(page.GetByTestId("saved")).ToContainTextAsync($"Revue de l'action {action} enregistrée.");
            }

            await ReviewAsync("O1.A1", "30", "Maintenir", "Les comités de suivi restent à installer.");
            await ReviewAsync("O1.A2", "60", "Étendre à l'échelle régionale", "Dépassement dû à l'extension à deux départements.");
            // An abandonment without its reason is refused, with the reason why.
            await page.GetByLabel("Action", new() { Exact = true }).SelectOptionAsync("O1.A3");
            await page.GetByLabel("Avancement (%)").FillAsync("10");
            await page.GetByLabel("Abandonner").CheckAsync();
            await page.GetByLabel("Décidé par").FillAsync("Comité de pilotage du numérique");
            await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la revue" }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("review-errors")).ToContainTextAsync("Un abandon doit être motivé");
            await ReviewAsync("O1.A3", "10", "Abandonner", "Objectifs non atteints : aucun opérateur ne s'est engagé.");

            var reviews = page.GetByTestId("reviews");
            await Assertions.Expect(reviews.Locator("tr[data-action='O1.A1']")).ToContainTextAsync("En retard de 44 jours");
            await Assertions.Expect(reviews.Locator("tr[data-action='O1.A2']")).ToContainTextAsync("Dépassement");
            await Assertions.Expect(reviews.Locator("tr[data-action='O1.A3']")).ToContainTextAsync("Abandonner");

            await page.GetByTestId("minutes-link").ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Compte rendu — séance du 15 octobre 2026", Level = 1 })).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByTestId("late-actions")).ToContainTextAsync("44 jours");
            await Assertions.Expect(page.GetByTestId("budget-by-funder")).ToContainTextAsync("Banque des Territoires");
            await Assertions.Expect(page.GetByTestId("budget-by-funder")).ToContainTextAsync(new Regex(@"Région Bourgogne-Franche-Comté\s*120\s000 €\s*105\s000 €\s*140\s000 €"));
            await Assertions.Expect(page.Locator(".chart[data-bars]").First).ToHaveAttributeAsync("data-rendered", "4");
            var abandoned = page.Locator("article.action-block[data-action='O1.A3']");
            await Assertions.Expect(abandoned).ToContainTextAsync("Motif : Objectifs non atteints : aucun opérateur ne s'est engagé.");
            await Assertions.Expect(abandoned.Locator("ul.history")).ToContainTextAsync("Clôture");
            await Assertions.Expect(abandoned.Locator("ul.history")).Not.ToContainTextAsync("closed");
            await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "pilotage-compte-rendu.png"), FullPage = true });

            await page.EmulateMediaAsync(new() { Media = Media.Print });
            await Assertions.Expect(page.Locator(".site-header")).ToBeHiddenAsync();
            await page.PdfAsync(new() { Path = pdf, Format = "A4", PrintBackground = true });
            var bytes = await File.ReadAllBytesAsync(pdf, Token);
            Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
            Assert.True(bytes.Length > 20_000, $"PDF of {bytes.Length} bytes");
            await page.EmulateMediaAsync(new() { Media = Media.Screen });

            // The server-side export prints the same page through Chromium.
            var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("pdf-export").ClickAsync());
            var exported = await File.ReadAllBytesAsync(await download.PathAsync(), Token);
            Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(exported, 0, 4));
            Assert.True(exported.Length > 20_000, $"exported PDF of {exported.Length} bytes");
            Assert.StartsWith("compte-rendu-", download.SuggestedFilename);

            await page.GotoAsync("/pilotage/strategie/scoran-bfc-2019/action/O1.A3");
            await Assertions.Expect(page.GetByTestId("closed-reason")).ToContainTextAsync("Action abandonnée le 15 octobre 2026");
            await Assertions.Expect(page.GetByTestId("closed-reason")).ToContainTextAsync("aucun opérateur ne s'est engagé");
            await Assertions.Expect(page.GetByTestId("action-status")).ToHaveTextAsync("Abandonnée");
            await Assertions.Expect(page.GetByTestId("review-history")).ToContainTextAsync("Abandonner (Comité de pilotage du numérique)");
            await Assertions.Expect(page.GetByTestId("audit-history")).ToContainTextAsync(secretary);
            // Verbs read in French; the recorded English verb stays on the cell for machines.
            await Assertions.Expect(page.GetByTestId("audit-history").Locator("td[data-verb='closed']")).ToContainTextAsync("Clôture");
            await Assertions.Expect(page.GetByTestId("audit-history").Locator("td[data-verb='closed']")).Not.ToContainTextAsync("closed");
            await Assertions.Expect(page.GetByTestId("audit-history")).ToContainTextAsync("\"status\":\"Abandoned\"");

            await page.GotoAsync("/pilotage/strategie/scoran-bfc-2019");
            await Assertions.Expect(page.Locator("[data-code='O1.A3']")).ToContainTextAsync("Abandonnée");
            await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "pilotage-arborescence.png"), FullPage = true });
        });
    }

    [Theory]
    [InlineData("/pilotage")]
    [InlineData("/pilotage/strategie/scoran-bfc-2019")]
    [InlineData("/pilotage/strategie/ppun-bfc-2021")]
    [InlineData("/pilotage/strategie/scoran-bfc-2019/action/O1.A1")]
    [InlineData("/pilotage/strategie/scoran-bfc-2019/indicateur/E1.R2.I1")]
    [InlineData("/pilotage/seances")]
    public async Task Steering_pages_have_no_wcag_a_or_aa_violation(string url)
    {
        var page = await app.NewPageAsync();
        try
        {
            await page.GotoAsync(url);
            Assert.Empty(await AxeAudit.ViolationsAsync(page));
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }
}
