using Scoran.Territories.Geography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Scoran.Observatory.Measurements;

public static class MeasurementsModule
{
    /// <summary>Crowdsourced measurements; the host binds <see cref="MeasurementOptions"/> from configuration.</summary>
    public static IServiceCollection AddMeasurements(this IServiceCollection services)
    {
        services.AddOptions<MeasurementOptions>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<CommuneLocator>();
        services.AddScoped<MeasurementIngestion>();
        services.AddScoped<MeasurementQueries>();
        services.AddScoped<Mobile.IMeasuredQualitySource>(sp => sp.GetRequiredService<MeasurementQueries>());
        services.AddScoped<MeasurementCampaigns>();
        services.AddScoped<MeasurementRetention>();
        return services;
    }
}
