namespace Scoran.Web.Security;

/// <summary>
/// Security review F15: an unsafe API method (POST, PUT, PATCH, DELETE under /api) sent by a browser from another site
/// is refused with 403 problem+json. Browsers say where a request comes from (<c>Sec-Fetch-Site</c>, <c>Origin</c>);
/// a program that sends neither (the measurement app with its token, scripts, the tests) is not concerned.
/// </summary>
public static class CrossSiteApiWrites
{
    public static void UseCrossSiteApiWriteCheck(WebApplication app) =>
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api") && !HttpMethods.IsGet(c.Request.Method)
                         && !HttpMethods.IsHead(c.Request.Method) && !HttpMethods.IsOptions(c.Request.Method)
                         && !HttpMethods.IsTrace(c.Request.Method),
            api => api.Use(async (context, next) =>
            {
                if (IsCrossSite(context.Request))
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    await Results.Problem(
                        title: "Requête refusée",
                        detail: "Une écriture dans l'API doit venir du site lui-même : cette requête vient d'un autre site.",
                        statusCode: StatusCodes.Status403Forbidden).ExecuteAsync(context);
                    return;
                }

                await next(context);
            }));

    /// <summary>True when the browser says the request comes from another origin.</summary>
    internal static bool IsCrossSite(HttpRequest request)
    {
        var fetchSite = request.Headers["Sec-Fetch-Site"].ToString();
        if (fetchSite.Length > 0)
        {
            // « none »: typed or bookmarked by the user themself; « same-origin »: the site's own pages.
            return !string.Equals(fetchSite, "same-origin", StringComparison.OrdinalIgnoreCase)
                   && !string.Equals(fetchSite, "none", StringComparison.OrdinalIgnoreCase);
        }

        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            return false;
        }

        if (!Uri.TryCreate(origin, UriKind.Absolute, out var from))
        {
            // « null » (sandboxed frame, data: page) or garbage.
            return true;
        }

        return !SameOrigin(from, $"{request.Scheme}://{request.Host}")
               && !SameOrigin(from, PublicBaseUrl.Of(request));
    }

    private static bool SameOrigin(Uri from, string site) =>
        Uri.TryCreate(site, UriKind.Absolute, out var own)
        && string.Equals(from.Scheme, own.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(from.Host, own.Host, StringComparison.OrdinalIgnoreCase)
        && from.Port == own.Port;
}
