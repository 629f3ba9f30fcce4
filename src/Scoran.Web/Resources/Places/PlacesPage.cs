using System.Globalization;
using Scoran.Resources.Accessibility;
using Scoran.Web.Shared;

namespace Scoran.Web.Resources.Places;

/// <summary>Formatting shared by the places and accessibility pages.</summary>
public static class PlacesPage
{
    public static string Km(double meters) => meters < 1000
        ? meters.ToString("0", Display.French) + " m"
        : (meters / 1000).ToString("0.0", Display.French) + " km";

    public static string Percent(double share) => (share * 100).ToString("0.0", Display.French) + " %";

    public static string Decimal(decimal? value) => value is null ? "—" : value.Value.ToString("0.00", Display.French);

    public static string Invariant(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);

    /// <summary>Wall-clock time in France, the time the opening hours are written in.</summary>
    public static DateTime ParisNow(TimeProvider clock)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        return TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime;
    }

    public static string Indicator(AccessibilityIndicators i) => $"{i.MeanDistanceKm.ToString("0.00", Display.French)} km";
}
