using System.Net;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.HttpOverrides;

namespace Scoran.Web.Security;

/// <summary>
/// Security review F14: one middleware sets the response headers every answer carries (pages, API, downloads, error
/// pages), Kestrel sends no <c>Server</c> header, HSTS and <c>Secure</c> cookies only when the request is HTTPS
/// (directly or through a trusted proxy), and forwarded headers are honoured only from <c>Scoran:KnownProxies</c>.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>Comma-separated addresses of the reverse proxies whose X-Forwarded-For / X-Forwarded-Proto are trusted.</summary>
    public const string KnownProxiesSetting = "Scoran:KnownProxies";

    /// <summary>HSTS max-age in seconds on HTTPS answers (default one year; 0 disables the header).</summary>
    public const string HstsMaxAgeSetting = "Scoran:Hsts:MaxAgeSeconds";

    /// <summary>
    /// The policy shipped today: what cannot break a page. <c>default-src 'self'</c> waits for the inline script, the
    /// <c>style="…"</c> attributes and MapLibre's blob worker to move into files (docs/security.md, « CSP »).
    /// </summary>
    public const string ContentSecurityPolicy = "frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

    /// <summary>Geolocation stays allowed on the site itself: the measurement contribution page reads the phone's position.</summary>
    public const string PermissionsPolicy =
        "geolocation=(self), camera=(), microphone=(), payment=(), usb=(), serial=(), bluetooth=(), hid=(), midi=(), " +
        "magnetometer=(), gyroscope=(), accelerometer=(), display-capture=(), interest-cohort=()";

    public static void AddSecurityHeaders(WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false);
        // Secure when the request is HTTPS: `./scoran.sh run` on plain http keeps its session.
        builder.Services.ConfigureApplicationCookie(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        builder.Services.Configure<AntiforgeryOptions>(o =>
        {
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            // X-Frame-Options: DENY is set on every answer below, not SAMEORIGIN on forms only.
            o.SuppressXFrameOptionsHeader = true;
        });

        var proxies = ParseProxies(builder.Configuration[KnownProxiesSetting]);
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            // The Host header is not taken from a proxy: absolute links use Scoran:PublicBaseUrl (F16).
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
            {
                o.KnownProxies.Add(proxy);
            }

            o.ForwardLimit = 1;
        });
    }

    /// <summary>Forwarded headers (only with configured proxies), then the headers of every answer.</summary>
    public static void UseSecurityHeaders(WebApplication app)
    {
        if (ParseProxies(app.Configuration[KnownProxiesSetting]).Count > 0)
        {
            app.UseForwardedHeaders();
        }

        var hstsMaxAge = app.Configuration.GetValue(HstsMaxAgeSetting, 31_536_000L);
        app.Use((context, next) =>
        {
            var response = context.Response;
            // OnStarting: the exception handler and the status-code re-execution clear headers set earlier.
            response.OnStarting(() =>
            {
                var headers = response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers["Permissions-Policy"] = PermissionsPolicy;
                // Downloads set a stricter sandbox policy of their own: keep it, and add ours beside it.
                headers.ContentSecurityPolicy = headers.ContentSecurityPolicy.Count == 0
                    ? ContentSecurityPolicy
                    : $"{headers.ContentSecurityPolicy}; {ContentSecurityPolicy}";
                if (context.Request.IsHttps && hstsMaxAge > 0)
                {
                    headers.StrictTransportSecurity = $"max-age={hstsMaxAge}";
                }

                headers.Remove("Server");
                return Task.CompletedTask;
            });
            return next(context);
        });
    }

    internal static IReadOnlyList<IPAddress> ParseProxies(string? setting) =>
        (setting ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => IPAddress.TryParse(p, out var address) ? address
                : throw new InvalidOperationException($"{KnownProxiesSetting} : « {p} » n'est pas une adresse IP."))
            .ToList();
}
