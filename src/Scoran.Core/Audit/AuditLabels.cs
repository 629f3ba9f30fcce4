namespace Scoran.Core.Audit;

/// <summary>
/// The French wording of the audit trail's action verbs, for pages. The trail itself keeps the
/// stable English verbs (queries and tests rely on them); an unknown verb shows as recorded
/// rather than disappearing, so a capability adding one is still traced before it is worded.
/// </summary>
public static class AuditLabels
{
    private static readonly Dictionary<string, string> French = new(StringComparer.Ordinal)
    {
        ["created"] = "Création",
        ["updated"] = "Modification",
        ["deleted"] = "Suppression",
        ["status-changed"] = "Changement de statut",
        ["published"] = "Publication",
        ["rejected"] = "Refus",
        ["proposed"] = "Proposition",
        ["change-proposed"] = "Modification proposée",
        ["version-added"] = "Nouvelle version",
        ["closed"] = "Clôture",
        ["reviewed"] = "Revue en comité",
        ["revised"] = "Révision",
        ["imported"] = "Import",
        ["values-imported"] = "Import de valeurs",
        ["value-added"] = "Valeur saisie",
        ["milestone-added"] = "Jalon ajouté",
        ["budget-added"] = "Ligne budgétaire ajoutée",
        ["budget-updated"] = "Ligne budgétaire modifiée",
        ["budget-removed"] = "Ligne budgétaire supprimée",
        ["milestone-updated"] = "Jalon modifié",
        ["milestone-removed"] = "Jalon supprimé",
        ["target-added"] = "Cible ajoutée",
        ["target-updated"] = "Cible modifiée",
        ["target-removed"] = "Cible supprimée",
        ["targets-replaced"] = "Cibles remplacées par la stratégie révisée",
        ["payment-added"] = "Versement enregistré",
        ["document-attached"] = "Pièce jointe",
        ["merged"] = "Fusion",
        ["kept-distinct"] = "Maintenus distincts",
        ["issued"] = "Délivrance",
        ["purged"] = "Purge",
        ["revoked"] = "Révocation",
        ["reactivated"] = "Réactivation",
        ["archived"] = "Archivage",
        ["unarchived"] = "Désarchivage",
        ["granted-above-request"] = "Accord au-delà du montant demandé (dépassement explicite)",
    };

    /// <summary>Every verb that has a French label, for checks that no recorded verb is left unworded.</summary>
    public static IReadOnlyCollection<string> KnownVerbs => French.Keys;

    /// <summary>The French label of <paramref name="action"/>, or the verb itself when it has none.</summary>
    public static string ToFrench(string action) => French.TryGetValue(action, out var label) ? label : action;
}
