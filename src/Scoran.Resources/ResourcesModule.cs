using Microsoft.Extensions.DependencyInjection;

namespace Scoran.Resources;

public static class ResourcesModule
{
    /// <summary>Registers this capability's importers, queries and rules; the host provides DbContext, IBulkWriter and TimeProvider.</summary>
    public static IServiceCollection AddResources(this IServiceCollection services)
    {
        services.AddSingleton<Accessibility.CommunePointsStore>();
        services.AddScoped<Places.PlaceImporter>();
        services.AddScoped<Places.PlaceQueries>();
        services.AddScoped<Places.PlaceLocator>();
        services.AddScoped<Places.PlaceMappings>();
        services.AddScoped<Places.PlaceDuplicates>();
        services.AddScoped<Scoran.Core.Imports.IDatasetFileImport, Places.PlaceFileImport>();
        services.AddScoped<Accessibility.AccessibilityQueries>();
        return services;
    }
}
