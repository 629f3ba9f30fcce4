using System.Globalization;
using System.Text.RegularExpressions;
using Scoran.Core.Imports;

namespace Scoran.Resources.Places;

/// <summary>ANCT's national list of France Services (« liste-fs-AAAAMMJJ.csv »).</summary>
public static partial class PlaceFiles
{
    private static async Task<List<PlaceRecord>> ReadFranceServicesAsync(string file, string text, List<ImportError> errors)
    {
        var records = new List<PlaceRecord>();
        string[] dayColumns = ["h_lundi", "h_mardi", "h_mercredi", "h_jeudi", "h_vendredi", "h_samedi"];
        await ForEachRecordAsync(file, text, FranceServicesColumns, errors, row =>
        {
            var id = row.Required("id_fs");
            var name = row.Required("lib_fs");
            var latitude = row.Coordinate("latitude", 90);
            var longitude = row.Coordinate("longitude", 180);
            if (latitude.HasValue != longitude.HasValue)
            {
                row.Error(latitude.HasValue ? "longitude" : "latitude", "latitude et longitude vont ensemble");
            }

            var commune = row.Get("insee_com");
            var hours = FranceServicesHours(dayColumns.Select(row.Get).ToList(), out var note);
            var format = row.Get("format_fs");
            var labels = new List<string> { PlaceLabels.FranceServices };
            records.Add(new PlaceRecord(id, row.Line, name, row.Get("adresse") ?? "", row.Get("complement_adresse"), row.Get("code_postal"),
                commune is not null && CommuneCodeLike().IsMatch(commune) ? commune : null, row.Get("lib_com"), latitude, longitude)
            {
                Labels = InclusionPlace.Join(labels),
                // France Services help with the procedures of the State's partners, online ones first.
                Services = InclusionPlace.Join(["Accéder à des droits", "Réaliser des démarches administratives avec un accompagnement"]),
                OpeningHours = hours,
                HoursNote = note,
                Itinerant = string.Equals(row.Get("itinerance"), "Oui", StringComparison.OrdinalIgnoreCase),
                Phone = row.Get("telephone"),
                Email = row.Get("mail"),
                Description = string.Join(" — ", new[] { format, row.Get("labellisation"), row.Get("commentaire") }.Where(s => s is not null)),
            });
        });
        return records;
    }

    /// <summary>
    /// France Services give one free-text column per day (« 09:00 - 12:00 / 13:30 - 17:00 »):
    /// written in the OSM syntax when every day reads as time ranges, else kept as a note.
    /// </summary>
    internal static string? FranceServicesHours(IReadOnlyList<string?> days, out string? note)
    {
        note = null;
        var week = new List<IReadOnlyList<(int, int)>>();
        var readable = true;
        foreach (var day in days)
        {
            var value = day?.Trim();
            if (value is null or "" or "-")
            {
                week.Add([]);
                continue;
            }

            var spans = new List<(int, int)>();
            var cleaned = value.Replace(" :", ":").Replace('h', ':').Replace('H', ':');
            foreach (Match m in TimeRange().Matches(cleaned))
            {
                var from = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) * 60 + int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
                var to = int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture) * 60 + int.Parse(m.Groups[4].Value, CultureInfo.InvariantCulture);
                spans.Add((from, to));
            }

            var rest = TimeRange().Replace(cleaned, "").Trim(' ', '/', ',', ';', '-', '\t');
            if (spans.Count == 0 || rest.Length > 0 || spans.Any(s => s.Item2 <= s.Item1 || s.Item2 > 24 * 60))
            {
                readable = false;
            }

            week.Add(spans.OrderBy(s => s.Item1).ToList());
        }

        if (!readable)
        {
            string[] names = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"];
            note = string.Join(" ; ", days.Select((d, i) => (d, i)).Where(x => !string.IsNullOrWhiteSpace(x.d) && x.d!.Trim() != "-").Select(x => $"{names[x.i]} {x.d!.Trim()}"));
            return null;
        }

        var text = OpeningHours.Format(week);
        return text.Length == 0 ? null : text;
    }

    [GeneratedRegex(@"(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})")]
    private static partial Regex TimeRange();
}
