using System.Globalization;
using System.Text;
using Scoran.Territories.Model;

namespace Scoran.Observatory.Connexion;

/// <summary>
/// The « Ma connexion internet » breakdown download (CSV, separator ;): premises per speed class
/// and technology for each contained territory, after the source and the rules applied.
/// </summary>
public static class ConnexionExports
{
    public static string BreakdownCsv(IReadOnlyList<ConnexionBreakdownRow> rows, ConnexionSource source)
    {
        var csv = new StringBuilder();
        // Provenance travels with the file: source, date and licence on the first line.
        csv.AppendLine($"# Source : {source.Line}");
        csv.AppendLine("# Règles : ≥ 8 Mbit/s = elig_cd_3+4+5+6, ≥ 30 = elig_cd_4+5+6, ≥ 100 = elig_cd_5+6, ≥ 1 Gbit/s = elig_cd_6 (sur nbr de commune_debit) ; " +
                       "sans bon haut débit filaire = nbr − (elig_ftth + elig_coax + elig_cu_30 + elig_cu_8) de commune_meilleure_techno ; taux > 1 laissés tels quels");
        csv.AppendLine("niveau;code;nom;date;locaux;locaux_8mbits;locaux_30mbits;locaux_100mbits;locaux_1gbits;taux_8mbits;taux_30mbits;taux_100mbits;taux_1gbits;" +
                       "locaux_techno;locaux_ftth;taux_ftth;locaux_thd_radio;locaux_4g_fixe;locaux_satellite;locaux_meilleure_techno;locaux_sans_filaire;taux_sans_filaire;taux_sup_100");
        static string Rate(decimal? r) => r is { } v ? v.ToString("0.0000", CultureInfo.InvariantCulture) : "";
        foreach (var row in rows)
        {
            var i = row.Indicators;
            var techno = ConnexionIndicators.V(i.Techno, "nbr");
            var best = ConnexionIndicators.V(i.Best, "nbr");
            csv.AppendLine(string.Join(';',
                row.Kind.ToSlug(), row.Code, Scoran.Core.Text.CsvText.Quoted(row.Name), i.Date.ToString("yyyy-MM-dd"),
                i.Premises, i.Bhd8.Covered, i.Thd30.Covered, i.Thd100.Covered, i.Gigabit.Covered,
                Rate(i.Bhd8.Rate), Rate(i.Thd30.Rate), Rate(i.Thd100.Rate), Rate(i.Gigabit.Rate),
                techno, i.Ftth.Covered, Rate(i.Ftth.Rate), i.Thdr.Covered, i.FixedFourG.Covered, i.Satellite.Covered,
                best, i.NoWired.Covered, Rate(i.NoWired.Rate), i.ExceedsPremises ? "oui" : "non"));
        }

        return csv.ToString();
    }
}
