using Scoran.Testing;

namespace Scoran.Cli.Tests;

public sealed class ObservatoryEligibilityCommandTests
{
    private static string NewDatabasePath() =>
        Path.Combine(SharedData.ArtifactsFolder("cli"), $"{Guid.NewGuid():N}.db");

    [Fact]
    public async Task The_demo_pair_imports_once_then_is_reported_unchanged_and_a_bad_file_exits_with_its_line()
    {
        var path = NewDatabasePath();
        // France already imported (the run's template): this test is about the observatory import, not the territories one.
        var database = await TestDatabase.CopySqliteTemplateAsync(TestTemplates.France, path);

        var first = await ScoranProgram.RunAsync("observatory", "import", "arcep-eligibilite", "--connection", database);
        var second = await ScoranProgram.RunAsync("observatory", "import", "arcep-eligibilite", "--connection", database);

        Assert.Equal(0, first.ExitCode);
        Assert.Matches(@"Millésime demo importé \(données de démonstration synthétiques\) : 1944 immeubles, \d+ lignes d'éligibilité, \d+ locaux, \d+ communes\.", first.Output);
        Assert.True(File.Exists(Path.Combine(path + ".files", "eligibility", "demo.bin")));
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("Millésime demo déjà importé à l'identique", second.Output);

        var bad = Path.Combine(SharedData.ArtifactsFolder("cli"), $"eligibilite-{Guid.NewGuid():N}.csv");
        var lines = await File.ReadAllLinesAsync(Path.Combine(SharedData.RepositoryRoot, "data", "arcep", "eligibilite-demo", "eligibilite-demo-bfc.csv"), TestContext.Current.CancellationToken);
        lines[2] = lines[2].Replace(";FO;", ";FIBRE;", StringComparison.Ordinal).Replace(";CU;", ";FIBRE;", StringComparison.Ordinal);
        await File.WriteAllLinesAsync(bad, lines, TestContext.Current.CancellationToken);
        var buildings = Path.Combine(SharedData.RepositoryRoot, "data", "arcep", "eligibilite-demo", "immeubles-demo-bfc.csv");

        var refused = await ScoranProgram.RunAsync("observatory", "import", "arcep-eligibilite", buildings, bad, "--millesime", "2025T4", "--connection", database);

        Assert.Equal(2, refused.ExitCode);
        Assert.Contains($"scoran : import refusé, base inchangée — {bad}:3:4: technologie inconnue : « FIBRE »", refused.Error);
        Assert.False(File.Exists(Path.Combine(path + ".files", "eligibility", "2025T4.bin")));
    }

    [Fact]
    public async Task One_file_without_the_other_is_a_usage_error()
    {
        var result = await ScoranProgram.RunAsync("observatory", "import", "arcep-eligibilite", "immeubles.csv", "--connection", $"Data Source={NewDatabasePath()}");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("indiquez les deux fichiers", result.Error);
    }

    [Fact]
    public async Task The_demo_generator_writes_the_shipped_files_byte_for_byte()
    {
        var folder = Path.Combine(SharedData.ArtifactsFolder("cli"), $"demo-{Guid.NewGuid():N}");

        var result = await ScoranProgram.RunAsync("observatory", "eligibilite-demo", "--sortie", folder);

        Assert.Equal(0, result.ExitCode);
        foreach (var name in new[] { "immeubles-demo-bfc.csv", "eligibilite-demo-bfc.csv" })
        {
            Assert.Equal(
                await File.ReadAllBytesAsync(Path.Combine(SharedData.RepositoryRoot, "data", "arcep", "eligibilite-demo", name), TestContext.Current.CancellationToken),
                await File.ReadAllBytesAsync(Path.Combine(folder, name), TestContext.Current.CancellationToken));
        }
    }
}
