using System.Threading.RateLimiting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Scoran.Accounts;
using Scoran.Core;
using Scoran.Data;

namespace Scoran.Web.Accounts;

/// <summary>
/// Sign-in for the people who change data: Identity cookies, role policies, and a rate limit on
/// password attempts. Reading stays public; only writes go through this.
/// </summary>
internal static class AccountsSetup
{
    public const string SignInPath = "/compte/connexion";

    /// <summary>Rate-limiting policy of password attempts (setting Scoran:SignIn:AttemptsPerMinute, default 10 per client address).</summary>
    public const string SignInRateLimitPolicy = "sign-in";

    /// <summary>
    /// The one answer to a failed sign-in, whether the address is unknown, the password wrong or the account locked
    /// (security review F5): the form cannot tell which accounts exist.
    /// </summary>
    public const string SignInFailure = "Adresse ou mot de passe incorrect. Après 5 essais infructueux, un compte est verrouillé pendant 15 minutes.";

    public static void AddSignIn(WebApplicationBuilder builder)
    {
        builder.Services.AddScoranAccounts<ScoranDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();
        builder.Services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<AuthorDisplay>();
        builder.Services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "scoran.session";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.LoginPath = SignInPath;
            o.LogoutPath = "/compte/deconnexion";
            o.AccessDeniedPath = "/compte/acces-refuse";
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            // A program calling the API gets a status code, not a redirection to a French form.
            o.Events.OnRedirectToLogin = c => RedirectOrStatus(c, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = c => RedirectOrStatus(c, StatusCodes.Status403Forbidden);
        });
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(ScoranPolicies.ManageData, p => p.RequireRole(ScoranRoles.Administrator, ScoranRoles.DataManager))
            .AddPolicy(ScoranPolicies.ManageAccounts, p => p.RequireRole(ScoranRoles.Administrator))
            .AddPolicy(ScoranPolicies.EditStrategy, p => p.RequireRole(ScoranRoles.Administrator, ScoranRoles.Editor))
            .AddPolicy(ScoranPolicies.ReviewActions, p => p.RequireRole(ScoranRoles.Administrator, ScoranRoles.CommitteeSecretary))
            .AddPolicy(ScoranPolicies.Contribute, p => p.RequireRole(ScoranRoles.Administrator, ScoranRoles.Editor, ScoranRoles.Contributor))
            .AddPolicy(ScoranPolicies.ModerateResources, p => p.RequireRole(ScoranRoles.Administrator, ScoranRoles.Editor))
            .AddPolicy(ScoranPolicies.ManageFunding, p => p.RequireRole(ScoranRoles.Administrator, ScoranRoles.FundingAgent))
            .AddPolicy(ScoranPolicies.FileDossiers, p => p.RequireRole(ScoranRoles.Administrator, ScoranRoles.ProjectHolder, ScoranRoles.FundingAgent));

        // Keys that sign the session cookies survive a restart, beside the default SQLite file.
        var keys = builder.Configuration["Scoran:DataProtectionKeys"]
                   ?? (RepositoryLayout.FindRoot(AppContext.BaseDirectory) is { } root ? Path.Combine(root, "var", "keys") : null);
        if (keys is not null && !builder.Environment.IsEnvironment("Testing"))
        {
            builder.Services.AddDataProtection().SetApplicationName("Scoran").PersistKeysToFileSystem(new DirectoryInfo(keys));
        }

        var permits = builder.Configuration.GetValue("Scoran:SignIn:AttemptsPerMinute", 10);
        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Password attempts are limited per client address: slows guessing without locking out the rest of
            // the région, and leaves public reading unthrottled. The policy is bound to the sign-in page's endpoint
            // ([EnableRateLimiting] on its model), not to a path string: « /compte/connexion/ », other casings or
            // « /./ » reach the same endpoint and the same limit (security review F5).
            o.AddPolicy(SignInRateLimitPolicy, context =>
                HttpMethods.IsPost(context.Request.Method)
                    ? RateLimitPartition.GetFixedWindowLimiter(
                        context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = Math.Max(1, permits), Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                    : RateLimitPartition.GetNoLimiter(""));
        });
    }

    private static Task RedirectOrStatus(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
