using Microsoft.Extensions.DependencyInjection;
using Scoran.Data;
using Scoran.Territories.Import;
using Scoran.Testing;

namespace Scoran.Web.Tests.Api;

/// <summary>A database of its own for the measurement tests: the territories, and the commune outlines of Côte-d'Or only (enough to place points in Dijon and Beaune).</summary>
public static class MeasurementsTestData
{
    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider, string name)
    {
        var database = await TestDatabase.CreateAsync(provider, name, TestTemplates.France);
        await database.WithScopeAsync(async sp =>
        {
            var cotedor = SharedData.BfcContourFiles().Where(f => f.Contains("communes-21", StringComparison.Ordinal)).ToList();
            await sp.GetRequiredService<ContoursImporter>().ImportAsync(await ContoursImporter.ReadAsync(cotedor), "shared/data/geo/france-geojson (21)");
        });
        return database;
    }

    /// <summary>A measurement body at a given position, taken a few minutes ago.</summary>
    public static object Item(string id, double lat, double lon, string installation, string op = "20801", double rsrp = -98, string? campaign = null) => new
    {
        id, time = TestClock.Now.AddMinutes(-3), lat, lon, accuracy = 8, @operator = op, technology = "4G",
        rsrp, rsrq = -10, sinr = 9, downloadMbps = 31.5, uploadMbps = 6.2, latencyMs = 41, indoor = false,
        appVersion = "test/1.0", device = "Pixel test", installationId = installation, campaign,
    };
}
