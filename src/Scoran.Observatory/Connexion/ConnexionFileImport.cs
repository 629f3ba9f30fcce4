using Scoran.Core.Imports;

namespace Scoran.Observatory.Connexion;

/// <summary>One commune file of « Ma connexion internet » uploaded from the administration page; its family is read from its header.</summary>
public sealed class ConnexionFileImport(ConnexionImporter importer) : IDatasetFileImport
{
    public string Kind => ConnexionImporter.Kind;

    public string Label => "Arcep — « Ma connexion internet » : statistiques par commune";

    public string Description =>
        "Un fichier commune_debit, commune_techno ou commune_meilleure_techno (la famille est reconnue à l'en-tête). " +
        "Le fichier de même date et de même famille est remplacé ; un fichier identique est ignoré.";

    public IReadOnlyList<DatasetFileSlot> Files { get; } = [new("statistiques", "Statistiques par commune (CSV)", ".csv")];

    public async Task<DatasetImportOutcome> ImportAsync(IReadOnlyList<string> paths, bool force, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(paths.Count, Files.Count);
        var file = await ConnexionFiles.ReadAsync(paths[0], cancellationToken: cancellationToken);
        var report = await importer.ImportAsync(file, force, progress, cancellationToken);
        return Describe(report);
    }

    public static DatasetImportOutcome Describe(ConnexionImportReport report)
    {
        var what = $"{ConnexionFiles.ArcepFileName(report.Family)} du {report.Date:dd/MM/yyyy}";
        if (report.Skipped)
        {
            return new DatasetImportOutcome(true, $"Fichier {what} déjà importé à l'identique : rien n'a changé.", []);
        }

        var notes = new List<string>
        {
            $"{report.CodeChanges.Count} code(s) de commune rattaché(s) à la commune actuelle" +
            (report.CodeChanges.Count > 0 ? $" (ex. {string.Join(", ", report.CodeChanges.Take(5).Select(c => $"{c.FileCode} → {c.CurrentCode}"))})" : "") + ".",
        };
        return new DatasetImportOutcome(false, $"Fichier {what} importé : {report.Communes} communes, {report.Rows} valeurs.", notes);
    }
}
