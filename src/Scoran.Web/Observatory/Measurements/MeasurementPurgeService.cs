using Microsoft.Extensions.Options;
using Scoran.Observatory.Measurements;

namespace Scoran.Web.Observatory.Measurements;

/// <summary>
/// Runs the retention purge of raw positions (<see cref="MeasurementRetention"/>, the same code and
/// audit entry as <c>scoran measurements purge</c>) inside the web app: first
/// <see cref="MeasurementOptions.PurgeStartDelay"/> after start, then every
/// <see cref="MeasurementOptions.PurgeInterval"/> (zero: disabled). A failed run (database down,
/// lock) is logged and retried at the next tick: retention must never take the site down.
/// </summary>
public sealed partial class MeasurementPurgeService(IServiceScopeFactory scopes, IOptions<MeasurementOptions> options, TimeProvider clock, ILogger<MeasurementPurgeService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.PurgeInterval;
        if (interval <= TimeSpan.Zero)
        {
            LogDisabled(logger);
            return;
        }

        try
        {
            await Task.Delay(options.Value.PurgeStartDelay > TimeSpan.Zero ? options.Value.PurgeStartDelay : TimeSpan.Zero, clock, stoppingToken);
            using var timer = new PeriodicTimer(interval, clock);
            do
            {
                await RunOnceAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host shutting down.
        }
    }

    /// <summary>One purge; the number of rows purged, or null when it failed (logged).</summary>
    public async Task<int?> RunOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var purged = await scope.ServiceProvider.GetRequiredService<MeasurementRetention>().PurgeAsync(null, cancellationToken);
            LogPurged(logger, purged, options.Value.RetentionDays);
            return purged;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogFailed(logger, ex, options.Value.PurgeInterval);
            return null;
        }
    }

    [LoggerMessage(EventId = 7101, Level = LogLevel.Information, Message = "Measurements retention purge: {Rows} measurement(s) older than {Days} days stripped of their raw position.")]
    private static partial void LogPurged(ILogger logger, int rows, int days);

    [LoggerMessage(EventId = 7102, Level = LogLevel.Error, Message = "Measurements retention purge failed; next attempt in {Interval}.")]
    private static partial void LogFailed(ILogger logger, Exception exception, TimeSpan interval);

    [LoggerMessage(EventId = 7103, Level = LogLevel.Information, Message = "Measurements retention purge disabled in the web app (Scoran:Measurements:PurgeInterval <= 0).")]
    private static partial void LogDisabled(ILogger logger);
}
