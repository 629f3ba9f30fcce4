using Microsoft.Extensions.DependencyInjection;

namespace Scoran.Steering;

public static class SteeringModule
{
    /// <summary>Registers this capability's importers, queries and rules; the host provides DbContext, IBulkWriter and TimeProvider.</summary>
    public static IServiceCollection AddSteering(this IServiceCollection services)
    {
        return services;
    }
}
