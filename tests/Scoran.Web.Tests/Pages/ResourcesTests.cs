using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scoran.Accounts;
using Scoran.Core.Audit;
using Scoran.Data;
using Scoran.Resources.Actors;
using Scoran.Resources.Agenda;
using Scoran.Resources.Contributions;
using Scoran.Resources.Tests;
using Scoran.Testing;

namespace Scoran.Web.Tests.Pages;

/// <summary>
/// The resource space through the real application: moderation, consent, uploads, iCal feeds.
/// Each test has a database of its own (no territories needed): entries written here must not
/// show up in other tests' pages.
/// </summary>
public abstract class ResourcesTests(DatabaseProvider provider)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private sealed class Site(TestDatabase database, ScoranAppFactory factory) : IAsyncDisposable
    {
        public TestDatabase Database => database;
        public ScoranAppFactory Factory => factory;

        public HttpClient Client() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        public async Task<HttpClient> SignedInAsync(string role)
        {
            var client = Client();
            var email = await TestAccounts.CreateAsync(factory.Services, role);
            Assert.Equal(HttpStatusCode.Redirect, (await TestAccounts.SignInAsync(client, email)).StatusCode);
            return client;
        }

        public async Task<T> WithDbAsync<T>(Func<ScoranDbContext, IServiceProvider, Task<T>> action)
        {
            await using var scope = factory.Services.CreateAsyncScope();
            return await action(scope.ServiceProvider.GetRequiredService<ScoranDbContext>(), scope.ServiceProvider);
        }

        public async ValueTask DisposeAsync()
        {
            await factory.DisposeAsync();
            await database.DisposeAsync();
        }
    }

    private async Task<Site> StartAsync(string name, long maxUploadBytes = 20L * 1024 * 1024)
    {
        TestDatabase.RequireEngine(provider);
        var database = await TestDatabase.CreateAsync(provider, name);
        var factory = new ScoranAppFactory(database.Storage, new Dictionary<string, string>
        {
            ["Scoran:Resources:MaxUploadBytes"] = maxUploadBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        return new Site(database, factory);
    }

    private static async Task<string> PostFormAsync(HttpClient client, string url, Dictionary<string, string> fields, HttpStatusCode expected)
    {
        fields["__RequestVerificationToken"] = await TestAccounts.AntiforgeryTokenAsync(client, url);
        var response = await client.PostAsync(url, new FormUrlEncodedContent(fields), Token);
        Assert.Equal(expected, response.StatusCode);
        return response.StatusCode == HttpStatusCode.Redirect ? response.Headers.Location!.ToString() : WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Token));
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string fileName, byte[] bytes, string title)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(await TestAccounts.AntiforgeryTokenAsync(client, "/ressources/documents/deposer")), "__RequestVerificationToken" },
            { new StringContent(title), "Titre" },
            { new StringContent("Guide"), "Categorie" },
            { new StringContent("Région (test)"), "Auteur" },
            { new StringContent("Licence Ouverte 2.0"), "Licence" },
            { new StringContent("2026-06-01"), "Date" },
            { new StringContent("inclusion numérique"), "Themes" },
        };
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "fichier", fileName);
        return await client.PostAsync("/ressources/documents/deposer", form, Token);
    }

    [Fact]
    public async Task A_contributor_s_actor_is_invisible_to_the_public_until_an_editor_publishes_it_and_every_step_is_audited()
    {
        await using var site = await StartAsync("resmod");
        var contributor = await site.SignedInAsync(ScoranRoles.Contributor);
        var location = await PostFormAsync(contributor, "/ressources/acteurs/proposer", new()
        {
            ["Nom"] = "Syndicat d'essai du numérique", ["Type"] = "SyndicatMixte", ["Siren"] = "732 829 320", ["Territoires"] = "25; 39",
            ["Description"] = "Fiche de test",
        }, HttpStatusCode.Redirect);
        Assert.Equal("/ressources/contributions/merci", location);

        var visitor = site.Client();
        Assert.DoesNotContain("Syndicat d'essai", await visitor.GetStringAsync("/ressources/acteurs", Token));
        Assert.DoesNotContain("Syndicat d'essai", await visitor.GetStringAsync("/api/resources/actors", Token));
        Assert.DoesNotContain("Syndicat d'essai", await visitor.GetStringAsync("/api/resources/search?q=syndicat", Token));
        var id = await site.WithDbAsync((db, _) => db.Set<Actor>().Where(a => a.Name == "Syndicat d'essai du numérique").Select(a => a.Id).SingleAsync(Token));
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/ressources/acteurs/{id}", Token)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/api/resources/actors/{id}", Token)).StatusCode);
        // A contributor cannot publish, nor even read the queue.
        Assert.Equal(HttpStatusCode.Redirect, (await contributor.GetAsync("/ressources/moderation", Token)).StatusCode);

        var editor = await site.SignedInAsync(ScoranRoles.Editor);
        var queue = WebUtility.HtmlDecode(await editor.GetStringAsync("/ressources/moderation", Token));
        Assert.Contains("Syndicat d'essai du numérique", queue);
        var contributionId = await site.WithDbAsync((db, _) => db.Set<Contribution>().Where(c => c.EntryId == id && c.EntryType == "actor").Select(c => c.Id).SingleAsync(Token));
        var review = WebUtility.HtmlDecode(await editor.GetStringAsync($"/ressources/moderation/{contributionId}", Token));
        Assert.Contains("732829320", review);
        var published = await PostFormAsync(editor, $"/ressources/moderation/{contributionId}", new() { ["decision"] = "publier", ["commentaire"] = "vérifié" }, HttpStatusCode.OK);
        Assert.Contains("Proposition publiée", published);

        Assert.Contains("Syndicat d'essai du numérique", WebUtility.HtmlDecode(await visitor.GetStringAsync("/ressources/acteurs", Token)));
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync($"/api/resources/actors/{id}", Token)).StatusCode);
        Assert.Contains("Syndicat d'essai", await visitor.GetStringAsync("/api/resources/search?q=syndicat", Token));

        // A change proposed by the contributor is shown as a diff and leaves the public entry unchanged until published.
        await PostFormAsync(contributor, $"/ressources/modifier/actor/{id}", new()
        {
            ["valeurs[name]"] = "Syndicat d'essai du numérique", ["valeurs[website]"] = "https://syndicat.example",
        }, HttpStatusCode.Redirect);
        Assert.DoesNotContain("syndicat.example", await visitor.GetStringAsync($"/api/resources/actors/{id}", Token));
        var change = await site.WithDbAsync((db, _) => db.Set<Contribution>().Where(c => c.EntryId == id && c.Kind == ContributionKind.Change).SingleAsync(Token));
        Assert.DoesNotContain("\"name\"", change.ProposedJson);
        var diff = WebUtility.HtmlDecode(await editor.GetStringAsync($"/ressources/moderation/{change.Id}", Token));
        Assert.Contains("Site web (modifié)", diff);
        await PostFormAsync(editor, $"/ressources/moderation/{change.Id}", new() { ["decision"] = "publier" }, HttpStatusCode.OK);
        Assert.Contains("syndicat.example", await visitor.GetStringAsync($"/api/resources/actors/{id}", Token));

        var audit = await site.WithDbAsync((db, _) => AuditTrail.HistoryAsync(db, "resources.actor", id.ToString(System.Globalization.CultureInfo.InvariantCulture), Token));
        Assert.Equal(["proposed", "published", "change-proposed", "published"], audit.Select(a => a.Action));
        Assert.Contains("https://syndicat.example", audit[^1].AfterJson);
    }

    [Fact]
    public async Task Contacts_without_recorded_consent_never_appear_in_pages_or_api()
    {
        await using var site = await StartAsync("resconsent");
        var id = await site.WithDbAsync(async (_, sp) =>
        {
            var actor = new Actor
            {
                Name = "Communauté d'essai", Type = ActorType.Epci,
                Contacts =
                [
                    new ActorContact { Name = "Camille Publique", Email = "camille@essai.example", Consent = true, ConsentDate = new DateOnly(2026, 5, 2) },
                    new ActorContact { Name = "Dominique Secrète", Email = "dominique@essai.example", Phone = "03 00 00 00 00", Consent = false },
                    new ActorContact { Name = "Alex SansDate", Email = "alex@essai.example", Consent = true, ConsentDate = null },
                ],
            };
            await sp.GetRequiredService<ModerationService>().CreateAsync(actor, ResourceEntryTypes.Actor, "test", publish: true, Token);
            return actor.Id;
        });
        var visitor = site.Client();
        foreach (var text in new[]
        {
            WebUtility.HtmlDecode(await visitor.GetStringAsync($"/ressources/acteurs/{id}", Token)),
            await visitor.GetStringAsync($"/api/resources/actors/{id}", Token),
            await visitor.GetStringAsync("/api/resources/actors", Token),
            await visitor.GetStringAsync("/api/resources/search?q=essai", Token),
            WebUtility.HtmlDecode(await visitor.GetStringAsync("/ressources/recherche?q=essai", Token)),
        })
        {
            Assert.DoesNotContain("Dominique", text);
            Assert.DoesNotContain("dominique@", text);
            Assert.DoesNotContain("03 00 00", text);
            Assert.DoesNotContain("alex@", text);
        }

        Assert.Contains("camille@essai.example", await visitor.GetStringAsync($"/api/resources/actors/{id}", Token));
        Assert.Contains("camille@essai.example", await visitor.GetStringAsync($"/ressources/acteurs/{id}", Token));
    }

    [Fact]
    public async Task Uploads_of_an_executable_or_an_oversized_file_are_refused_with_a_clear_message_and_a_pdf_is_found_by_its_text()
    {
        await using var site = await StartAsync("resupload", maxUploadBytes: 4000);
        var editor = await site.SignedInAsync(ScoranRoles.Editor);

        var exe = await UploadAsync(editor, "guide.pdf", ResourceTestFiles.Executable(), "Programme déguisé");
        Assert.Equal(HttpStatusCode.BadRequest, exe.StatusCode);
        Assert.Contains("les exécutables sont refusés", WebUtility.HtmlDecode(await exe.Content.ReadAsStringAsync(Token)));
        var big = await UploadAsync(editor, "gros.pdf", ResourceTestFiles.Pdf(string.Concat(Enumerable.Repeat("remplissage ", 800))), "Trop gros");
        Assert.Equal(HttpStatusCode.BadRequest, big.StatusCode);
        Assert.Contains("est trop volumineux", WebUtility.HtmlDecode(await big.Content.ReadAsStringAsync(Token)));
        Assert.Contains("la taille maximale est de 3,9 ko", WebUtility.HtmlDecode(await big.Content.ReadAsStringAsync(Token)));

        var ok = await UploadAsync(editor, "guide-mediation.pdf", ResourceTestFiles.Pdf("Guide de la mediation numerique", "Le conventionnement des espaces publics numériques."), "Guide de la médiation");
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var visitor = site.Client();
        var found = WebUtility.HtmlDecode(await visitor.GetStringAsync("/ressources/documents?q=conventionnement", Token));
        Assert.Contains("Guide de la médiation", found);
        Assert.Contains("<mark>conventionnement</mark>", found);
        Assert.DoesNotContain("Guide de la médiation", WebUtility.HtmlDecode(await visitor.GetStringAsync("/ressources/documents?q=inexistantissime", Token)));

        var id = ok.Headers.Location!.ToString().Split('/')[^1];
        var file = await visitor.GetAsync($"/api/resources/documents/{id}/file", Token);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("application/pdf", file.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", file.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("guide-mediation.pdf", file.Content.Headers.ContentDisposition.FileNameStar ?? file.Content.Headers.ContentDisposition.FileName);
        Assert.Equal("nosniff", file.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.StartsWith("sandbox", file.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal(ResourceTestFiles.Pdf("Guide de la mediation numerique", "Le conventionnement des espaces publics numériques."), await file.Content.ReadAsByteArrayAsync(Token));

        // Nobody may upload without the contributor role.
        var anonymous = site.Client();
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync("/ressources/documents/deposer", Token)).StatusCode);
    }

    [Fact]
    public async Task The_agenda_feeds_are_valid_rfc_5545_with_paris_times_and_only_published_events()
    {
        await using var site = await StartAsync("resical");
        await site.WithDbAsync(async (_, sp) =>
        {
            var moderation = sp.GetRequiredService<ModerationService>();
            AgendaEvent Event(string title, string theme, string territory, DateTime parisStart) => new()
            {
                Uid = Guid.NewGuid().ToString("N") + "@test", Title = title, Themes = TagList.Store([theme]), Territories = TagList.Store([territory]),
                StartsAt = ParisTime.ToInstant(parisStart), EndsAt = ParisTime.ToInstant(parisStart.AddHours(2)),
                Place = "Salle des fêtes, 1 place de la Mairie, 25000 Besançon",
                Description = "Une description assez longue pour que la ligne iCalendar dépasse soixante-quinze octets et doive être repliée selon la RFC 5545, accents compris : éàèù.",
                UpdatedAt = TestClock.Now,
            };
            await moderation.CreateAsync(Event("Atelier fibre", "très haut débit", "25", new DateTime(2030, 7, 1, 14, 0, 0)), ResourceEntryTypes.Event, "test", true, Token);
            await moderation.CreateAsync(Event("Rencontre inclusion", "inclusion numérique", "39", new DateTime(2030, 1, 15, 9, 30, 0)), ResourceEntryTypes.Event, "test", true, Token);
            await moderation.CreateAsync(Event("Proposé non publié", "inclusion numérique", "39", new DateTime(2030, 2, 1, 9, 0, 0)), ResourceEntryTypes.Event, "test", false, Token);
            return true;
        });

        var visitor = site.Client();
        var response = await visitor.GetAsync("/api/resources/agenda.ics", Token);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync(Token);
        var text = Encoding.UTF8.GetString(bytes);
        Assert.StartsWith("BEGIN:VCALENDAR\r\n", text);
        Assert.EndsWith("END:VCALENDAR\r\n", text);
        Assert.DoesNotMatch("[^\r]\n", text);
        var lines = text.Split("\r\n");
        Assert.All(lines, l => Assert.True(Encoding.UTF8.GetByteCount(l) <= 75, $"line of {Encoding.UTF8.GetByteCount(l)} octets: {l}"));
        Assert.Contains(lines, l => l.StartsWith(' '));
        Assert.Contains("VERSION:2.0", lines);
        Assert.Contains(lines, l => l.StartsWith("PRODID:", StringComparison.Ordinal));

        var calendar = Ical.Net.Calendar.Load(text)!;
        Assert.Equal(["Atelier fibre", "Rencontre inclusion"], calendar.Events.Select(e => e.Summary).Order());
        Assert.All(calendar.Events, e =>
        {
            Assert.False(string.IsNullOrEmpty(e.Uid));
            Assert.NotNull(e.DtStamp);
            Assert.NotNull(e.DtStart);
            Assert.Equal("Europe/Paris", e.DtStart!.TzId);
        });
        var july = calendar.Events.Single(e => e.Summary == "Atelier fibre");
        Assert.Equal(new DateTime(2030, 7, 1, 12, 0, 0, DateTimeKind.Utc), july.DtStart!.AsUtc);
        Assert.Contains("accents compris : éàèù.", july.Description);
        Assert.Contains(calendar.TimeZones, z => z.TzId == "Europe/Paris");

        var themed = Ical.Net.Calendar.Load(await visitor.GetStringAsync("/api/resources/agenda.ics?theme=" + Uri.EscapeDataString("inclusion numérique"), Token))!;
        Assert.Equal(["Rencontre inclusion"], themed.Events.Select(e => e.Summary));
        var territory = Ical.Net.Calendar.Load(await visitor.GetStringAsync("/api/resources/agenda.ics?territoire=25", Token))!;
        Assert.Equal(["Atelier fibre"], territory.Events.Select(e => e.Summary));
    }

    [Fact]
    public async Task The_entry_page_links_every_section_including_places_and_the_api_is_in_the_openapi_document()
    {
        await using var site = await StartAsync("resentry");
        var visitor = site.Client();
        var html = WebUtility.HtmlDecode(await visitor.GetStringAsync("/ressources", Token));
        Assert.Contains("<h1>Ressources du numérique régional</h1>", html);
        Assert.DoesNotContain("À venir", html);
        foreach (var link in new[] { "/ressources/acteurs", "/ressources/projets", "/ressources/agenda", "/ressources/documents", "/ressources/lieux", "/ressources/recherche" })
        {
            Assert.Contains($"\"{link}\"", html);
        }

        var openApi = await visitor.GetStringAsync("/openapi/v1.json", Token);
        foreach (var path in new[] { "/api/resources/search", "/api/resources/actors", "/api/resources/agenda.ics", "/api/resources/documents/{id}/file", "/api/resources/projects.geojson" })
        {
            Assert.Contains($"\"{path}\"", openApi);
        }
    }

    [Fact]
    public async Task A_project_image_is_checked_by_its_content_and_served_with_safe_headers()
    {
        await using var site = await StartAsync("resimage");
        var editor = await site.SignedInAsync(ScoranRoles.Editor);
        var png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");

        async Task<HttpResponseMessage> ProposeAsync(string title, string fileName, byte[] image)
        {
            var form = new MultipartFormDataContent
            {
                { new StringContent(await TestAccounts.AntiforgeryTokenAsync(editor, "/ressources/projets/proposer")), "__RequestVerificationToken" },
                { new StringContent(title), "Titre" },
                { new StringContent("EnCours"), "Etat" },
                { new StringContent("120 000,50"), "Budget" },
                { new StringContent("Photo du chantier"), "ImageTexte" },
            };
            form.Add(new ByteArrayContent(image), "image", fileName);
            return await editor.PostAsync("/ressources/projets/proposer", form, Token);
        }

        var svg = await ProposeAsync("Projet SVG", "logo.png", Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"));
        Assert.Equal(HttpStatusCode.BadRequest, svg.StatusCode);
        Assert.Contains("n'est pas une image PNG, JPEG ou WebP", WebUtility.HtmlDecode(await svg.Content.ReadAsStringAsync(Token)));

        var ok = await ProposeAsync("Projet illustré", "chantier.png", png);
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var visitor = site.Client();
        var html = WebUtility.HtmlDecode(await visitor.GetStringAsync(ok.Headers.Location!.ToString(), Token));
        Assert.Contains("alt=\"Photo du chantier\"", html);
        Assert.Contains("120 000,50 €", html.Replace('\u202f', ' ').Replace('\u00a0', ' '));
        var src = System.Text.RegularExpressions.Regex.Match(html, "src=\"(/api/resources/projects/[0-9]+/images/[0-9]+)\"").Groups[1].Value;
        var image = await visitor.GetAsync(src, Token);
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/png", image.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", image.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(png, await image.Content.ReadAsByteArrayAsync(Token));
    }

    [Fact]
    public async Task Proposing_an_actor_through_the_api_needs_a_role_and_a_valid_siren()
    {
        await using var site = await StartAsync("resapi");
        var anonymous = site.Client();
        var refused = await anonymous.PostAsJsonAsync("/api/resources/actors", new { name = "X", type = "Association" }, Token);
        Assert.True(refused.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Redirect or HttpStatusCode.Forbidden, refused.StatusCode.ToString());

        var contributor = await site.SignedInAsync(ScoranRoles.Contributor);
        var invalid = await contributor.PostAsJsonAsync("/api/resources/actors", new { name = "", type = "Association", siren = "123456789", website = "pas une adresse" }, Token);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal("application/problem+json", invalid.Content.Headers.ContentType!.MediaType);
        using var problem = JsonDocument.Parse(await invalid.Content.ReadAsStringAsync(Token));
        var errors = problem.RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty("siren", out _));
        Assert.True(errors.TryGetProperty("name", out _));
        Assert.True(errors.TryGetProperty("website", out _));

        var created = await contributor.PostAsJsonAsync("/api/resources/actors", new { name = "Association d'essai", type = "Association", siren = "732829320" }, Token);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Contains("\"proposed\"", await created.Content.ReadAsStringAsync(Token));
        Assert.Equal("[]", await anonymous.GetStringAsync("/api/resources/actors", Token));
    }
}

public sealed class SqliteResourcesTests() : ResourcesTests(DatabaseProvider.Sqlite);

public sealed class PostgresResourcesTests() : ResourcesTests(DatabaseProvider.Postgres);
