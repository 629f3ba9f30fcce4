using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scoran.Accounts;
using Scoran.Core.Security;
using Scoran.Data;
using Scoran.Resources.Actors;
using Scoran.Resources.Agenda;
using Scoran.Resources.Contributions;
using Scoran.Resources.Projects;
using Scoran.Testing;

namespace Scoran.Web.Tests.Security;

/// <summary>
/// Security review F2 (validation part): the creation rules run again at a change proposal and at publication
/// (links only http(s), SIREN with its key), and every link from data is rendered through <see cref="SafeUrl"/>.
/// </summary>
public abstract class EntryValidationTests(DatabaseProvider provider)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;
    private const string Script = "javascript:alert(document.cookie)//https://example.org";

    [Fact]
    public void SafeUrl_allows_only_absolute_http_and_https_links()
    {
        foreach (var ok in new[] { "https://example.org", "http://example.org/a?b=c#d", " https://www.bourgognefranchecomte.fr/ " })
        {
            Assert.True(SafeUrl.IsHttp(ok), ok);
        }

        foreach (var bad in new[] { Script, "JavaScript:alert(1)", " javascript:alert(1)", "java\tscript:alert(1)", "data:text/html,<script>alert(1)</script>", "vbscript:x", "//evil.example",
                     "/relative", "http://", "https:evil.example", "file:///etc/passwd", "https://example.org/\r\nSet-Cookie: x=1", "", null })
        {
            Assert.False(SafeUrl.IsHttp(bad), bad);
        }
    }

    [Fact]
    public async Task F2_javascript_links_and_bad_siren_are_refused_at_change_proposal_and_at_publication_and_never_rendered_as_links()
    {
        TestDatabase.RequireEngine(provider);
        await using var database = await TestDatabase.CreateAsync(provider, "secentries");
        await using var factory = new ScoranAppFactory(database.Storage);
        long actorId, eventId, projectId, legacyActorId;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var moderation = scope.ServiceProvider.GetRequiredService<ModerationService>();
            var actor = new Actor { Name = "Acteur sûr", Type = ActorType.Association, Website = "https://acteur.example" };
            await moderation.CreateAsync(actor, ResourceEntryTypes.Actor, "test", publish: true, Token);
            var item = new AgendaEvent
            {
                Uid = Guid.NewGuid().ToString("N") + "@test", Title = "Atelier", StartsAt = ParisTime.ToInstant(new DateTime(2030, 3, 1, 10, 0, 0)),
                EndsAt = ParisTime.ToInstant(new DateTime(2030, 3, 1, 12, 0, 0)), OnlineUrl = "https://visio.example/atelier", UpdatedAt = TestClock.Now,
            };
            await moderation.CreateAsync(item, ResourceEntryTypes.Event, "test", publish: true, Token);
            var project = new Project { Title = "Projet sûr", Links = "https://projet.example" };
            await moderation.CreateAsync(project, ResourceEntryTypes.Project, "test", publish: true, Token);
            (actorId, eventId, projectId) = (actor.Id, item.Id, project.Id);

            // The service itself refuses an invalid creation, whatever the caller.
            await Assert.ThrowsAsync<EntryValidationException>(() => moderation.CreateAsync(new Actor { Name = "x", Type = ActorType.Association, Website = Script }, ResourceEntryTypes.Actor, "test", true, Token));

            // An entry stored before these rules (straight into the base).
            var db = scope.ServiceProvider.GetRequiredService<ScoranDbContext>();
            var legacy = new Actor { Name = "Acteur ancien", Type = ActorType.Association, Website = "javascript:alert(1)", Status = PublicationStatus.Published };
            db.Add(legacy);
            await db.SaveChangesAsync(Token);
            legacyActorId = legacy.Id;
        }

        var editor = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        await TestAccounts.SignInAsync(editor, await TestAccounts.CreateAsync(factory.Services, ScoranRoles.Editor));

        // The report's replay: an editor's direct change (proposal + publication at once) of the event's link and the actor's website and SIREN.
        var eventChange = await PostAsync(editor, $"/ressources/modifier/event/{eventId}", new() { ["valeurs[online]"] = Script });
        Assert.Equal(HttpStatusCode.BadRequest, eventChange.StatusCode);
        Assert.Contains("Le lien doit être une adresse http(s) complète.", WebUtility.HtmlDecode(await eventChange.Content.ReadAsStringAsync(Token)));
        var actorChange = await PostAsync(editor, $"/ressources/modifier/actor/{actorId}", new() { ["valeurs[website]"] = "javascript:fetch(\"/admin/comptes\")", ["valeurs[siren]"] = "123" });
        Assert.Equal(HttpStatusCode.BadRequest, actorChange.StatusCode);
        var actorErrors = WebUtility.HtmlDecode(await actorChange.Content.ReadAsStringAsync(Token));
        Assert.Contains("Le site web doit être une adresse http(s) complète.", actorErrors);
        Assert.Contains("Le SIREN doit compter 9 chiffres", actorErrors);

        // A contributor's proposal takes the same rules (project links).
        var contributor = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        await TestAccounts.SignInAsync(contributor, await TestAccounts.CreateAsync(factory.Services, ScoranRoles.Contributor));
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(contributor, $"/ressources/modifier/project/{projectId}", new() { ["valeurs[links]"] = "javascript:alert(1)" })).StatusCode);

        // A valid change still goes through.
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(editor, $"/ressources/modifier/actor/{actorId}", new() { ["valeurs[website]"] = "https://nouveau.example", ["valeurs[siren]"] = "356000000" })).StatusCode);

        // A pending proposal stored before the rule is refused at publication, nothing changed.
        long pendingId;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ScoranDbContext>();
            var pending = new Contribution
            {
                EntryType = ResourceEntryTypes.Actor, EntryId = actorId, Kind = ContributionKind.Change, Title = "Acteur sûr", ProposedJson = "{\"website\":\"javascript:alert(1)\",\"siren\":\"123\"}",
                BeforeJson = "{}", Status = ContributionStatus.Pending, Author = "ancien@test.invalid", SubmittedAt = TestClock.Now,
            };
            db.Add(pending);
            await db.SaveChangesAsync(Token);
            pendingId = pending.Id;
        }

        var publish = await PostAsync(editor, $"/ressources/moderation/{pendingId}", new() { ["decision"] = "publier" });
        Assert.Equal(HttpStatusCode.BadRequest, publish.StatusCode);
        Assert.Contains("Publication impossible", WebUtility.HtmlDecode(await publish.Content.ReadAsStringAsync(Token)));
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ScoranDbContext>();
            var actor = await db.Set<Actor>().AsNoTracking().SingleAsync(a => a.Id == actorId, Token);
            Assert.Equal(("https://nouveau.example", "356000000"), (actor.Website, actor.Siren));
            Assert.Equal(ContributionStatus.Pending, (await db.Set<Contribution>().AsNoTracking().SingleAsync(c => c.Id == pendingId, Token)).Status);
            Assert.Equal("https://visio.example/atelier", (await db.Set<AgendaEvent>().AsNoTracking().SingleAsync(e => e.Id == eventId, Token)).OnlineUrl);
        }

        // Rendering: no page nor feed turns a stored javascript: value into a link.
        var visitor = factory.CreateClient();
        foreach (var url in new[] { $"/ressources/acteurs/{legacyActorId}", $"/ressources/agenda/{eventId}", $"/ressources/projets/{projectId}", "/api/resources/agenda.ics" })
        {
            var body = await visitor.GetStringAsync(url, Token);
            Assert.DoesNotContain("href=\"javascript", body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("URL:javascript", body, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Contains("javascript:alert(1)", WebUtility.HtmlDecode(await visitor.GetStringAsync($"/ressources/acteurs/{legacyActorId}", Token)));
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, Dictionary<string, string> form)
    {
        form["__RequestVerificationToken"] = await TestAccounts.AntiforgeryTokenAsync(client, url);
        return await client.PostAsync(url, new FormUrlEncodedContent(form), Token);
    }
}

public sealed class SqliteEntryValidationTests() : EntryValidationTests(DatabaseProvider.Sqlite);

public sealed class PostgresEntryValidationTests() : EntryValidationTests(DatabaseProvider.Postgres);
