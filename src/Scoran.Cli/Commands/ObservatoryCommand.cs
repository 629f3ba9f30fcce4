using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Scoran.Core;
using Scoran.Data;
using Scoran.Observatory.Import.Arcep;

namespace Scoran.Cli.Commands;

internal static class ObservatoryCommand
{
    public static Command Create()
    {
        var path = new Argument<string?>("dossier")
        {
            Description = "Dossier contenant ftthCommunes.csv et communes.csv (défaut : data/arcep/observatoire-2018T1 du dépôt).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var force = new Option<bool>("--force") { Description = "Réimporte même si les fichiers n'ont pas changé." };
        var arcepFtth = new Command("arcep-ftth", "Déploiement FttH d'Arcep par commune et trimestre (format 2017-2019) : remplace la publication de même trimestre.")
        {
            path, force,
        };
        arcepFtth.SetAction(async (parse, cancellationToken) =>
        {
            var folder = parse.GetValue(path) ?? (RepositoryLayout.FindRoot() is { } root ? Path.Combine(root, "data", "arcep", "observatoire-2018T1") : null)
                ?? throw new CliException("indiquez le dossier des fichiers Arcep");
            var release = await ArcepFtthImporter.ReadAsync(
                Path.Combine(folder, ArcepFtthImporter.DeploymentFileName), Path.Combine(folder, ArcepFtthImporter.InformationFileName), cancellationToken);

            await using var services = GlobalOptions.Services(parse);
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ScoranDbContext>().MigrateAsync(cancellationToken);
            var importer = scope.ServiceProvider.GetRequiredService<ArcepFtthImporter>();
            var report = await ProgressBars.RunAsync(p => importer.ImportAsync(release, parse.GetValue(force), p, cancellationToken));
            if (report.Skipped)
            {
                Console.WriteLine($"Publication {report.Release} déjà importée à l'identique : rien n'a changé.");
                return 0;
            }

            Console.WriteLine($"Publication {report.Release} importée : {report.Communes} communes, {report.Quarters} trimestres, {report.Rows} valeurs.");
            Console.WriteLine($"{report.CodeChanges.Count} code(s) de commune rattaché(s) à la commune actuelle" +
                              (report.CodeChanges.Count > 0 ? $" (ex. {string.Join(", ", report.CodeChanges.Take(5).Select(c => $"{c.FileCode} → {c.CurrentCode}"))})" : "") + ".");
            if (report.CommunesWithoutPremises.Count > 0)
            {
                Console.Error.WriteLine($"{report.CommunesWithoutPremises.Count} commune(s) sans nombre de locaux : {string.Join(", ", report.CommunesWithoutPremises.Take(20))}");
            }

            if (report.Decreases.Count > 0)
            {
                Console.WriteLine($"{report.Decreases.Select(d => d.Code).Distinct().Count()} commune(s) dont les locaux raccordables baissent d'un trimestre à l'autre (à expliquer).");
            }

            return 0;
        });

        var import = new Command("import", "Importe un jeu de données de l'observatoire.");
        import.Subcommands.Add(arcepFtth);
        import.Subcommands.Add(Commitments.Create());
        import.Subcommands.Add(EligibilityCommands.CreateImport());
        var observatory = new Command("observatory", "Observatoire des réseaux.");
        observatory.Subcommands.Add(import);
        observatory.Subcommands.Add(EligibilityCommands.CreateDemo());
        return observatory;
    }
}
