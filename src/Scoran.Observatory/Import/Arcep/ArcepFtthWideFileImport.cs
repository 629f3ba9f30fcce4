using Scoran.Core.Imports;

namespace Scoran.Observatory.Import.Arcep;

/// <summary>A 2020+ FttH file (the publisher's XLSX workbook or its CSV export) as uploaded from the administration page.</summary>
public sealed class ArcepFtthWideFileImport(ArcepFtthWideImporter importer) : IDatasetFileImport
{
    public string Kind => ArcepFtthWideImporter.Kind;

    public string Label => "Arcep — déploiement FttH par commune (format 2020+)";

    public string Description =>
        "Le classeur trimestriel « obs-hd-thd-deploiement » (feuille « Communes ») ou son export CSV : locaux raccordables par commune " +
        "pour chaque trimestre et meilleure estimation des locaux. La publication de même dernier trimestre est remplacée ; " +
        "le zonage AMII/RIP est repris de la publication la plus proche qui le donne.";

    public IReadOnlyList<DatasetFileSlot> Files { get; } =
    [
        new("fichier", "Classeur XLSX ou export CSV (feuille « Communes »)", ".csv,.xlsx"),
    ];

    public async Task<DatasetImportOutcome> ImportAsync(IReadOnlyList<string> paths, bool force, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(paths.Count, Files.Count);
        var file = await FtthWideLayout.ReadAsync(paths[0], cancellationToken);
        var report = await importer.ImportAsync(file, force, progress, cancellationToken);
        if (report.Skipped)
        {
            return new DatasetImportOutcome(true, $"Publication {report.Release} déjà importée à l'identique : rien n'a changé.", []);
        }

        return new DatasetImportOutcome(false,
            $"Publication {report.Release} importée : {report.Communes} communes, {report.Quarters} trimestres, {report.Rows} valeurs.", report.Notes());
    }
}
