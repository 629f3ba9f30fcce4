using Scoran.Core.Imports;

namespace Scoran.Resources.Places;

/// <summary>Places uploaded from the administration page: France Services list, « lieux de médiation numérique » CSV or data·inclusion JSON, told apart by content.</summary>
public sealed class PlaceFileImport(PlaceImporter importer) : IDatasetFileImport
{
    public string Kind => "places";

    public string Label => "Lieux d'inclusion numérique";

    public string Description =>
        "Liste nationale des France Services (CSV de l'ANCT), CSV au schéma des lieux de médiation numérique, ou structures data·inclusion (JSON). " +
        "Les lieux de la même source sont remplacés.";

    public IReadOnlyList<DatasetFileSlot> Files { get; } = [new("lieux", "Fichier des lieux", ".csv,.json")];

    public async Task<DatasetImportOutcome> ImportAsync(IReadOnlyList<string> paths, bool force, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(paths.Count, Files.Count);
        var file = await PlaceFiles.ReadAsync(paths[0], null, cancellationToken);
        var report = await importer.ImportAsync(file, force, cancellationToken: cancellationToken);
        if (report.Skipped)
        {
            return new DatasetImportOutcome(true, $"Lieux « {report.Source} » déjà importés à l'identique : rien n'a changé.", []);
        }

        return new DatasetImportOutcome(false, $"Lieux « {report.Source} » importés : {report.Places} lieux ({report.AtCommune} placés au point de leur commune).",
            report.Unlocated.Take(20).Select(e => e.ToString()).ToList());
    }
}
