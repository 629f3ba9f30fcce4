using System.Globalization;
using System.Text;
using Scoran.Territories.Model;

namespace Scoran.Observatory.Queries;

/// <summary>The FttH breakdown download (CSV, separator ;): connectable premises per contained territory at one quarter, after the source.</summary>
public static class FtthExports
{
    public static string BreakdownCsv(IReadOnlyList<FtthBreakdownRow> rows, FtthSeries series, FtthPoint point)
    {
        var csv = new StringBuilder();
        // Provenance travels with the file: source, vintage and licence on the first line.
        csv.AppendLine($"# Source : {series.Source.Publisher} — {series.Source.File}, publication {series.Source.Vintage}, {series.Source.Licence}; trimestre {point.Quarter}");
        csv.AppendLine("niveau;code;nom;trimestre;locaux_raccordables;locaux;taux");
        foreach (var row in rows)
        {
            var rate = row.Coverage.Rate is { } r ? r.ToString("0.0000", CultureInfo.InvariantCulture) : "";
            csv.AppendLine($"{row.Kind.ToSlug()};{row.Code};{Scoran.Core.Text.CsvText.Quoted(row.Name)};{point.Quarter};{row.ConnectablePremises};{row.Premises};{rate}");
        }

        return csv.ToString();
    }
}
