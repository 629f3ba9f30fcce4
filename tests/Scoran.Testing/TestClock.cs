using System.Globalization;
using Scoran.Core;

namespace Scoran.Testing;

/// <summary>
/// The one clock of the test run: it starts at a fixed instant and then runs, so tests give the same
/// answers whatever the calendar says (a run under <c>faketime '+365d'</c> or <c>'-365d'</c> included).
/// Every test host and service provider uses it; dates in tests are written relative to <see cref="Today"/>.
/// </summary>
public static class TestClock
{
    /// <summary>Tuesday 1 December 2026, 10:00 in Paris: the day the oldest fixed dates of the suite were written for.</summary>
    public static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    /// <summary>The shared clock; its date stays <see cref="Start"/>'s for the whole run (it would take 14 hours to change).</summary>
    public static StartedClock Instance { get; } = new(Start);

    public static DateTimeOffset Now => Instance.GetUtcNow();

    /// <summary>Today's date (UTC), the date the application sees.</summary>
    public static DateOnly Today => DateOnly.FromDateTime(Now.UtcDateTime);

    /// <summary>A date relative to today, formatted as HTML date inputs and the API take it (yyyy-MM-dd).</summary>
    public static string Day(int offset) => Today.AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The setting that makes a host started from configuration (a CLI process, the browser host) read this clock now.</summary>
    public static KeyValuePair<string, string> Setting() =>
        new(ScoranClock.StartSetting, Now.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffffK", CultureInfo.InvariantCulture));
}

/// <summary>Service registrations of test code.</summary>
public static class TestServices
{
    /// <summary><c>AddScoranData</c> with the run's clock (<see cref="TestClock"/>) instead of the calendar.</summary>
    public static Microsoft.Extensions.DependencyInjection.IServiceCollection AddScoranTestData(
        this Microsoft.Extensions.DependencyInjection.IServiceCollection services, Scoran.Data.StorageOptions storage)
    {
        Scoran.Data.DataModule.AddScoranData(services, storage);
        Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton<TimeProvider>(services, TestClock.Instance);
        return services;
    }
}
