using Scoran.Territories.Queries;
using Scoran.Territories.Geography;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using Scoran.Observatory.Model;
using Scoran.Territories.Model;

namespace Scoran.Observatory.Mobile;

/// <summary>
/// Writes a SYNTHETIC antenna site list in Arcep's verified 2018 layout (<c>Operateur;X;Y;2G;3G;4G</c>,
/// MCC-MNC operators, Lambert-93 metres) so the antenna layer can be shown before a real list is
/// imported. Deterministic: a SHA-256 of the commune code and operator decides whether an operator
/// has sites in a commune, how many, which technologies and where (a point inside the commune's
/// outline); the same outlines give a byte-identical file. Every site is INVENTED.
/// </summary>
public static class MobileAntennaDemo
{
    public const string Header = "Operateur;X;Y;2G;3G;4G";

    private static readonly IReadOnlyDictionary<string, string> MccMnc = new Dictionary<string, string>
    {
        ["orange"] = "20801", ["sfr"] = "20810", ["free"] = "20815", ["bouygues"] = "20820",
    };

    public static string FileName(Quarter vintage) => $"sites-antennes-l93_{MobileVintage.Format(vintage)}_{MobileFiles.SyntheticMarker}.csv";

    /// <summary>The communes of a région with their population and outline (communes without an outline are left out: a site could not be placed).</summary>
    public static async Task<IReadOnlyList<(string Code, long Population, Geometry Outline)>> CommunesAsync(DbContext db, string regionCode, CancellationToken cancellationToken = default)
    {
        var territories = new TerritoryQueries(db);
        var communes = await territories.Communes(TerritoryKind.Region, regionCode)
            .Select(t => new { t.Code, t.Population }).ToListAsync(cancellationToken);
        var codes = communes.Select(c => c.Code).ToList();
        var outlines = await territories.CommuneOutlinesAsync(codes, cancellationToken);
        var reader = new WKBReader();
        var byCode = outlines.ToDictionary(o => o.Code, o => reader.Read(o.Geometry));
        return communes.Where(c => byCode.ContainsKey(c.Code)).OrderBy(c => c.Code, StringComparer.Ordinal)
            .Select(c => (c.Code, c.Population ?? 0, byCode[c.Code])).ToList();
    }

    /// <summary>The file's text: a few hundred sites, more where more people live.</summary>
    public static string Write(IReadOnlyList<(string Code, long Population, Geometry Outline)> communes)
    {
        var text = new StringBuilder(Header).Append('\n');
        foreach (var (code, population, outline) in communes)
        {
            foreach (var op in MobileOperators.All)
            {
                var h = Hash(code, op.Id);
                var roll = (int)(h % 1000);
                // Towns get several sites per operator; villages rarely one: invented, but shaped like a real list.
                var sites = population switch
                {
                    >= 20_000 => 2 + (int)(population / 40_000) + roll % 2,
                    >= 5_000 => 1 + (roll < 300 ? 1 : 0),
                    >= 1_500 => roll < 300 ? 1 : 0,
                    _ => roll < 6 ? 1 : 0,
                };
                for (var i = 0; i < Math.Min(sites, 12); i++)
                {
                    var s = Hash(code, $"{op.Id}|{i}");
                    var (x, y) = PointInside(outline, code, op.Id, i);
                    var has3G = s % 10 < 8;
                    var has4G = s / 10 % 10 < 8 || population >= 5_000;
                    text.Append(CultureInfo.InvariantCulture, $"{MccMnc[op.Id]};{x};{y};1;{(has3G ? 1 : 0)};{(has4G ? 1 : 0)}\n");
                }
            }
        }

        return text.ToString();
    }

    public static async Task<string> WriteAsync(string folder, IReadOnlyList<(string Code, long Population, Geometry Outline)> communes, Quarter vintage, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, FileName(vintage));
        await File.WriteAllTextAsync(path, Write(communes), new UTF8Encoding(false), cancellationToken);
        return path;
    }

    /// <summary>A point of the outline in whole Lambert-93 metres whose conversion back still falls inside (so the import places it in this commune).</summary>
    private static (long X, long Y) PointInside(Geometry outline, string code, string op, int index)
    {
        var envelope = outline.EnvelopeInternal;
        for (var attempt = 0; attempt < 30; attempt++)
        {
            var h = Hash(code, $"{op}|{index}|pos|{attempt}");
            var lon = envelope.MinX + (h % 10_000) / 10_000.0 * envelope.Width;
            var lat = envelope.MinY + (h / 10_000 % 10_000) / 10_000.0 * envelope.Height;
            if (Inside(outline, lat, lon, out var xy))
            {
                return xy;
            }
        }

        var interior = outline.InteriorPoint;
        var (x, y) = Lambert93.FromGeographic(interior.Y, interior.X);
        return ((long)Math.Round(x), (long)Math.Round(y));
    }

    private static bool Inside(Geometry outline, double lat, double lon, out (long X, long Y) xy)
    {
        var (x, y) = Lambert93.FromGeographic(lat, lon);
        xy = ((long)Math.Round(x), (long)Math.Round(y));
        var (backLat, backLon) = Lambert93.ToGeographic(xy.X, xy.Y);
        // A few metres inside, so rounding to the metre never moves a site across a boundary.
        var point = outline.Factory.CreatePoint(new Coordinate(backLon, backLat));
        return outline.Contains(point) && outline.Boundary.Distance(point) > 0.0001;
    }

    private static ulong Hash(string code, string salt) => BitConverter.ToUInt64(SHA256.HashData(Encoding.UTF8.GetBytes(code + "|antenne|" + salt)), 0);
}
