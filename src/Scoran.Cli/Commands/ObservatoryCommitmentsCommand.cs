using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Scoran.Core;
using Scoran.Data;
using Scoran.Observatory.Commitments;
using Scoran.Observatory.Import.Arcep;

namespace Scoran.Cli.Commands;

/// <summary><c>scoran observatory import commitments [fichier]</c>: operator commitments, one register at a time.</summary>
internal static class Commitments
{
    public static Command Create()
    {
        var force = new Option<bool>("--force") { Description = "Réimporte même si le fichier n'a pas changé." };
        var file = new Argument<string?>("fichier")
        {
            Description = "Feuille « communes » d'Arcep (engagements L. 33-13 de 2018 ; défaut : data/arcep/observatoire-2018T1/communes.csv) " +
                          "ou CSV d'engagements au format Scoran (code_commune;code_operateur;nom_operateur;zone;locaux;part;echeance;base_legale;statut;source).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var register = new Option<string?>("--registre") { Description = "Nom du registre remplacé par cet import (défaut : nom du fichier, ou arcep-l3313-2018)." };
        var command = new Command("commitments", "Engagements des opérateurs par commune : remplace le registre de même nom.") { file, register, force };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(file)
                ?? (RepositoryLayout.FindRoot() is { } root ? Path.Combine(root, "data", "arcep", "observatoire-2018T1", ArcepFtthImporter.InformationFileName) : null)
                ?? throw new CliException("indiquez le fichier des engagements");
            var read = await CommitmentImporter.ReadAsync(path, parse.GetValue(register), cancellationToken);

            await using var services = GlobalOptions.Services(parse);
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ScoranDbContext>().MigrateAsync(cancellationToken);
            var importer = scope.ServiceProvider.GetRequiredService<CommitmentImporter>();
            var report = await ProgressBars.RunAsync(p => importer.ImportAsync(read, parse.GetValue(force), p, cancellationToken));
            if (report.Skipped)
            {
                Console.WriteLine($"Registre {report.Register} déjà importé à l'identique : rien n'a changé.");
                return 0;
            }

            Console.WriteLine($"Registre {report.Register} importé : {report.Commitments} engagements sur {report.Communes} communes.");
            Console.WriteLine($"{report.CodeChanges.Count} code(s) de commune rattaché(s) à la commune actuelle" +
                              (report.CodeChanges.Count > 0 ? $" (ex. {string.Join(", ", report.CodeChanges.Take(5).Select(c => $"{c.FileCode} → {c.CurrentCode}"))})" : "") + ".");
            return 0;
        });
        return command;
    }
}
