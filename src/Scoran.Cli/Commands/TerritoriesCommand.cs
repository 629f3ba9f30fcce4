using System.CommandLine;
using Scoran.Core;
using Microsoft.Extensions.DependencyInjection;
using Scoran.Data;
using Scoran.Territories.Import;

namespace Scoran.Cli.Commands;

internal static class TerritoriesCommand
{
    public static Command Create()
    {
        var from = new Option<string?>("--from")
        {
            Description = "Dossier data/ de @etalab/decoupage-administratif (défaut : node_modules du dépôt, installé par npm ci).",
        };
        var contours = new Option<string?>("--contours")
        {
            Description = "Dossier des contours GeoJSON (défaut : data/contours du dépôt).",
        };
        var noContours = new Option<bool>("--no-contours") { Description = "N'importe pas les contours." };
        var force = new Option<bool>("--force") { Description = "Réimporte même si les fichiers n'ont pas changé." };

        var import = new Command("import", "Importe régions, départements, EPCI, communes, codes postaux et anciens codes de toute la France, puis les contours.")
        {
            from, contours, noContours, force,
        };
        import.SetAction(async (parse, cancellationToken) =>
        {
            var root = RepositoryLayout.FindRoot();
            var folder = parse.GetValue(from) ?? (root is null ? null : DecoupageAdministratifSource.DefaultFolder(root))
                ?? throw new CliException("dossier des territoires introuvable : indiquez --from <dossier>");
            var contourFolder = parse.GetValue(noContours) ? null : parse.GetValue(contours) ?? (root is null ? null : Path.Combine(root, "data", "contours"));
            if (contourFolder is not null && !Directory.Exists(contourFolder))
            {
                throw new CliException($"dossier de contours introuvable : {contourFolder} (ou --no-contours)");
            }

            // Every file is read and validated before anything is written, so a bad outline
            // cannot leave the territories imported and the outlines not.
            var set = await DecoupageAdministratifSource.ReadAsync(folder, cancellationToken);
            var contourFiles = contourFolder is null ? [] : GeoJsonFiles([contourFolder]);
            var contourSet = contourFolder is null ? null : await ProgressBars.RunAsync(p => ContoursImporter.ReadAsync(contourFiles, p, cancellationToken));

            await using var services = GlobalOptions.Services(parse);
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ScoranDbContext>().MigrateAsync(cancellationToken);
            var importer = scope.ServiceProvider.GetRequiredService<TerritoriesImporter>();
            var forceImport = parse.GetValue(force);
            var report = await ProgressBars.RunAsync(p => importer.ImportAsync(set, forceImport, p, cancellationToken));
            Console.WriteLine(report.Skipped
                ? $"Territoires déjà à jour ({set.Source}, {set.Vintage}) : rien n'a changé."
                : $"Territoires importés ({report.Source}, {report.Vintage}) : {report.Territories} territoires " +
                  $"({report.Created} créés, {report.Updated} modifiés, {report.MarkedObsolete} devenus obsolètes), " +
                  $"{report.PostalCodes} codes postaux, {report.Aliases} anciens codes de communes.");
            foreach (var warning in report.Warnings)
            {
                Console.Error.WriteLine($"avertissement : {warning}");
            }

            if (contourSet is not null)
            {
                await StoreContoursAsync(scope.ServiceProvider, contourSet, [contourFolder!], forceImport, cancellationToken);
            }

            return 0;
        });

        var paths = new Argument<string[]>("chemins") { Description = "Fichiers GeoJSON ou dossiers qui en contiennent.", Arity = ArgumentArity.OneOrMore };
        var contoursCommand = new Command("contours", "Importe des contours GeoJSON (communes-*, departements-*, region-*) et les rattache aux communes en vigueur.") { paths };
        var forceContours = new Option<bool>("--force") { Description = "Réimporte même si les fichiers n'ont pas changé." };
        contoursCommand.Options.Add(forceContours);
        contoursCommand.SetAction(async (parse, cancellationToken) =>
        {
            var roots = parse.GetValue(paths)!;
            var files = GeoJsonFiles(roots);
            var contourSet = await ProgressBars.RunAsync(p => ContoursImporter.ReadAsync(files, p, cancellationToken));
            await using var services = GlobalOptions.Services(parse);
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ScoranDbContext>().MigrateAsync(cancellationToken);
            await StoreContoursAsync(scope.ServiceProvider, contourSet, roots, parse.GetValue(forceContours), cancellationToken);
            return 0;
        });

        var command = new Command("territories", "Référentiel des territoires (COG INSEE).");
        command.Subcommands.Add(import);
        command.Subcommands.Add(contoursCommand);
        return command;
    }

    private static List<string> GeoJsonFiles(IReadOnlyList<string> paths)
    {
        var files = paths.SelectMany(p => Directory.Exists(p)
                ? Directory.EnumerateFiles(p, "*.geojson", SearchOption.AllDirectories)
                : [p])
            .Order(StringComparer.Ordinal)
            .ToList();
        return files.Count > 0 ? files : throw new CliException($"aucun fichier .geojson dans {string.Join(", ", paths)}");
    }

    private static async Task StoreContoursAsync(IServiceProvider services, ContourSet set, IReadOnlyList<string> paths, bool force, CancellationToken cancellationToken)
    {
        var importer = services.GetRequiredService<ContoursImporter>();
        // Only folder names go into the provenance shown publicly, never a server path.
        var source = string.Join(", ", paths.Select(p => Path.GetFileName(Path.TrimEndingDirectorySeparator(p))));
        var report = await ProgressBars.RunAsync(p => importer.ImportAsync(set, $"france-geojson ({source})", force, p, cancellationToken));
        if (report.Skipped)
        {
            Console.WriteLine($"Contours déjà à jour ({report.FeaturesRead} contours lus) : rien n'a changé.");
            return;
        }

        Console.WriteLine($"Contours : {report.FeaturesRead} lus, {report.ContoursStored} enregistrés, " +
                          $"{report.MergedCommunes.Count} communes regroupant plusieurs contours de 2018.");
        if (report.UnmatchedCodes.Count > 0)
        {
            Console.Error.WriteLine($"{report.UnmatchedCodes.Count} code(s) de 2018 sans commune actuelle : {string.Join(", ", report.UnmatchedCodes)}");
        }

        Console.WriteLine(report.CommunesWithoutContour.Count == 0
            ? "Toutes les communes des départements couverts ont un contour."
            : $"{report.CommunesWithoutContour.Count} commune(s) sans contour : {string.Join(", ", report.CommunesWithoutContour)}");
    }
}
