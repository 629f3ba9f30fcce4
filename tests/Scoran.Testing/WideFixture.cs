using System.Globalization;
using System.Text;
using Scoran.Observatory.Import.Arcep;
using Scoran.Observatory.Model;

namespace Scoran.Testing;

/// <summary>The three shapes the 2020+ Arcep file is published or exported in (ARCEP-FORMATS.md §1).</summary>
public enum WideFormat
{
    /// <summary>Workbook: a first "Lisez-moi" sheet, then "Communes" with 4 title rows and the header on row 5.</summary>
    Xlsx,
    /// <summary>CSV export, Latin-1, ';', thousands separated by U+00A0, estimate column suffixed " T4 2020".</summary>
    Latin1Semicolon,
    /// <summary>CSV export, UTF-8, ',', thousands separated by U+202F (Latin-1 cannot hold it).</summary>
    Utf8Comma,
}

/// <summary>One commune of the fixture, with the figures written into every format.</summary>
public sealed record WideCommune(
    string Code, string Name, string Region, string Departement, long Housing, long Businesses, long Estimate, long UnderConstruction,
    bool Rural, bool Mountain, bool VeryDense, long[] Connectable);

/// <summary>
/// No 2020+ Arcep file is available here: this writes small ones that follow the documented
/// layout exactly, from real BFC communes (2018 housing and businesses of shared/), with
/// deterministic deployment figures. It holds a former commune code (21513, merged into 21178),
/// a commune whose connectable premises exceed the estimate (Belfort at T4 2020) and a commune
/// flagged very dense (Dijon, to show the file's flag winning over the borrowed zoning).
/// </summary>
public static class WideFixture
{
    public static readonly Quarter[] Quarters = [new(2019, 4), new(2020, 1), new(2020, 2), new(2020, 3), new(2020, 4)];
    public const string FormerCode = "21513";
    public const string FormerCodeCurrent = "21178";
    public const string AboveEstimate = "90010";
    public const string VeryDense = "21231";

    public static IReadOnlyList<WideCommune> Communes { get; } = Build();

    private static List<WideCommune> Build()
    {
        var file = Path.Combine(SharedData.Root, "data", "ftth", "arcep-observatoire-2018T1", ArcepFtthImporter.InformationFileName);
        var result = new List<WideCommune>();
        var i = 0;
        foreach (var line in File.ReadLines(file).Skip(5))
        {
            var cells = line.Split(',');
            var code = cells[0];
            if (!(code.StartsWith("90", StringComparison.Ordinal) || string.CompareOrdinal(code, "21000") > 0 && string.CompareOrdinal(code, "21100") < 0
                  || code is FormerCode or FormerCodeCurrent or VeryDense))
            {
                continue;
            }

            ArcepNumber.TryParseCount(cells[5], out var housing);
            ArcepNumber.TryParseCount(cells[6], out var businesses);
            var estimate = (housing ?? 0) + (businesses ?? 0) + (i % 7);
            var connectable = Quarters.Select((_, k) => estimate * Math.Min(20, (i % 10) + (k * 3)) / 20).ToArray();
            if (code == AboveEstimate)
            {
                connectable[^1] = estimate + 120;
            }

            result.Add(new WideCommune(code, cells[1], cells[2], cells[3], housing ?? 0, businesses ?? 0, estimate, i % 3,
                cells[10].Trim() == "1", cells[11].Trim() == "1", code == VeryDense, connectable));
            i++;
        }

        return result;
    }

    /// <summary>Writes the fixture in one format to a fresh file under artifacts/ and returns its path.</summary>
    /// <param name="textCells">Cells replaced by a text, by commune code and header name (to damage a file on purpose).</param>
    public static string Write(WideFormat format, IReadOnlyList<WideCommune>? communes = null, IReadOnlyDictionary<(string Code, string Column), string>? textCells = null)
    {
        var extension = format == WideFormat.Xlsx ? "xlsx" : "csv";
        var path = Path.Combine(SharedData.ArtifactsFolder("ftth-wide"), $"2020t4-obs-hd-thd-deploiement-{format}-{Guid.NewGuid():N}.{extension}");
        Write(format, communes ?? Communes, path, textCells);
        return path;
    }

