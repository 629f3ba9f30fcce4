using System.Globalization;
using System.Text;

namespace Scoran.Observatory.Measurements;

/// <summary>
/// The per-commune measurements download (CSV, separator ;): one row per published commune and
/// operator, after a line giving the source, k, the masked communes and the filter applied.
/// </summary>
public static class MeasurementExports
{
    public static string CommunesCsv(MeasurementSummary summary, string? operatorCode, string? technology)
    {
        var csv = new StringBuilder();
        // The filter is part of the provenance: a file of one operator's figures must say so.
        var filter = string.Join(", ", new[] { operatorCode is { Length: > 0 } ? MeasurementRules.Operators[operatorCode] : null, technology is { Length: > 0 } ? MeasurementRules.NormaliseTechnology(technology) : null }.OfType<string>());
        csv.AppendLine($"# Source : mesures participatives Scoran ; communes d'au moins {summary.MinimumContributors} contributeurs distincts ; {summary.HiddenCommunes} commune(s) masquée(s)" +
                       (filter.Length > 0 ? $" ; filtre : {filter}" : ""));
        csv.AppendLine("code_commune;commune;mesures_commune;contributeurs_commune;code_operateur;operateur;mesures;sans_service;debit_descendant_median_mbps;debit_montant_median_mbps;latence_mediane_ms;rsrp_median_dbm");
        static string N(double? v) => v?.ToString("0.##", CultureInfo.InvariantCulture) ?? "";
        foreach (var c in summary.Communes)
        {
            if (c.Operators.Count == 0)
            {
                // Published commune, each operator below k: listed without operator detail.
                csv.AppendLine(string.Join(";", c.CommuneCode, Scoran.Core.Text.CsvText.Quoted(c.CommuneName), c.Measurements, c.Contributors, "", "", "", "", "", "", "", ""));
            }

            foreach (var o in c.Operators)
            {
                csv.AppendLine(string.Join(";", c.CommuneCode, Scoran.Core.Text.CsvText.Quoted(c.CommuneName), c.Measurements, c.Contributors, o.OperatorCode, o.OperatorName,
                    o.Measurements, o.NoService, N(o.MedianDownloadMbps), N(o.MedianUploadMbps), N(o.MedianLatencyMs), N(o.MedianRsrp)));
            }
        }

        return csv.ToString();
    }
}
