using System.Threading.RateLimiting;

namespace Scoran.Web.Security;

/// <summary>Rate limits of anonymous writes other than sign-in and measurements (documented in docs/security.md).</summary>
internal static class SecurityLimits
{
    /// <summary>Saving a funding search (anonymous): Scoran:SavedSearches:PerMinute per client address, default 10.</summary>
    public const string SavedSearchPolicy = "saved-searches";

    public static void AddSecurityLimits(WebApplicationBuilder builder)
    {
        var perMinute = builder.Configuration.GetValue("Scoran:SavedSearches:PerMinute", 10);
        builder.Services.AddRateLimiter(o => o.AddPolicy(SavedSearchPolicy, context =>
            HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter("a:" + (context.Connection.RemoteIpAddress?.ToString() ?? "inconnue"),
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = Math.Max(1, perMinute), Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                : RateLimitPartition.GetNoLimiter("")));
    }
}
