using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Scoran.Testing;

namespace Scoran.Web.Tests.Browser;

/// <summary>
/// A browser fixture over a SQLite database of its own, for pages that need data the shared
/// import does not load or scenarios that write (uploads, proposals) and must not reach the
/// shared database. Subclasses say how the database is made and, if needed, what the running
/// application must hold before the first page opens.
/// </summary>
public abstract class OwnDatabaseBrowserFixture : ChromiumFixture
{
    private TestDatabase? _database;

    /// <summary>The database, migrated, with whatever can be loaded without the application's services.</summary>
    protected abstract Task<TestDatabase> CreateDatabaseAsync();

    /// <summary>Configuration the application runs with in these scenarios (none by default).</summary>
    protected virtual IReadOnlyDictionary<string, string>? Settings => null;

    /// <summary>
    /// Loads reference content through the running application's own services (capability
    /// registrations the test database's service set does not have); nothing by default.
    /// </summary>
    protected virtual Task SeedAsync(IServiceProvider services) => Task.CompletedTask;

    protected sealed override async Task<WebApplicationFactory<Program>> StartApplicationAsync()
    {
        _database = await CreateDatabaseAsync();
        var factory = Serve(new ScoranAppFactory(_database.Storage, Settings));
        await using var scope = factory.Services.CreateAsyncScope();
        await SeedAsync(scope.ServiceProvider);
        return factory;
    }

    protected override async ValueTask DisposeDataAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
