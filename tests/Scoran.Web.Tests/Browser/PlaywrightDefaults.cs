using System.Runtime.CompilerServices;
using Microsoft.Playwright;

namespace Scoran.Web.Tests.Browser;

/// <summary>
/// Playwright's assertions wait 5 s by default. The browser tests run beside dozens of other hosts
/// on CI machines with two cores, where a map's first WebGL frame under SwiftShader or a chart's first
/// draw can take longer than that; a passing assertion returns as soon as it holds, so a longer
/// ceiling costs nothing when things are right and only tells slowness apart from a defect.
/// </summary>
internal static class PlaywrightDefaults
{
    [ModuleInitializer]
    internal static void WaitLongerOnBusyMachines() => Assertions.SetDefaultExpectTimeout(20_000);
}
