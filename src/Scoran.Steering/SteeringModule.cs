using Microsoft.Extensions.DependencyInjection;
using Scoran.Steering.Exchange;
using Scoran.Steering.Indicators;
using Scoran.Steering.Reviews;

namespace Scoran.Steering;

public static class SteeringModule
{
    /// <summary>Registers this capability's importers, queries and rules; the host provides DbContext, IBulkWriter and TimeProvider.</summary>
    public static IServiceCollection AddSteering(this IServiceCollection services)
    {
        services.AddScoped<StrategyStore>();
        services.AddScoped<BarometreImporter>();
        services.AddScoped<SteeringService>();
        services.AddScoped<ComputedIndicators>();
        services.AddScoped<SteeringQueries>();
        return services;
    }
}
