using System.Globalization;

namespace Scoran.Observatory.Import.Arcep;

/// <summary>
/// Counts as Arcep's spreadsheets export them: padded with spaces, thousands separated by a
/// space, a no-break space or a narrow no-break space (" 12 394    ", "12\u202f394"), and
/// Excel's accounting zero " -    ". An empty cell is "no value", not zero.
/// </summary>
public static class ArcepNumber
{
    private static readonly char[] Separators = [' ', '\u00a0', '\u202f', '\u2009'];

    public static bool TryParseCount(string? text, out long? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        var compact = string.Concat(text.Split(Separators, StringSplitOptions.RemoveEmptyEntries));
        if (compact == "-")
        {
            value = 0;
            return true;
        }

        if (long.TryParse(compact, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
        {
            value = parsed;
            return true;
        }

        return false;
    }
}
