using System.CommandLine;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scoran.Data;
using Scoran.Resources.Contributions;
using Scoran.Resources.Documents;

namespace Scoran.Cli.Commands;

/// <summary>The resource space from the command line: demonstration entries, documents added by the platform's operator, index rebuild.</summary>
internal static class ResourcesCommand
{
    public static Command Create()
    {
        var demo = new Command("demo", "Ajoute quelques fiches de démonstration (acteur, projet, événement), libellées « (démonstration) » ; relancer n'ajoute rien.");
        demo.SetAction(async (parse, ct) =>
        {
            await using var services = GlobalOptions.Services(parse);
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ScoranDbContext>().MigrateAsync(ct);
            var added = await scope.ServiceProvider.GetRequiredService<DemonstrationEntries>().SeedAsync(ct);
            Console.WriteLine(added == 0 ? "Fiches de démonstration déjà présentes : rien d'ajouté." : $"{added} fiche(s) de démonstration ajoutée(s).");
            return 0;
        });

        var file = new Argument<FileInfo>("fichier") { Description = "PDF, DOCX, ODT ou XLSX." };
        var title = new Option<string>("--titre") { Description = "Titre du document.", Required = true };
        var category = new Option<DocumentCategory>("--categorie") { Description = "Guide, ModeleContrat, IngenierieFinanciere, Etude ou Livrable.", DefaultValueFactory = _ => DocumentCategory.Guide };
        var licence = new Option<string>("--licence") { Description = "Licence du document.", Required = true };
        var author = new Option<string>("--auteur") { Description = "Auteur du document.", Required = true };
        var date = new Option<string?>("--date") { Description = "Date du document (AAAA-MM-JJ ; défaut : date du fichier)." };
        var add = new Command("add", "Ajoute un document publié à la bibliothèque (mêmes contrôles que le dépôt en ligne). Un fichier identique déjà présent sous le même titre est ignoré.")
        {
            file, title, category, licence, author, date,
        };
        add.SetAction(async (parse, ct) =>
        {
            var info = parse.GetValue(file)!;
            if (!info.Exists)
            {
                throw new CliException($"{info.FullName} : fichier introuvable");
            }

            var day = parse.GetValue(date) is { } d
                ? DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture)
                : DateOnly.FromDateTime(info.LastWriteTimeUtc);
            await using var services = GlobalOptions.Services(parse);
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ScoranDbContext>();
            await db.MigrateAsync(ct);
            var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(await File.ReadAllBytesAsync(info.FullName, ct)));
            var name = parse.GetValue(title)!;
            if (await db.Set<ResourceDocument>().AnyAsync(x => x.Title == name && x.Versions.Any(v => v.Sha256 == sha), ct))
            {
                Console.WriteLine($"« {name} » est déjà dans la bibliothèque avec ce fichier : rien d'ajouté.");
                return 0;
            }

            await using var stream = info.OpenRead();
            var outcome = await scope.ServiceProvider.GetRequiredService<DocumentLibrary>().UploadAsync(
                new DocumentDescription(name, parse.GetValue(category), parse.GetValue(licence)!, parse.GetValue(author)!, day),
                info.Name, stream, info.Length, "système", publish: true, ct);
            if (outcome.Refusal is not null)
            {
                throw new CliException(outcome.Refusal);
            }

            Console.WriteLine($"Document n° {outcome.Document!.Id} « {name} » publié ({outcome.Document.Current!.Text.Length} caractères de texte indexés).");
            return 0;
        });

        var reindex = new Command("reindex", "Reconstruit l'index plein texte des documents publiés (SQLite ; PostgreSQL indexe de lui-même).");
        reindex.SetAction(async (parse, ct) =>
        {
            await using var services = GlobalOptions.Services(parse);
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ScoranDbContext>();
            await db.MigrateAsync(ct);
            var index = scope.ServiceProvider.GetRequiredService<DocumentSearchIndex>();
            var documents = await db.Set<ResourceDocument>().Include(x => x.Versions).ToListAsync(ct);
            foreach (var document in documents)
            {
                await index.IndexAsync(document, ct);
            }

            Console.WriteLine($"{documents.Count} document(s) réindexé(s).");
            return 0;
        });

        return new Command("resources", "Espace ressources : fiches de démonstration, documents de la bibliothèque.")
        {
            demo,
            new Command("documents", "Bibliothèque de documents.") { add, reindex },
        };
    }
}
