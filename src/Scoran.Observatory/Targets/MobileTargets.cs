namespace Scoran.Observatory.Targets;

/// <summary>Target indicators of the mobile observatory (targets.json).</summary>
public static class MobileTargets
{
    /// <summary>Share of the population with good 4G coverage from at least one operator (lower bound: best operator of each commune).</summary>
    public const string Coverage4G = "mobile-4g-coverage";

    public static bool IsMobile(string indicator) => indicator.StartsWith("mobile-", StringComparison.Ordinal);
}
