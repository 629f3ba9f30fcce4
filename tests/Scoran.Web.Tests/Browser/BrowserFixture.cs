using Microsoft.AspNetCore.Mvc.Testing;
using Scoran.Testing;

namespace Scoran.Web.Tests.Browser;

/// <summary>
/// The real application over the shared SQLite import, and Chromium (see <see cref="ChromiumFixture"/>).
/// </summary>
public sealed class BrowserFixture(SqliteImportedTerritories imported) : ChromiumFixture
{
    protected override Task<WebApplicationFactory<Program>> StartApplicationAsync() =>
        Task.FromResult<WebApplicationFactory<Program>>(Serve(new ScoranAppFactory(imported.Database.Storage)));
}
