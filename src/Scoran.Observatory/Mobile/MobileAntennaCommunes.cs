using Scoran.Territories.Queries;
using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Scoran.Core.Imports;
using Scoran.Territories.Model;

namespace Scoran.Observatory.Mobile;

/// <summary>Antenna sites of one commune for one operator (or all) and one technology (or all).</summary>
public sealed record MobileAntennaCommune(string Code, string Name, int Sites);

/// <summary>The sites of one commune × operator: how many in all and per technology carried.</summary>
public sealed record MobileAntennaCommuneOperator(string Code, string Name, string Operator, int Sites, int Sites2G, int Sites3G, int Sites4G, int Sites5G)
{
    public int Of(string? technology) => technology switch
    {
        "2G" => Sites2G,
        "3G" => Sites3G,
        "4G" => Sites4G,
        "5G" => Sites5G,
        _ => Sites,
    };
}

/// <summary>Per-commune antenna counts of a territory at one list's vintage, with the list's provenance.</summary>
public sealed record MobileAntennaCommunes(int Vintage, IReadOnlyList<MobileAntennaCommuneOperator> Rows, IReadOnlyList<(string Code, string Name)> Communes, MobileSource Source)
{
    /// <summary>
    /// Every commune of the territory (zero included, so a map can tell « no site » from « no data »)
    /// with its number of sites of <paramref name="op"/> (null: every operator, a shared site counting
    /// once per operator as the publisher lists it) carrying <paramref name="technology"/> (null: any).
    /// </summary>
    public IReadOnlyList<MobileAntennaCommune> Filter(string? op, string? technology)
    {
        var counts = Rows.Where(r => op is null || r.Operator == op).GroupBy(r => r.Code).ToDictionary(g => g.Key, g => g.Sum(r => r.Of(technology)));
        return Communes.Select(c => new MobileAntennaCommune(c.Code, c.Name, counts.GetValueOrDefault(c.Code))).ToList();
    }
}

