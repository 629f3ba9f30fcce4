using System.Diagnostics;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Scoran.Web.Steering;

/// <summary>
/// PDF of a meeting's agenda or minutes, printed by headless Chromium from the same HTML page a
/// person prints, so the PDF and the page cannot drift apart (no PDF library in the package
/// registry renders HTML with its charts). Chromium reads the page from this server's own loopback
/// address — never from the request's Host header, which a client could point elsewhere.
/// </summary>
public sealed class MinutesPdf(IServer server, IConfiguration configuration, ILogger<MinutesPdf> logger)
{
    // One print at a time: each one starts a browser, and a burst of requests must not start dozens.
    private static readonly SemaphoreSlim OnePrint = new(1, 1);

    public string ChromiumPath => configuration["Scoran:Pdf:Chromium"] ?? "/usr/bin/chromium";

    public bool Available => File.Exists(ChromiumPath);

    public async Task<byte[]?> PrintAsync(string pagePath, CancellationToken cancellationToken)
    {
        var origin = LoopbackOrigin() ?? throw new InvalidOperationException("le serveur n'écoute sur aucune adresse HTTP locale");
        var output = Path.Combine(Path.GetTempPath(), $"scoran-pdf-{Guid.NewGuid():N}.pdf");
        var profile = Path.Combine(Path.GetTempPath(), $"scoran-pdf-profile-{Guid.NewGuid():N}");
        await OnePrint.WaitAsync(cancellationToken);
        try
        {
            var start = new ProcessStartInfo(ChromiumPath)
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[]
                     {
                         "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                         "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--no-pdf-header-footer",
                         "--virtual-time-budget=10000", $"--user-data-dir={profile}", $"--print-to-pdf={output}", origin + pagePath,
                     })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException("Chromium n'a pas démarré");
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(90));
            var errors = process.StandardError.ReadToEndAsync(timeout.Token);
            _ = process.StandardOutput.ReadToEndAsync(timeout.Token);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }

            if (process.ExitCode != 0 || !File.Exists(output))
            {
                logger.LogWarning("Chromium print of {Page} failed ({Code}): {Errors}", pagePath, process.ExitCode, await errors);
                return null;
            }

            return await File.ReadAllBytesAsync(output, cancellationToken);
        }
        finally
        {
            OnePrint.Release();
            File.Delete(output);
            try
            {
                Directory.Delete(profile, recursive: true);
            }
            catch (IOException)
            {
                // A profile left behind in the temporary folder is harmless.
            }
        }
    }

    private string? LoopbackOrigin()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var http = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase));
        if (http is null)
        {
            return null;
        }

        var uri = new Uri(http.Replace("://+", "://localhost").Replace("://*", "://localhost"));
        var host = uri.Host is "0.0.0.0" or "localhost" or "[::]" or "::" ? "127.0.0.1" : uri.Host;
        return $"http://{host}:{uri.Port}";
    }
}
