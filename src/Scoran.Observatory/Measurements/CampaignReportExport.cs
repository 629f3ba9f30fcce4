using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Scoran.Observatory.Measurements;

/// <summary>
/// The campaign report as CSV (one table, ; separator, decimal point, a <c>tableau</c> column
/// saying which part a row belongs to) and XLSX (one sheet per part, numbers as numbers). Both
/// start with the source, period, k and generation date. Only what the report publishes goes
/// out: operator totals, days (totals over the territory) and communes at or above k.
/// </summary>
public static class CampaignReportExport
{
    private static readonly string[] CsvHeader =
    [
        "tableau", "jour", "code_commune", "commune", "mesures_commune", "contributeurs_commune", "code_operateur", "operateur", "mesures", "sans_service",
        "debit_descendant_median_mbps", "debit_montant_median_mbps", "latence_mediane_ms", "rsrp_median_dbm",
    ];

    private static readonly string[] OperatorHeader = ["code_operateur", "operateur", "mesures", "sans_service", "debit_descendant_median_mbps", "debit_montant_median_mbps", "latence_mediane_ms", "rsrp_median_dbm"];
    private static readonly string[] CommuneHeader = ["code_commune", "commune", "mesures_commune", "contributeurs_commune", .. OperatorHeader];
    private static readonly string[] DayHeader = ["jour", "code_operateur", "operateur", "mesures"];

    /// <summary>The provenance line every file starts with.</summary>
    public static string Provenance(CampaignReport report, int minimumContributors, DateTimeOffset generatedAt)
    {
        var c = report.Campaign;
        return $"Source : mesures participatives Scoran, campagne {c.Code} « {c.Name} » ({c.TerritoryKind} {c.TerritoryCode}) ; " +
               $"période du {c.StartsAt.UtcDateTime:yyyy-MM-dd} au {c.EndsAt.UtcDateTime:yyyy-MM-dd} (UTC) ; " +
               $"k = {minimumContributors} contributeurs distincts, {report.HiddenCommunes} commune(s) masquée(s) ; " +
               $"généré le {generatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC";
    }

    public static string Csv(CampaignReport report, int minimumContributors, DateTimeOffset generatedAt)
    {
        var sb = new StringBuilder();
        sb.Append("# ").Append(Provenance(report, minimumContributors, generatedAt)).Append('\n');
        sb.AppendJoin(';', CsvHeader).Append('\n');
        foreach (var o in report.Operators)
        {
            sb.AppendJoin(';', ["operateur", "", "", "", "", "", .. OperatorCells(o).Select(Text)]).Append('\n');
        }

        foreach (var c in report.Communes)
        {
            if (c.Operators.Count == 0)
            {
                // A published commune whose operators are each below k: listed, without operator detail.
                sb.AppendJoin(';', ["commune", "", c.CommuneCode, Q(c.CommuneName), Text(c.Measurements), Text(c.Contributors), .. NoOperator.Select(Text)]).Append('\n');
            }

            foreach (var o in c.Operators)
            {
                sb.AppendJoin(';', ["commune", "", c.CommuneCode, Q(c.CommuneName), Text(c.Measurements), Text(c.Contributors), .. OperatorCells(o).Select(Text)]).Append('\n');
            }
        }

        foreach (var d in report.Days)
        {
            sb.AppendJoin(';', "jour", Day(d.Day), "", "", "", "", d.OperatorCode, Q(OperatorName(d.OperatorCode)), Text(d.Measurements), "", "", "", "", "").Append('\n');
        }

        return sb.ToString();
    }

    public static byte[] Xlsx(CampaignReport report, int minimumContributors, DateTimeOffset generatedAt)
    {
        var provenance = Provenance(report, minimumContributors, generatedAt);
        using var stream = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var wb = doc.AddWorkbookPart();
            wb.Workbook = new Workbook();
            var sheets = wb.Workbook.AppendChild(new Sheets());
            uint id = 1;
            void Sheet(string name, string[] header, IEnumerable<object?[]> rows)
            {
                var ws = wb.AddNewPart<WorksheetPart>();
                var data = new SheetData();
                ws.Worksheet = new Worksheet(data);
                data.Append(Row([provenance]));
                data.Append(Row(header));
                foreach (var r in rows)
                {
                    data.Append(Row(r));
                }

                sheets.Append(new Sheet { Id = wb.GetIdOfPart(ws), SheetId = id++, Name = name });
            }

            Sheet("Opérateurs", OperatorHeader, report.Operators.Select(OperatorCells));
            Sheet("Communes", CommuneHeader, report.Communes.SelectMany(c => (c.Operators.Count == 0 ? [NoOperator] : c.Operators.Select(OperatorCells)).Select(o =>
                new object?[] { c.CommuneCode, c.CommuneName, c.Measurements, c.Contributors }.Concat(o).ToArray())));
            Sheet("Jours", DayHeader, report.Days.Select(d => new object?[] { Day(d.Day), d.OperatorCode, OperatorName(d.OperatorCode), d.Measurements }));
            wb.Workbook.Save();
        }

        return stream.ToArray();
    }

    /// <summary>The operator columns of a commune whose operators are each below k.</summary>
    private static readonly object?[] NoOperator = [null, null, null, null, null, null, null, null];

    private static object?[] OperatorCells(OperatorMeasurements o) =>
        [o.OperatorCode, o.OperatorName, o.Measurements, o.NoService, o.MedianDownloadMbps, o.MedianUploadMbps, o.MedianLatencyMs, o.MedianRsrp];

    private static string OperatorName(string code) => MeasurementRules.Operators.GetValueOrDefault(code) ?? code;

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Text(object? v) => v switch
    {
        null => "",
        double d => d.ToString("0.##", CultureInfo.InvariantCulture),
        int i => i.ToString(CultureInfo.InvariantCulture),
        string s => Scoran.Core.Text.CsvText.Minimal(s, ';', " "),
        _ => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "",
    };

    private static string Q(string s) => Scoran.Core.Text.CsvText.Quoted(s);

    private static Row Row(IEnumerable<object?> values) => new(values.Select(v => v switch
    {
        null => new Cell(),
        double d => new Cell { DataType = CellValues.Number, CellValue = new CellValue(d.ToString(CultureInfo.InvariantCulture)) },
        int i => new Cell { DataType = CellValues.Number, CellValue = new CellValue(i.ToString(CultureInfo.InvariantCulture)) },
        _ => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(v.ToString() ?? "")) },
    }));
}
