using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Scoran.Core;
using Scoran.Data;
using Scoran.Resources.Accessibility;
using Scoran.Resources.Places;

namespace Scoran.Cli.Commands;

/// <summary>
/// <c>scoran resources places import|export|accessibility</c>. The <c>resources</c> group is shared
/// with the other resource-space verbs: whoever registers first creates it, the others join it.
/// </summary>
internal static class PlacesCommand
{
    public static void AddTo(RootCommand root)
    {
        var resources = root.Subcommands.FirstOrDefault(c => c.Name == "resources");
        if (resources is null)
        {
            resources = new Command("resources", "Espace ressources : lieux d'inclusion numérique, acteurs, projets, agenda, documents.");
            root.Subcommands.Add(resources);
        }

        resources.Subcommands.Add(Create());
    }

    private static Command Create()
    {
        var places = new Command("places", "Lieux d'inclusion numérique et indicateurs d'accessibilité.");
        places.Subcommands.Add(Import());
        places.Subcommands.Add(Export());
        places.Subcommands.Add(Accessibility());
        return places;
    }

    private static Command Import()
    {
        var file = new Argument<string?>("fichier")
        {
            Description = "Liste des France Services (défaut : data/inclusion/france-services/liste-fs-20221201.csv), CSV au schéma des lieux de médiation numérique, ou JSON de structures data·inclusion.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var format = new Option<string?>("--format") { Description = "france-services, mediation-numerique ou data-inclusion (défaut : reconnu au contenu)." };
        format.AcceptOnlyFromAmong("france-services", "mediation-numerique", "data-inclusion");
        var force = new Option<bool>("--force") { Description = "Réimporte même si le fichier n'a pas changé." };
        var command = new Command("import", "Importe un fichier de lieux : remplace les lieux de la même source (tout ou rien).") { file, format, force };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(file)
                ?? (RepositoryLayout.FindRoot() is { } root ? Path.Combine(root, "data", "inclusion", "france-services", "liste-fs-20221201.csv") : null)
                ?? throw new CliException("indiquez le fichier des lieux");
            PlaceFormat? chosen = parse.GetValue(format) switch
            {
                "france-services" => PlaceFormat.FranceServices,
                "mediation-numerique" => PlaceFormat.MediationNumerique,
                "data-inclusion" => PlaceFormat.DataInclusion,
                _ => null,
            };
            var read = await PlaceFiles.ReadAsync(path, chosen, cancellationToken);
            await using var services = GlobalOptions.Services(parse);
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ScoranDbContext>().MigrateAsync(cancellationToken);
            var report = await scope.ServiceProvider.GetRequiredService<PlaceImporter>().ImportAsync(read, parse.GetValue(force), cancellationToken: cancellationToken);
            if (report.Skipped)
            {
                Console.WriteLine($"Lieux « {report.Source} » déjà importés à l'identique : rien n'a changé.");
                return 0;
            }

            Console.WriteLine($"Lieux « {report.Source} » importés : {report.Places} lieux, dont {report.AtCommune} placés au point de leur commune faute de coordonnées.");
            if (report.Unlocated.Count > 0)
            {
                Console.WriteLine($"{report.Unlocated.Count} ligne(s) écartée(s), faute de coordonnées et de commune connue :");
                foreach (var e in report.Unlocated.Take(10))
                {
                    Console.WriteLine($"  {e}");
                }
            }

            return 0;
        });
        return command;
    }

    private static Command Export()
    {
        var output = new Argument<string>("fichier") { Description = "Fichier à écrire : .csv (schéma des lieux de médiation numérique) ou .json (structures data·inclusion)." };
        var departement = new Option<string?>("--departement") { Description = "Seulement les lieux de ce département." };
        var command = new Command("export", "Exporte les lieux dans un schéma national.") { output, departement };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var services = GlobalOptions.Services(parse);
            await using var scope = services.CreateAsyncScope();
            var places = await scope.ServiceProvider.GetRequiredService<PlaceQueries>().ListAsync(new PlaceFilter(Departement: parse.GetValue(departement)), cancellationToken);
            var path = parse.GetValue(output)!;
            var today = DateOnly.FromDateTime(scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
            var bytes = path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? PlaceQueries.ToDataInclusionJson(places, today) : PlaceQueries.ToMediationNumeriqueCsv(places, today);
            await File.WriteAllBytesAsync(path, bytes, cancellationToken);
            Console.WriteLine($"{places.Count} lieux écrits dans {path}.");
            return 0;
        });
        return command;
    }

    private static Command Accessibility()
    {
        var region = new Option<string>("--region") { Description = "Code de la région (défaut : 27, Bourgogne-Franche-Comté).", DefaultValueFactory = _ => "27" };
        var command = new Command("accessibility", "Affiche les indicateurs d'accessibilité par département : distance moyenne pondérée, part au-delà de 10 et 20 km, lieux pour 10 000 habitants.") { region };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var services = GlobalOptions.Services(parse);
            await using var scope = services.CreateAsyncScope();
            var report = await scope.ServiceProvider.GetRequiredService<AccessibilityQueries>().RegionAsync(parse.GetValue(region)!, null, cancellationToken)
                ?? throw new CliException("région inconnue");
            Console.WriteLine("code\tnom\tpopulation\tlieux\tdistance_moyenne_km\tpart_10km\tpart_20km\tlieux_pour_10000");
            foreach (var i in report.Departements.Append(report.Region))
            {
                Console.WriteLine(FormattableString.Invariant($"{i.Code}\t{i.Name}\t{i.Population}\t{i.Places}\t{i.MeanDistanceKm:0.00}\t{i.ShareBeyond10Km:0.0000}\t{i.ShareBeyond20Km:0.0000}\t{i.PlacesPer10000:0.00}"));
            }

            return 0;
        });
        return command;
    }
}
