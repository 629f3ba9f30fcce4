using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Sylvan.Data.Csv;

namespace Scoran.Observatory.Eligibility;

/// <summary>A real site of the France Services list: where the generated buildings are placed.</summary>
public sealed record DemoSite(string Id, string Departement, string CommuneCode, string CommuneName, string Address, double Latitude, double Longitude);

/// <summary>
/// Writes a SYNTHETIC building base and eligibility file in Arcep's format: one building at each
/// real France Services address (real positions and addresses, from the public list) and
/// neighbours jittered a few hundred metres around it in the same street, with invented
/// premises and eligibility. Deterministic: the same sites and seed give the same bytes.
/// </summary>
public static partial class EligibilityDemoGenerator
{
    private const double MercatorRadius = 6_378_137;

    /// <summary>Reads the France Services list (CSV with line breaks inside quoted fields); sites without coordinates are left out.</summary>
    public static async Task<IReadOnlyList<DemoSite>> ReadSitesAsync(string file, CancellationToken cancellationToken = default)
    {
        await using var reader = await CsvDataReader.CreateAsync(file, new CsvDataReaderOptions { HasHeaders = true, Delimiter = ',' });
        var sites = new List<DemoSite>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var lat = reader.GetString(reader.GetOrdinal("latitude"));
            var lon = reader.GetString(reader.GetOrdinal("longitude"));
            if (!double.TryParse(lat, NumberStyles.Float, CultureInfo.InvariantCulture, out var latitude)
                || !double.TryParse(lon, NumberStyles.Float, CultureInfo.InvariantCulture, out var longitude))
            {
                continue;
            }

            sites.Add(new DemoSite(reader.GetString(reader.GetOrdinal("id_fs")), reader.GetString(reader.GetOrdinal("insee_dep")),
                reader.GetString(reader.GetOrdinal("insee_com")), reader.GetString(reader.GetOrdinal("lib_com")),
                reader.GetString(reader.GetOrdinal("adresse")).ReplaceLineEndings(" ").Trim(), latitude, longitude));
        }

        return sites;
    }

    [GeneratedRegex(@"^(\d+)(?:-\d+)?\s*(bis|ter|quater|[A-Z](?=\s))?\s+(.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex NumberedAddress();

    /// <summary>Writes both files; returns the number of buildings and of eligibility rows.</summary>
    public static async Task<(int Buildings, int Rows)> WriteAsync(IReadOnlyList<DemoSite> sites, string buildingsFile, string eligibilityFile,
        int neighbours = 8, int seed = 2027, CancellationToken cancellationToken = default)
    {
        var random = new Random(seed);
        var buildings = new StringBuilder();
        var eligibility = new StringBuilder();
        buildings.AppendJoin(';', EligibilityFiles.BuildingColumns).Append('\n');
        eligibility.AppendJoin(';', EligibilityFiles.EligibilityColumns).Append('\n');
        int count = 0, rows = 0;
        foreach (var site in sites)
        {
            var match = NumberedAddress().Match(site.Address);
            var number = match.Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
            var rep = match.Success ? match.Groups[2].Value.ToUpperInvariant() is var r && r.Length > 0 ? r : "" : "";
            var street = match.Success ? match.Groups[3].Value : site.Address;
            for (var k = 0; k <= neighbours; k++)
            {
                double lat = site.Latitude, lon = site.Longitude;
                if (k > 0)
                {
                    // Up to about 300 m away, on both sides of the real address.
                    lat += (random.NextDouble() - 0.5) * 0.0054;
                    lon += (random.NextDouble() - 0.5) * 0.0078;
                }

                var id = $"IMB/{site.CommuneCode}/S/{site.Id.PadLeft(5, '0')}{k:D2}";
                var houseNumber = k == 0 ? (number > 0 ? number.ToString(CultureInfo.InvariantCulture) : "") : (Math.Max(number, 1) + 2 * k).ToString(CultureInfo.InvariantCulture);
                var collective = random.NextDouble() < 0.25;
                var premises = collective ? random.Next(3, 40) : 1;
                var x = lon * Math.PI / 180 * MercatorRadius;
                var y = Math.Log(Math.Tan(Math.PI / 4 + lat * Math.PI / 360)) * MercatorRadius;
                string[] building =
                [
                    id, x.ToString("F2", CultureInfo.InvariantCulture), y.ToString("F2", CultureInfo.InvariantCulture), id.Replace("/S/", "/C/", StringComparison.Ordinal),
                    site.CommuneCode, premises.ToString(CultureInfo.InvariantCulture), EligibilityFiles.SyntheticSource, collective ? "imm" : "pav",
                    $"{site.CommuneCode}_S{site.Id}_{k}", "", houseNumber, k == 0 ? rep : "", street, "", site.CommuneCode, site.CommuneName, "", "synthetique",
                ];
                buildings.AppendJoin(';', building.Select(Quote)).Append('\n');
                count++;
                foreach (var (techno, down, up) in Technologies(random))
                {
                    eligibility.AppendJoin(';', [id, building[8], building[3], techno, up, down, "", random.NextDouble() < 0.02 ? "1" : "0"]).Append('\n');
                    rows++;
                }
            }
        }

        await File.WriteAllTextAsync(buildingsFile, buildings.ToString(), new UTF8Encoding(false), cancellationToken);
        await File.WriteAllTextAsync(eligibilityFile, eligibility.ToString(), new UTF8Encoding(false), cancellationToken);
        return (count, rows);
    }

    private static IEnumerable<(string Techno, string Down, string Up)> Technologies(Random random)
    {
        // About one building in twelve has no wired network at all, to show the alternatives.
        var noWired = random.NextDouble() < 0.08;
        if (!noWired)
        {
            string[] dsl = ["HD05", "HD3", "BHD8", "THD30"];
            yield return ("CU", dsl[random.Next(dsl.Length)], "HD05");
            if (random.NextDouble() < 0.6)
            {
                yield return ("FO", random.NextDouble() < 0.7 ? "THD1G" : "THD100", "THD100");
            }

            if (random.NextDouble() < 0.08)
            {
                yield return ("COAX", "THD100", "THD30");
            }
        }

        if (random.NextDouble() < (noWired ? 0.6 : 0.3))
        {
            yield return ("4GF", random.NextDouble() < 0.5 ? "THD30" : "BHD8", "HD3");
        }

        if (random.NextDouble() < 0.1)
        {
            yield return ("THDR", "THD30", "BHD8");
        }

        yield return ("SAT", "THD30", "HD3");
    }

    private static string Quote(string value) =>
        value.AsSpan().IndexOfAny(";\"\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
