using Microsoft.Extensions.DependencyInjection;

namespace Scoran.Resources;

public static class ResourcesModule
{
    /// <summary>Registers this capability's importers, queries and rules; the host provides DbContext, IBulkWriter and TimeProvider.</summary>
    public static IServiceCollection AddResources(this IServiceCollection services)
    {
        return services;
    }
}
