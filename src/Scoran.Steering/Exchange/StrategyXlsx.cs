using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Scoran.Core.Imports;
using Scoran.Core.Tables;
using Scoran.Steering.Reviews;

namespace Scoran.Steering.Exchange;

/// <summary>
/// XLSX workbooks: the whole strategy (tree, budget, milestones, indicators, values, meetings,
/// reviews: one sheet each) and the review of one meeting. Reading takes the « Arborescence »
/// sheet, in the same columns as <see cref="StrategyCsv"/>.
/// </summary>
public static class StrategyXlsx
{
    public const string TreeSheet = "Arborescence";

    public static byte[] Write(StrategyDocument d)
    {
        var sheets = new List<(string, IEnumerable<object?[]>)>
        {
            (TreeSheet, StrategyCsv.Rows(d).Select(r => r.Cast<object?>().ToArray())),
            ("Budget", Rows(["action", "annee", "financeur", "prevu", "engage", "depense"],
                d.Nodes.SelectMany(n => n.Budget.Select(b => new object?[] { n.Code, b.Year, b.Funder, b.Planned, b.Committed, b.Spent })))),
            ("Jalons", Rows(["action", "jalon", "date_prevue", "date_reelle"],
                d.Nodes.SelectMany(n => n.Milestones.Select(m => new object?[] { n.Code, m.Title, m.PlannedDate.ToString("yyyy-MM-dd"), m.ActualDate?.ToString("yyyy-MM-dd") })))),
            ("Indicateurs", Rows(["code", "intitule", "objectif", "unite", "sens", "type", "calcul", "source", "reference", "date_reference", "cible", "date_cible", "cible_texte"],
                d.Indicators.Select(i => new object?[] { i.Code, i.Title, i.Objective, i.Unit, i.Direction.ToString(), i.Kind.ToString(), i.Computation, i.DataSource, i.BaselineValue, i.BaselineDate?.ToString("yyyy-MM-dd"), i.TargetValue, i.TargetDate?.ToString("yyyy-MM-dd"), i.TargetText }))),
            ("Valeurs", Rows(["indicateur", "date", "valeur", "source", "auteur"],
                d.Indicators.SelectMany(i => i.Values.Select(v => new object?[] { i.Code, v.Date.ToString("yyyy-MM-dd"), v.Value, v.Source, v.Author })))),
            ("Revues", Rows(["seance", "comite", "action", "avancement", "retard_jours", "budget_prevu", "budget_engage", "budget_depense", "meteo", "commentaire", "decision", "decideur"],
                d.Meetings.SelectMany(m => m.Reviews.Select(r => new object?[] { m.Date.ToString("yyyy-MM-dd"), m.Committee, r.ActionCode, r.Progress, r.DaysLate, r.BudgetPlanned, r.BudgetCommitted, r.BudgetSpent, r.Rag.Label(), r.Comment, r.Decision.Label(), r.DecidedBy })))),
        };
        return Workbook(sheets);
    }

    /// <summary>The review of one meeting, one row per action, as the committee saw it.</summary>
    public static byte[] WriteReview(MeetingReport report) => Workbook(
    [
        ("Revue", Rows(["action", "intitule", "orientation", "porteur", "avancement", "calendrier", "retard_jours", "budget_prevu", "budget_engage", "budget_depense", "meteo", "commentaire", "decision", "decideur"],
            report.Reviews.Select(r => new object?[]
            {
                r.Action.Code, r.Action.Title, r.Orientation?.Code, r.Action.Porteur, r.Review.Progress, r.Review.DaysLate == 0 ? "À l'heure" : $"En retard de {r.Review.DaysLate} jours",
                r.Review.DaysLate, r.Review.BudgetPlanned, r.Review.BudgetCommitted, r.Review.BudgetSpent, r.Review.Rag.Label(), r.Review.Comment, r.Review.Decision.Label(), r.Review.DecidedBy,
            }))),
        ("Budget par financeur", Rows(["financeur", "prevu", "engage", "depense"], report.BudgetByFunder.Select(b => new object?[] { b.Funder, b.Planned, b.Committed, b.Spent }))),
        ("Indicateurs", Rows(["code", "intitule", "unite", "valeur", "date", "cible", "date_cible", "projection_date_cible", "statut"],
            report.Indicators.Select(i => new object?[] { i.Indicator.Code, i.Indicator.Title, i.Indicator.Unit, i.Assessment.Current, i.Assessment.AsOf?.ToString("yyyy-MM-dd"), i.Indicator.TargetValue, i.Indicator.TargetDate?.ToString("yyyy-MM-dd"), i.Assessment.ProjectedAtTargetDate, i.Assessment.Status.ToString() }))),
    ]);

    public static StrategyDocument Read(string file, byte[] bytes)
    {
        var rows = new List<(long, string[])>();
        try
        {
            using var workbook = XlsxSheetReader.Open(bytes);
            if (!workbook.HasWorkbook)
            {
                throw new InvalidDataException("pas de classeur");
            }

            var sheet = workbook.IndexOfSheet(TreeSheet);
            if (sheet < 0)
            {
                throw new ImportRejectedException([new ImportError(file, null, null, $"feuille « {TreeSheet} » introuvable")]);
            }

            rows.AddRange(workbook.ReadRows(sheet).Select(row => (row.Line, row.Cells.ToArray())));
        }
        catch (Exception e) when (e is InvalidDataException or OpenXmlPackageException or IOException or System.Xml.XmlException or FormatException)
        {
            throw new ImportRejectedException([new ImportError(file, null, null, $"classeur XLSX illisible : {e.Message}")]);
        }

        return StrategyCsv.FromRows(file, rows);
    }

    private static IEnumerable<object?[]> Rows(string[] header, IEnumerable<object?[]> rows) => new[] { header.Cast<object?>().ToArray() }.Concat(rows);

    private static byte[] Workbook(IReadOnlyList<(string Name, IEnumerable<object?[]> Rows)> sheets)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var list = workbook.Workbook.AppendChild(new Sheets());
            uint id = 1;
            foreach (var (name, rows) in sheets)
            {
                var part = workbook.AddNewPart<WorksheetPart>();
                var data = new SheetData();
                uint r = 1;
                foreach (var values in rows)
                {
                    var row = new Row { RowIndex = r++ };
                    foreach (var value in values)
                    {
                        row.Append(value switch
                        {
                            null => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text("")) },
                            decimal d => new Cell { CellValue = new CellValue(d), DataType = CellValues.Number },
                            int i => new Cell { CellValue = new CellValue(i), DataType = CellValues.Number },
                            _ => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(Convert.ToString(value, CultureInfo.InvariantCulture)!) { Space = SpaceProcessingModeValues.Preserve }) },
                        });
                    }

                    data.Append(row);
                }

                part.Worksheet = new Worksheet(data);
                list.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = id++, Name = name[..Math.Min(31, name.Length)] });
            }
        }

        return stream.ToArray();
    }
}
