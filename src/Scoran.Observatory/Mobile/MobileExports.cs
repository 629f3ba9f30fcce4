using System.Globalization;
using System.Text;
using Scoran.Territories.Model;

namespace Scoran.Observatory.Mobile;

/// <summary>
/// The mobile observatory's CSV downloads (separator ;, source and rules on the first lines):
/// breakdown of a territory, 4G white zones, New Deal sites, announced coverage against
/// measurements. The web layer only names the file and sends it.
/// </summary>
public static class MobileExports
{
    /// <summary>Said wherever the comparison with measurements cannot be made yet (page, JSON, CSV).</summary>
    public const string NoMeasurementsMessage =
        "Les mesures participatives ne sont pas encore disponibles sur cette installation : la comparaison sera faite dès qu'elles le seront.";

    /// <summary>The contained territories at one vintage: population, area, 4G coverage per operator.</summary>
    public static string BreakdownCsv(IReadOnlyList<MobileBreakdownRow> rows, int vintage, MobileSource source)
    {
        var csv = new StringBuilder();
        csv.AppendLine($"# Source : {source.Line}");
        csv.AppendLine("# Règles : taux = somme des populations (surfaces) couvertes des communes / somme de leurs populations (surfaces), niveau « bonne couverture ou mieux » ; " +
                       "au_moins_un_operateur = somme, par commune, du meilleur opérateur (borne basse de la couverture par au moins un opérateur) ; zone blanche 4G = commune sans aucune couverture 4G annoncée");
        var ops = MobileOperators.All;
        csv.AppendLine("niveau;code;nom;millesime;communes;population;surface_km2;pop_4g_au_moins_un_operateur;taux_pop_4g_au_moins_un_operateur;" +
                       string.Join(';', ops.Select(o => $"taux_pop_4g_{o.Id};taux_surface_4g_{o.Id}")) + ";communes_zone_blanche_4g;population_zone_blanche_4g;communes_4_operateurs_4g");
        foreach (var row in rows)
        {
            var i = row.Indicators;
            csv.AppendLine(string.Join(';',
                row.Kind.ToSlug(), row.Code, Quote(row.Name), MobileVintage.Format(vintage), i.Communes, i.Population, i.AreaKm2.ToString(CultureInfo.InvariantCulture),
                i.AtLeastOneOperator4G.PopulationCovered, Rate(i.AtLeastOneOperator4G.PopulationRate),
                string.Join(';', ops.Select(o => $"{Rate(i.Of(o.Id, "4G").PopulationRate)};{Rate(i.Of(o.Id, "4G").AreaRate)}")),
                i.WhiteZones.Count, i.WhiteZonePopulation, i.Presence.Single(p => p.Operators == ops.Count).Communes));
        }

        return csv.ToString();
    }

    /// <summary>The communes of a territory where no operator announces 4G coverage.</summary>
    public static string WhiteZonesCsv(MobileIndicators at, MobileSource source)
    {
        var csv = new StringBuilder();
        csv.AppendLine($"# Source : {source.Line}");
        csv.AppendLine("# Règle : zone blanche 4G = commune où aucun opérateur n'annonce de population ni de surface couverte en 4G, quel que soit le niveau");
        csv.AppendLine("code_commune;nom;departement;epci;millesime;population;surface_km2");
        foreach (var w in at.WhiteZones)
        {
            csv.AppendLine(string.Join(';', w.Code, Quote(w.Name), w.DepartementCode, w.EpciCode, MobileVintage.Format(at.Vintage), w.Population, w.AreaKm2.ToString(CultureInfo.InvariantCulture)));
        }

        return csv.ToString();
    }

    /// <summary>The New Deal sites of a territory with their status (« en retard » derived at the list's vintage).</summary>
    public static string NewDealCsv(NewDealSummary summary, MobileSource source)
    {
        var csv = new StringBuilder();
        csv.AppendLine($"# Source : {source.Line}");
        csv.AppendLine("# Règle : « en retard » = site non en service dont l'échéance est antérieure à la fin du trimestre de la liste");
        csv.AppendLine("id_site;code_commune;commune;operateurs;statut;date_arrete;date_echeance;date_mise_en_service;millesime");
        foreach (var v in summary.Sites)
        {
            var operators = string.Join(", ", v.Site.Operators.Split(',').Select(MobileOperators.Name));
            csv.AppendLine(string.Join(';', Quote(v.Site.SiteId), v.Site.CommuneCode, Quote(v.CommuneName), Quote(operators), v.StatusLabel,
                Day(v.Site.DecreeDate), Day(v.Site.Deadline), Day(v.Site.InServiceDate), MobileVintage.Format(summary.Vintage)));
        }

        return csv.ToString();
    }

    /// <summary>
    /// Announced coverage against measurements, with the rule and its thresholds: the communes
    /// where measurements contradict the announced coverage, or every measured pair when <paramref name="all"/>.
    /// </summary>
    public static string TheoryCsv(TheoryVsMeasuredResult result, string sourceLine, bool all)
    {
        var rule = result.Rule;
        var csv = new StringBuilder();
        csv.AppendLine($"# Couverture annoncée : {sourceLine}");
        csv.AppendLine(result.MeasurementsAvailable
            ? "# Mesures : mesures participatives de Scoran, agrégées par commune et opérateur (aucune position individuelle)"
            : $"# Mesures : {NoMeasurementsMessage}");
        csv.AppendLine($"# Règle appliquée (réglages Scoran:Mobile:Contradiction) : contradiction si {rule.Describe()}");
        csv.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"# Seuils : AnnouncedShare={rule.AnnouncedShare};MinMeasurements={rule.MinMeasurements};MinContributors={rule.MinContributors};MinEvidence={rule.MinEvidence};MinEvidenceShare={rule.MinEvidenceShare}"));
        csv.AppendLine("code_commune;commune;operateur;part_pop_4g_annoncee;mesures;contributeurs;sans_service;en_2g_3g;preuves;debit_median_mbits;contradiction");
        foreach (var r in all ? result.Rows : result.Contradictions)
        {
            csv.AppendLine(string.Join(';', r.CommuneCode, Quote(r.CommuneName), Quote(r.OperatorName), Rate(r.Announced4GShare), r.Measurements, r.Contributors, r.NoService, r.BelowFourG, r.Evidence,
                r.MedianDownloadMbps?.ToString("0.0", CultureInfo.InvariantCulture), r.Contradiction ? "oui" : "non"));
        }

        return csv.ToString();
    }

    private static string Quote(string text) => Scoran.Core.Text.CsvText.Quoted(text);

    private static string Rate(decimal? r) => r is { } v ? v.ToString("0.0000", CultureInfo.InvariantCulture) : "";

    private static string? Day(DateOnly? date) => date?.ToString("yyyy-MM-dd");
}
