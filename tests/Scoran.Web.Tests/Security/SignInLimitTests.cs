using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Scoran.Accounts;
using Scoran.Data;
using Scoran.Testing;

namespace Scoran.Web.Tests.Security;

/// <summary>
/// Security review F5: the sign-in limiter is bound to the endpoint (a trailing slash or another casing is the same
/// endpoint and the same budget), and a locked account answers exactly like an unknown address.
/// </summary>
public abstract class SignInLimitTests(DatabaseProvider provider)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task F5_trailing_slash_and_casing_share_the_sign_in_limit_and_locked_accounts_look_like_unknown_ones()
    {
        TestDatabase.RequireEngine(provider);
        await using var database = await TestDatabase.CreateAsync(provider, "secsignin");
        await using var factory = new ScoranAppFactory(database.Storage, new Dictionary<string, string> { ["Scoran:SignIn:AttemptsPerMinute"] = "8" });
        var email = await TestAccounts.CreateAsync(factory.Services, ScoranRoles.Editor);
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var token = await TestAccounts.AntiforgeryTokenAsync(client, "/compte/connexion");

        async Task<(HttpStatusCode Status, string Html)> AttemptAsync(string path, string address, string password = "pas le bon mot de passe")
        {
            var response = await client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token, ["Email"] = address, ["Password"] = password,
            }), Token);
            return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Token)));
        }

        static string Failure(string html) => System.Text.RegularExpressions.Regex.Match(html, "<p[^>]*role=\"alert\"[^>]*>(.*?)</p>", System.Text.RegularExpressions.RegexOptions.Singleline).Groups[1].Value;

        // Five wrong passwords lock the account; the sixth answer is the unknown address's answer, word for word.
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await AttemptAsync("/compte/connexion", email)).Status);
        }

        var locked = await AttemptAsync("/compte/connexion", email);
        var unknown = await AttemptAsync("/compte/connexion", "personne-" + Guid.NewGuid().ToString("N") + "@region-test.invalid");
        Assert.Equal(HttpStatusCode.OK, locked.Status);
        Assert.NotEqual("", Failure(unknown.Html));
        Assert.Equal(Failure(unknown.Html), Failure(locked.Html));
        Assert.DoesNotContain("ce compte est verrouillé", locked.Html);

        // The 8th attempt of the minute still passes; then every spelling of the path is refused with 429.
        Assert.Equal(HttpStatusCode.OK, (await AttemptAsync("/compte/connexion", "x@region-test.invalid")).Status);
        foreach (var path in new[] { "/compte/connexion", "/compte/connexion/", "/COMPTE/CONNEXION/", "/Compte/Connexion?ReturnUrl=%2Fadmin" })
        {
            var (status, _) = await AttemptAsync(path, "ghost@region-test.invalid");
            Assert.True(status == HttpStatusCode.TooManyRequests, $"{path}: {status}");
        }

        // Reading the form is never limited.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/compte/connexion/", Token)).StatusCode);
    }
}

public sealed class SqliteSignInLimitTests() : SignInLimitTests(DatabaseProvider.Sqlite);

public sealed class PostgresSignInLimitTests() : SignInLimitTests(DatabaseProvider.Postgres);
