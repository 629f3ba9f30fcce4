using System.Globalization;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Scoran.Steering.Indicators;
using Scoran.Steering.Model;
using Scoran.Web.Shared;

namespace Scoran.Web.Steering;

/// <summary>French formatting and small drawings shared by the steering pages.</summary>
public static class SteeringDisplay
{
    public static string StrategyUrl(string code) => $"/pilotage/strategie/{code}";

    public static string ActionUrl(string strategy, string code) => $"/pilotage/strategie/{strategy}/action/{Uri.EscapeDataString(code)}";

    public static string IndicatorUrl(string strategy, string code) => $"/pilotage/strategie/{strategy}/indicateur/{Uri.EscapeDataString(code)}";

    public static string MeetingUrl(long id) => $"/pilotage/seances/{id}";

    public static string Percent(decimal? value) => value is null ? "—" : value.Value.ToString("0.#", Display.French) + " %";

    public static string Number(decimal? value, string? unit = null) =>
        value is null ? "—" : value.Value.ToString("#,0.##", Display.French) + (unit is null or "nombre" ? "" : unit == "%" ? " %" : " " + unit);

    public static string Euros(decimal value) => value.ToString("#,0.##", Display.French) + " €";

    public static string Date(DateOnly? date) => date?.ToString("d MMMM yyyy", Display.French) ?? "—";

    public static string CssClass(this IndicatorStatus status) => status switch
    {
        IndicatorStatus.Reached or IndicatorStatus.OnTrack => "rag-green",
        IndicatorStatus.AtRisk => "rag-amber",
        IndicatorStatus.OffTrack => "rag-red",
        _ => "rag-none",
    };

    public static string CssClass(this Rag rag) => rag switch
    {
        Rag.Green => "rag-green",
        Rag.Amber => "rag-amber",
        _ => "rag-red",
    };

    /// <summary>A progress bar that reads out as such (role progressbar) and prints (plain boxes, no script).</summary>
    public static Microsoft.AspNetCore.Html.IHtmlContent ProgressBar(decimal? value, string label)
    {
        var text = System.Net.WebUtility.HtmlEncode(label);
        if (value is null)
        {
            return new Microsoft.AspNetCore.Html.HtmlString($"<span class=\"progress-line\"><span class=\"meta\">non évalué</span></span>");
        }

        var v = value.Value.ToString(CultureInfo.InvariantCulture);
        var width = Math.Clamp(value.Value, 0, 100).ToString(CultureInfo.InvariantCulture);
        return new Microsoft.AspNetCore.Html.HtmlString(
            $"<span class=\"progress-line\"><span class=\"progress-bar\" role=\"progressbar\" aria-label=\"{text}\" aria-valuemin=\"0\" aria-valuemax=\"100\" aria-valuenow=\"{v}\">" +
            $"<span class=\"progress-fill\" style=\"width: {width}%\"></span></span> <span class=\"progress-value\">{Percent(value)}</span></span>");
    }

    /// <summary>An inline SVG line of the series: no script, prints as drawn; the figures stay in the text beside it.</summary>
    public static string Sparkline(IReadOnlyList<IndicatorPoint> series, decimal? target = null)
    {
        if (series.Count < 2)
        {
            return "";
        }

        // Values at the edge of decimal (stored before writes were bounded, security review F6): no line rather than a failed page.
        try
        {
            return SparklineUnchecked(series, target);
        }
        catch (OverflowException)
        {
            return "";
        }
    }

    private static string SparklineUnchecked(IReadOnlyList<IndicatorPoint> series, decimal? target)
    {
        const int width = 120, height = 28;
        var values = series.Select(p => p.Value).ToList();
        var min = Math.Min(values.Min(), 0m);
        var max = Math.Max(values.Max(), target ?? values.Max());
        var span = max == min ? 1 : max - min;
        var first = series[0].Date.DayNumber;
        var days = Math.Max(1, series[^1].Date.DayNumber - first);
        var points = new StringBuilder();
        foreach (var p in series)
        {
            var x = (decimal)(p.Date.DayNumber - first) / days * (width - 4) + 2;
            var y = height - 2 - (p.Value - min) / span * (height - 4);
            points.Append(CultureInfo.InvariantCulture, $"{x:0.#},{y:0.#} ");
        }

        return $"<svg class=\"sparkline\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" aria-hidden=\"true\" focusable=\"false\"><polyline fill=\"none\" stroke=\"currentColor\" stroke-width=\"2\" points=\"{points.ToString().Trim()}\"/></svg>";
    }
}

/// <summary>
/// Writes on steering pages: Razor Pages authorise per page, not per handler, so each POST
/// handler asks for its policy here (anonymous → sign-in page, wrong role → access denied).
/// </summary>
public abstract class SteeringPageModel(IAuthorizationService authorization) : PageModel
{
    protected async Task<IActionResult?> RequireAsync(string policy)
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            return Challenge();
        }

        return (await authorization.AuthorizeAsync(User, policy)).Succeeded ? null : Forbid();
    }

    protected async Task<bool> AllowedAsync(string policy) =>
        User.Identity?.IsAuthenticated == true && (await authorization.AuthorizeAsync(User, policy)).Succeeded;

    protected string Author => User.Identity?.Name ?? "inconnu";

    protected void AddErrors(IReadOnlyDictionary<string, string[]> errors, string prefix = "")
    {
        foreach (var (field, messages) in errors)
        {
            foreach (var message in messages)
            {
                ModelState.AddModelError(prefix + field, message);
            }
        }
    }

    protected bool IsAdministrator => User.IsInRole(Scoran.Accounts.ScoranRoles.Administrator);
}
