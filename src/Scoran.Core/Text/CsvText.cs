namespace Scoran.Core.Text;

/// <summary>
/// The one writer of text cells for every CSV export (security review F7, CSV/formula injection). A cell that starts
/// with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return would be evaluated as a formula by Excel or
/// LibreOffice, quoted or not: it is prefixed with an apostrophe, as OWASP recommends, then quoted (RFC 4180).
/// Only text that comes from data goes through here; numbers the application writes stay numbers.
/// </summary>
public static class CsvText
{
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    /// <summary>True when a spreadsheet would read <paramref name="text"/> as a formula.</summary>
    public static bool IsFormulaLike(string? text) => !string.IsNullOrEmpty(text) && Array.IndexOf(FormulaStarts, text[0]) >= 0;

    /// <summary>The text with a leading apostrophe when it starts like a formula; unchanged otherwise (null: "").</summary>
    public static string Neutralise(string? text) => IsFormulaLike(text) ? "'" + text : text ?? "";

    /// <summary>A neutralised text cell, always quoted, quotes doubled.</summary>
    public static string Quoted(string? text) => "\"" + Neutralise(text).Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>A neutralised text cell, empty for null or "", quoted otherwise.</summary>
    public static string QuotedOrEmpty(string? text) => string.IsNullOrEmpty(text) ? "" : Quoted(text);

    /// <summary>A neutralised text cell, quoted only when it holds the separator, a quote, a line break or one of <paramref name="alsoQuote"/>.</summary>
    public static string Minimal(string? text, char separator = ';', string alsoQuote = "")
    {
        var cell = Neutralise(text);
        return cell.IndexOfAny([separator, '"', '\n', '\r', .. alsoQuote]) >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
    }

    /// <summary>
    /// Reading back a CSV this application wrote (round trips, e.g. a strategy): the apostrophe added by
    /// <see cref="Neutralise"/> is removed, so the value is the one that was exported.
    /// </summary>
    public static string Restore(string cell) => cell.Length > 1 && cell[0] == '\'' && IsFormulaLike(cell[1..]) ? cell[1..] : cell;
}
