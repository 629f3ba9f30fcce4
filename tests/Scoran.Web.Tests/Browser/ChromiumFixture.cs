using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Playwright;
using Scoran.Testing;

namespace Scoran.Web.Tests.Browser;

/// <summary>
/// The real application on a Kestrel port of the loopback interface and Debian's Chromium driven
/// by Playwright; screenshots go to artifacts/screenshots. What differs between browser fixtures
/// is only the database the application runs over: subclasses start it in
/// <see cref="StartApplicationAsync"/> (<see cref="BrowserFixture"/> over the shared import,
/// <see cref="OwnDatabaseBrowserFixture"/> over a database of its own).
/// </summary>
public abstract class ChromiumFixture : IAsyncLifetime
{
    private WebApplicationFactory<Program>? _factory;

    // One Chromium for the whole test assembly: launching it is the slow part; each scenario still gets a
    // fresh context (its own cookies, storage and cache), which is what isolates tests from each other.
    // Playwright's driver and the browser end with the test process.
    private static readonly Lazy<Task<IBrowser>> SharedBrowser = new(LaunchAsync);

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The test assembly's Chromium, for a test that drives an application of its own; close only the contexts you open.</summary>
    public static Task<IBrowser> SharedBrowserAsync() => SharedBrowser.Value;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The application's services, to create the account a scenario signs in with or the data it reads.</summary>
    public IServiceProvider Services => _factory?.Services ?? throw new InvalidOperationException("not started");

    public static string ScreenshotFolder => SharedData.ArtifactsFolder("screenshots");

    /// <summary>The application, already serving on a real port (see <see cref="Serve{T}"/>).</summary>
    protected abstract Task<WebApplicationFactory<Program>> StartApplicationAsync();

    /// <summary>Puts the application on a real port: Chromium cannot reach the in-memory test server.</summary>
    protected static T Serve<T>(T factory) where T : WebApplicationFactory<Program>
    {
        factory.UseKestrel(0);
        factory.StartServer();
        return factory;
    }

    public async ValueTask InitializeAsync()
    {
        _factory = await StartApplicationAsync();
        BaseAddress = _factory.ClientOptions.BaseAddress;

        Browser = await SharedBrowser.Value;
    }

    private static async Task<IBrowser> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        return await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("SCORAN_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            // This machine has no network but loopback: keep Chromium from calling home. SwiftShader
            // gives the maps a WebGL context without a GPU.
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
            AcceptDownloads = true,
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        return await context.WithBusyMachineTimeouts().NewPageAsync();
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

    /// <summary>Signs in through the form with an existing account, and waits until the header says so.</summary>
    public static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/compte/connexion");
        await page.GetByLabel("Adresse électronique").FillAsync(email);
        await page.GetByLabel("Mot de passe").FillAsync(TestAccounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { NameRegex = SignedIn() })).ToBeVisibleAsync();
    }

    /// <summary>Creates an account with <paramref name="role"/> and signs in with it; answers its address.</summary>
    public async Task<string> SignInWithRoleAsync(IPage page, string role)
    {
        var email = await TestAccounts.CreateAsync(Services, role);
        await SignInAsync(page, email);
        return email;
    }

    /// <summary>What the fixture holds besides the application and the browser (a database of its own).</summary>
    protected virtual ValueTask DisposeDataAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        await DisposeDataAsync();
        GC.SuppressFinalize(this);
    }

    private static Regex SignedIn() => new("^Se déconnecter");
}
