using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Scoran.Core;
using Scoran.Data;
using Scoran.Observatory.Mobile;

namespace Scoran.Cli.Commands;

/// <summary>
/// <c>scoran observatory import arcep-mobile|arcep-mobile-sites [fichier…] [--mapping FICHIER…] [--millesime 2025T4] [--force]</c>:
/// mobile coverage per commune and New Deal sites, read through column mappings; and
/// <c>scoran observatory generate-mobile-demo</c>, the generator of the synthetic demonstration files.
/// </summary>
internal static class ObservatoryMobileCommand
{
    public static string DemoFolder(string root) => Path.Combine(root, "data", "arcep", "mobile-demo");

    /// <summary>Adds the mobile verbs under <c>observatory</c> and <c>observatory import</c> (one line in Program.cs).</summary>
    public static void AddTo(RootCommand root)
    {
        var observatory = root.Subcommands.Single(c => c.Name == "observatory");
        var import = observatory.Subcommands.Single(c => c.Name == "import");
        import.Subcommands.Add(CreateImport(MobileDataset.Coverage));
        import.Subcommands.Add(CreateImport(MobileDataset.Sites));
        import.Subcommands.Add(CreateAntennaImport());
        observatory.Subcommands.Add(CreateGenerator());
    }

    private static Command CreateImport(MobileDataset dataset)
    {
        var coverage = dataset == MobileDataset.Coverage;
        var files = new Argument<string[]>("fichiers")
        {
            Description = (coverage ? "Fichiers de couverture mobile par commune" : "Listes de sites du New Deal mobile") +
                          " (CSV ou XLSX ; défaut : les fichiers de démonstration SYNTHÉTIQUES de data/arcep/mobile-demo).",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var mapping = new Option<string[]>("--mapping")
        {
            Description = "Mapping(s) de colonnes JSON en plus de ceux de data/arcep/mobile-mappings (nouveau format de fichier).",
            AllowMultipleArgumentsPerToken = true,
        };
        var vintage = new Option<string?>("--millesime") { Description = "Millésime (2025T4) si le fichier n'a ni colonne de millésime ni millésime dans son nom." };
        var force = new Option<bool>("--force") { Description = "Réimporte même si le fichier n'a pas changé." };
        var command = new Command(coverage ? MobileImporter.CoverageKind : MobileImporter.SitesKind,
            coverage
                ? "Couverture mobile théorique par commune (opérateur × 2G à 5G × niveau : population et surface couvertes) : remplace le même millésime."
                : "Sites du dispositif de couverture ciblée (New Deal mobile) : remplace le même millésime.")
        {
            files, mapping, vintage, force,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var paths = parse.GetValue(files)?.ToList() ?? [];
            if (paths.Count == 0)
            {
                var folder = RepositoryLayout.FindRoot() is { } root ? DemoFolder(root) : null;
                if (folder is null || !Directory.Exists(folder))
                {
                    throw new CliException("indiquez les fichiers à importer");
                }

                paths.AddRange(Directory.GetFiles(folder, coverage ? "couverture-*.csv" : "new-deal-*.csv").Order(StringComparer.Ordinal));
            }

            var mappings = await MobileMappings.LoadShippedAsync(parse.GetValue(mapping), cancellationToken);
            var read = new List<MobileFile>();
            foreach (var path in paths)
            {
                read.Add(await MobileFiles.ReadAsync(path, dataset, mappings, parse.GetValue(vintage), cancellationToken));
            }

            await using var services = GlobalOptions.Services(parse);
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ScoranDbContext>().MigrateAsync(cancellationToken);
            var importer = scope.ServiceProvider.GetRequiredService<MobileImporter>();
            foreach (var file in read)
            {
                var report = await ProgressBars.RunAsync(p => importer.ImportAsync(file, parse.GetValue(force), p, cancellationToken));
                var outcome = MobileCoverageFileImport.Describe(report, file.Synthetic);
                Console.WriteLine(outcome.Summary);
                foreach (var note in outcome.Notes)
                {
                    Console.WriteLine("  " + note);
                }
            }

            return 0;
        });
        return command;
    }

