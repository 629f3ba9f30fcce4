using Scoran.Testing;

namespace Scoran.Cli.Tests;

public sealed class TerritoriesCommandTests
{
    private static readonly string Contours = Path.Combine(SharedData.RepositoryRoot, "data", "contours");

    private static string NewDatabasePath() =>
        Path.Combine(SharedData.ArtifactsFolder("cli"), $"{Guid.NewGuid():N}.db");

    [Fact]
    public async Task Help_lists_the_verbs()
    {
        var root = await ScoranProgram.RunAsync("--help");
        var import = await ScoranProgram.RunAsync("territories", "import", "--help");

        Assert.Equal(0, root.ExitCode);
        Assert.Contains("territories", root.Output);
        Assert.Contains("serve", root.Output);
        Assert.Equal(0, import.ExitCode);
        Assert.Contains("--from", import.Output);
    }

    [Fact]
    public async Task Importing_twice_reports_that_nothing_changed()
    {
        var database = NewDatabasePath();
        string[] args = ["territories", "import", "--from", SharedData.Territories, "--contours", Contours, "--connection", $"Data Source={database}"];

        var first = await ScoranProgram.RunAsync(args);
        var second = await ScoranProgram.RunAsync(args);

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("Territoires importés", first.Output);
        Assert.Contains("Toutes les communes des départements couverts ont un contour.", first.Output);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("Territoires déjà à jour", second.Output);
        Assert.Contains("Contours déjà à jour", second.Output);
    }

    [Fact]
    public async Task A_malformed_territory_file_exits_with_one_clear_line_and_writes_nothing()
    {
        var folder = Path.Combine(SharedData.ArtifactsFolder("cli"), Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        foreach (var name in new[] { "regions.json", "departements.json", "epci.json", "communes.json" })
        {
            File.Copy(Path.Combine(SharedData.Territories, name), Path.Combine(folder, name));
        }

        var communes = Path.Combine(folder, "communes.json");
        var lines = await File.ReadAllLinesAsync(communes, TestContext.Current.CancellationToken);
        lines[9] = lines[9].Replace("\"code\":\"", "\"code\":\"X");
        await File.WriteAllLinesAsync(communes, lines, TestContext.Current.CancellationToken);
        var database = NewDatabasePath();

        var result = await ScoranProgram.RunAsync("territories", "import", "--from", folder, "--connection", $"Data Source={database}");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"scoran : import refusé, base inchangée — {communes}:10:1: champ « code » invalide", result.Error);
        Assert.False(File.Exists(database));
    }

    [Fact]
    public async Task A_bad_outline_file_stops_the_import_before_the_territories_are_written()
    {
        var folder = Path.Combine(SharedData.ArtifactsFolder("cli"), Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var bad = Path.Combine(folder, "communes-bad.geojson");
        await File.WriteAllTextAsync(bad, "{\"type\":\"FeatureCollection\",\"features\":[", TestContext.Current.CancellationToken);
        var database = NewDatabasePath();

        var result = await ScoranProgram.RunAsync("territories", "import", "--from", SharedData.Territories, "--contours", folder, "--connection", $"Data Source={database}");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(bad, result.Error);
        Assert.False(File.Exists(database));
    }

    [Theory]
    [InlineData("--provider", "oracle")]
    [InlineData("--unknown-option", "x")]
    public async Task Bad_options_exit_non_zero_with_a_reason(string option, string value)
    {
        var result = await ScoranProgram.RunAsync("db", "migrate", option, value);

        Assert.NotEqual(0, result.ExitCode);
        Assert.NotEqual("", result.Error.Trim());
    }
}
