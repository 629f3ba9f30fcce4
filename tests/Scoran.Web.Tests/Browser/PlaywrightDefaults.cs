using System.Runtime.CompilerServices;
using Microsoft.Playwright;

namespace Scoran.Web.Tests.Browser;

/// <summary>
/// Playwright's assertions wait 5 s by default. The browser tests run beside dozens of other hosts
/// on CI machines with two cores, where a map's first WebGL frame under SwiftShader or a chart's first
/// draw can take longer than that; a passing assertion returns as soon as it holds, so a longer
/// ceiling costs nothing when things are right and only tells slowness apart from a defect.
/// Navigations and actions likewise: a page load that took over Playwright's 30 s default was seen
/// once with every core busy (a whole suite beside two builds); a defect still fails, only later.
/// </summary>
internal static class PlaywrightDefaults
{
    public const float ActionTimeout = 60_000;

    public const float NavigationTimeout = 90_000;

    [ModuleInitializer]
    internal static void WaitLongerOnBusyMachines() => Assertions.SetDefaultExpectTimeout(20_000);

    /// <summary>Applies the ceilings above to a new browser context.</summary>
    public static IBrowserContext WithBusyMachineTimeouts(this IBrowserContext context)
    {
        context.SetDefaultTimeout(ActionTimeout);
        context.SetDefaultNavigationTimeout(NavigationTimeout);
        return context;
    }
}
