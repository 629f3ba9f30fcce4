using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Scoran.Core;
using Scoran.Data;
using Scoran.Observatory.Connexion;

namespace Scoran.Cli.Commands;

/// <summary>
/// <c>scoran observatory import arcep-connexion [fichier…] [--force] [--from-url [URL]]</c>: Arcep's
/// « Ma connexion internet » commune statistics, one file per family and date; and the hidden
/// generator of the synthetic demonstration files.
/// </summary>
internal static class ConnexionCommand
{
    /// <summary>Where Arcep publishes the latest commune files (data.gouv.fr); a vintage such as 2020_t3 can replace "last".</summary>
    public const string DefaultBaseUrl = "https://files.data.gouv.fr/arcep/statistiques/last/commune/";

    public static string DemoFolder(string root) => Path.Combine(root, "data", "arcep", "connexion-demo");

    public static Command Create()
    {
        var files = new Argument<string[]>("fichiers")
        {
            Description = "Fichiers commune_debit, commune_techno ou commune_meilleure_techno (famille reconnue à l'en-tête ; " +
                          "défaut : les fichiers de démonstration SYNTHÉTIQUES de data/arcep/connexion-demo).",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var force = new Option<bool>("--force") { Description = "Réimporte même si le fichier n'a pas changé." };
        var fromUrl = new Option<string?>("--from-url")
        {
            Description = $"Télécharge puis importe : l'URL d'un fichier, ou sans valeur les trois fichiers de {DefaultBaseUrl}",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var command = new Command("arcep-connexion", "Statistiques « Ma connexion internet » d'Arcep par commune (débits, technologies, meilleure technologie) : remplace le fichier de même date et de même famille.")
        {
            files, force, fromUrl,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var paths = parse.GetValue(files)?.ToList() ?? [];
            string? downloads = null;
            try
            {
                if (parse.GetResult(fromUrl) is not null)
                {
                    var url = parse.GetValue(fromUrl);
                    var urls = string.IsNullOrWhiteSpace(url)
                        ? Enum.GetValues<ConnexionFamily>().Select(f => DefaultBaseUrl + ConnexionFiles.ArcepFileName(f)).ToList()
                        : [url];
                    downloads = Directory.CreateTempSubdirectory("scoran-connexion-").FullName;
                    paths.AddRange(await DownloadAsync(urls, downloads, cancellationToken));
                }

                if (paths.Count == 0)
                {
                    var folder = RepositoryLayout.FindRoot() is { } root ? DemoFolder(root) : null;
                    if (folder is null || !Directory.Exists(folder))
                    {
                        throw new CliException("indiquez les fichiers à importer (ou --from-url)");
                    }

                    paths.AddRange(Directory.GetFiles(folder, "*.csv").Order(StringComparer.Ordinal));
                }

                var read = new List<ConnexionFile>();
                foreach (var path in paths)
                {
                    read.Add(await ConnexionFiles.ReadAsync(path, cancellationToken: cancellationToken));
                }

                await using var services = GlobalOptions.Services(parse);
                await using var scope = services.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<ScoranDbContext>().MigrateAsync(cancellationToken);
                var importer = scope.ServiceProvider.GetRequiredService<ConnexionImporter>();
                foreach (var file in read)
                {
                    var report = await ProgressBars.RunAsync(p => importer.ImportAsync(file, parse.GetValue(force), p, cancellationToken));
                    var outcome = ConnexionFileImport.Describe(report);
                    Console.WriteLine(outcome.Summary + (file.Synthetic ? $" ({ConnexionImporter.SyntheticNotice})" : ""));
                    foreach (var note in outcome.Notes)
                    {
                        Console.WriteLine("  " + note);
                    }
                }

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

    private static async Task<IReadOnlyList<string>> DownloadAsync(IReadOnlyList<string> urls, string folder, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(5) };
        var paths = new List<string>();
        foreach (var url in urls)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                throw new CliException($"URL invalide : {url}");
            }

            var name = Path.GetFileName(uri.LocalPath) is { Length: > 0 } n ? n : "commune.csv";
            var path = Path.Combine(folder, $"{paths.Count}-{name}");
            try
            {
                using var response = await http.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
                if (!response.IsSuccessStatusCode)
                {
                    throw new CliException($"téléchargement refusé : {url} a répondu {(int)response.StatusCode} {response.ReasonPhrase}");
                }

                await using var output = File.Create(path);
                await response.Content.CopyToAsync(output, cancellationToken);
            }
            catch (HttpRequestException ex)
            {
                throw new CliException($"téléchargement impossible de {url} (pas d'accès à Internet ?) : {ex.Message} — téléchargez le fichier ailleurs puis importez-le par son chemin");
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new CliException($"téléchargement trop long, abandonné : {url}");
            }

            Console.WriteLine($"Téléchargé : {url}");
            paths.Add(path);
        }

        return paths;
    }

    /// <summary>Hidden: writes the synthetic demonstration files from the communes and FttH premises in the database.</summary>
    public static Command CreateGenerator()
    {
        var folder = new Argument<string?>("dossier") { Description = "Dossier de sortie (défaut : data/arcep/connexion-demo).", Arity = ArgumentArity.ZeroOrOne };
        var region = new Option<string>("--region") { Description = "Code de la région (défaut : 27).", DefaultValueFactory = _ => "27" };
        var command = new Command("generate-connexion-demo", "Écrit des fichiers « Ma connexion internet » SYNTHÉTIQUES de démonstration.") { folder, region };
        command.Hidden = true;
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.GetValue(folder) ?? (RepositoryLayout.FindRoot() is { } root ? DemoFolder(root) : null)
                ?? throw new CliException("indiquez le dossier de sortie");
            await using var services = GlobalOptions.Services(parse);
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ScoranDbContext>();
            var communes = await ConnexionDemoGenerator.CommunesAsync(db, parse.GetValue(region)!, cancellationToken);
            if (communes.Count == 0)
            {
                throw new CliException("aucune commune pour cette région : importez d'abord les territoires et la publication FttH");
            }

            foreach (var path in await ConnexionDemoGenerator.WriteAsync(output, communes, ConnexionDemoGenerator.DefaultDates, cancellationToken))
            {
                Console.WriteLine($"Écrit : {path}");
            }

            return 0;
        });
        return command;
    }
}
