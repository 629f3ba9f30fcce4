using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Scoran.Core;
using Scoran.Data;
using Scoran.Funding;
using Scoran.Funding.Dossiers;
using Scoran.Funding.Import;

namespace Scoran.Cli.Commands;

/// <summary><c>scoran funding import schemes|aides-territoires</c> and <c>scoran funding reminders</c>.</summary>
internal static class FundingCommand
{
    public static Command Create()
    {
        var command = new Command("funding", "Guichet unique des financements : catalogue des dispositifs d'aide, rappels d'échéances.");
        var import = new Command("import", "Importe un catalogue de dispositifs d'aide (idempotent : un fichier inchangé est ignoré, un dispositif n'est jamais dupliqué).");
        import.Subcommands.Add(Catalogue("schemes", "Dispositifs de la Région et autres financeurs cités par les documents stratégiques (défaut : data/funding/schemes-bfc.json).",
            "schemes-bfc.json", (i, p, f, ct) => i.ImportRegionalAsync(p, f, ct)));
        import.Subcommands.Add(Catalogue("aides-territoires", "Export CSV du catalogue national Aides-territoires (défaut : l'export « périurbain » de data/funding).",
            "aides-territoires_periurbain.csv", (i, p, f, ct) => i.ImportAidesTerritoiresAsync(p, f, ct)));
        command.Subcommands.Add(import);

        var days = new Option<int>("--jours") { Description = "Horizon en jours (défaut : 180).", DefaultValueFactory = _ => 180 };
        var reminders = new Command("reminders", "Liste les dossiers dont l'échéance d'achèvement (3 ans) tombe dans l'horizon ou est dépassée.") { days };
        reminders.SetAction(async (parse, ct) =>
        {
            await using var services = GlobalOptions.Services(parse);
            await using var scope = services.CreateAsyncScope();
            var list = await scope.ServiceProvider.GetRequiredService<FundingService>().RemindersAsync(parse.GetValue(days), ct);
            Console.WriteLine(list.Count == 0 ? "Aucune échéance dans l'horizon." : $"{list.Count} échéance(s) :");
            foreach (var (d, deadline) in list)
            {
                Console.WriteLine($"{deadline:yyyy-MM-dd}  dossier {d.Id}  {d.Status.ToFrench()}  {d.SchemeId}  {d.ProjectTitle}  ({d.HolderEmail})");
            }

            return 0;
        });
        command.Subcommands.Add(reminders);
        return command;
    }

    private static Command Catalogue(string name, string description, string defaultFile, Func<SchemeCatalogImporter, string, bool, CancellationToken, Task<CatalogImportReport>> run)
    {
        var file = new Argument<string?>("fichier") { Description = "Fichier à importer.", Arity = ArgumentArity.ZeroOrOne };
        var force = new Option<bool>("--force") { Description = "Réimporte même si le fichier n'a pas changé." };
        var command = new Command(name, description) { file, force };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file) ?? (RepositoryLayout.FindRoot() is { } root ? Path.Combine(root, "data", "funding", defaultFile) : null)
                ?? throw new CliException("indiquez le fichier à importer");
            await using var services = GlobalOptions.Services(parse);
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ScoranDbContext>().MigrateAsync(ct);
            var report = await run(scope.ServiceProvider.GetRequiredService<SchemeCatalogImporter>(), path, parse.GetValue(force), ct);
            Console.WriteLine(report.Skipped
                ? $"Catalogue {report.Catalogue} déjà importé à l'identique : rien n'a changé."
                : $"Catalogue {report.Catalogue} : {report.Added} dispositif(s) ajouté(s), {report.Updated} mis à jour, {report.Unchanged} inchangé(s).");
            return 0;
        });
        return command;
    }
}
