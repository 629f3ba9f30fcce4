namespace Scoran.Funding.Rules;

/// <summary>
/// The query string a visitor may save (security review F10): only the finder's own criteria, each value re-encoded,
/// at most <see cref="MaxLength"/> characters. Anything else is dropped, so a saved search can neither grow storage
/// without bound nor carry a line break into the Location header of the redirect.
/// </summary>
public static class SavedSearchQuery
{
    public const int MaxLength = 2048;
    public const int MaxValueLength = 200;

    /// <summary>The finder's criteria, the only keys kept.</summary>
    public static readonly IReadOnlyList<string> Keys = ["beneficiaire", "territoire", "theme", "montant", "bonus", "texte", "type", "financeur", "tri", "nonEligibles"];

    /// <summary>The canonical query (known keys, values trimmed and escaped), or null with a French reason when refused.</summary>
    public static (string? Query, string? Error) Canonical(string? raw)
    {
        var text = (raw ?? "").TrimStart('?');
        if (text.Length > MaxLength)
        {
            return (null, $"Recherche trop longue pour être enregistrée (au plus {MaxLength} caractères).");
        }

        var pairs = new List<string>();
        foreach (var part in text.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=');
            var key = Unescape(eq < 0 ? part : part[..eq]);
            var value = Unescape(eq < 0 ? "" : part[(eq + 1)..]).Trim();
            if (!Keys.Contains(key) || value.Length == 0 || pairs.Any(p => p.StartsWith(key + "=", StringComparison.Ordinal)))
            {
                continue;
            }

            if (value.Length > MaxValueLength || value.Any(char.IsControl))
            {
                return (null, $"Critère « {key} » invalide (au plus {MaxValueLength} caractères, sans saut de ligne).");
            }

            pairs.Add(key + "=" + Uri.EscapeDataString(value));
        }

        return (string.Join('&', pairs), null);
    }

    public static IReadOnlyDictionary<string, string?> Values(string canonical) => canonical.Split('&', StringSplitOptions.RemoveEmptyEntries)
        .Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => (string?)Unescape(p.Length > 1 ? p[1] : ""));

    private static string Unescape(string s)
    {
        try
        {
            return Uri.UnescapeDataString(s.Replace('+', ' '));
        }
        catch (UriFormatException)
        {
            return s;
        }
    }
}