    /// <summary>Antenna sites (Arcep « sites mobiles »): a real file given by path, or the synthetic demonstration list.</summary>
    private static Command CreateAntennaImport()
    {
        var files = new Argument<string[]>("fichiers")
        {
            Description = "Listes de sites mobiles d'Arcep (CSV ou XLSX), par exemple 2018_01_Sites_mobiles_2G_3G_4G_France_metropolitaine_L93.csv " +
                          "(défaut : la liste de démonstration SYNTHÉTIQUE de data/arcep/mobile-demo, au même format).",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var mapping = new Option<string[]>("--mapping")
        {
            Description = "Mapping(s) de colonnes JSON en plus de ceux de data/arcep/mobile-mappings (nouveau format de fichier).",
            AllowMultipleArgumentsPerToken = true,
        };
        var vintage = new Option<string?>("--millesime") { Description = "Millésime (2018T1) si le fichier n'a ni colonne de millésime ni millésime dans son nom." };
        var force = new Option<bool>("--force") { Description = "Réimporte même si le fichier n'a pas changé." };
        var command = new Command(MobileAntennaImporter.Kind,
            "Sites d'antennes mobiles par opérateur et technologie, placés dans leur commune (par le code commune ou, pour un format à coordonnées, par les contours des communes) : remplace le même millésime.")
        {
            files, mapping, vintage, force,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var mappings = await MobileMappings.LoadShippedAsync(parse.GetValue(mapping), cancellationToken);
            var paths = parse.GetValue(files)?.ToList() ?? [];
            if (paths.Count == 0)
            {
                // The demonstration list (invented sites in the verified 2018 layout) keeps ./scoran.sh run showing the antenna layer.
                var folder = RepositoryLayout.FindRoot() is { } root ? DemoFolder(root) : null;
                if (folder is null || !Directory.Exists(folder))
                {
                    throw new CliException("indiquez les fichiers à importer");
                }

                paths.AddRange(Directory.GetFiles(folder, "sites-antennes-*.csv").Order(StringComparer.Ordinal));
            }

            var read = new List<MobileFile>();
            foreach (var path in paths)
            {
                read.Add(await MobileFiles.ReadAsync(path, MobileDataset.Antennas, mappings, parse.GetValue(vintage), cancellationToken));
            }

            await using var services = GlobalOptions.Services(parse);
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ScoranDbContext>().MigrateAsync(cancellationToken);
            var importer = scope.ServiceProvider.GetRequiredService<MobileAntennaImporter>();
            foreach (var file in read)
            {
                var outcome = MobileAntennaImporter.Describe(await importer.ImportAsync(file, parse.GetValue(force), cancellationToken), file.Synthetic);
                Console.WriteLine(outcome.Summary);
                foreach (var note in outcome.Notes)
                {
                    Console.WriteLine("  " + note);
                }
            }

            return 0;
        });
        return command;
    }

    private static Command CreateGenerator()
    {
        var folder = new Argument<string?>("dossier") { Description = "Dossier de sortie (défaut : data/arcep/mobile-demo).", Arity = ArgumentArity.ZeroOrOne };
        var region = new Option<string>("--region") { Description = "Code de la région (défaut : 27).", DefaultValueFactory = _ => "27" };
        var command = new Command("generate-mobile-demo", "Écrit des fichiers de couverture mobile, de sites New Deal et de sites d'antennes (format Arcep 2018, Lambert-93) SYNTHÉTIQUES de démonstration (populations INSEE, le reste inventé).")
        {
            folder, region,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.GetValue(folder) ?? (RepositoryLayout.FindRoot() is { } root ? DemoFolder(root) : null)
                ?? throw new CliException("indiquez le dossier de sortie");
            await using var services = GlobalOptions.Services(parse);
            await using var scope = services.CreateAsyncScope();
            var communes = await MobileDemoGenerator.CommunesAsync(scope.ServiceProvider.GetRequiredService<ScoranDbContext>(), parse.GetValue(region)!, cancellationToken);
            if (communes.Count == 0)
            {
                throw new CliException("aucune commune pour cette région : importez d'abord les territoires");
            }

            foreach (var path in await MobileDemoGenerator.WriteAsync(output, communes, MobileDemoGenerator.DefaultVintages, cancellationToken))
            {
                Console.WriteLine($"Écrit : {path}");
            }

            var outlined = await MobileAntennaDemo.CommunesAsync(scope.ServiceProvider.GetRequiredService<ScoranDbContext>(), parse.GetValue(region)!, cancellationToken);
            if (outlined.Count == 0)
            {
                Console.WriteLine("Sites d'antennes de démonstration non écrits : aucun contour de commune importé (scoran territories import, avec les contours).");
            }
            else
            {
                Console.WriteLine($"Écrit : {await MobileAntennaDemo.WriteAsync(output, outlined, MobileDemoGenerator.DefaultVintages[^1], cancellationToken)}");
            }

            return 0;
        });
        return command;
    }
}
