using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scoran.Accounts;
using Scoran.Data;
using Scoran.Observatory.Model;
using Scoran.Testing;

namespace Scoran.Web.Tests.Pages;

/// <summary>Writes need an account with the right role; a refused upload changes nothing.</summary>
public abstract partial class AdministrationTests(ImportedTerritories imported) : ApplicationTests(imported)
{
    private HttpClient NewBrowserLikeClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });



    [Theory]
    [InlineData("/admin")]
    [InlineData("/admin/imports")]
    [InlineData("/admin/comptes")]
    public async Task Anonymous_visitors_are_sent_to_the_sign_in_page(string url)
    {
        var response = await NewBrowserLikeClient().GetAsync(url, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/compte/connexion?ReturnUrl={Uri.EscapeDataString(url)}", response.Headers.Location?.PathAndQuery);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_without_saying_whether_the_account_exists()
    {
        var email = await TestAccounts.CreateAsync(Services, ScoranRoles.DataManager);
        var client = NewBrowserLikeClient();

        var wrongPassword = await TestAccounts.SignInAsync(client, email, "pas le bon mot de passe");
        var unknownAccount = await TestAccounts.SignInAsync(client, "personne@region-test.invalid", "pas le bon mot de passe");

        Assert.Equal(HttpStatusCode.OK, wrongPassword.StatusCode);
        var text = await wrongPassword.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("Adresse ou mot de passe incorrect.", WebUtility.HtmlDecode(text));
        Assert.Equal(WebUtility.HtmlDecode(text).Contains("incorrect"), WebUtility.HtmlDecode(await unknownAccount.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Contains("incorrect"));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/admin", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task A_data_manager_signs_in_reaches_the_imports_but_not_the_accounts()
    {
        var email = await TestAccounts.CreateAsync(Services, ScoranRoles.DataManager);
        var client = NewBrowserLikeClient();

        var signedIn = await TestAccounts.SignInAsync(client, email, TestAccounts.Password, "/admin/imports");
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/admin/imports", signedIn.Headers.Location?.OriginalString);

        var imports = await client.GetAsync("/admin/imports", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, imports.StatusCode);
        Assert.Contains("Arcep — déploiement FttH par commune", WebUtility.HtmlDecode(await imports.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)));

        var accounts = await client.GetAsync("/admin/comptes", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, accounts.StatusCode);
        Assert.StartsWith("/compte/acces-refuse", accounts.Headers.Location?.PathAndQuery);
    }

    [Fact]
    public async Task An_upload_without_the_antiforgery_token_is_refused()
    {
        var email = await TestAccounts.CreateAsync(Services, ScoranRoles.DataManager);
        var client = NewBrowserLikeClient();
        await TestAccounts.SignInAsync(client, email, TestAccounts.Password);

        var response = await client.PostAsync("/admin/imports", Upload("arcep-ftth", ("deploiement", "ftthCommunes.csv", "x"u8.ToArray())), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_damaged_upload_lists_its_errors_and_leaves_the_release_intact()
    {
        var email = await TestAccounts.CreateAsync(Services, ScoranRoles.DataManager);
        var client = NewBrowserLikeClient();
        await TestAccounts.SignInAsync(client, email, TestAccounts.Password);
        var before = await CountAsync();
        var lines = await File.ReadAllLinesAsync(Path.Combine(SharedData.Root, "data", "ftth", "arcep-observatoire-2018T1", "ftthCommunes.csv"), TestContext.Current.CancellationToken);
        lines[9] = lines[9].Replace(",Locaux Raccordables,", ",Locaux Raccordables,beaucoup", StringComparison.Ordinal);
        var damaged = System.Text.Encoding.UTF8.GetBytes(string.Join('\n', lines));
        var information = await File.ReadAllBytesAsync(Path.Combine(SharedData.Root, "data", "ftth", "arcep-observatoire-2018T1", "communes.csv"), TestContext.Current.CancellationToken);

        var form = Upload("arcep-ftth", ("deploiement", "ftthCommunes-corrige.csv", damaged), ("communes", "communes.csv", information));
        form.Add(new StringContent(await TestAccounts.AntiforgeryTokenAsync(client, "/admin/imports")), "__RequestVerificationToken");
        var response = await client.PostAsync("/admin/imports", form, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Contains("Import refusé, données inchangées.", html);
        Assert.Matches(@"ftthCommunes-corrige\.csv:10:\d+: ", html);
        Assert.DoesNotContain("scoran-upload-", html);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Uploading_the_release_already_imported_changes_nothing_and_says_so()
    {
        var email = await TestAccounts.CreateAsync(Services, ScoranRoles.Administrator);
        var client = NewBrowserLikeClient();
        await TestAccounts.SignInAsync(client, email, TestAccounts.Password);
        var before = await CountAsync();
        var folder = Path.Combine(SharedData.Root, "data", "ftth", "arcep-observatoire-2018T1");

        var form = Upload("arcep-ftth",
            ("deploiement", "ftthCommunes.csv", await File.ReadAllBytesAsync(Path.Combine(folder, "ftthCommunes.csv"), TestContext.Current.CancellationToken)),
            ("communes", "communes.csv", await File.ReadAllBytesAsync(Path.Combine(folder, "communes.csv"), TestContext.Current.CancellationToken)));
        form.Add(new StringContent(await TestAccounts.AntiforgeryTokenAsync(client, "/admin/imports")), "__RequestVerificationToken");
        var response = await client.PostAsync("/admin/imports", form, TestContext.Current.CancellationToken);

        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Contains("Publication 2018T1 déjà importée à l'identique : rien n'a changé.", html);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task An_administrator_creates_an_account_with_a_role_and_a_short_password_is_refused()
    {
        var email = await TestAccounts.CreateAsync(Services, ScoranRoles.Administrator);
        var client = NewBrowserLikeClient();
        await TestAccounts.SignInAsync(client, email, TestAccounts.Password);
        var newcomer = $"nouvel-agent-{Guid.NewGuid():N}@region-test.invalid";

        async Task<string> CreateAsync(string password)
        {
            var response = await client.PostAsync("/admin/comptes", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = await TestAccounts.AntiforgeryTokenAsync(client, "/admin/comptes"),
                ["Email"] = newcomer,
                ["DisplayName"] = "Nouvel agent",
                ["Password"] = password,
                ["Roles"] = ScoranRoles.DataManager,
            }), TestContext.Current.CancellationToken);
            return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        }

        Assert.Contains("Le mot de passe doit contenir au moins 12 caractères.", await CreateAsync("court"));
        Assert.Contains($"Compte créé pour {newcomer}.", await CreateAsync("une autre phrase de passe"));

        var signedIn = await TestAccounts.SignInAsync(NewBrowserLikeClient(), newcomer, "une autre phrase de passe");
        Assert.Equal("/admin", signedIn.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Password_attempts_beyond_the_limit_per_minute_are_refused_with_429()
    {
        await using var factory = new ScoranAppFactory(Imported.Database.Storage, new Dictionary<string, string> { ["Scoran:SignIn:AttemptsPerMinute"] = "3" });
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 4; attempt++)
        {
            statuses.Add((await TestAccounts.SignInAsync(client, "personne@region-test.invalid", "pas le bon mot de passe")).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        // Reading is never limited.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/compte/connexion", TestContext.Current.CancellationToken)).StatusCode);
    }

    private static MultipartFormDataContent Upload(string kind, params (string Slot, string FileName, byte[] Bytes)[] files)
    {
        var form = new MultipartFormDataContent { { new StringContent(kind), "kind" } };
        foreach (var (slot, fileName, bytes) in files)
        {
            var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            form.Add(content, $"{kind}-{slot}", fileName);
        }

        return form;
    }

    private async Task<(int Rows, long Connectable)> CountAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ScoranDbContext>();
        var rows = await db.Set<FtthCommuneQuarter>().CountAsync(TestContext.Current.CancellationToken);
        var sum = await db.Set<FtthCommuneQuarter>().SumAsync(r => r.ConnectablePremises, TestContext.Current.CancellationToken);
        return (rows, sum);
    }

}

public sealed class SqliteAdministrationTests(SqliteImportedTerritories imported) : AdministrationTests(imported);

public sealed class PostgresAdministrationTests(PostgresImportedTerritories imported) : AdministrationTests(imported);
