using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Scoran.Funding.Rules;

/// <summary>The plan table as CSV (; separator, decimal point) and XLSX (numbers as numbers, so a spreadsheet can re-add them).</summary>
public static class PlanExport
{
    private static readonly string[] Header = ["financeur", "dispositif", "assiette_eur", "taux_pct", "montant_regle_eur", "montant_eur", "part_pct", "explication"];

    public static string Csv(Plan plan)
    {
        var sb = new StringBuilder();
        sb.Append("# Plan de financement calculé par Scoran ; montants arrondis au centime inférieur ; ").Append((plan.BindingConstraint ?? "aucune contrainte limitante").ReplaceLineEndings(" ")).Append('\n');
        sb.AppendJoin(';', Header).Append('\n');
        foreach (var l in plan.Lines)
        {
            sb.AppendJoin(';', Q(l.Funder), Q(l.SchemeName), N(l.EligibleBase), l.Rate is { } r ? N(r) : "", N(l.RuleAmount), N(l.Amount), N(l.SharePercent), Q(l.Explanation)).Append('\n');
        }

        sb.AppendJoin(';', Q("Autofinancement"), "", "", "", "", N(plan.SelfFinancing), N(plan.SelfFinancingSharePercent), "").Append('\n');
        sb.AppendJoin(';', Q("Total"), "", N(plan.TotalCost), "", "", N(plan.TotalCost), "100", "").Append('\n');
        return sb.ToString();
    }

    public static byte[] Xlsx(Plan plan)
    {
        using var stream = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var wb = doc.AddWorkbookPart();
            wb.Workbook = new Workbook();
            var ws = wb.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            ws.Worksheet = new Worksheet(data);
            data.Append(Row(Header.Select(h => (object)h)));
            foreach (var l in plan.Lines)
            {
                data.Append(Row([l.Funder, l.SchemeName, l.EligibleBase, (object?)l.Rate ?? "", l.RuleAmount, l.Amount, l.SharePercent, l.Explanation]));
            }

            data.Append(Row(["Autofinancement", "", "", "", "", plan.SelfFinancing, plan.SelfFinancingSharePercent, ""]));
            data.Append(Row(["Total", "", plan.TotalCost, "", "", plan.TotalCost, 100m, plan.BindingConstraint ?? ""]));
            wb.Workbook.AppendChild(new Sheets(new Sheet { Id = wb.GetIdOfPart(ws), SheetId = 1, Name = "Plan de financement" }));
            wb.Workbook.Save();
        }

        return stream.ToArray();
    }

    private static Row Row(IEnumerable<object> values) => new(values.Select(v => v is decimal d
        ? new Cell { DataType = CellValues.Number, CellValue = new CellValue(d.ToString(CultureInfo.InvariantCulture)) }
        : new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(v.ToString() ?? "")) }));

    private static string N(decimal d) => d.ToString(CultureInfo.InvariantCulture);

    private static string Q(string s) => Scoran.Core.Text.CsvText.Quoted(s);
}
