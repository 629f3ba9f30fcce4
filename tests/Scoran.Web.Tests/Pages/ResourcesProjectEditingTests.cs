using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scoran.Accounts;
using Scoran.Core.Audit;
using Scoran.Data;
using Scoran.Resources.Actors;
using Scoran.Resources.Contributions;
using Scoran.Resources.Projects;
using Scoran.Testing;

namespace Scoran.Web.Tests.Pages;

/// <summary>
/// Editing a project's links, images and actors after its creation (/ressources/projets/{id}/modifier):
/// only its owner and the moderators; the owner's edit of a published project waits for an editor;
/// refused, forged or invalid posts change nothing — on both engines.
/// </summary>
public abstract class ResourcesProjectEditingTests(DatabaseProvider provider)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;
    private static readonly byte[] Png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0];

    private sealed record Snapshot(string? Links, string Actors, string Images, int Contributions);

    [Fact]
    public async Task Owner_and_moderators_edit_links_images_and_actors_others_are_refused_and_published_projects_are_re_moderated()
    {
        TestDatabase.RequireEngine(provider);
        await using var database = await TestDatabase.CreateAsync(provider, "resprojedit");
        await using var factory = new ScoranAppFactory(database.Storage);
        HttpClient Client() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        async Task<T> Db<T>(Func<ScoranDbContext, IServiceProvider, Task<T>> action)
        {
            await using var scope = factory.Services.CreateAsyncScope();
            return await action(scope.ServiceProvider.GetRequiredService<ScoranDbContext>(), scope.ServiceProvider);
        }

        async Task<(HttpClient Client, string Email)> SignedInAsync(string role)
        {
            var client = Client();
            var email = await TestAccounts.CreateAsync(factory.Services, role);
            Assert.Equal(HttpStatusCode.Redirect, (await TestAccounts.SignInAsync(client, email)).StatusCode);
            return (client, email);
        }

        var (owner, ownerEmail) = await SignedInAsync(ScoranRoles.Contributor);
        var (other, _) = await SignedInAsync(ScoranRoles.Contributor);
        var (editor, editorEmail) = await SignedInAsync(ScoranRoles.Editor);
        var (projectId, actorId) = await Db(async (db, sp) =>
        {
            var moderation = sp.GetRequiredService<ModerationService>();
            var actor = new Actor { Name = "Association partenaire d'essai", Type = ActorType.Association };
            await moderation.CreateAsync(actor, ResourceEntryTypes.Actor, "test", publish: true, Token);
            var project = new Project { Title = "Tiers-lieu d'essai", Links = "https://ancien.example" };
            var creation = await moderation.CreateAsync(project, ResourceEntryTypes.Project, ownerEmail, publish: false, Token);
            await moderation.PublishAsync(creation.Id, "editeur@test.invalid", null, Token);
            return (project.Id, actor.Id);
        });
        var url = $"/ressources/projets/{projectId}/modifier";
        Task<Snapshot> StateAsync() => Db(async (db, _) =>
        {
            var p = await db.Set<Project>().AsNoTracking().Include(x => x.Actors).Include(x => x.Images).SingleAsync(x => x.Id == projectId, Token);
            return new Snapshot(p.Links, string.Join(",", p.Actors.Select(a => $"{a.ActorId}:{a.Role}")), string.Join(",", p.Images.Select(i => i.AltText)),
                await db.Set<Contribution>().CountAsync(c => c.EntryId == projectId && c.EntryType == ResourceEntryTypes.Project, Token));
        });
        async Task<HttpResponseMessage> PostAsync(HttpClient client, Dictionary<string, string> fields, (string Name, byte[] Bytes)? image = null, bool token = true)
        {
            var form = new MultipartFormDataContent();
            if (token) form.Add(new StringContent(await TestAccounts.AntiforgeryTokenAsync(client, "/ressources/projets/proposer")), "__RequestVerificationToken");
            foreach (var (k, v) in fields) form.Add(new StringContent(v), k);
            if (image is { } i)
            {
                var file = new ByteArrayContent(i.Bytes);
                file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
                form.Add(file, "image", i.Name);
            }

            return await client.PostAsync(url, form, Token);
        }

        var initial = await StateAsync();
        Assert.Equal(new Snapshot("https://ancien.example", "", "", 1), initial);

        // Refused: anonymous (sign-in), a contributor who is not the owner (403, also through the API), forged post (no token), invalid link or file.
        var anonymous = Client();
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync(url, Token)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PutAsJsonAsync($"/api/resources/projects/{projectId}/links", new { links = new[] { "https://x.example" } }, Token)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync(url, Token)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(other, new() { ["Liens"] = "https://pirate.example" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PutAsJsonAsync($"/api/resources/projects/{projectId}/links", new { links = new[] { "https://pirate.example" } }, Token)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(owner, new() { ["Liens"] = "https://sans-jeton.example" }, token: false)).StatusCode);
        var badLink = await PostAsync(owner, new() { ["Liens"] = "https://ancien.example\njavascript:alert(1)" });
        Assert.Equal(HttpStatusCode.BadRequest, badLink.StatusCode);
        Assert.Contains("Lien invalide : « javascript:alert(1) »", WebUtility.HtmlDecode(await badLink.Content.ReadAsStringAsync(Token)));
        var exe = await PostAsync(owner, new() { ["Liens"] = "https://ancien.example", ["ImageTexte"] = "photo" }, ("photo.png", "MZ\x90\0\x03\0\0\0"u8.ToArray()));
        Assert.Equal(HttpStatusCode.BadRequest, exe.StatusCode);
        Assert.Contains("n'est pas une image PNG, JPEG ou WebP", WebUtility.HtmlDecode(await exe.Content.ReadAsStringAsync(Token)));
        var api400 = await owner.PutAsJsonAsync($"/api/resources/projects/{projectId}/links", new { links = new[] { "ftp://fichiers.example" } }, Token);
        Assert.Equal(HttpStatusCode.BadRequest, api400.StatusCode);
        Assert.Equal("application/problem+json", api400.Content.Headers.ContentType?.MediaType);
        Assert.Equal(initial, await StateAsync());
        Assert.Equal(2, (await Db((db, _) => AuditTrail.HistoryAsync(db, "resources.project", projectId.ToString(System.Globalization.CultureInfo.InvariantCulture), Token))).Count);

        // The owner of the published project: a link, an image and an actor, proposed; the public sees nothing until an editor publishes.
        var proposed = await PostAsync(owner, new() { ["Liens"] = "https://ancien.example\nhttps://nouveau.example/page", ["ImageTexte"] = "Façade du tiers-lieu", ["ActeurId"] = actorId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["ActeurRole"] = "porteur" }, ("facade.png", Png));
        Assert.Equal(HttpStatusCode.Redirect, proposed.StatusCode);
        Assert.EndsWith("fait=propose", proposed.Headers.Location!.ToString());
        Assert.Equal(initial with { Contributions = 2 }, await StateAsync());
        Assert.DoesNotContain("nouveau.example", await anonymous.GetStringAsync($"/ressources/projets/{projectId}", Token));
        var change = await Db((db, _) => db.Set<Contribution>().SingleAsync(c => c.EntryId == projectId && c.EntryType == ResourceEntryTypes.Project && c.Kind == ContributionKind.Change, Token));
        Assert.Equal(ownerEmail, change.Author);
        var review = WebUtility.HtmlDecode(await editor.GetStringAsync($"/ressources/moderation/{change.Id}", Token));
        Assert.Contains("ajout de « Association partenaire d'essai » (porteur)", review);
        Assert.Contains("ajout de « facade.png » (image/png", review);
        Assert.Equal(HttpStatusCode.OK, (await editor.PostAsync($"/ressources/moderation/{change.Id}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await TestAccounts.AntiforgeryTokenAsync(editor, $"/ressources/moderation/{change.Id}"), ["decision"] = "publier",
        }), Token)).StatusCode);
        var published = await StateAsync();
        Assert.Equal(new Snapshot("https://ancien.example\nhttps://nouveau.example/page", $"{actorId}:porteur", "Façade du tiers-lieu", 2), published);
        var page = WebUtility.HtmlDecode(await anonymous.GetStringAsync($"/ressources/projets/{projectId}", Token));
        Assert.Contains("href=\"https://nouveau.example/page\"", page);
        Assert.Contains("Association partenaire d'essai", page);
        Assert.Contains("alt=\"Façade du tiers-lieu\"", page);

        // A moderator's edit applies at once: the image is removed, the actor withdrawn, a link dropped.
        var imageId = await Db((db, _) => db.Set<ProjectImage>().Where(i => i.ProjectId == projectId).Select(i => i.Id).SingleAsync(Token));
        var direct = await PostAsync(editor, new() { ["Liens"] = "https://nouveau.example/page", ["RetirerImages"] = imageId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["RetirerActeurs"] = actorId.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.EndsWith("fait=applique", direct.Headers.Location!.ToString());
        Assert.Equal(new Snapshot("https://nouveau.example/page", "", "", 2), await StateAsync());
        var audit = await Db((db, _) => AuditTrail.HistoryAsync(db, "resources.project", projectId.ToString(System.Globalization.CultureInfo.InvariantCulture), Token));
        Assert.Equal(["proposed", "published", "change-proposed", "published", "updated"], audit.Select(a => a.Action));
        Assert.Equal(editorEmail, audit[^1].Author);
        Assert.Contains("facade.png", audit[^1].BeforeJson);

        // Through the API: the owner's edit of the published project is accepted for review (202), the editor's applied (200).
        var api = await owner.PutAsJsonAsync($"/api/resources/projects/{projectId}/links", new { links = new[] { "https://api.example" } }, Token);
        Assert.Equal(HttpStatusCode.Accepted, api.StatusCode);
        Assert.Equal("https://nouveau.example/page", (await StateAsync()).Links);
        Assert.Equal(HttpStatusCode.OK, (await editor.PutAsJsonAsync($"/api/resources/projects/{projectId}/links", new { links = new[] { "https://api.example" } }, Token)).StatusCode);
        Assert.Equal("https://api.example", (await StateAsync()).Links);
    }
}

public sealed class SqliteResourcesProjectEditingTests() : ResourcesProjectEditingTests(DatabaseProvider.Sqlite);

public sealed class PostgresResourcesProjectEditingTests() : ResourcesProjectEditingTests(DatabaseProvider.Postgres);
