using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Scoran.Data;

namespace Scoran.Web;

/// <summary>
/// Healthy only when the database answers and its schema is up to date: a reachable but
/// unmigrated database would fail on the first page, so it must not look healthy.
/// </summary>
internal sealed class DatabaseHealthCheck(ScoranDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            if (!await db.Database.CanConnectAsync(cancellationToken))
            {
                return HealthCheckResult.Unhealthy("base de données injoignable");
            }

            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            return pending.Count == 0
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"{pending.Count} migration(s) en attente : lancez scoran db migrate");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("base de données en erreur", ex);
        }
    }
}
