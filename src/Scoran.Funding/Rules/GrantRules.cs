using System.Globalization;
using Scoran.Funding.Model;

namespace Scoran.Funding.Rules;

/// <summary>
/// The arithmetic of one scheme on one eligible base. Every amount is rounded DOWN to the cent
/// (a funder never pays a fraction of a cent more than its rule allows), so the result never
/// exceeds rate × base nor the ceiling.
/// </summary>
public static class GrantRules
{
    /// <summary>The general rule of the Région (« J'apporte 20 % d'autofinancement »): public aid ≤ 80 % of the project cost.</summary>
    public const decimal MaxPublicAidPercent = 80m;

    /// <summary>Years a holder has to complete the project (« Je dispose de 3 ans pour mener mon projet »).</summary>
    public const int CompletionYears = 3;

    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static decimal FloorToCent(decimal value) => Math.Floor(value * 100m) / 100m;

    public static string Euros(decimal value) => value.ToString(value == decimal.Truncate(value) ? "#,0" : "#,0.00", French) + " €";

    public static string Percent(decimal value) => value.ToString("0.##", French) + " %";

    /// <summary>Effective rate: the scheme's rate plus its bonus in percentage points when the bonus condition is met.</summary>
    public static decimal? Rate(AidScheme scheme, bool bonus) =>
        scheme.RatePercent is { } rate ? rate + (bonus && scheme.BonusPercentPoints is { } b ? b : 0m) : null;

    /// <summary>Effective ceiling: per year or per FTE ceilings are multiplied by the number of years or FTE (at least 1).</summary>
    public static decimal? Ceiling(AidScheme scheme, decimal units) => scheme.CeilingEuros is not { } c ? null : scheme.CeilingPeriod switch
    {
        CeilingPeriod.PerYear or CeilingPeriod.PerFte => c * Math.Max(1m, units),
        _ => c,
    };

    /// <summary>Maximum amount of the scheme on <paramref name="base"/> and the sentence explaining which rule set it.</summary>
    public static GrantComputation Compute(AidScheme scheme, decimal @base, bool bonus = false, decimal units = 1m)
    {
        var rate = Rate(scheme, bonus);
        var ceiling = Ceiling(scheme, units);
        if (rate is null)
        {
            return ceiling is { } only
                ? new GrantComputation(Math.Min(only, @base), null, ceiling, true, $"Plafond de {Euros(only)} (taux non publié)")
                : new GrantComputation(null, null, null, false, "Taux et plafond non publiés : montant à établir avec le financeur");
        }

        var byRate = FloorToCent(rate.Value / 100m * @base);
        var rateText = $"{Percent(rate.Value)} × {Euros(@base)} = {Euros(byRate)}";
        if (ceiling is { } cap && byRate > cap)
        {
            return new GrantComputation(cap, rate, ceiling, true, $"{rateText} > plafond {Euros(cap)}{PeriodText(scheme, units)} : plafonné à {Euros(cap)}");
        }

        return new GrantComputation(byRate, rate, ceiling, false,
            ceiling is { } c2 ? $"{rateText} ≤ plafond {Euros(c2)}{PeriodText(scheme, units)}" : $"{rateText} (pas de plafond publié)");
    }

    private static string PeriodText(AidScheme scheme, decimal units) => scheme.CeilingPeriod switch
    {
        CeilingPeriod.PerYear => $" ({Euros(scheme.CeilingEuros!.Value)} par an × {Math.Max(1m, units).ToString("0.##", French)})",
        CeilingPeriod.PerFte => $" ({Euros(scheme.CeilingEuros!.Value)} par ETP × {Math.Max(1m, units).ToString("0.##", French)})",
        _ => "",
    };
}

/// <param name="Amount">Maximum aid in euros, null when the source gives no rule.</param>
/// <param name="CappedByCeiling">True when the ceiling, not the rate, set the amount.</param>
public sealed record GrantComputation(decimal? Amount, decimal? Rate, decimal? Ceiling, bool CappedByCeiling, string Explanation);
