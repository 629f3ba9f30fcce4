using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Scoran.Accounts;

public static class AccountsModule
{
    /// <summary>
    /// Identity's user and role stores over the Scoran database, with the password and lockout
    /// rules of the platform. The web host adds cookies and sign-in on top; the CLI uses only this.
    /// </summary>
    public static IdentityBuilder AddScoranAccounts<TContext>(this IServiceCollection services)
        where TContext : DbContext
    {
        var identity = services.AddIdentityCore<ScoranUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                // Length over composition rules (ANSSI / NIST guidance): a long passphrase is accepted as is.
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<TContext>()
            .AddErrorDescriber<FrenchIdentityErrorDescriber>();
        services.AddScoped<AccountAdministration>();
        return identity;
    }
}
