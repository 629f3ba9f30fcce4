using Microsoft.Extensions.DependencyInjection;
using Scoran.Funding.Import;

namespace Scoran.Funding;

public static class FundingModule
{
    /// <summary>Registers this capability's importers, queries and rules; the host provides DbContext, IBulkWriter and TimeProvider.</summary>
    public static IServiceCollection AddFunding(this IServiceCollection services)
    {
        services.AddScoped<SchemeCatalogImporter>();
        services.AddScoped<FundingService>();
        return services;
    }
}
