using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Scoran.Territories.Model;

namespace Scoran.Observatory.Targets;

/// <summary>
/// A public target on an indicator: a threshold to reach by a date, for every territory or for
/// one. Targets are data (targets.json, embedded), not code, so a région adds its own by
/// editing that file.
/// </summary>
public sealed record Target(
    string Id,
    string Name,
    string Indicator,
    decimal Threshold,
    DateOnly Deadline,
    string Scope,
    TargetTerritory? Territory,
    string Source)
{
    /// <summary>Whether the target concerns this territory: national ones apply everywhere.</summary>
    public bool AppliesTo(TerritoryKind kind, string code, string? regionCode) => Territory switch
    {
        null => true,
        { Kind: "region" } t => t.Code == (kind == TerritoryKind.Region ? code : regionCode),
        var t => TerritoryKinds.TryParse(t.Kind, out var k) && k == kind && t.Code == code,
    };
}

public sealed record TargetTerritory(string Kind, string Code);

/// <summary>The indicators Scoran can compute today; a target on another one is listed as not yet measurable.</summary>
public static class TargetIndicators
{
    public const string FtthCoverage = "ftth-coverage";
    public const string BhdCoverage = "bhd-coverage";
    public const string ThdCoverage = "thd-coverage";
    public const string Thd100Coverage = "thd100-coverage";
    public const string GigabitCoverage = "gigabit-coverage";

    /// <summary>Target indicators measured from « Ma connexion internet », and the indicator of that data set each one reads.</summary>
    public static readonly IReadOnlyDictionary<string, string> FromConnexion = new Dictionary<string, string>
    {
        [BhdCoverage] = Connexion.ConnexionIndicator.Bhd8,
        [ThdCoverage] = Connexion.ConnexionIndicator.Thd30,
        [Thd100Coverage] = Connexion.ConnexionIndicator.Thd100,
        [GigabitCoverage] = Connexion.ConnexionIndicator.Gigabit,
    };

    public static bool IsAvailable(string indicator) => indicator == FtthCoverage || FromConnexion.ContainsKey(indicator);
}

public static class TargetCatalog
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { NumberHandling = JsonNumberHandling.Strict };

    /// <summary>The targets shipped with Scoran (national plan, EU, SCORAN BFC).</summary>
    public static IReadOnlyList<Target> Shipped { get; } = Load();

    private static IReadOnlyList<Target> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Scoran.Observatory.Targets.targets.json")
            ?? throw new InvalidOperationException("targets.json is not embedded.");
        return JsonSerializer.Deserialize<List<Target>>(stream, Options) ?? [];
    }
}
