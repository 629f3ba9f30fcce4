using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Scoran.Core;
using Scoran.Data;
using Scoran.Observatory.Eligibility;

namespace Scoran.Cli.Commands;

/// <summary>
/// <c>scoran observatory import arcep-eligibilite [immeubles.csv eligibilite.csv]</c>: building-level
/// eligibility; and <c>scoran observatory eligibilite-demo</c>, which regenerates the synthetic demo pair.
/// </summary>
internal static class EligibilityCommands
{
    public const string DemoFolder = "data/arcep/eligibilite-demo";
    public const string DemoBuildings = "immeubles-demo-bfc.csv";
    public const string DemoEligibility = "eligibilite-demo-bfc.csv";

    public static Command CreateImport()
    {
        var buildings = new Argument<string?>("immeubles")
        {
            Description = $"Base des immeubles (CSV ; défaut : {DemoFolder}/{DemoBuildings}, données de démonstration synthétiques).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var eligibility = new Argument<string?>("eligibilite")
        {
            Description = "Fichier d'éligibilité par immeuble et technologie (CSV).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var force = new Option<bool>("--force") { Description = "Réimporte même si les fichiers n'ont pas changé." };
        var vintage = new Option<string?>("--millesime") { Description = "Millésime (ex. 2025T4 ; défaut : lu dans le nom des fichiers, comme 2025_T4)." };
        var fromUrl = new Option<bool>("--from-url")
        {
            Description = "Les deux arguments sont des adresses à télécharger (ex. https://files.data.gouv.fr/arcep/base_imb/2020_t3/departement/…).",
        };
        var command = new Command("arcep-eligibilite",
            "Éligibilité à l'immeuble (base des immeubles et éligibilité d'Arcep) : instantané pour la recherche par adresse ou point, sommes par commune. Remplace le même millésime.")
        {
            buildings, eligibility, vintage, force, fromUrl,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var root = RepositoryLayout.FindRoot();
            var first = parse.GetValue(buildings);
            var second = parse.GetValue(eligibility);
            if (first is null != second is null)
            {
                throw new CliException("indiquez les deux fichiers : la base des immeubles puis l'éligibilité");
            }

            if (first is null)
            {
                if (root is null)
                {
                    throw new CliException("indiquez la base des immeubles et le fichier d'éligibilité");
                }

                first = Path.Combine(root, DemoFolder, DemoBuildings);
                second = Path.Combine(root, DemoFolder, DemoEligibility);
            }

            string? downloads = null;
            try
            {
                if (parse.GetValue(fromUrl))
                {
                    downloads = Directory.CreateTempSubdirectory("scoran-eligibilite-").FullName;
                    first = await DownloadAsync(first, downloads, cancellationToken);
                    second = await DownloadAsync(second!, downloads, cancellationToken);
                }

                await using var services = GlobalOptions.Services(parse);
                await using var scope = services.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<ScoranDbContext>().MigrateAsync(cancellationToken);
                var importer = scope.ServiceProvider.GetRequiredService<EligibilityImporter>();
                var report = await ProgressBars.RunAsync(p => importer.ImportAsync(first, second!, parse.GetValue(vintage), parse.GetValue(force), p, cancellationToken));
                var demo = report.Synthetic ? " (données de démonstration synthétiques)" : "";
                if (report.Skipped)
                {
                    Console.WriteLine($"Millésime {report.Vintage} déjà importé à l'identique{demo} : rien n'a changé.");
                    return 0;
                }

                Console.WriteLine($"Millésime {report.Vintage} importé{demo} : {report.Buildings} immeubles, {report.EligibilityRows} lignes d'éligibilité, " +
                                  $"{report.Premises} locaux, {report.Communes} communes.");
                Console.WriteLine($"{report.CodeChanges.Count} code(s) de commune rattaché(s) à la commune actuelle" +
                                  (report.CodeChanges.Count > 0 ? $" (ex. {string.Join(", ", report.CodeChanges.Take(5).Select(c => $"{c.FileCode} → {c.CurrentCode}"))})" : "") + ".");
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"Durées : lecture {report.ReadTime.TotalSeconds:F2} s, instantané et sommes {report.BuildTime.TotalSeconds:F2} s, écriture {report.WriteTime.TotalSeconds:F2} s."));
                return 0;
            }
            finally
            {
                if (downloads is not null)
                {
                    Directory.Delete(downloads, recursive: true);
                }
            }
        });
        return command;
    }

    public static Command CreateDemo()
    {
        var source = new Argument<string?>("france-services")
        {
            Description = "Liste des France Services (CSV ; défaut : ../shared/data/inclusion/france-services/liste-fs-20221201.csv).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var output = new Option<string?>("--sortie") { Description = $"Dossier de sortie (défaut : {DemoFolder})." };
        var departements = new Option<string>("--departements") { Description = "Départements retenus, séparés par des virgules (* : tous).", DefaultValueFactory = _ => "21,25,39,58,70,71,89,90" };
        var neighbours = new Option<int>("--voisins") { Description = "Immeubles générés autour de chaque site (pour des fichiers de mesure plus gros).", DefaultValueFactory = _ => 8 };
        var command = new Command("eligibilite-demo",
            "Régénère la paire de démonstration SYNTHÉTIQUE (immeubles autour des adresses réelles des France Services, éligibilités inventées, déterministe).")
        {
            source, output, departements, neighbours,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var root = RepositoryLayout.FindRoot() ?? Directory.GetCurrentDirectory();
            var file = parse.GetValue(source) ?? Path.Combine(root, "..", "shared", "data", "inclusion", "france-services", "liste-fs-20221201.csv");
            if (!File.Exists(file))
            {
                throw new CliException($"fichier introuvable : {file}");
            }

            var keep = parse.GetValue(departements)!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet();
            var sites = (await EligibilityDemoGenerator.ReadSitesAsync(file, cancellationToken)).Where(s => keep.Contains("*") || keep.Contains(s.Departement)).ToList();
            var folder = parse.GetValue(output) ?? Path.Combine(root, DemoFolder);
            Directory.CreateDirectory(folder);
            var (count, rows) = await EligibilityDemoGenerator.WriteAsync(sites, Path.Combine(folder, DemoBuildings), Path.Combine(folder, DemoEligibility),
                parse.GetValue(neighbours), cancellationToken: cancellationToken);
            Console.WriteLine($"{sites.Count} sites, {count} immeubles, {rows} lignes d'éligibilité écrits dans {folder} (données synthétiques).");
            return 0;
        });
        return command;
    }

    private static async Task<string> DownloadAsync(string url, string folder, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
        {
            throw new CliException($"adresse invalide : {url}");
        }

        var target = Path.Combine(folder, Path.GetFileName(uri.LocalPath) is { Length: > 0 } name ? name : "fichier.csv");
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(30) };
            await using var response = await http.GetStreamAsync(uri, cancellationToken);
            await using var file = File.Create(target);
            await response.CopyToAsync(file, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new CliException($"téléchargement impossible de {url} (hors ligne ?) : {ex.Message}. Téléchargez le fichier et donnez son chemin.");
        }

        return target;
    }
}