public sealed partial class MobileAntennaQueries
{
    /// <summary>Counts per commune and operator of the territory's communes at the latest list (or <paramref name="vintage"/>); null when no list is imported.</summary>
    public async Task<MobileAntennaCommunes?> CommunesAsync(TerritoryKind kind, string code, int? vintage = null, CancellationToken cancellationToken = default)
    {
        var sites = Db.Set<MobileAntennaSite>().AsNoTracking();
        var at = vintage ?? await sites.Select(s => (int?)s.Vintage).MaxAsync(cancellationToken);
        if (at is null)
        {
            return null;
        }

        var communes = await CommunesOf(kind, code).OrderBy(t => t.Code).Select(t => new { t.Code, t.Name }).ToListAsync(cancellationToken);
        var codes = CommunesOf(kind, code).Select(t => t.Code);
        var rows = await sites.Where(s => s.Vintage == at && codes.Contains(s.CommuneCode))
            .Select(s => new { s.Operator, s.CommuneCode, s.Has2G, s.Has3G, s.Has4G, s.Has5G })
            .ToListAsync(cancellationToken);
        var names = communes.ToDictionary(c => c.Code, c => c.Name);
        var order = MobileOperators.All.Select((o, i) => (o.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var grouped = rows.GroupBy(r => (r.CommuneCode, r.Operator))
            .Select(g => new MobileAntennaCommuneOperator(g.Key.CommuneCode, names.GetValueOrDefault(g.Key.CommuneCode, g.Key.CommuneCode), g.Key.Operator,
                g.Count(), g.Count(r => r.Has2G), g.Count(r => r.Has3G), g.Count(r => r.Has4G), g.Count(r => r.Has5G)))
            .OrderBy(r => r.Code, StringComparer.Ordinal).ThenBy(r => order.GetValueOrDefault(r.Operator, 99))
            .ToList();
        return new MobileAntennaCommunes(at.Value, grouped, communes.Select(c => (c.Code, c.Name)).ToList(), await SourceAsync(at.Value, cancellationToken));
    }

    /// <summary>Provenance of the antenna list of a vintage (the last import of it).</summary>
    public async Task<MobileSource> SourceAsync(int vintage, CancellationToken cancellationToken = default)
    {
        var text = MobileVintage.Format(vintage);
        var imports = await Db.Set<DatasetImport>().AsNoTracking().Where(i => i.Dataset == MobileAntennaImporter.Dataset && i.Vintage == text).ToListAsync(cancellationToken);
        return new MobileSource(imports.OrderByDescending(i => i.ImportedAt).Take(1)
            .Select(i => new MobileSourceFile(i.Dataset, i.Publisher, i.Source, i.Vintage, i.Licence, i.ImportedAt, i.Summary)).ToList());
    }

    private IQueryable<Territory> CommunesOf(TerritoryKind kind, string code) => new TerritoryQueries(Db).Communes(kind, code);
}

/// <summary>
/// The per-commune antenna download (CSV and XLSX): one row per commune × operator × technology
/// with at least one site (technology « toutes » = every site of the operator), after lines giving
/// source, vintage and licence. Counts only: positions are never exported.
/// </summary>
public static class MobileAntennaExport
{
    public static readonly IReadOnlyList<string> Header = ["code_commune", "commune", "operateur", "technologie", "sites", "millesime"];

    public const string Rule = "Règle : un site partagé par deux opérateurs compte pour chacun (la liste le donne une fois par opérateur) ; « toutes » = tous les sites de l'opérateur, " +
                               "quelle que soit la technologie ; une commune absente n'a aucun site dans la liste. Décomptes par commune seulement, sans position des sites.";

    public static IEnumerable<object?[]> Rows(MobileAntennaCommunes communes)
    {
        var vintage = MobileVintage.Format(communes.Vintage);
        foreach (var r in communes.Rows)
        {
            foreach (var tech in new string?[] { null, "2G", "3G", "4G", "5G" })
            {
                var n = r.Of(tech);
                if (n > 0 || tech is null)
                {
                    yield return [r.Code, r.Name, MobileOperators.Name(r.Operator), tech ?? "toutes", n, vintage];
                }
            }
        }
    }

    public static string Provenance(MobileAntennaCommunes communes) =>
        $"Source : {communes.Source.Line} ; millésime {MobileVintage.Format(communes.Vintage)} ; licence {MobileImporter.Licence}";

    public static string Csv(MobileAntennaCommunes communes)
    {
        var csv = new StringBuilder();
        csv.Append("# ").Append(Provenance(communes)).Append('\n');
        csv.Append("# ").Append(Rule).Append('\n');
        csv.AppendJoin(';', Header).Append('\n');
        foreach (var row in Rows(communes))
        {
            csv.AppendJoin(';', row.Select(v => v switch
            {
                int i => i.ToString(CultureInfo.InvariantCulture),
                string s => Scoran.Core.Text.CsvText.Minimal(s, ';', " '"),
                _ => Convert.ToString(v, CultureInfo.InvariantCulture),
            })).Append('\n');
        }

        return csv.ToString();
    }

    public static byte[] Xlsx(MobileAntennaCommunes communes)
    {
        using var stream = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var wb = doc.AddWorkbookPart();
            wb.Workbook = new Workbook();
            var sheets = wb.Workbook.AppendChild(new Sheets());
            var ws = wb.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            ws.Worksheet = new Worksheet(data);
            data.Append(Row([Provenance(communes)]));
            data.Append(Row([Rule]));
            data.Append(Row(Header));
            foreach (var row in Rows(communes))
            {
                data.Append(Row(row));
            }

            sheets.Append(new Sheet { Id = wb.GetIdOfPart(ws), SheetId = 1, Name = "Antennes" });
            wb.Workbook.Save();
        }

        return stream.ToArray();
    }

    private static Row Row(IEnumerable<object?> values) => new(values.Select(v => v switch
    {
        null => new Cell(),
        int i => new Cell { DataType = CellValues.Number, CellValue = new CellValue(i.ToString(CultureInfo.InvariantCulture)) },
        _ => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(v.ToString() ?? "")) },
    }));
}
