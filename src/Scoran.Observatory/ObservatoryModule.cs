using Microsoft.Extensions.DependencyInjection;
using Scoran.Observatory.Import.Arcep;
using Scoran.Observatory.Queries;

namespace Scoran.Observatory;

public static class ObservatoryModule
{
    /// <summary>Registers the observatory's importers and queries; the host provides DbContext, IBulkWriter and TimeProvider.</summary>
    public static IServiceCollection AddObservatory(this IServiceCollection services)
    {
        services.AddScoped<ArcepFtthImporter>();
        services.AddScoped<Scoran.Core.Imports.IDatasetFileImport, ArcepFtthFileImport>();
        services.AddScoped<FtthQueries>();
        services.AddScoped<Targets.TargetQueries>();
        services.AddScoped<Commitments.CommitmentImporter>();
        services.AddScoped<Commitments.CommitmentQueries>();
        services.AddScoped<ReleaseDiffQueries>();
        services.AddSingleton<Eligibility.EligibilityStore>();
        services.AddScoped<Eligibility.EligibilityImporter>();
        services.AddScoped<Scoran.Core.Imports.IDatasetFileImport, Eligibility.EligibilityFileImport>();
        services.AddScoped<Eligibility.EligibilityQueries>();
        return services;
    }
}
