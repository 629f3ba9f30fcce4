namespace Scoran.Web.Security;

/// <summary>
/// The site's public address for absolute links (Atom feed, iCal address, DCAT catalogue) — security review F16.
/// Set <c>Scoran:PublicBaseUrl</c> (e.g. https://scoran.example.fr) in production: the request's Host header, which any
/// client chooses, is then never reflected. Without the setting (development, tests), the request's own address is used.
/// </summary>
public static class PublicBaseUrl
{
    public const string Setting = "Scoran:PublicBaseUrl";

    /// <summary>Scheme, host and path base, without a trailing slash.</summary>
    public static string Of(HttpRequest request)
    {
        var configured = request.HttpContext.RequestServices.GetService<IConfiguration>()?[Setting];
        if (Uri.TryCreate(configured, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
        {
            return uri.GetLeftPart(UriPartial.Path).TrimEnd('/');
        }

        return $"{request.Scheme}://{request.Host}{request.PathBase}";
    }
}
