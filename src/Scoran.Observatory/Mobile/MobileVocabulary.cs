using System.Globalization;
using System.Text.RegularExpressions;
using Scoran.Core.Text;
using Scoran.Observatory.Model;

namespace Scoran.Observatory.Mobile;

/// <summary>A mobile network operator of metropolitan France: Scoran's id, its name, and its MCC-MNC (what a phone reports).</summary>
public sealed record MobileOperator(string Id, string Name, string MccMnc);

/// <summary>
/// The four operators of metropolitan France. Files name them in many ways ("OF", "Bouygues
/// Telecom", "20820"): every spelling is brought to one id on import, so sums never split an operator.
/// </summary>
public static class MobileOperators
{
    public static readonly IReadOnlyList<MobileOperator> All =
    [
        new("orange", "Orange", "20801"),
        new("sfr", "SFR", "20810"),
        new("bouygues", "Bouygues Telecom", "20820"),
        new("free", "Free Mobile", "20815"),
    ];

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["orange"] = "orange", ["of"] = "orange", ["orf"] = "orange", ["20801"] = "orange", ["208 01"] = "orange",
        ["sfr"] = "sfr", ["20810"] = "sfr", ["208 10"] = "sfr",
        ["bouygues"] = "bouygues", ["bouygues telecom"] = "bouygues", ["byt"] = "bouygues", ["bytel"] = "bouygues", ["bt"] = "bouygues", ["20820"] = "bouygues", ["208 20"] = "bouygues",
        ["free"] = "free", ["free mobile"] = "free", ["fm"] = "free", ["frm"] = "free", ["20815"] = "free", ["208 15"] = "free",
    };

    public static MobileOperator? Find(string id) => All.FirstOrDefault(o => o.Id == id);

    public static string Name(string id) => Find(id)?.Name ?? id;

    /// <summary>The operator of an MCC-MNC code (measurements), or null.</summary>
    public static MobileOperator? ByMccMnc(string code) => All.FirstOrDefault(o => o.MccMnc == code.Replace(" ", "").Replace("-", ""));

    /// <summary>The operator id of a file value; <paramref name="extra"/> are a mapping's own aliases (already normalised keys).</summary>
    public static string? Resolve(string value, IReadOnlyDictionary<string, string>? extra = null)
    {
        var key = MobileText.Key(value);
        if (extra is not null && extra.TryGetValue(key, out var mapped))
        {
            key = MobileText.Key(mapped);
        }

        return Aliases.GetValueOrDefault(key);
    }
}

public static class MobileTechnologies
{
    public static readonly IReadOnlyList<string> All = ["2G", "3G", "4G", "5G"];

    public static string? Resolve(string value, IReadOnlyDictionary<string, string>? extra = null)
    {
        var key = MobileText.Key(value);
        if (extra is not null && extra.TryGetValue(key, out var mapped))
        {
            key = MobileText.Key(mapped);
        }

        return key switch
        {
            "2g" or "gsm" => "2G",
            "3g" or "umts" => "3G",
            "4g" or "lte" => "4G",
            "5g" or "nr" => "5G",
            _ => null,
        };
    }
}

/// <summary>
/// Coverage levels of Arcep's maps (« très bonne couverture », « bonne couverture », « couverture
/// limitée »). A figure at a level counts what is covered at least at that level, so "bonne"
/// includes "très bonne": the headline indicators read "bonne".
/// </summary>
public static class MobileLevels
{
    public const string VeryGood = "tres-bonne";
    public const string Good = "bonne";
    public const string Limited = "limitee";

    public static readonly IReadOnlyList<string> All = [Good, VeryGood, Limited];

    public static string Label(string level) => level switch
    {
        VeryGood => "très bonne couverture",
        Good => "bonne couverture ou mieux",
        Limited => "couverture limitée ou mieux",
        _ => level,
    };

    public static string? Resolve(string value, IReadOnlyDictionary<string, string>? extra = null)
    {
        var key = MobileText.Key(value);
        if (extra is not null && extra.TryGetValue(key, out var mapped))
        {
            key = MobileText.Key(mapped);
        }

        return key switch
        {
            "tres bonne" or "tres bonne couverture" or "tbc" => VeryGood,
            "bonne" or "bonne couverture" or "bc" or "couvert" or "couverture" => Good,
            "limitee" or "couverture limitee" or "cl" => Limited,
            _ => null,
        };
    }
}

/// <summary>Statuses of a New Deal site: planned (not yet in service) or in service; "late" is derived, never stored.</summary>
public static class NewDealStatuses
{
    public const string Planned = "planned";
    public const string InService = "in-service";

    public static string? Resolve(string value, IReadOnlyDictionary<string, string>? extra = null)
    {
        var key = MobileText.Key(value);
        if (extra is not null && extra.TryGetValue(key, out var mapped))
        {
            key = MobileText.Key(mapped);
        }

        return key switch
        {
            "planned" or "a construire" or "prevu" or "en cours" or "en construction" or "en projet" or "arrete" => Planned,
            "in service" or "en service" or "mis en service" or "ouvert" or "actif" => InService,
            _ => null,
        };
    }

    public static string Label(string status, bool late) => status == InService ? "en service" : late ? "en retard" : "prévu";
}

/// <summary>Vintages of mobile files: a quarter, written 2025T4, T4 2025, 2025-T4 or 2025_t4 (folder names use the last).</summary>
public static partial class MobileVintage
{
    [GeneratedRegex(@"^\s*(\d{4})\s*[-_ ]?\s*[tT]([1-4])\s*$")]
    private static partial Regex YearFirst();

    public static bool TryParse(string? text, out Quarter quarter)
    {
        var match = YearFirst().Match(text ?? "");
        if (match.Success)
        {
            quarter = new Quarter(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), match.Groups[2].Value[0] - '0');
            return true;
        }

        return Quarter.TryParse(text, out quarter);
    }

    /// <summary>The key stored in the tables: 2025T4 → 20254.</summary>
    public static string Format(int key) => Format(Quarter.FromKey(key));

    public static string Format(Quarter quarter) => $"{quarter.Year}T{quarter.Number}";
}

internal static class MobileText
{
    /// <summary>Lower case, no accents, single spaces: "Très Bonne  Couverture" → "tres bonne couverture".</summary>
    public static string Key(string value) => string.Join(' ', SearchText.Normalize(value).Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
