using Microsoft.Extensions.DependencyInjection;
using Scoran.Territories.Import;
using Scoran.Territories.Queries;

namespace Scoran.Territories;

public static class TerritoriesModule
{
    /// <summary>Registers the territories queries and importers; the host provides DbContext, IBulkWriter and TimeProvider.</summary>
    public static IServiceCollection AddTerritories(this IServiceCollection services)
    {
        services.AddScoped<TerritoryQueries>();
        services.AddScoped<TerritoriesImporter>();
        services.AddScoped<ContoursImporter>();
        return services;
    }
}
