using Microsoft.Extensions.DependencyInjection;
using Scoran.Observatory.Measurements;
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
        services.AddScoped<ArcepFtthWideImporter>();
        services.AddScoped<Scoran.Core.Imports.IDatasetFileImport, ArcepFtthWideFileImport>();
        services.AddScoped<FtthQueries>();
        services.AddScoped<Targets.TargetQueries>();
        services.AddScoped<Commitments.CommitmentImporter>();
        services.AddScoped<Commitments.CommitmentQueries>();
        services.AddScoped<Scoran.Core.Imports.IDatasetFileImport, Commitments.CommitmentFileImport>();
        services.AddScoped<ReleaseDiffQueries>();
        services.AddScoped<Connexion.ConnexionImporter>();
        services.AddScoped<Scoran.Core.Imports.IDatasetFileImport, Connexion.ConnexionFileImport>();
        services.AddScoped<Connexion.ConnexionQueries>();
        services.AddSingleton<Eligibility.EligibilityStore>();
        services.AddScoped<Eligibility.EligibilityImporter>();
        services.AddScoped<Scoran.Core.Imports.IDatasetFileImport, Eligibility.EligibilityFileImport>();
        services.AddScoped<Eligibility.EligibilityQueries>();
        services.AddScoped<Mobile.MobileImporter>();
        services.AddScoped<Scoran.Core.Imports.IDatasetFileImport, Mobile.MobileCoverageFileImport>();
        services.AddScoped<Scoran.Core.Imports.IDatasetFileImport, Mobile.NewDealSitesFileImport>();
        services.AddScoped<Mobile.MobileQueries>();
        services.AddScoped<Mobile.TheoryVsMeasured>();
        Mobile.ContradictionOptions.Register(services);
        services.AddScoped<Mobile.MobileAntennaImporter>();
        services.AddScoped<Mobile.MobileAntennaQueries>();
        services.AddScoped<Scoran.Core.Imports.IDatasetFileImport, Mobile.MobileAntennaFileImport>();
        services.AddMeasurements();
        return services;
    }
}
