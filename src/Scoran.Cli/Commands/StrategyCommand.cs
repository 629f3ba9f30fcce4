using System.CommandLine;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Scoran.Core;
using Scoran.Data;
using Scoran.Steering.Exchange;

namespace Scoran.Cli.Commands;

/// <summary><c>scoran strategy import|export</c>: load a strategy tree (reference JSON, Scoran JSON, CSV or XLSX) and write it back out.</summary>
internal static class StrategyCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("fichiers")
        {
            Description = "Fichiers de stratégie : JSON de référence (data/strategy), document JSON Scoran, CSV ou XLSX (défaut : data/strategy/*.json du dépôt).",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var import = new Command("import", "Charge des stratégies : crée les nouvelles, ignore les identiques, révise les autres (rien n'est supprimé).") { files };
        import.SetAction(async (parse, cancellationToken) =>
        {
            var paths = parse.GetValue(files) is { Length: > 0 } given ? given
                : RepositoryLayout.FindRoot() is { } root ? Directory.GetFiles(Path.Combine(root, "data", "strategy"), "*.json").Order(StringComparer.Ordinal).ToArray()
                : throw new CliException("indiquez les fichiers de stratégie");
            // Read everything first: a bad file stops the command before anything is written.
            var documents = new List<(string Path, StrategyDocument Document)>();
            foreach (var path in paths)
            {
                documents.Add((path, await StrategyFiles.ReadAsync(path, cancellationToken)));
            }

            await using var services = GlobalOptions.Services(parse);
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ScoranDbContext>().MigrateAsync(cancellationToken);
            var store = scope.ServiceProvider.GetRequiredService<StrategyStore>();
            foreach (var (path, document) in documents)
            {
                var report = await store.ImportAsync(document, Path.GetFileName(path), "système", cancellationToken);
                Console.WriteLine(report.Skipped
                    ? $"Stratégie {report.Code} déjà chargée à l'identique (révision {report.Revision}) : rien n'a changé."
                    : report.Revision > 1 && report.Indicators == 0 && report.Meetings == 0
                        ? $"Stratégie {report.Code} révisée (révision {report.Revision}) : {report.Nodes} changement(s)."
                        : $"Stratégie {report.Code} chargée : {report.Nodes} nœuds, {report.Indicators} indicateurs, {report.Meetings} séance(s), {report.Reviews} revue(s).");
            }

            return 0;
        });

        var code = new Argument<string>("code") { Description = "Code de la stratégie (ex. scoran-bfc-2019)." };
        var format = new Option<string>("--format") { Description = "json (tout : arborescence, indicateurs, séances, revues), csv (arborescence) ou xlsx (tout, une feuille par table).", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json", "csv", "xlsx");
        var output = new Option<string?>("--sortie") { Description = "Fichier écrit (défaut : <code>.<format> dans le dossier courant)." };
        var export = new Command("export", "Exporte une stratégie avec ses indicateurs, séances et revues.") { code, format, output };
        export.SetAction(async (parse, cancellationToken) =>
        {
            await using var services = GlobalOptions.Services(parse);
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ScoranDbContext>().MigrateAsync(cancellationToken);
            var document = await scope.ServiceProvider.GetRequiredService<StrategyStore>().ExportAsync(parse.GetValue(code)!, cancellationToken)
                ?? throw new CliException($"stratégie « {parse.GetValue(code)} » inconnue");
            var kind = parse.GetValue(format)!;
            var path = parse.GetValue(output) ?? $"{document.Code}.{kind}";
            var bytes = kind switch
            {
                "csv" => new UTF8Encoding(true).GetPreamble().Concat(Encoding.UTF8.GetBytes(StrategyCsv.Write(document))).ToArray(),
                "xlsx" => StrategyXlsx.Write(document),
                _ => StrategyFiles.WriteJson(document),
            };
            await File.WriteAllBytesAsync(path, bytes, cancellationToken);
            Console.WriteLine($"Stratégie {document.Code} exportée dans {path}.");
            return 0;
        });

        var barometreFile = new Argument<string?>("fichier")
        {
            Description = "Fichier régional du Baromètre des résultats (défaut : data/strategy/barometre-resultats-detail-regional-bfc-numerique.csv).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var strategyOption = new Option<string>("--strategie") { Description = "Stratégie qui reçoit les indicateurs (défaut : scoran-bfc-2019).", DefaultValueFactory = _ => "scoran-bfc-2019" };
        var barometre = new Command("import-barometre", "Charge les séries du Baromètre des résultats de l'action publique comme valeurs importées d'indicateurs (sans doublon).") { barometreFile, strategyOption };
        barometre.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(barometreFile)
                ?? (RepositoryLayout.FindRoot() is { } root ? Path.Combine(root, "data", "strategy", "barometre-resultats-detail-regional-bfc-numerique.csv") : null)
                ?? throw new CliException("indiquez le fichier du baromètre");
            if (!File.Exists(path))
            {
                throw new CliException($"fichier introuvable : {path}");
            }

            var rows = BarometreImporter.Read(Path.GetFileName(path), await File.ReadAllTextAsync(path, cancellationToken));
            await using var services = GlobalOptions.Services(parse);
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ScoranDbContext>().MigrateAsync(cancellationToken);
            var report = await scope.ServiceProvider.GetRequiredService<BarometreImporter>().ImportAsync(parse.GetValue(strategyOption)!, rows, Path.GetFileName(path), "système", cancellationToken);
            Console.WriteLine($"Baromètre chargé dans {report.Strategy} : {report.IndicatorsCreated} indicateur(s) créé(s), {report.ValuesAdded} valeur(s) ajoutée(s), {report.ValuesAlreadyThere} déjà présente(s).");
            return 0;
        });

        return new Command("strategy", "Stratégies (SCORAN, PPUN…) : arborescence, indicateurs, séances du comité de pilotage.") { import, export, barometre };
    }
}
