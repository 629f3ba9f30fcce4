namespace Scoran.Core.Security;

/// <summary>
/// The one allow-list for links that come from data (people's entries, imports): an absolute http or https URL
/// with a host. Anything else (<c>javascript:</c>, <c>data:</c>, <c>vbscript:</c>, relative or protocol-relative
/// paths, control characters) never reaches an <c>href</c>: pages show it as text, or not at all.
/// </summary>
public static class SafeUrl
{
    public const int MaxLength = 2000;

    /// <summary>True for an absolute http(s) URL with a host, at most <see cref="MaxLength"/> characters.</summary>
    public static bool IsHttp(string? url) => Http(url) is not null;

    /// <summary>The URL, trimmed, when <see cref="IsHttp"/>; otherwise null.</summary>
    public static string? Http(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return null;
        }

        var text = url.Trim();
        if (text.Length > MaxLength || text.Any(char.IsControl))
        {
            return null;
        }

        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && !string.IsNullOrEmpty(uri.Host)
            && (text.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            ? text
            : null;
    }
}
