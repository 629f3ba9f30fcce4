using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Scoran.Accounts;
using Xunit;

namespace Scoran.Testing;

/// <summary>Accounts created through the application's own rules, each under a unique address, and signed in as a browser would.</summary>
public static partial class TestAccounts
{
    public const string Password = "une phrase de passe assez longue";

    public static async Task<string> CreateAsync(IServiceProvider services, params string[] roles)
    {
        var email = $"agent-{Guid.NewGuid():N}@region-test.invalid";
        await using var scope = services.CreateAsyncScope();
        var refused = await scope.ServiceProvider.GetRequiredService<AccountAdministration>()
            .CreateAsync(email, "Agent de test", "Région (test)", Password, roles);
        if (refused.Count > 0)
        {
            throw new InvalidOperationException(string.Join(" ", refused));
        }

        return email;
    }

    /// <summary>The antiforgery token of the form on <paramref name="url"/>, as a browser would post it back.</summary>
    public static async Task<string> AntiforgeryTokenAsync(HttpClient client, string url)
    {
        var html = await client.GetStringAsync(url, TestContext.Current.CancellationToken);
        return TokenField().Match(html) is { Success: true } match ? match.Groups[1].Value : throw new InvalidOperationException($"no antiforgery token on {url}");
    }

    /// <summary>Posts the sign-in form (the client must keep cookies); a success answers a redirect.</summary>
    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password = Password, string returnUrl = "")
    {
        var token = await AntiforgeryTokenAsync(client, "/compte/connexion");
        return await client.PostAsync("/compte/connexion" + (returnUrl == "" ? "" : $"?ReturnUrl={Uri.EscapeDataString(returnUrl)}"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Email"] = email,
            ["Password"] = password,
        }), TestContext.Current.CancellationToken);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
