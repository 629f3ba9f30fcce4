using Scoran.Core.Imports;

namespace Scoran.Observatory.Import.Arcep;

/// <summary>The 2017–2019 FttH release as uploaded from the administration page: the deployment sheet and the commune sheet.</summary>
public sealed class ArcepFtthFileImport(ArcepFtthImporter importer) : IDatasetFileImport
{
    public string Kind => ArcepFtthImporter.Dataset;

    public string Label => "Arcep — déploiement FttH par commune (format 2017-2019)";

    public string Description =>
        "Les deux feuilles d'une publication trimestrielle, exportées en CSV (ou le classeur XLSX, donné deux fois) : locaux raccordables par commune et trimestre, " +
        "et informations communales (logements, établissements, zonage). La publication de même trimestre est remplacée.";

    public IReadOnlyList<DatasetFileSlot> Files { get; } =
    [
        new("deploiement", $"Déploiement par commune ({ArcepFtthImporter.DeploymentFileName})", ".csv,.xlsx"),
        new("communes", $"Informations communales ({ArcepFtthImporter.InformationFileName})", ".csv,.xlsx"),
    ];

    public async Task<DatasetImportOutcome> ImportAsync(IReadOnlyList<string> paths, bool force, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(paths.Count, Files.Count);
        var release = await ArcepFtthImporter.ReadAsync(paths[0], paths[1], cancellationToken);
        var report = await importer.ImportAsync(release, force, progress, cancellationToken);
        if (report.Skipped)
        {
            return new DatasetImportOutcome(true, $"Publication {report.Release} déjà importée à l'identique : rien n'a changé.", []);
        }

        var notes = new List<string>
        {
            $"{report.CodeChanges.Count} code(s) de commune rattaché(s) à la commune actuelle.",
        };
        if (report.CommunesWithoutPremises.Count > 0)
        {
            notes.Add($"{report.CommunesWithoutPremises.Count} commune(s) sans nombre de locaux : {string.Join(", ", report.CommunesWithoutPremises.Take(20))}.");
        }

        if (report.Decreases.Count > 0)
        {
            notes.Add($"{report.Decreases.Select(d => d.Code).Distinct().Count()} commune(s) dont les locaux raccordables baissent d'un trimestre à l'autre (à expliquer).");
        }

        return new DatasetImportOutcome(false,
            $"Publication {report.Release} importée : {report.Communes} communes, {report.Quarters} trimestres, {report.Rows} valeurs.", notes);
    }
}
