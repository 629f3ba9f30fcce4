using System.Globalization;
using System.Text;

namespace Scoran.Observatory.Commitments;

/// <summary>
/// The commitments download (CSV, separator ;): one row per commune × operator commitment with
/// its gap and status, after a line giving every source with vintage and licence.
/// </summary>
public static class CommitmentExports
{
    public static string Csv(CommitmentReport report)
    {
        var csv = new StringBuilder();
        // Provenance travels with the file: every source, with vintage and licence, on the first line.
        csv.AppendLine("# Sources : " + string.Join(" ; ", report.Sources.Select(s => $"{s.Publisher} — {s.File}, {s.Vintage}, {s.Licence}")) +
                       (report.AsOf is { } asOf ? $" ; statut évalué au {asOf}" : ""));
        csv.AppendLine("code_commune;commune;code_operateur;operateur;zone;echeance;part_engagee;locaux;locaux_engages;locaux_raccordables;ecart;raccordables_projetes;ecart_projete;statut;partielle;base_legale;registre");
        foreach (var r in report.Commitments)
        {
            csv.AppendLine(string.Join(";",
                r.CommuneCode, Quote(r.CommuneName), r.OperatorCode, Quote(r.OperatorName), r.Zone.ToString().ToUpperInvariant(), r.Deadline.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                r.TargetShare?.ToString("0.####", CultureInfo.InvariantCulture) ?? "", r.Premises, r.TargetPremises, r.ConnectablePremises, r.Gap,
                r.ProjectedConnectable?.ToString(CultureInfo.InvariantCulture) ?? "", r.ProjectedGap?.ToString(CultureInfo.InvariantCulture) ?? "",
                StatusSlug(r.Status), r.Partial ? "oui" : "non", Quote(r.LegalBasis ?? ""), r.Register));
        }

        return csv.ToString();
    }

    /// <summary>The status as the CSV column gives it (a code, not the page's label).</summary>
    public static string StatusSlug(CommitmentStatus status) => status switch
    {
        CommitmentStatus.Met => "tenu",
        CommitmentStatus.OnTime => "dans_les_temps",
        CommitmentStatus.AtRisk => "menace",
        CommitmentStatus.Late => "en_retard",
        _ => "inconnu",
    };

    private static string Quote(string text) => Scoran.Core.Text.CsvText.Quoted(text);
}
