using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Scoran.Accounts;

public sealed record AccountSummary(string Id, string Email, string DisplayName, string? Organisation, IReadOnlyList<string> Roles, bool LockedOut);

/// <summary>Creates accounts and grants roles, for the CLI (first administrator) and the administration pages.</summary>
public sealed class AccountAdministration(UserManager<ScoranUser> users, RoleManager<IdentityRole> roles, TimeProvider clock)
{
    /// <summary>Creates the account with the given roles; returns Identity's errors (in French) when refused, and then changes nothing.</summary>
    public async Task<IReadOnlyList<string>> CreateAsync(string email, string displayName, string? organisation, string password, IReadOnlyCollection<string> roleNames)
    {
        var unknown = roleNames.Where(r => ScoranRoles.Find(r) is null).ToList();
        if (unknown.Count > 0)
        {
            return [$"rôle inconnu : {string.Join(", ", unknown)} (rôles : {string.Join(", ", ScoranRoles.All.Select(r => r.Name))})"];
        }

        await EnsureRolesAsync();
        var user = new ScoranUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = string.IsNullOrWhiteSpace(displayName) ? email : displayName.Trim(),
            Organisation = string.IsNullOrWhiteSpace(organisation) ? null : organisation.Trim(),
            CreatedAt = clock.GetUtcNow(),
        };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return created.Errors.Select(e => e.Description).ToList();
        }

        var granted = await users.AddToRolesAsync(user, roleNames);
        if (!granted.Succeeded)
        {
            await users.DeleteAsync(user);
            return granted.Errors.Select(e => e.Description).ToList();
        }

        return [];
    }

    public async Task<IReadOnlyList<AccountSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        var all = await users.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(cancellationToken);
        var result = new List<AccountSummary>(all.Count);
        foreach (var user in all)
        {
            var userRoles = await users.GetRolesAsync(user);
            result.Add(new AccountSummary(user.Id, user.Email ?? "", user.DisplayName, user.Organisation, userRoles.Order().ToList(),
                user.LockoutEnd is { } end && end > clock.GetUtcNow()));
        }

        return result;
    }

    private async Task EnsureRolesAsync()
    {
        foreach (var role in ScoranRoles.All)
        {
            if (!await roles.RoleExistsAsync(role.Name))
            {
                await roles.CreateAsync(new IdentityRole(role.Name));
            }
        }
    }
}
