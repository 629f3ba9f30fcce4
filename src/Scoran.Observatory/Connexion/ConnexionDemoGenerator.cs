using Scoran.Territories.Queries;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Scoran.Observatory.Import.Arcep;
using Scoran.Observatory.Model;
using Scoran.Territories.Model;

namespace Scoran.Observatory.Connexion;

/// <summary>A commune the demonstration generator writes rows for.</summary>
public sealed record DemoCommune(string Code, string Name, string Departement, string Region, long Premises, FtthZone Zone);

/// <summary>
/// Writes SYNTHETIC « Ma connexion internet » commune files (exact Arcep schema, type = all rows)
/// so the platform can be shown before real files are imported. Deterministic: the same
/// communes give byte-identical files. The premises of each commune are those of the FttH
/// release (grown 0.5 % a year) and the technology mix depends on its FttH zone, so the
/// figures look plausible; they are NOT Arcep's figures, and every screen says so.
/// </summary>
public static class ConnexionDemoGenerator
{
    public static readonly IReadOnlyList<DateOnly> DefaultDates = [new(2021, 12, 31), new(2022, 12, 31), new(2023, 12, 31)];

    public static string FileName(ConnexionFamily family, DateOnly date) =>
        $"{Path.GetFileNameWithoutExtension(ConnexionFiles.ArcepFileName(family))}_{date:yyyy-MM-dd}_{ConnexionFiles.SyntheticMarker}.csv";

    /// <summary>The current communes of a région, with the premises and zoning of the latest FttH release.</summary>
    public static async Task<IReadOnlyList<DemoCommune>> CommunesAsync(DbContext db, string regionCode, CancellationToken cancellationToken = default)
    {
        var release = await db.Set<FtthCommuneProfile>().AsNoTracking().Select(p => p.Release).OrderByDescending(r => r).FirstOrDefaultAsync(cancellationToken);
        var profiles = await db.Set<FtthCommuneProfile>().AsNoTracking().Where(p => p.Release == release)
            .ToDictionaryAsync(p => p.CommuneCode, cancellationToken);
        var communes = await new TerritoryQueries(db).Communes(TerritoryKind.Region, regionCode)
            .OrderBy(t => t.Code).ToListAsync(cancellationToken);
        return communes.Select(t => new DemoCommune(t.Code, t.Name, t.DepartementCode ?? "", t.RegionCode ?? "",
                profiles.TryGetValue(t.Code, out var p) ? p.Housing + p.Businesses : Math.Max(10, (t.Population ?? 20) / 2),
                profiles.TryGetValue(t.Code, out var z) ? z.Zone : FtthZone.PublicInitiative))
            .ToList();
    }

    /// <summary>Writes the three families for every date; returns the files written.</summary>
    public static async Task<IReadOnlyList<string>> WriteAsync(string folder, IReadOnlyList<DemoCommune> communes, IReadOnlyList<DateOnly> dates, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(folder);
        var written = new List<string>();
        foreach (var date in dates)
        {
            var mixes = communes.Select(c => (Commune: c, Mix: Mix(c, date, dates[0]))).ToList();
            foreach (var family in Enum.GetValues<ConnexionFamily>())
            {
                var text = new StringBuilder();
                text.Append(string.Join(',', ConnexionFiles.CommonColumns.Concat(ConnexionFiles.Measures[family]))).Append('\n');
                foreach (var (c, m) in mixes)
                {
                    var name = c.Name.Contains(',') || c.Name.Contains('"') ? $"\"{c.Name.Replace("\"", "\"\"")}\"" : c.Name;
                    text.Append(CultureInfo.InvariantCulture, $"{c.Code},{name},{c.Departement},{c.Region},{m.Premises},all,{date:yyyy-MM-dd}");
                    foreach (var value in Values(family, m))
                    {
                        text.Append(',').Append(value.ToString(CultureInfo.InvariantCulture));
                    }

                    text.Append('\n');
                }

                var path = Path.Combine(folder, FileName(family, date));
                await File.WriteAllTextAsync(path, text.ToString(), new UTF8Encoding(false), cancellationToken);
                written.Add(path);
            }
        }

        return written;
    }

    /// <summary>Premises of a commune by best access; the parts add up to <see cref="Premises"/>.</summary>
    private sealed record BestMix(long Premises, long Ftth, long Coax, long Cu30, long Cu8, long SlowDsl, long Thdr, long FixedFourG, long Hdr, long Sat, long Nothing, long FourGEligible, long ThdrEligible);

    private static BestMix Mix(DemoCommune c, DateOnly date, DateOnly first)
    {
        var years = (date.DayNumber - first.DayNumber) / 365.25;
        var h = Hash(c.Code);
        var premises = (long)Math.Round(c.Premises * (1 + 0.005 * (years + 3)));
        var ftthShare = Math.Min(1.0, c.Zone switch
        {
            FtthZone.VeryDense => 0.85 + 0.05 * years + 0.1 * h,
            FtthZone.PrivateCommitment => 0.55 + 0.15 * years + 0.2 * h,
            _ => 0.15 + 0.22 * years + 0.3 * h,
        });
        long left = premises;
        long Take(double share)
        {
            var n = Math.Min(left, (long)Math.Floor(left * share));
            left -= n;
            return n;
        }

        var ftth = Take(ftthShare);
        var coax = Take(premises > 5_000 ? 0.05 * h : 0);
        var cu30 = Take(0.35 + 0.1 * h);
        var cu8 = Take(0.45);
        var thdr = Take(0.1 * h);
        var fourG = Take(0.3);
        var hdr = Take(0.05 * h);
        var sat = Take(0.4);
        var slow = Take(0.6);
        var nothing = left;
        var fourGEligible = fourG + (long)Math.Floor((premises - fourG) * (0.5 + 0.3 * h));
        var thdrEligible = thdr + (long)Math.Floor((premises - ftth - thdr) * 0.1 * h);
        return new BestMix(premises, ftth, coax, cu30, cu8, slow, thdr, fourG, hdr, sat, nothing, fourGEligible, thdrEligible);
    }

    private static IEnumerable<long> Values(ConnexionFamily family, BestMix m) => family switch
    {
        // inel_hd, cd_1 … cd_6 by best speed: FttH 1 Gbit/s, cable ≥ 100, DSL/THD radio ≥ 30, DSL/4G fixe/satellite ≥ 8, slow DSL/HD radio below.
        ConnexionFamily.Debit => [m.Nothing, 0, m.SlowDsl + m.Hdr, m.Cu8 + m.FixedFourG + m.Sat, m.Cu30 + m.Thdr, m.Coax, m.Ftth],
        // Eligibility per technology (not exclusive): copper reaches almost every premises, satellite all of them.
        ConnexionFamily.Techno => [m.Ftth, m.Coax, m.Cu30 + m.Cu8 + m.SlowDsl + m.Coax + (m.Ftth * 9 / 10), m.ThdrEligible, m.FourGEligible, m.Hdr, m.Premises],
        _ => [m.Ftth + m.Coax + m.Cu30 + m.Cu8 + m.Thdr + m.FixedFourG + m.Sat, m.Ftth, m.Coax, m.Cu30, m.Thdr, m.Cu8, m.FixedFourG, m.Hdr, m.Sat],
    };

    // FNV-1a of the code: stable across runs and platforms, unlike string.GetHashCode.
    private static double Hash(string code)
    {
        var hash = 2166136261u;
        foreach (var ch in code)
        {
            hash = (hash ^ ch) * 16777619u;
        }

        return (hash % 10_000) / 10_000.0;
    }
}
