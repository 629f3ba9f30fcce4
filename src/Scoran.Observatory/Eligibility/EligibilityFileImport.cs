using Scoran.Core.Imports;

namespace Scoran.Observatory.Eligibility;

/// <summary>A building-level eligibility release uploaded from the administration page: the building base and the eligibility file.</summary>
public sealed class EligibilityFileImport(EligibilityImporter importer) : IDatasetFileImport
{
    public string Kind => EligibilityImporter.Dataset;

    public string Label => "Arcep — éligibilité à l'immeuble (base des immeubles et éligibilité)";

    public string Description =>
        "La base des immeubles (coordonnées EPSG:3857, commune, nombre de locaux, adresse) et le fichier d'éligibilité " +
        "(une ligne par immeuble et technologie, classes de débit). Le millésime est lu dans le nom des fichiers (ex. 2025_T4) ; " +
        "le même millésime est remplacé.";

    public IReadOnlyList<DatasetFileSlot> Files { get; } =
    [
        new("immeubles", "Base des immeubles (imb_id, imb_longitude, imb_latitude, …)", ".csv"),
        new("eligibilite", "Éligibilité par immeuble et technologie (imb_id, code_techno, classe_debit_descendant, …)", ".csv"),
    ];

    public async Task<DatasetImportOutcome> ImportAsync(IReadOnlyList<string> paths, bool force, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(paths.Count, Files.Count);
        var report = await importer.ImportAsync(paths[0], paths[1], null, force, progress, cancellationToken);
        if (report.Skipped)
        {
            return new DatasetImportOutcome(true, $"Millésime {report.Vintage} déjà importé à l'identique : rien n'a changé.", []);
        }

        var notes = new List<string>
        {
            $"{report.CodeChanges.Count} code(s) de commune rattaché(s) à la commune actuelle" +
            (report.CodeChanges.Count > 0 ? $" (ex. {string.Join(", ", report.CodeChanges.Take(5).Select(c => $"{c.FileCode} → {c.CurrentCode}"))})" : "") + ".",
        };
        if (report.Synthetic)
        {
            notes.Add("Données de démonstration synthétiques.");
        }

        return new DatasetImportOutcome(false,
            $"Millésime {report.Vintage} importé : {report.Buildings} immeubles, {report.EligibilityRows} lignes d'éligibilité, {report.Premises} locaux, {report.Communes} communes.", notes);
    }
}
