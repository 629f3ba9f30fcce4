using Scoran.Testing;

namespace Scoran.Cli.Tests;

public sealed class ObservatoryCommitmentsCommandTests
{
    private static string NewDatabasePath() =>
        Path.Combine(SharedData.ArtifactsFolder("cli"), $"{Guid.NewGuid():N}.db");

    [Fact]
    public async Task A_malformed_register_exits_with_file_line_column_and_writes_nothing()
    {
        var file = Path.Combine(SharedData.ArtifactsFolder("cli"), $"engagements-{Guid.NewGuid():N}.csv");
        await File.WriteAllLinesAsync(file,
        [
            "code_commune;code_operateur;nom_operateur;zone;locaux;part;echeance;base_legale;statut;source",
            "21231;AXIO;Altitude Infra;RIP;100;;2020-12-31;;;Convention",
            "25462;AXIO;Altitude Infra;AMIX;1200;;2019-06-30;;;Convention",
        ], TestContext.Current.CancellationToken);
        var database = NewDatabasePath();

        var result = await ScoranProgram.RunAsync("observatory", "import", "commitments", file, "--connection", $"Data Source={database}");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"scoran : import refusé, base inchangée — {file}:3:4: zone inconnue", result.Error);
        Assert.False(File.Exists(database));
    }

    [Fact]
    public async Task The_2018_commitments_import_once_then_are_reported_unchanged()
    {
        // France and the BFC outlines from the run's template: `scoran territories import` has its own tests.
        var database = await TestDatabase.CopySqliteTemplateAsync(TestTemplates.FranceWithBfcOutlines, NewDatabasePath());
        Assert.Equal(0, (await ScoranProgram.RunAsync("observatory", "import", "arcep-ftth", "--connection", database)).ExitCode);

        var first = await ScoranProgram.RunAsync("observatory", "import", "commitments", "--connection", database);
        var second = await ScoranProgram.RunAsync("observatory", "import", "commitments", "--connection", database);

        Assert.Equal(0, first.ExitCode);
        Assert.Matches(@"Registre arcep-l3313-2018 importé : \d+ engagements sur \d+ communes\.", first.Output);
        Assert.Contains("code(s) de commune rattaché(s) à la commune actuelle", first.Output);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("Registre arcep-l3313-2018 déjà importé à l'identique", second.Output);
    }
}
