using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Scoran.Resources;

public static class ResourcesModule
{
    /// <summary>Registers this capability's importers, queries and rules; the host provides DbContext, IBulkWriter and TimeProvider.</summary>
    public static IServiceCollection AddResources(this IServiceCollection services)
    {
        services.AddSingleton<Scoran.Territories.Geography.CommunePointsStore>();
        services.AddScoped<Places.PlaceImporter>();
        services.AddScoped<Places.PlaceQueries>();
        services.AddScoped<Places.PlaceLocator>();
        services.AddScoped<Places.PlaceMappings>();
        services.AddScoped<Places.PlaceDuplicates>();
        services.AddScoped<Scoran.Core.Imports.IDatasetFileImport, Places.PlaceFileImport>();
        services.AddScoped<Accessibility.AccessibilityQueries>();
        // Bound from configuration when the host has one (web, CLI); plain defaults otherwise (tests building their own services).
        services.AddOptions<Documents.ResourcesOptions>();
        services.AddSingleton<IConfigureOptions<Documents.ResourcesOptions>>(sp => new ConfigureOptions<Documents.ResourcesOptions>(
            o => sp.GetService<IConfiguration>()?.GetSection(Documents.ResourcesOptions.Section).Bind(o)));
        services.AddScoped<Contributions.ModerationService>();
        services.AddScoped<Documents.DocumentSearchIndex>();
        services.AddScoped<Documents.DocumentLibrary>();
        services.AddScoped<Agenda.AgendaQueries>();
        services.AddScoped<Actors.ActorDirectory>();
        services.AddScoped<Projects.ProjectDirectory>();
        services.AddScoped<Projects.ProjectEditing>();
        services.AddScoped<Search.ResourceSearch>();
        services.AddScoped<Search.IResourceSearchSource, Search.ActorSearchSource>();
        services.AddScoped<Search.IResourceSearchSource, Search.ProjectSearchSource>();
        services.AddScoped<Search.IResourceSearchSource, Search.EventSearchSource>();
        services.AddScoped<Search.IResourceSearchSource, Search.DocumentSearchSource>();
        services.AddScoped<Search.IResourceSearchSource, Search.PlaceSearchSource>();
        services.AddScoped<Contributions.DemonstrationEntries>();
        return services;
    }
}
