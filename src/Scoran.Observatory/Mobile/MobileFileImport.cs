using Scoran.Core.Imports;

namespace Scoran.Observatory.Mobile;

/// <summary>A mobile coverage file uploaded from the administration page, read through the shipped mappings.</summary>
public sealed class MobileCoverageFileImport(MobileImporter importer) : IDatasetFileImport
{
    public string Kind => MobileImporter.CoverageKind;

    public string Label => "Arcep — « Mon réseau mobile » : couverture théorique par commune";

    public string Description =>
        "Population et surface couvertes par opérateur, technologie (2G à 5G) et niveau, par commune. Les colonnes sont lues " +
        "selon un mapping de data/arcep/mobile-mappings (un nouveau format s'importe en y ajoutant un mapping) ; le fichier doit " +
        "porter son millésime (colonne ou nom, ex. 2025T4). Le même millésime est remplacé ; un fichier identique est ignoré.";

    public IReadOnlyList<DatasetFileSlot> Files { get; } = [new("couverture", "Couverture par commune (CSV ou XLSX)", ".csv,.xlsx"), MobileUploadMapping.Slot];

    public async Task<DatasetImportOutcome> ImportAsync(IReadOnlyList<string> paths, bool force, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(paths.Count, Files.Count);
        var mappings = await MobileUploadMapping.MappingsAsync(paths[1], MobileDataset.Coverage, cancellationToken);
        var file = await MobileFiles.ReadAsync(paths[0], MobileDataset.Coverage, mappings, cancellationToken: cancellationToken);
        return Describe(await importer.ImportAsync(file, force, progress, cancellationToken), file.Synthetic);
    }

    public static DatasetImportOutcome Describe(MobileImportReport report, bool synthetic = false)
    {
        var what = $"{MobileFiles.Describe(report.Dataset)}, millésime {report.Vintage}" + (synthetic ? $" ({MobileImporter.SyntheticNotice})" : "");
        if (report.Skipped)
        {
            return new DatasetImportOutcome(true, $"Fichier {what} déjà importé à l'identique : rien n'a changé.", []);
        }

        var notes = new List<string>
        {
            $"Colonnes lues selon le mapping « {report.MappingId} ».",
            $"{report.CodeChanges.Count} code(s) de commune rattaché(s) à la commune actuelle" +
            (report.CodeChanges.Count > 0 ? $" (ex. {string.Join(", ", report.CodeChanges.Take(5).Select(c => $"{c.FileCode} → {c.CurrentCode}"))})" : "") + ".",
        };
        return new DatasetImportOutcome(false, $"Fichier {what} importé : {report.Communes} communes, {report.Rows} lignes.", notes);
    }
}

/// <summary>A New Deal site list uploaded from the administration page.</summary>
public sealed class NewDealSitesFileImport(MobileImporter importer) : IDatasetFileImport
{
    public string Kind => MobileImporter.SitesKind;

    public string Label => "Arcep — New Deal mobile : sites du dispositif de couverture ciblée";

    public string Description =>
        "Liste des sites (identifiant, commune, opérateurs, statut, dates) lue selon un mapping de data/arcep/mobile-mappings ; " +
        "le même millésime est remplacé ; un fichier identique est ignoré.";

    public IReadOnlyList<DatasetFileSlot> Files { get; } = [new("sites", "Sites (CSV ou XLSX)", ".csv,.xlsx"), MobileUploadMapping.Slot];

    public async Task<DatasetImportOutcome> ImportAsync(IReadOnlyList<string> paths, bool force, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(paths.Count, Files.Count);
        var mappings = await MobileUploadMapping.MappingsAsync(paths[1], MobileDataset.Sites, cancellationToken);
        var file = await MobileFiles.ReadAsync(paths[0], MobileDataset.Sites, mappings, cancellationToken: cancellationToken);
        return MobileCoverageFileImport.Describe(await importer.ImportAsync(file, force, progress, cancellationToken), file.Synthetic);
    }
}

/// <summary>
/// The optional mapping a person uploads with a mobile file, for a layout Scoran does not ship:
/// when given, the file is read through it alone (so a refusal names that mapping's missing
/// columns); an invalid mapping is refused naming the field, before anything is read or written.
/// </summary>
public static class MobileUploadMapping
{
    public static readonly DatasetFileSlot Slot = new("mapping", "Mapping de colonnes JSON (facultatif : pour un format que Scoran ne connaît pas encore, voir docs/observatory-mobile.md)", ".json", Optional: true);

    public static async Task<IReadOnlyList<MobileMapping>> MappingsAsync(string path, MobileDataset dataset, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(path))
        {
            return await MobileMappings.LoadShippedAsync(cancellationToken: cancellationToken);
        }

        var mapping = (await MobileMappings.LoadAsync([path], cancellationToken)).Single();
        if (mapping.Dataset != dataset)
        {
            throw new ImportRejectedException([new ImportError(path, null, null,
                $"mapping {mapping.Id} invalide : « dataset » vaut « {DatasetName(mapping.Dataset)} », ce formulaire attend « {DatasetName(dataset)} » ({MobileFiles.Describe(dataset)})")]);
        }

        return [mapping];
    }

    private static string DatasetName(MobileDataset dataset) => dataset switch
    {
        MobileDataset.Coverage => "coverage",
        MobileDataset.Sites => "sites",
        _ => "antennas",
    };
}
