using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Scoran.Resources.Places;

/// <summary>
/// The common subset of the OpenStreetMap <c>opening_hours</c> syntax that the national schemas
/// use in practice: <c>24/7</c>, or rules separated by <c>;</c>, each a weekday selector
/// (<c>Mo-Fr</c>, <c>Mo,We</c>, <c>PH</c>) followed by time ranges (<c>09:00-12:00,14:00-18:30</c>)
/// or <c>off</c>. As in OSM, a later rule replaces the hours of the days it names. No NuGet package
/// of the allowed list parses this syntax, hence this small parser; anything outside the subset
/// (months, weeks, sunrise, comments…) is reported as unsupported rather than guessed.
/// Public holidays (<c>PH</c>) are accepted and ignored: Scoran does not know the holiday calendar.
/// </summary>
public sealed partial class OpeningHours
{
    private static readonly string[] DayCodes = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"];
    private static readonly string[] DayNames = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"];

    /// <summary>Open intervals in minutes from midnight, per day, Monday first.</summary>
    private readonly List<(int From, int To)>[] _days;

    private OpeningHours(List<(int From, int To)>[] days, string text)
    {
        _days = days;
        Text = text;
    }

    public string Text { get; }

    /// <summary>Parses <paramref name="text"/>; on failure <paramref name="error"/> says why, in French.</summary>
    public static bool TryParse(string? text, out OpeningHours? hours, out string? error)
    {
        hours = null;
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "horaires vides";
            return false;
        }

        var days = Enumerable.Range(0, 7).Select(_ => new List<(int, int)>()).ToArray();
        var trimmed = text.Trim();
        if (trimmed == "24/7")
        {
            foreach (var d in days)
            {
                d.Add((0, 24 * 60));
            }

            hours = new OpeningHours(days, trimmed);
            return true;
        }

        foreach (var raw in trimmed.Split(';'))
        {
            var rule = raw.Trim();
            if (rule.Length == 0)
            {
                continue;
            }

            var match = Rule().Match(rule);
            if (!match.Success)
            {
                error = $"règle « {rule} » hors de la syntaxe prise en charge (jours puis plages, ex. « Mo-Fr 09:00-12:00,14:00-17:00 »)";
                return false;
            }

            var selected = new bool[7];
            var holidaysOnly = true;
            foreach (var part in match.Groups["days"].Value.Split(','))
            {
                if (part == "PH")
                {
                    continue;
                }

                holidaysOnly = false;
                var range = part.Split('-');
                var from = Array.IndexOf(DayCodes, range[0]);
                var to = range.Length == 2 ? Array.IndexOf(DayCodes, range[1]) : from;
                if (from < 0 || to < 0)
                {
                    error = $"jour « {part} » inconnu (Mo, Tu, We, Th, Fr, Sa, Su, PH)";
                    return false;
                }

                // Fr-Mo wraps over the week-end, as in OSM.
                for (var d = from; ; d = (d + 1) % 7)
                {
                    selected[d] = true;
                    if (d == to)
                    {
                        break;
                    }
                }
            }

            if (holidaysOnly)
            {
                continue;
            }

            var intervals = new List<(int, int)>();
            var times = match.Groups["times"].Value;
            if (times is not ("off" or "closed"))
            {
                foreach (var span in times.Split(','))
                {
                    var t = Span().Match(span);
                    if (!t.Success)
                    {
                        error = $"plage horaire « {span} » invalide (HH:MM-HH:MM)";
                        return false;
                    }

                    var start = Minutes(t.Groups[1].Value, t.Groups[2].Value);
                    var end = Minutes(t.Groups[3].Value, t.Groups[4].Value);
                    if (start > 24 * 60 || end > 24 * 60 || int.Parse(t.Groups[2].Value, CultureInfo.InvariantCulture) > 59 || int.Parse(t.Groups[4].Value, CultureInfo.InvariantCulture) > 59)
                    {
                        error = $"plage horaire « {span} » hors de 00:00-24:00";
                        return false;
                    }

                    if (end <= start)
                    {
                        error = $"plage horaire « {span} » : la fin doit suivre le début (les plages après minuit ne sont pas prises en charge)";
                        return false;
                    }

                    intervals.Add((start, end));
                }
            }

            for (var d = 0; d < 7; d++)
            {
                if (selected[d])
                {
                    days[d] = [.. intervals];
                }
            }
        }

        hours = new OpeningHours(days, trimmed);
        return true;
    }

    /// <summary>Open at this local time (Europe/Paris wall-clock time of the place).</summary>
    public bool IsOpen(DateTime local) => IsOpen(local.DayOfWeek, TimeOnly.FromDateTime(local));

    public bool IsOpen(DayOfWeek day, TimeOnly time)
    {
        var minute = time.Hour * 60 + time.Minute;
        return _days[Index(day)].Any(i => i.From <= minute && minute < i.To);
    }

    /// <summary>Open at some time of this day.</summary>
    public bool IsOpenOn(DayOfWeek day) => _days[Index(day)].Count > 0;

    /// <summary>Hours of each day in French, Monday first: ("lundi", "09:00–12:00, 14:00–17:00") or "fermé".</summary>
    public IReadOnlyList<(string Day, string Hours)> Describe() =>
        Enumerable.Range(0, 7).Select(d => (DayNames[d], _days[d].Count == 0 ? "fermé" : string.Join(", ", _days[d].Select(i => $"{Clock(i.From)}–{Clock(i.To)}")))).ToList();

    /// <summary>
    /// Writes one week of per-day intervals in the OSM syntax, consecutive days with the same hours
    /// grouped (« Mo-Fr 09:00-12:00,13:30-17:00; Sa 09:00-12:00 »). Days absent are closed.
    /// </summary>
    public static string Format(IReadOnlyList<IReadOnlyList<(int From, int To)>> week)
    {
        var rules = new List<string>();
        var d = 0;
        while (d < 7)
        {
            var current = d < week.Count ? week[d] : [];
            var end = d;
            while (end + 1 < 7 && Same(end + 1 < week.Count ? week[end + 1] : [], current))
            {
                end++;
            }

            if (current.Count > 0)
            {
                var days = end == d ? DayCodes[d] : end == d + 1 ? $"{DayCodes[d]},{DayCodes[end]}" : $"{DayCodes[d]}-{DayCodes[end]}";
                rules.Add($"{days} {string.Join(",", current.Select(i => $"{Clock(i.From)}-{Clock(i.To)}"))}");
            }

            d = end + 1;
        }

        return string.Join("; ", rules);

        static bool Same(IReadOnlyList<(int, int)> a, IReadOnlyList<(int, int)> b) => a.SequenceEqual(b);
    }

    public static string Clock(int minutes) => $"{minutes / 60:00}:{minutes % 60:00}";

    private static int Minutes(string h, string m) => int.Parse(h, CultureInfo.InvariantCulture) * 60 + int.Parse(m, CultureInfo.InvariantCulture);

    private static int Index(DayOfWeek day) => ((int)day + 6) % 7;

    [GeneratedRegex(@"^(?<days>(?:(?:Mo|Tu|We|Th|Fr|Sa|Su)(?:-(?:Mo|Tu|We|Th|Fr|Sa|Su))?|PH)(?:,(?:(?:Mo|Tu|We|Th|Fr|Sa|Su)(?:-(?:Mo|Tu|We|Th|Fr|Sa|Su))?|PH))*)\s+(?<times>off|closed|[0-9:,\-]+)$")]
    private static partial Regex Rule();

    [GeneratedRegex(@"^(\d{2}):(\d{2})-(\d{2}):(\d{2})$")]
    private static partial Regex Span();
}
