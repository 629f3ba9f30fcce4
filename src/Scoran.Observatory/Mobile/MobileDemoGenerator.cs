using Scoran.Territories.Queries;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Scoran.Observatory.Model;
using Scoran.Territories.Model;

namespace Scoran.Observatory.Mobile;

/// <summary>A commune the mobile demonstration generator writes rows for.</summary>
public sealed record MobileDemoCommune(string Code, long Population);

/// <summary>
/// Writes SYNTHETIC mobile files in the layout of the shipped mapping « scoran-couverture-communes-v1 »
/// (and « scoran-new-deal-sites-v1 ») so the mobile observatory can be shown before real files are
/// imported. Deterministic (a hash of the commune code drives every figure): the same communes
/// give byte-identical files. Populations are INSEE's; areas, coverage and sites are INVENTED.
/// </summary>
public static class MobileDemoGenerator
{
    public static readonly IReadOnlyList<Quarter> DefaultVintages = [new(2024, 4), new(2025, 4)];

    public const string CoverageHeader = "code_insee,operateur,techno,niveau,pop_couverte,surf_couverte_km2,pop_commune,surf_commune_km2";
    public const string SitesHeader = "id_site,code_insee,operateurs,statut,date_arrete,date_echeance,date_mise_en_service,millesime";

    public static string CoverageFileName(Quarter vintage) => $"couverture-communes_{MobileVintage.Format(vintage)}_{MobileFiles.SyntheticMarker}.csv";

    public static string SitesFileName(Quarter vintage) => $"new-deal-sites_{MobileVintage.Format(vintage)}_{MobileFiles.SyntheticMarker}.csv";

    public static async Task<IReadOnlyList<MobileDemoCommune>> CommunesAsync(DbContext db, string regionCode, CancellationToken cancellationToken = default) =>
        (await new TerritoryQueries(db).Communes(TerritoryKind.Region, regionCode)
            .OrderBy(t => t.Code).Select(t => new { t.Code, t.Population }).ToListAsync(cancellationToken))
        .Select(t => new MobileDemoCommune(t.Code, t.Population ?? 0)).ToList();

    /// <summary>Writes one coverage file per vintage and one New Deal site list (latest vintage); returns the files written.</summary>
    public static async Task<IReadOnlyList<string>> WriteAsync(string folder, IReadOnlyList<MobileDemoCommune> communes, IReadOnlyList<Quarter> vintages, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(folder);
        var written = new List<string>();
        for (var v = 0; v < vintages.Count; v++)
        {
            var text = new StringBuilder(CoverageHeader).Append('\n');
            foreach (var c in communes)
            {
                AppendCommune(text, c, v);
            }

            var path = Path.Combine(folder, CoverageFileName(vintages[v]));
            await File.WriteAllTextAsync(path, text.ToString(), new UTF8Encoding(false), cancellationToken);
            written.Add(path);
        }

        var sites = new StringBuilder(SitesHeader).Append('\n');
        var latest = vintages[^1];
        var n = 0;
        foreach (var c in communes.Where(c => Hash(c.Code, "site") % 1000 < 25))
        {
            n++;
            var h = Hash(c.Code, "site-detail");
            var decree = new DateOnly(2018 + (int)(h % 6), 1 + (int)(h / 7 % 12), 1);
            var deadline = decree.AddMonths(24);
            var inService = deadline.AddMonths(-(int)(h / 13 % 10)) <= latest.EndDate && h % 5 != 0 ? deadline.AddMonths(-(int)(h / 13 % 10)) : (DateOnly?)null;
            var operators = (h % 3) switch { 0 => "Orange/SFR/Bouygues Telecom/Free Mobile", 1 => "Orange", _ => "SFR/Free Mobile" };
            sites.Append(CultureInfo.InvariantCulture,
                $"ND-BFC-{n:0000},{c.Code},{operators},{(inService is null ? "à construire" : "en service")},{decree:yyyy-MM-dd},{deadline:yyyy-MM-dd},{inService?.ToString("yyyy-MM-dd") ?? ""},{MobileVintage.Format(latest)}\n");
        }

        var sitesPath = Path.Combine(folder, SitesFileName(latest));
        await File.WriteAllTextAsync(sitesPath, sites.ToString(), new UTF8Encoding(false), cancellationToken);
        written.Add(sitesPath);
        return written;
    }

    private static void AppendCommune(StringBuilder text, MobileDemoCommune c, int vintageIndex)
    {
        var h = Hash(c.Code, "area");
        // Invented area: 4 to 40 km², larger for small villages, so rural communes weigh on area rates as they do in reality.
        var area = Math.Round(4m + (h % 3600) / 100m + (c.Population < 500 ? 6m : 0m), 2);
        // About 3 % of communes start as 4G white zones; half of them are covered by the next vintage (New Deal sites).
        var whiteRoll = (int)(Hash(c.Code, "white") % 1000);
        var white = whiteRoll < 30 - (vintageIndex * 15);
        var dense = c.Population >= 2000;
        var line = new StringBuilder();
        foreach (var op in MobileOperators.All)
        {
            var oh = (int)(Hash(c.Code, op.Id) % 1_000_000);
            var absent4G = white || (!dense && oh % 100 < 6 - vintageIndex * 2);
            var base4G = absent4G ? 0m : Math.Min(1m, (dense ? 0.95m : 0.70m) + (oh % 30) / 100m + vintageIndex * 0.03m);
            var veryGood = absent4G ? 0m : Math.Max(0m, base4G - (dense ? 0.10m : 0.35m));
            var twoG = Math.Min(1m, Math.Max(base4G, 0.85m + (oh % 15) / 100m));
            var fiveG = dense && oh % 10 < 5 + vintageIndex * 3 ? Math.Min(1m, 0.40m + (oh % 50) / 100m + vintageIndex * 0.1m) : 0m;
            Row(text, c, op.Id, "2G", MobileLevels.Good, twoG, twoG - 0.05m, area);
            Row(text, c, op.Id, "4G", MobileLevels.Good, base4G, base4G - 0.08m, area);
            Row(text, c, op.Id, "4G", MobileLevels.VeryGood, veryGood, veryGood - 0.10m, area);
            Row(text, c, op.Id, "5G", MobileLevels.Good, fiveG, fiveG - 0.2m, area);
        }
    }

    private static void Row(StringBuilder text, MobileDemoCommune c, string op, string tech, string level, decimal populationShare, decimal areaShare, decimal area)
    {
        if (populationShare <= 0)
        {
            return;
        }

        var population = (long)Math.Floor(c.Population * populationShare);
        var covered = Math.Round(area * Math.Clamp(areaShare, 0m, 1m), 2);
        text.Append(CultureInfo.InvariantCulture, $"{c.Code},{op},{tech},{level},{population},{covered.ToString("0.##", CultureInfo.InvariantCulture)},{c.Population},{area.ToString("0.##", CultureInfo.InvariantCulture)}\n");
    }

    private static ulong Hash(string code, string salt) => BitConverter.ToUInt64(SHA256.HashData(Encoding.UTF8.GetBytes(code + "|" + salt)), 0);
}
