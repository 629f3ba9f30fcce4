using System.Globalization;
using System.Text;

namespace Scoran.Core.Text;

/// <summary>
/// The search key of a name: lower case, no diacritics, ligatures spelled out, every run of
/// punctuation or spaces collapsed into one space. "L'Haÿ-les-Roses" and "l hay les roses"
/// share one key, so a prefix comparison on keys is accent-, case- and hyphen-insensitive.
/// </summary>
public static class SearchText
{
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                if (pendingSpace && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                pendingSpace = false;
                builder.Append(c switch
                {
                    'œ' or 'Œ' => "oe",
                    'æ' or 'Æ' => "ae",
                    'ß' => "ss",
                    _ => char.ToLowerInvariant(c).ToString(),
                });
            }
            else
            {
                pendingSpace = true;
            }
        }

        return builder.ToString();
    }
}
