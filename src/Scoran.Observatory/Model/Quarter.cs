using System.Globalization;
using System.Text.RegularExpressions;

namespace Scoran.Observatory.Model;

/// <summary>
/// A calendar quarter as Arcep names them ("T3 2017" = July–September 2017). Figures "at a
/// quarter" are stocks at its last day. Stored as the integer <c>year * 10 + number</c> (20173),
/// which sorts chronologically on every engine.
/// </summary>
public readonly partial record struct Quarter : IComparable<Quarter>
{
    public Quarter(int year, int number)
    {
        if (year is < 1990 or > 2100)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, "Year outside 1990–2100.");
        }

        if (number is < 1 or > 4)
        {
            throw new ArgumentOutOfRangeException(nameof(number), number, "A quarter is numbered 1 to 4.");
        }

        Year = year;
        Number = number;
    }

    public int Year { get; }

    public int Number { get; }

    /// <summary>Last day of the quarter, the date Arcep's stock figures refer to.</summary>
    public DateOnly EndDate => new DateOnly(Year, Number * 3, 1).AddMonths(1).AddDays(-1);

    public int Key => (Year * 10) + Number;

    public Quarter Next() => Number == 4 ? new Quarter(Year + 1, 1) : new Quarter(Year, Number + 1);

    /// <summary>The quarter <paramref name="count"/> quarters later (or earlier when negative).</summary>
    public Quarter Plus(int count)
    {
        var ordinal = (Year * 4) + (Number - 1) + count;
        return new Quarter(ordinal / 4, (ordinal % 4) + 1);
    }

    public static Quarter FromKey(int key) => new(key / 10, key % 10);

    [GeneratedRegex(@"^\s*T([1-4])\s+(\d{4})\s*$")]
    private static partial Regex ArcepLabel();

    /// <summary>Parses Arcep's column label "T3 2017"; false for anything else.</summary>
    public static bool TryParse(string? text, out Quarter quarter)
    {
        var match = ArcepLabel().Match(text ?? string.Empty);
        if (match.Success)
        {
            var year = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
            if (year is >= 1990 and <= 2100)
            {
                quarter = new Quarter(year, match.Groups[1].Value[0] - '0');
                return true;
            }
        }

        quarter = default;
        return false;
    }

    public int CompareTo(Quarter other) => Key.CompareTo(other.Key);

    public static bool operator <(Quarter left, Quarter right) => left.Key < right.Key;

    public static bool operator >(Quarter left, Quarter right) => left.Key > right.Key;

    public static bool operator <=(Quarter left, Quarter right) => left.Key <= right.Key;

    public static bool operator >=(Quarter left, Quarter right) => left.Key >= right.Key;

    public override string ToString() => $"T{Number} {Year}";
}
