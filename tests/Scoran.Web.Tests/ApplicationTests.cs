using Microsoft.AspNetCore.Mvc.Testing;
using Scoran.Testing;

namespace Scoran.Web.Tests;

/// <summary>
/// Base of the tests that call the real application over an imported database of one engine:
/// the application is started only when that engine is available, and each test asks for it
/// through <see cref="Client"/>, which skips (or fails on CI) when it is not.
/// </summary>
public abstract class ApplicationTests(ImportedTerritories imported) : IAsyncLifetime
{
    private ScoranAppFactory? _factory;
    private HttpClient? _client;

    protected HttpClient Client
    {
        get
        {
            imported.RequireAvailable();
            return _client!;
        }
    }

    protected HttpClient CreateClient(WebApplicationFactoryClientOptions options)
    {
        imported.RequireAvailable();
        return _factory!.CreateClient(options);
    }

    /// <summary>The imported database, once its engine is known to be available.</summary>
    protected ImportedTerritories Imported
    {
        get
        {
            imported.RequireAvailable();
            return imported;
        }
    }

    /// <summary>The application's services, to set up what a test needs (an account, say).</summary>
    protected IServiceProvider Services
    {
        get
        {
            imported.RequireAvailable();
            return _factory!.Services;
        }
    }

    public ValueTask InitializeAsync()
    {
        if (imported.SkipReason is null)
        {
            _factory = new ScoranAppFactory(imported.Database.Storage);
            _client = _factory.CreateClient();
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _factory?.DisposeAsync() ?? ValueTask.CompletedTask;
}
