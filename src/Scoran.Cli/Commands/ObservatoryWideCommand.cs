using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Scoran.Data;
using Scoran.Observatory.Import.Arcep;

namespace Scoran.Cli.Commands;

/// <summary><c>scoran observatory import arcep-ftth-2020 [fichier] [--force] [--from-url [URL]]</c>: a 2020+ FttH release.</summary>
internal static class ArcepFtthWide
{
    public static Command Create()
    {
        var file = new Argument<string?>("fichier")
        {
            Description = "Classeur Arcep « AAAAtN-obs-hd-thd-deploiement.xlsx » (feuille « Communes ») ou son export CSV (; ou , ; UTF-8 ou Latin-1).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var force = new Option<bool>("--force") { Description = "Réimporte même si le fichier n'a pas changé." };
        var fromUrl = new Option<string?>("--from-url")
        {
            Description = $"Télécharge le fichier au lieu de le lire sur disque : sans valeur, le dernier classeur du jeu data.gouv.fr d'Arcep ({ArcepFtthDownload.DatasetApiUrl}) ; " +
                          "sinon l'adresse d'un jeu data.gouv.fr (API) ou directement d'un fichier .xlsx/.csv.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var command = new Command("arcep-ftth-2020", "Déploiement FttH d'Arcep par commune et trimestre (format 2020+, XLSX ou CSV) : remplace la publication de même dernier trimestre.")
        {
            file, force, fromUrl,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            string? downloaded = null;
            var path = parse.GetValue(file);
            if (parse.GetResult(fromUrl) is not null)
            {
                if (path is not null)
                {
                    throw new CliException("donnez un fichier ou --from-url, pas les deux");
                }

                var address = parse.GetValue(fromUrl) ?? ArcepFtthDownload.DatasetApiUrl;
                if (!Uri.TryCreate(address, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
                {
                    throw new CliException($"adresse invalide pour --from-url : « {address} »");
                }

                downloaded = Path.Combine(Path.GetTempPath(), $"scoran-arcep-{Guid.NewGuid():N}");
                using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(5) };
                try
                {
                    var (saved, resource) = await ArcepFtthDownload.DownloadAsync(http, url, downloaded, cancellationToken);
                    Console.WriteLine($"Téléchargé : {(resource is null ? url.ToString() : $"{resource.Title} ({resource.Url})")}");
                    path = saved;
                }
                catch (Exception e) when (e is HttpRequestException or InvalidDataException or System.Text.Json.JsonException
                                              || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
                {
                    if (Directory.Exists(downloaded))
                    {
                        Directory.Delete(downloaded, recursive: true);
                    }

                    throw new CliException($"téléchargement impossible depuis {url} — {e.Message}. Hors ligne ? Téléchargez le classeur ailleurs " +
                                           "puis donnez son chemin : scoran observatory import arcep-ftth-2020 <fichier>");
                }
            }

            if (path is null)
            {
                throw new CliException("indiquez le fichier Arcep (XLSX ou CSV) ou --from-url");
            }

            try
            {
                var read = await FtthWideLayout.ReadAsync(path, cancellationToken);
                await using var services = GlobalOptions.Services(parse);
                await using var scope = services.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<ScoranDbContext>().MigrateAsync(cancellationToken);
                var importer = scope.ServiceProvider.GetRequiredService<ArcepFtthWideImporter>();
                var report = await ProgressBars.RunAsync(p => importer.ImportAsync(read, parse.GetValue(force), p, cancellationToken));
                if (report.Skipped)
                {
                    Console.WriteLine($"Publication {report.Release} déjà importée à l'identique : rien n'a changé.");
                    return 0;
                }

                Console.WriteLine($"Publication {report.Release} importée : {report.Communes} communes, {report.Quarters} trimestres, {report.Rows} valeurs.");
                foreach (var note in report.Notes())
                {
                    Console.WriteLine(note);
                }

                return 0;
            }
            finally
            {
                if (downloaded is not null && Directory.Exists(downloaded))
                {
                    Directory.Delete(downloaded, recursive: true);
                }
            }
        });
        return command;
    }
}
