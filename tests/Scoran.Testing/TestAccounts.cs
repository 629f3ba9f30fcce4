using Microsoft.Extensions.DependencyInjection;
using Scoran.Accounts;

namespace Scoran.Testing;

/// <summary>Accounts created through the application's own rules, each under a unique address.</summary>
public static class TestAccounts
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
}
