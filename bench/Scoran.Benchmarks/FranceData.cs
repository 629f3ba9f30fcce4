using Microsoft.Extensions.DependencyInjection;
using Scoran.Territories.Import;

namespace Scoran.Benchmarks;

/// <summary>Loads what tests/Scoran.Testing/ImportedTerritories.cs loads: France, then the BFC outlines.</summary>
public static class FranceData
{
    public const string ContoursSource = "bench: data/contours/bfc";

    public static Task<TerritorySet> ReadAsync() => DecoupageAdministratifSource.ReadAsync(BenchPaths.Territories);

    public static async Task<TerritoriesImportReport> ImportTerritoriesAsync(ServiceProvider services, TerritorySet set)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TerritoriesImporter>().ImportAsync(set, force: true);
    }

    public static async Task<ContoursImportReport> ImportContoursAsync(ServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ContoursImporter>().ImportAsync(await ContoursImporter.ReadAsync(BenchPaths.BfcContourFiles()), ContoursSource, force: true);
    }
}
