using System.Diagnostics;
using System.Globalization;

namespace Scoran.Core;

/// <summary>
/// The platform's clock. Every rule that depends on "today" reads the <see cref="TimeProvider"/> registered
/// by the host, never <c>DateTime.UtcNow</c>, so that the clock can be set: by tests (a suite that reads the
/// calendar turns red the day a hard-coded date passes) and for reproducible crawls and demonstrations.
/// </summary>
public static class ScoranClock
{
    /// <summary>Configuration key (environment <c>Scoran__Clock__Start</c>): an ISO 8601 instant the clock starts at.</summary>
    public const string StartSetting = "Scoran:Clock:Start";

    /// <summary>The system clock when <paramref name="start"/> is empty, otherwise a clock started at that instant.</summary>
    /// <exception cref="FormatException">The setting is not an ISO 8601 instant with an offset.</exception>
    public static TimeProvider FromSetting(string? start)
    {
        if (string.IsNullOrWhiteSpace(start))
        {
            return TimeProvider.System;
        }

        if (!DateTimeOffset.TryParseExact(start.Trim(), ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"], CultureInfo.InvariantCulture,
                DateTimeStyles.None, out var instant))
        {
            throw new FormatException($"{StartSetting} = « {start} » : instant ISO 8601 avec fuseau attendu, par exemple 2026-12-01T09:00:00Z.");
        }

        return new StartedClock(instant);
    }
}

/// <summary>
/// A clock that reads <paramref name="start"/> when created and then runs at the normal pace, so that
/// successive events keep their order while the date stays the one chosen, whatever the calendar says.
/// </summary>
public sealed class StartedClock(DateTimeOffset start) : TimeProvider
{
    // Elapsed time comes from the monotonic counter: changing the wall clock (or faketime) does not move it.
    private readonly long _origin = Stopwatch.GetTimestamp();

    /// <summary>The instant this clock was started at.</summary>
    public DateTimeOffset Start { get; } = start.ToUniversalTime();

    public override DateTimeOffset GetUtcNow() => Start + Stopwatch.GetElapsedTime(_origin);
}
