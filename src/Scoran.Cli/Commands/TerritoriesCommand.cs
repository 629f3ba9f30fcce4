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
            await using var services = GlobalOptions.Services(parse);
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ScoranDbContext>().MigrateAsync(cancellationToken);

            var set = await DecoupageAdministratifSource.ReadAsync(folder, cancellationToken);
            var importer = scope.ServiceProvider.GetRequiredService<TerritoriesImporter>();
            var report = await ProgressBars.RunAsync(p => importer.ImportAsync(set, parse.GetValue(force), p, cancellationToken));
            Console.WriteLine(report.Skipped
                ? $"Territoires déjà à jour ({set.Source}, {set.Vintage}) : rien n'a changé."
                : $"Territoires importés ({report.Source}, {report.Vintage}) : {report.Territories} territoires " +
                  $"({report.Created} créés, {report.Updated} modifiés, {report.MarkedObsolete} devenus obsolètes), " +
                  $"{report.PostalCodes} codes postaux, {report.Aliases} anciens codes de communes.");
            foreach (var warning in report.Warnings)
            {
                Console.Error.WriteLine($"avertissement : {warning}");
            }

            if (parse.GetValue(noContours))
            {
                return 0;
            }

            var contourFolder = parse.GetValue(contours) ?? (root is null ? null : Path.Combine(root, "data", "contours"));
            if (contourFolder is null || !Directory.Exists(contourFolder))
            {
                Console.Error.WriteLine("Aucun dossier de contours : cartes indisponibles (indiquez --contours <dossier>).");
                return 0;
            }

            return await ImportContoursAsync(scope.ServiceProvider, [contourFolder], cancellationToken);
        });

        var paths = new Argument<string[]>("chemins") { Description = "Fichiers GeoJSON ou dossiers qui en contiennent.", Arity = ArgumentArity.OneOrMore };
        var contoursCommand = new Command("contours", "Importe des contours GeoJSON (communes-*, departements-*, region-*) et les rattache aux communes en vigueur.") { paths };
        contoursCommand.SetAction(async (parse, cancellationToken) =>
        {
            await using var services = GlobalOptions.Services(parse);
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ScoranDbContext>().MigrateAsync(cancellationToken);
            return await ImportContoursAsync(scope.ServiceProvider, parse.GetValue(paths)!, cancellationToken);
        });

        var command = new Command("territories", "Référentiel des territoires (COG INSEE).");
        command.Subcommands.Add(import);
        command.Subcommands.Add(contoursCommand);
        return command;
    }

    private static async Task<int> ImportContoursAsync(IServiceProvider services, IReadOnlyList<string> paths, CancellationToken cancellationToken)
    {
        var files = paths.SelectMany(p => Directory.Exists(p)
                ? Directory.EnumerateFiles(p, "*.geojson", SearchOption.AllDirectories)
                : [p])
            .Order(StringComparer.Ordinal)
            .ToList();
        if (files.Count == 0)
        {
            throw new CliException($"aucun fichier .geojson dans {string.Join(", ", paths)}");
        }

        var importer = services.GetRequiredService<ContoursImporter>();
        var source = string.Join(", ", paths.Select(p => Path.GetFileName(Path.TrimEndingDirectorySeparator(p))));
        var report = await ProgressBars.RunAsync(p => importer.ImportAsync(files, $"france-geojson ({source})", p, cancellationToken));
        Console.WriteLine($"Contours : {report.FeaturesRead} lus, {report.ContoursStored} enregistrés, " +
                          $"{report.MergedCommunes.Count} communes regroupant plusieurs contours de 2018.");
        if (report.UnmatchedCodes.Count > 0)
        {
            Console.Error.WriteLine($"{report.UnmatchedCodes.Count} code(s) de 2018 sans commune actuelle : {string.Join(", ", report.UnmatchedCodes)}");
        }

        Console.WriteLine(report.CommunesWithoutContour.Count == 0
            ? "Toutes les communes des départements couverts ont un contour."
            : $"{report.CommunesWithoutContour.Count} commune(s) sans contour : {string.Join(", ", report.CommunesWithoutContour)}");
        return 0;
    }
}
