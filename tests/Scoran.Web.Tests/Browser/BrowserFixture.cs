using Microsoft.Playwright;
using Scoran.Testing;

namespace Scoran.Web.Tests.Browser;

/// <summary>
/// The real application on a Kestrel port of the loopback interface, over the shared SQLite
/// import, and Debian's Chromium driven by Playwright. Screenshots go to artifacts/screenshots.
/// </summary>
public sealed class BrowserFixture(SqliteImportedTerritories imported) : IAsyncLifetime
{
    private ScoranAppFactory? _factory;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The application's services, to create the account a scenario signs in with.</summary>
    public IServiceProvider Services => _factory?.Services ?? throw new InvalidOperationException("not started");

    public static string ScreenshotFolder => SharedData.ArtifactsFolder("screenshots");

    public async ValueTask InitializeAsync()
    {
        _factory = new ScoranAppFactory(imported.Database.Storage);
        _factory.UseKestrel(0);
        _factory.StartServer();
        BaseAddress = _factory.ClientOptions.BaseAddress;

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("SCORAN_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            // This machine has no network but loopback: keep Chromium from calling home.
            Args = ["--no-sandbox", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--use-angle=swiftshader", "--enable-unsafe-swiftshader"],
        });
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            Locale = "fr-FR",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        return await context.NewPageAsync();
    }

    /// <summary>
    /// Runs a browser scenario on a new page and keeps a full-page screenshot of where it ended,
    /// whether it passed or failed: the screenshot is the evidence either way.
    /// </summary>
    public async Task RunAsync(string screenshotName, Func<IPage, Task> scenario)
    {
        var page = await NewPageAsync();
        try
        {
            await scenario(page);
        }
        finally
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, screenshotName + ".png"), FullPage = true });
            await page.Context.CloseAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
    }
}
