using System.Net;
using System.Net.Sockets;
using System.Text;
using Scoran.Testing;

namespace Scoran.Cli.Tests;

/// <summary><c>scoran observatory import arcep-ftth-2020</c>, from a file and from a (loopback) data.gouv.fr.</summary>
public sealed class ObservatoryWideCommandTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;


    [Fact]
    public async Task A_workbook_imports_reports_the_mapping_then_is_skipped_and_a_newer_one_is_fetched_from_the_dataset()
    {
        // France and the BFC outlines from the run's template: `scoran territories import` has its own tests.
        var database = await TestDatabase.CopySqliteTemplateAsync(TestTemplates.FranceWithBfcOutlines, Path.Combine(SharedData.ArtifactsFolder("cli"), $"{Guid.NewGuid():N}.db"));
        var workbook = WideFixture.Write(WideFormat.Xlsx);

        var first = await ScoranProgram.RunAsync("observatory", "import", "arcep-ftth-2020", workbook, "--connection", database);
        var second = await ScoranProgram.RunAsync("observatory", "import", "arcep-ftth-2020", workbook, "--connection", database);

        Assert.Equal(0, first.ExitCode);
        // Fewer communes than rows: 21513 and other codes of the fixture were merged into today's communes.
        Assert.Matches(@"Publication 2020T4 importée : 20\d communes, 5 trimestres", first.Output);
        Assert.Contains("21513 → 21178", first.Output);
        Assert.Contains("(taux > 100 %, conservé tel quel) : 90010", first.Output);
        Assert.Contains("Déploiement FttH (format 2020+)", first.Error); // the progress stage, printed once done outside a terminal
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("Publication 2020T4 déjà importée à l'identique", second.Output);

        // A revised workbook of the same quarter, published on a loopback "data.gouv.fr" next to an older one.
        var revised = WideFixture.Write(WideFormat.Xlsx, [.. WideFixture.Communes.Take(50)]);
        await using var server = LoopbackServer.Start(request => request switch
        {
            "/api/1/datasets/deploiements/" => (200, "application/json", Encoding.UTF8.GetBytes(
                """
                {"resources": [
                  {"title": "2020t3-obs-hd-thd-deploiement.xlsx", "url": "/fichiers/2020t3-obs-hd-thd-deploiement.xlsx", "format": "xlsx"},
                  {"title": "2020t4-obs-hd-thd-deploiement-vf.xlsx", "url": "/fichiers/2020t4-obs-hd-thd-deploiement-vf.xlsx", "format": "xlsx"},
                  {"title": "Documentation", "url": "/fichiers/notice.pdf", "format": "pdf"}
                ]}
                """)),
            "/fichiers/2020t4-obs-hd-thd-deploiement-vf.xlsx" => (200, "application/octet-stream", File.ReadAllBytes(revised)),
            _ => (404, "text/plain", "introuvable"u8.ToArray()),
        });

        var fetched = await ScoranProgram.RunAsync("observatory", "import", "arcep-ftth-2020", "--from-url", $"{server.Address}api/1/datasets/deploiements/", "--connection", database);

        Assert.Equal(0, fetched.ExitCode);
        Assert.Contains("Téléchargé : 2020t4-obs-hd-thd-deploiement-vf.xlsx", fetched.Output);
        Assert.Matches(@"Publication 2020T4 importée : (4\d|50) communes", fetched.Output);
        Assert.Equal(["/api/1/datasets/deploiements/", "/fichiers/2020t4-obs-hd-thd-deploiement-vf.xlsx"], server.Requests);
    }

    [Fact]
    public async Task Offline_the_download_fails_with_a_clear_message_and_writes_nothing()
    {
        // A loopback port nobody listens on: the connection is refused, as without network.
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var path = Path.Combine(SharedData.ArtifactsFolder("cli"), $"{Guid.NewGuid():N}.db");

        var result = await ScoranProgram.RunAsync("observatory", "import", "arcep-ftth-2020", "--from-url", $"http://127.0.0.1:{port}/api/1/datasets/x/", "--connection", $"Data Source={path}");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"scoran : téléchargement impossible depuis http://127.0.0.1:{port}/api/1/datasets/x/", result.Error);
        Assert.Contains("Hors ligne ?", result.Error);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task A_malformed_file_exits_with_file_line_column_and_reason()
    {
        var file = WideFixture.Write(WideFormat.Utf8Comma, textCells: new Dictionary<(string, string), string> { [(WideFixture.Communes[0].Code, "T4 2020")] = "beaucoup" });
        var path = Path.Combine(SharedData.ArtifactsFolder("cli"), $"{Guid.NewGuid():N}.db");

        var result = await ScoranProgram.RunAsync("observatory", "import", "arcep-ftth-2020", file, "--connection", $"Data Source={path}");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"scoran : import refusé, base inchangée — {file}:6:15: colonne « T4 2020 » (O) : nombre invalide", result.Error);
        Assert.False(File.Exists(path));
    }

    /// <summary>A bounded HTTP server on 127.0.0.1 answering from a function; it stops when disposed.</summary>
    private sealed class LoopbackServer : IAsyncDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly Task _loop;
        private readonly List<string> _requests = [];

        private LoopbackServer(Func<string, (int Status, string ContentType, byte[] Body)> answer)
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            Address = new Uri($"http://127.0.0.1:{port}/");
            _listener.Prefixes.Add(Address.ToString());
            _listener.Start();
            _loop = Task.Run(async () =>
            {
                while (_listener.IsListening)
                {
                    HttpListenerContext context;
                    try
                    {
                        context = await _listener.GetContextAsync();
                    }
                    catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
                    {
                        return;
                    }

                    var path = context.Request.Url!.AbsolutePath;
                    lock (_requests)
                    {
                        _requests.Add(path);
                    }

                    var (status, type, body) = answer(path);
                    context.Response.StatusCode = status;
                    context.Response.ContentType = type;
                    await context.Response.OutputStream.WriteAsync(body);
                    context.Response.Close();
                }
            });
        }

        public Uri Address { get; }

        public IReadOnlyList<string> Requests
        {
            get
            {
                lock (_requests)
                {
                    return [.. _requests];
                }
            }
        }

        public static LoopbackServer Start(Func<string, (int, string, byte[])> answer) => new(answer);

        public async ValueTask DisposeAsync()
        {
            _listener.Stop();
            _listener.Close();
            await _loop;
        }
    }
}
