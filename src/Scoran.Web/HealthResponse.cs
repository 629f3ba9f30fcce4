using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Scoran.Web;

/// <summary>JSON body of /health: overall status and one entry per check (liveness + database).</summary>
internal static class HealthResponse
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsJsonAsync(new
        {
            status = report.Status.ToString(),
            durationMs = report.TotalDuration.TotalMilliseconds,
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), e.Value.Description }),
        }, new JsonSerializerOptions(JsonSerializerDefaults.Web));
    }
}
