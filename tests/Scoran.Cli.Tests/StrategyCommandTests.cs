using Scoran.Testing;

namespace Scoran.Cli.Tests;

/// <summary><c>scoran strategy</c>: the default run's load of the reference strategies, exports, and refused files.</summary>
public sealed class StrategyCommandTests
{
    private static string NewDatabase() => $"Data Source={Path.Combine(SharedData.ArtifactsFolder("cli"), $"{Guid.NewGuid():N}.db")}";

    [Fact]
    public async Task The_reference_strategies_load_once_and_an_export_loads_into_an_empty_database()
    {
        var database = NewDatabase();
        var folder = Path.Combine(SharedData.ArtifactsFolder("cli"), Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);

        var first = await ScoranProgram.RunAsync("strategy", "import", "--connection", database);
        var second = await ScoranProgram.RunAsync("strategy", "import", "--connection", database);
        var barometre = await ScoranProgram.RunAsync("strategy", "import-barometre", "--connection", database);
        var json = Path.Combine(folder, "scoran.json");
        var export = await ScoranProgram.RunAsync("strategy", "export", "scoran-bfc-2019", "--sortie", json, "--connection", database);
        var xlsx = await ScoranProgram.RunAsync("strategy", "export", "ppun-bfc-2021", "--format", "xlsx", "--sortie", Path.Combine(folder, "ppun.xlsx"), "--connection", database);
        var other = NewDatabase();
        var reload = await ScoranProgram.RunAsync("strategy", "import", json, Path.Combine(folder, "ppun.xlsx"), "--connection", other);

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("Stratégie scoran-bfc-2019 chargée : 79 nœuds, 17 indicateurs, 0 séance(s), 0 revue(s).", first.Output);
        Assert.Contains("Stratégie ppun-bfc-2021 chargée : 78 nœuds, 0 indicateurs", first.Output);
        Assert.Contains("Stratégie scoran-bfc-2019 déjà chargée à l'identique (révision 1) : rien n'a changé.", second.Output);
        Assert.Contains("4 indicateur(s) créé(s), 95 valeur(s) ajoutée(s)", barometre.Output);
        Assert.Equal((0, 0), (export.ExitCode, xlsx.ExitCode));
        Assert.Equal(0, reload.ExitCode);
        Assert.Contains("Stratégie scoran-bfc-2019 chargée : 79 nœuds, 21 indicateurs", reload.Output);
        Assert.Contains("Stratégie ppun-bfc-2021 chargée : 78 nœuds, 0 indicateurs", reload.Output);
    }

    [Fact]
    public async Task A_damaged_tree_is_refused_with_its_line_and_column_and_nothing_is_loaded()
    {
        var database = NewDatabase();
        var csv = Path.Combine(SharedData.ArtifactsFolder("cli"), $"{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(csv, "code;parent;niveau;intitule;description;position;poids;porteur;partenaires;territoires;themes;statut;avancement\n" +
                                          "test;;strategie;Stratégie de test;;;;;;;;;\nE1;;enjeu;Enjeu;;0;;;;;;;\nA1;E9;action;Action;;0;;;;;;;\n", TestContext.Current.CancellationToken);

        var refused = await ScoranProgram.RunAsync("strategy", "import", csv, "--connection", database);
        var export = await ScoranProgram.RunAsync("strategy", "export", "test", "--connection", database);

        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("import refusé, base inchangée", refused.Error);
        Assert.Contains("nodes[1] (A1) : parent « E9 » inconnu", refused.Error);
        Assert.Equal(2, export.ExitCode);
        Assert.Contains("stratégie « test » inconnue", export.Error);
    }
}
