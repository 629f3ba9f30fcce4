using Scoran.Core.Imports;

namespace Scoran.Observatory.Commitments;

/// <summary>
/// Operator commitments uploaded from the administration page: either Arcep's commune sheet (2018 L. 33-13 commitments)
/// or a register in Scoran's CSV format. The register takes the file's name, so uploading a corrected file replaces it.
/// </summary>
public sealed class CommitmentFileImport(CommitmentImporter importer) : IDatasetFileImport
{
    public string Kind => "commitments";

    public string Label => "Engagements des opérateurs par commune";

    public string Description =>
        "Feuille « communes » d'Arcep (engagements L. 33-13 de 2018) ou registre CSV au format Scoran " +
        $"({string.Join(";", CommitmentCsv.Columns)}). Le registre de même nom est remplacé.";

    public IReadOnlyList<DatasetFileSlot> Files { get; } = [new("registre", "Fichier des engagements", ".csv")];

    public async Task<DatasetImportOutcome> ImportAsync(IReadOnlyList<string> paths, bool force, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(paths.Count, Files.Count);
        var file = await CommitmentImporter.ReadAsync(paths[0], null, cancellationToken);
        var report = await importer.ImportAsync(file, force, progress, cancellationToken);
        if (report.Skipped)
        {
            return new DatasetImportOutcome(true, $"Registre {report.Register} déjà importé à l'identique : rien n'a changé.", []);
        }

        var notes = new List<string> { $"{report.CodeChanges.Count} code(s) de commune rattaché(s) à la commune actuelle." };
        notes.AddRange(report.CodeChanges.Take(20).Select(c => $"{c.FileCode} → {c.CurrentCode}"));
        return new DatasetImportOutcome(false, $"Registre {report.Register} importé : {report.Commitments} engagements sur {report.Communes} communes.", notes);
    }
}
