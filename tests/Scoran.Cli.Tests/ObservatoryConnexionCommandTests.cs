using System.Net;
using System.Net.Sockets;
using Scoran.Testing;

namespace Scoran.Cli.Tests;

public sealed class ObservatoryConnexionCommandTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;


    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    [Fact]
    public async Task The_fixture_files_import_once_report_the_merged_commune_then_are_reported_unchanged()
    {
        // France already imported (the run's template): this test is about the observatory import, not the territories one.
        var database = await TestDatabase.CopySqliteTemplateAsync(TestTemplates.France, Path.Combine(SharedData.ArtifactsFolder("cli"), $"{Guid.NewGuid():N}.db"));
        string[] files = [SharedData.ConnexionFixture("debit"), SharedData.ConnexionFixture("techno"), SharedData.ConnexionFixture("meilleure_techno")];

        var first = await ScoranProgram.RunAsync(["observatory", "import", "arcep-connexion", .. files, "--connection", database]);
        var second = await ScoranProgram.RunAsync(["observatory", "import", "arcep-connexion", files[0], "--connection", database]);

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("Fichier commune_debit.csv du 30/06/2024 importé : 3 communes, 32 valeurs.", first.Output);
        Assert.Contains("Fichier commune_techno.csv du 30/06/2024 importé : 3 communes, 24 valeurs.", first.Output);
        Assert.Contains("1 code(s) de commune rattaché(s) à la commune actuelle (ex. 21513 → 21178).", first.Output);
        Assert.DoesNotContain("synthétiques", first.Output);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("Fichier commune_debit.csv du 30/06/2024 déjà importé à l'identique : rien n'a changé.", second.Output);
    }

    [Fact]
    public async Task A_malformed_file_exits_with_file_line_column_and_writes_nothing()
    {
        var file = Path.Combine(SharedData.ArtifactsFolder("cli"), $"commune_debit-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, (await File.ReadAllTextAsync(SharedData.ConnexionFixture("debit"), Token)).Replace("25056,Besançon,25,27,800,all", "25056,Besançon,25,27,huit-cents,all"), Token);
        var path = Path.Combine(SharedData.ArtifactsFolder("cli"), $"{Guid.NewGuid():N}.db");

        var result = await ScoranProgram.RunAsync("observatory", "import", "arcep-connexion", file, "--connection", $"Data Source={path}");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"scoran : import refusé, base inchangée — {file}:6:5: nombre de locaux invalide : « huit-cents »", result.Error);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task From_url_downloads_from_a_loopback_server_and_an_unreachable_one_gives_a_clear_error()
    {
        // France already imported (the run's template): this test is about the observatory import, not the territories one.
        var database = await TestDatabase.CopySqliteTemplateAsync(TestTemplates.France, Path.Combine(SharedData.ArtifactsFolder("cli"), $"{Guid.NewGuid():N}.db"));
        var port = FreePort();
        using var server = new HttpListener();
        server.Prefixes.Add($"http://127.0.0.1:{port}/");
        server.Start();
        var requested = new List<string>();
        var serving = Task.Run(async () =>
        {
            var context = await server.GetContextAsync();
            requested.Add(context.Request.Url!.AbsolutePath);
            var bytes = await File.ReadAllBytesAsync(SharedData.ConnexionFixture("meilleure_techno"));
            context.Response.ContentType = "text/csv";
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }, Token);

        var downloaded = await ScoranProgram.RunAsync("observatory", "import", "arcep-connexion", "--from-url", $"http://127.0.0.1:{port}/arcep/statistiques/last/commune/commune_meilleure_techno.csv", "--connection", database);
        await serving;
        server.Stop();
        var offline = await ScoranProgram.RunAsync("observatory", "import", "arcep-connexion", "--from-url", $"http://127.0.0.1:{FreePort()}/commune_debit.csv", "--connection", database);

        Assert.Equal(0, downloaded.ExitCode);
        Assert.Equal(["/arcep/statistiques/last/commune/commune_meilleure_techno.csv"], requested);
        Assert.Contains("Fichier commune_meilleure_techno.csv du 30/06/2024 importé : 3 communes", downloaded.Output);
        Assert.Equal(2, offline.ExitCode);
        Assert.StartsWith("scoran : téléchargement impossible de http://127.0.0.1:", offline.Error);
        Assert.Contains("importez-le par son chemin", offline.Error);
    }
}