    public static void Write(WideFormat format, IReadOnlyList<WideCommune> communes, string path, IReadOnlyDictionary<(string Code, string Column), string>? textCells = null)
    {
        var estimateColumn = format == WideFormat.Latin1Semicolon ? "Meilleure estimation des locaux T4 2020" : "Meilleure estimation des locaux à date";
        var header = new List<string>
        {
            "Code région", "Code département", "Code commune", "Nom commune", "Logements", "Établissements", estimateColumn,
        };
        if (format == WideFormat.Latin1Semicolon)
        {
            header.Add("Estimation locaux en cours de construction");
        }

        header.AddRange(["Commune rurale", "Commune de montagne", "Zone très dense"]);
        header.AddRange(Quarters.Select(q => q.ToString()));
        var rows = communes.Select(c =>
        {
            var cells = new List<object?> { c.Region, c.Departement, c.Code, c.Name, c.Housing, c.Businesses, c.Estimate };
            if (format == WideFormat.Latin1Semicolon)
            {
                cells.Add(c.UnderConstruction);
            }

            cells.AddRange([c.Rural ? 1L : null, c.Mountain ? 1L : null, c.VeryDense ? 1L : 0L]);
            cells.AddRange(c.Connectable.Select(v => (object?)v));
            foreach (var ((code, column), text) in textCells ?? new Dictionary<(string, string), string>())
            {
                if (code == c.Code)
                {
                    cells[header.IndexOf(column)] = text;
                }
            }

            return cells;
        }).ToList();
        string[] titles =
        [
            "Réseaux en fibre optique jusqu'à l'abonné (FttH)",
            "Déploiement par commune — locaux raccordables en fin de trimestre",
            "Source : Arcep, observatoire du haut et très haut débit (fixture de test)",
            "",
        ];

        if (format == WideFormat.Xlsx)
        {
            WriteXlsx(path, titles, header, rows);
            return;
        }

        var separator = format == WideFormat.Latin1Semicolon ? ';' : ',';
        var thousands = format == WideFormat.Latin1Semicolon ? "\u00a0" : "\u202f";
        string Number(long value) => value.ToString("#,0", CultureInfo.InvariantCulture).Replace(",", thousands, StringComparison.Ordinal);
        string Cell(object? value) => value switch
        {
            null => "",
            long n => Number(n),
            string s when s.Contains(separator) || s.Contains('"') => $"\"{s.Replace("\"", "\"\"")}\"",
            string s => s,
            _ => throw new ArgumentException(value.ToString()),
        };
        var text = new StringBuilder();
        foreach (var title in titles)
        {
            text.Append(title).Append(new string(separator, header.Count - 1)).Append("\r\n");
        }

        text.Append(string.Join(separator, header.Select(Cell))).Append("\r\n");
        foreach (var row in rows)
        {
            text.Append(string.Join(separator, row.Select(Cell))).Append("\r\n");
        }

        File.WriteAllBytes(path, format == WideFormat.Latin1Semicolon ? Encoding.Latin1.GetBytes(text.ToString()) : new UTF8Encoding(false).GetBytes(text.ToString()));
    }

    private static void WriteXlsx(string path, string[] titles, List<string> header, List<List<object?>> rows)
    {
        var sheet = titles.Select(t => (IReadOnlyList<object?>)(t.Length == 0 ? [] : [t]))
            .Append(header.Cast<object?>().ToList())
            .Concat(rows)
            .ToList();
        XlsxWriter.Write(path, [("Lisez-moi", [["Observatoire du haut et très haut débit — lisez-moi"]]), (FtthWideLayout.SheetName, sheet)]);
    }
}
