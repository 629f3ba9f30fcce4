using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Scoran.Accounts;
using Scoran.Data;
using Scoran.Observatory;
using Scoran.Steering;
using Scoran.Resources;
using Scoran.Funding;
using Scoran.Territories;

namespace Scoran.Cli;

/// <summary>The services a CLI verb needs, configured like the web application (appsettings + environment).</summary>
internal static class CliHost
{
    public static ServiceProvider Create(string? provider, string? connection)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .Build();
        var storage = DataModule.ReadStorageOptions(configuration);
        if (provider is not null)
        {
            storage.Provider = Enum.Parse<DatabaseProvider>(provider, ignoreCase: true);
        }

        if (connection is not null)
        {
            storage.ConnectionString = connection;
        }

        var services = new ServiceCollection();
        services.AddLogging(b => b.AddConfiguration(configuration.GetSection("Logging")).SetMinimumLevel(LogLevel.Warning));
        services.AddScoranData(storage);
        services.AddSingleton(Scoran.Core.ScoranClock.FromSetting(configuration[Scoran.Core.ScoranClock.StartSetting]));
        services.AddTerritories();
        services.AddObservatory();
        services.Configure<Scoran.Observatory.Measurements.MeasurementOptions>(configuration.GetSection(Scoran.Observatory.Measurements.MeasurementOptions.Section));
        services.AddSteering();
        services.AddResources();
        services.AddFunding();
        services.AddScoranAccounts<ScoranDbContext>();
        return services.BuildServiceProvider();
    }
}
