namespace Scoran.Core.Security;

/// <summary>
/// Bounds shared by the entry points that take free input from anyone (security review F13): outside them an input
/// is answered 400 with a French problem, never a 500 from an overflow, a NaN or a query too deep for the database.
/// </summary>
public static class InputLimits
{
    /// <summary>Earliest and latest dates a filter or an entry may carry.</summary>
    public static readonly DateOnly MinDate = new(1990, 1, 1), MaxDate = new(2100, 12, 31);

    /// <summary>Words kept from a search (the rest is ignored): each word is one condition of the SQL query.</summary>
    public const int MaxSearchWords = 32;

    /// <summary>Characters kept from a search text.</summary>
    public const int MaxSearchLength = 500;

    public static bool IsInRange(DateOnly date) => date >= MinDate && date <= MaxDate;

    public static string DateMessage => $"Date entre {MinDate.Year} et {MaxDate.Year} attendue, au format AAAA-MM-JJ.";

    /// <summary>A finite number within ±<paramref name="limit"/> (NaN and infinities are not: « NaN &lt; -90 » is false).</summary>
    public static bool IsWithin(double value, double limit) => double.IsFinite(value) && Math.Abs(value) <= limit;
}
