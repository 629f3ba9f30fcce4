using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Scoran.Web.Security;

/// <summary>
/// Security review F9: the heavy public pages (observatory dashboards, commitments, territory details) take seconds
/// each; a handful of anonymous clients could hold every core. Each client address (after trusted forwarded headers)
/// gets <c>Scoran:HeavyPages:ConcurrentRequests</c> requests at once (default 8: a région's agents often share one
/// proxy address) and <c>Scoran:HeavyPages:QueueLength</c> waiting (default 8); beyond, 503 with a French message.
/// </summary>
internal sealed class HeavyPageLimit(IConfiguration configuration) : IRateLimiterPolicy<string>
{
    public const string Policy = "heavy-pages";
    public const string ConcurrentSetting = "Scoran:HeavyPages:ConcurrentRequests";
    public const string QueueSetting = "Scoran:HeavyPages:QueueLength";

    private readonly int permits = Math.Max(1, configuration.GetValue(ConcurrentSetting, 8));
    private readonly int queue = Math.Max(0, configuration.GetValue(QueueSetting, 8));

    public RateLimitPartition<string> GetPartition(HttpContext httpContext) =>
        RateLimitPartition.GetConcurrencyLimiter("h:" + (httpContext.Connection.RemoteIpAddress?.ToString() ?? "inconnue"),
            _ => new ConcurrencyLimiterOptions { PermitLimit = permits, QueueLimit = queue, QueueProcessingOrder = QueueProcessingOrder.OldestFirst });

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => async (context, token) =>
    {
        var response = context.HttpContext.Response;
        response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        response.Headers.RetryAfter = "10";
        await Results.Problem(
            title: "Trop de consultations simultanées",
            detail: "Cette page est lourde à calculer et trop de consultations arrivent en même temps depuis votre adresse. Réessayez dans quelques secondes.",
            statusCode: StatusCodes.Status503ServiceUnavailable).ExecuteAsync(context.HttpContext);
    };

    public static void AddHeavyPageLimit(WebApplicationBuilder builder) =>
        builder.Services.AddRateLimiter(o => o.AddPolicy<string, HeavyPageLimit>(Policy));
}
