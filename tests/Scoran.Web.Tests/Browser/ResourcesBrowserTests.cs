using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Scoran.Accounts;
using Scoran.Data;
using Scoran.Resources.Agenda;
using Scoran.Resources.Contributions;
using Scoran.Resources.Tests;
using Scoran.Testing;

namespace Scoran.Web.Tests.Browser;

/// <summary>
/// The application over a database of its own (uploads and proposals must not reach the shared
/// one), with a small upload limit so that a refused file is cheap to make, and Chromium.
/// </summary>
public sealed class ResourcesBrowserFixture : OwnDatabaseBrowserFixture
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["Scoran:Resources:MaxUploadBytes"] = "20000" };

    protected override async Task<TestDatabase> CreateDatabaseAsync()
    {
        var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, "resbrowser", TestTemplates.France);
        // Territories and the BFC outlines: project points sit at their commune's centroid.
        await database.WithScopeAsync(async sp =>
        {
            await sp.GetRequiredService<Scoran.Territories.Import.ContoursImporter>().ImportAsync(
                await Scoran.Territories.Import.ContoursImporter.ReadAsync(SharedData.BfcContourFiles()), "shared/data/geo/france-geojson");
        });
        return database;
    }
}

/// <summary>An editor fills the document library, a visitor subscribes to the agenda, a contributor's proposal waits for an editor.</summary>
public sealed class ResourcesBrowserTests(ResourcesBrowserFixture browser) : IClassFixture<ResourcesBrowserFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_editor_is_refused_an_executable_and_a_large_file_then_uploads_a_pdf_guide_found_by_a_word_of_its_text()
    {
        var uploads = SharedData.ArtifactsFolder("uploads");
        var exe = Path.Combine(uploads, "guide-installation.pdf");
        await File.WriteAllBytesAsync(exe, ResourceTestFiles.Executable(), Token);
        var large = Path.Combine(uploads, "rapport-volumineux.pdf");
        await File.WriteAllBytesAsync(large, ResourceTestFiles.Pdf(string.Concat(Enumerable.Repeat("remplissage ", 3000))), Token);
        var guide = Path.Combine(uploads, "guide-tiers-lieux.pdf");
        await File.WriteAllBytesAsync(guide, ResourceTestFiles.Pdf("Guide pour ouvrir un tiers-lieu numérique", "La gouvernance partagée et le modèle économique hybride."), Token);

        await browser.RunAsync("ressources-documents", async page =>
        {
            await browser.SignInWithRoleAsync(page, ScoranRoles.Editor);
            await page.GotoAsync("/ressources");
            await page.GetByRole(AriaRole.Link, new() { Name = "Déposer un document" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Déposer un document", Level = 1 })).ToBeVisibleAsync();

            async Task FillAsync(string file, string title)
            {
                await page.GetByLabel("Fichier").SetInputFilesAsync(file);
                await page.GetByLabel("Titre").FillAsync(title);
                await page.GetByLabel("Catégorie").SelectOptionAsync("Guide");
                await page.GetByLabel("Auteur").FillAsync("Région Bourgogne-Franche-Comté (test)");
                await page.GetByRole(AriaRole.Button, new() { Name = "Déposer" }).ClickAsync();
            }

            await FillAsync(exe, "Installation");
            await Assertions.Expect(page.GetByTestId("upload-error")).ToContainTextAsync("est un programme exécutable : les exécutables sont refusés");
            await FillAsync(large, "Rapport");
            await Assertions.Expect(page.GetByTestId("upload-error")).ToContainTextAsync("est trop volumineux");
            await Assertions.Expect(page.GetByTestId("upload-error")).ToContainTextAsync("la taille maximale est de 19,5 ko");
            await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "ressources-depot-refuse.png"), FullPage = true });

            await FillAsync(guide, "Ouvrir un tiers-lieu");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ouvrir un tiers-lieu", Level = 1 })).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByTestId("versions")).ToContainTextAsync("guide-tiers-lieux.pdf");

            await page.GotoAsync("/ressources/documents");
            var form = page.GetByRole(AriaRole.Search, new() { Name = "Recherche dans les documents" });
            await form.GetByLabel("Rechercher dans le texte des documents").FillAsync("gouvernance");
            await form.GetByRole(AriaRole.Button, new() { Name = "Rechercher" }).ClickAsync();
            var results = page.GetByTestId("documents");
            await Assertions.Expect(results.Locator("tbody tr")).ToHaveCountAsync(1);
            await Assertions.Expect(results).ToContainTextAsync("Ouvrir un tiers-lieu");
            await Assertions.Expect(results.Locator("mark")).ToHaveTextAsync("gouvernance");

            // The one search finds it too, with its type as a facet.
            await page.GotoAsync("/ressources");
            var search = page.GetByRole(AriaRole.Search, new() { Name = "Recherche dans les ressources" });
            await search.GetByLabel("Rechercher un acteur, un projet, un événement ou un document").FillAsync("modèle économique");
            await search.GetByRole(AriaRole.Button, new() { Name = "Rechercher" }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("search-results")).ToContainTextAsync("Ouvrir un tiers-lieu");
            await Assertions.Expect(page.GetByTestId("facet-type")).ToContainTextAsync("Documents (1)");

            var download = await page.RunAndWaitForDownloadAsync(async () =>
            {
                await page.GotoAsync("/ressources/documents");
                await page.GetByRole(AriaRole.Link, new() { Name = "Ouvrir un tiers-lieu" }).ClickAsync();
                await page.GetByTestId("download").ClickAsync();
            });
            Assert.Equal("guide-tiers-lieux.pdf", download.SuggestedFilename);
        });
    }

    [Fact]
    public async Task Projects_are_drawn_on_the_map_at_their_commune_s_centroid_and_a_click_opens_one()
    {
        long id;
        await using (var scope = browser.Services.CreateAsyncScope())
        {
            var project = new Scoran.Resources.Projects.Project
            {
                Title = "Tiers-lieu de test à Besançon", Summary = "Projet de test.", CommuneCode = "25056",
                Themes = TagList.Store(["tiers-lieux"]), Territories = TagList.Store(["25"]), Budget = 125000.50m,
            };
            await scope.ServiceProvider.GetRequiredService<ModerationService>().CreateAsync(project, ResourceEntryTypes.Project, "test", publish: true, Token);
            id = project.Id;
        }

        await browser.RunAsync("ressources-projets-carte", async page =>
        {
            var points = await page.APIRequest.GetAsync(new Uri(browser.BaseAddress, "/api/resources/projects.geojson?theme=tiers-lieux").ToString());
            using var json = System.Text.Json.JsonDocument.Parse(await points.TextAsync());
            var feature = json.RootElement.GetProperty("features").EnumerateArray().Single(f => f.GetProperty("properties").GetProperty("id").GetInt64() == id);
            var at = feature.GetProperty("geometry").GetProperty("coordinates");
            // Besançon's centroid: about 6.0° E, 47.25° N.
            Assert.InRange(at[0].GetDouble(), 5.9, 6.1);
            Assert.InRange(at[1].GetDouble(), 47.2, 47.3);

            await page.GotoAsync("/ressources/projets");
            await Assertions.Expect(page.GetByTestId("projects")).ToContainTextAsync("Tiers-lieu de test à Besançon");
            await Assertions.Expect(page.GetByTestId("projects")).ToContainTextAsync("125 001 €");
            var map = page.Locator("#carte-projets");
            await Assertions.Expect(map).ToHaveAttributeAsync("data-points", new Regex("^[1-9]"));
            await page.WaitForFunctionAsync("() => { const m = document.getElementById('carte-projets').scoranMap; return m && m.loaded() && m.queryRenderedFeatures({ layers: ['projets'] }).length > 0; }");
            var pixel = await page.EvaluateAsync<double[]>("() => { const m = document.getElementById('carte-projets').scoranMap; const f = m.queryRenderedFeatures({ layers: ['projets'] })[0]; const p = m.project(f.geometry.coordinates); return [p.x, p.y]; }");
            await map.ClickAsync(new() { Position = new Position { X = (float)pixel[0], Y = (float)pixel[1] } });
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Tiers-lieu de test à Besançon");
        });
    }

    [Fact]
    public async Task A_visitor_subscribes_to_the_agenda_feed_which_is_valid_rfc_5545()
    {
        await using (var scope = browser.Services.CreateAsyncScope())
        {
            var start = ParisTime.ToInstant(TestClock.Today.ToDateTime(TimeOnly.MinValue).AddDays(30).AddHours(10));
            await scope.ServiceProvider.GetRequiredService<ModerationService>().CreateAsync(new AgendaEvent
            {
                Uid = "navigateur-" + Guid.NewGuid().ToString("N") + "@test", Title = "Journée régionale de la médiation numérique",
                StartsAt = start, EndsAt = start.AddHours(7), Place = "Dijon", Themes = TagList.Store(["inclusion numérique"]),
                Territories = TagList.Store(["21"]), UpdatedAt = TestClock.Now,
            }, ResourceEntryTypes.Event, "test", publish: true, Token);
        }

        await browser.RunAsync("ressources-agenda", async page =>
        {
            await page.GotoAsync("/ressources");
            await page.GetByRole(AriaRole.Link, new() { Name = "Agenda partagé" }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("events")).ToContainTextAsync("Journée régionale de la médiation numérique");
            await Assertions.Expect(page.GetByTestId("feeds")).ToContainTextAsync("/api/resources/agenda.ics");

            var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("feed-all").ClickAsync());
            var path = Path.Combine(BrowserFixture.ScreenshotFolder, "agenda-scoran.ics");
            await download.SaveAsAsync(path);
            var bytes = await File.ReadAllBytesAsync(path, Token);
            var text = Encoding.UTF8.GetString(bytes);
            Assert.DoesNotMatch("[^\r]\n", text);
            Assert.All(text.Split("\r\n"), l => Assert.True(Encoding.UTF8.GetByteCount(l) <= 75, l));
            var calendar = Ical.Net.Calendar.Load(text)!;
            var item = Assert.Single(calendar.Events, e => e.Summary == "Journée régionale de la médiation numérique");
            Assert.False(string.IsNullOrEmpty(item.Uid));
            Assert.NotNull(item.DtStamp);
            Assert.Equal("Europe/Paris", item.DtStart!.TzId);
            Assert.Equal(10, item.DtStart.Hour);
        });
    }

    [Fact]
    public async Task A_contributor_s_event_stays_hidden_until_an_editor_publishes_it_from_the_moderation_queue()
    {
        var title = "Café numérique " + Guid.NewGuid().ToString("N")[..6];
        await browser.RunAsync("ressources-proposition", async page =>
        {
            await browser.SignInWithRoleAsync(page, ScoranRoles.Contributor);
            await page.GotoAsync("/ressources/agenda/proposer");
            await page.GetByLabel("Titre").FillAsync(title);
            var day = TestClock.Today.ToDateTime(TimeOnly.MinValue).AddDays(20).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            await page.GetByLabel("Début").FillAsync(day + "T18:00");
            await page.GetByLabel("Fin").FillAsync(day + "T20:00");
            await page.GetByLabel("Lieu (adresse)").FillAsync("Médiathèque, Lons-le-Saunier");
            await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("proposal-recorded")).ToContainTextAsync("après relecture par un éditeur");
        });

        await browser.RunAsync("ressources-proposition-invisible", async page =>
        {
            await page.GotoAsync("/ressources/agenda");
            await Assertions.Expect(page.GetByTestId("events")).Not.ToContainTextAsync(title);
        });

        await browser.RunAsync("ressources-moderation", async page =>
        {
            await browser.SignInWithRoleAsync(page, ScoranRoles.Editor);
            await page.GotoAsync("/ressources/moderation");
            await page.GetByTestId("moderation-queue").GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("diff")).ToContainTextAsync("Médiathèque, Lons-le-Saunier");
            await page.GetByRole(AriaRole.Button, new() { Name = "Publier" }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("moderation-message")).ToContainTextAsync("Proposition publiée");
        });

        await browser.RunAsync("ressources-proposition-publiee", async page =>
        {
            await page.GotoAsync("/ressources/agenda");
            await Assertions.Expect(page.GetByTestId("events")).ToContainTextAsync(title);
        });
    }
}
