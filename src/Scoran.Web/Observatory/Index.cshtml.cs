using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Scoran.Observatory.Connexion;
using Scoran.Observatory.Model;
using Scoran.Observatory.Queries;
using Scoran.Territories.Model;
using Scoran.Territories.Queries;
using Scoran.Web.Shared;

namespace Scoran.Web.Observatory;

/// <summary>FttH dashboard of a territory: key figures, history, and its parts at a chosen quarter.</summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Security.HeavyPageLimit.Policy)]
public sealed class IndexModel(FtthQueries ftth, TerritoryQueries territories, Scoran.Observatory.Targets.TargetQueries targets, ConnexionQueries connexion, IOptions<ScoranWebOptions> options) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "trimestre")]
    public int? QuarterKey { get; set; }

    /// <summary>Indicator drawn on the map: FttH deployment (default) or one of « Ma connexion internet ».</summary>
    [BindProperty(SupportsGet = true, Name = "indicateur")]
    public string? MapIndicator { get; set; }

    /// <summary>Date of the « Ma connexion internet » figures (AAAA-MM-JJ), the latest by default.</summary>
    [BindProperty(SupportsGet = true, Name = "date")]
    public string? DebitsDate { get; set; }

    /// <summary>Indicators offered by the map switch, FttH deployment first.</summary>
    public static IReadOnlyList<(string Id, string Label)> MapIndicators { get; } =
    [
        ("ftth", "Part des locaux raccordables à la fibre (déploiement FttH)"),
        (ConnexionIndicator.Thd30, "Part des locaux à 30 Mbit/s ou plus"),
        (ConnexionIndicator.Gigabit, "Part des locaux à 1 Gbit/s ou plus"),
        (ConnexionIndicator.NoWired, "Part des locaux sans bon haut débit filaire"),
    ];

    public ConnexionSeries? Debits { get; private set; }
    public ConnexionIndicators? DebitsPoint { get; private set; }
    public IReadOnlyList<ConnexionZoneRow> DebitsZones { get; private set; } = [];
    public IReadOnlyList<ConnexionComparisonRow> Comparison { get; private set; } = [];
    public ConnexionSource? DebitsSource { get; private set; }
    public IReadOnlyList<ConnexionBreakdownRow> DebitsBreakdown { get; private set; } = [];

    public TerritoryDetail Territory { get; private set; } = null!;
    public FtthSeries? Series { get; private set; }
    public FtthPoint? Selected { get; private set; }
    public TerritoryKind? ChildKind { get; private set; }
    public IReadOnlyList<FtthBreakdownRow> Breakdown { get; private set; } = [];
    public MapModel? Map { get; private set; }
    public IReadOnlyList<FtthZoneRow> Zones { get; private set; } = [];
    public IReadOnlyList<Scoran.Observatory.Targets.TrajectoryAssessment> Assessments { get; private set; } = [];
    public Scoran.Observatory.Targets.Target? AtRiskTarget { get; private set; }
    public IReadOnlyList<Scoran.Observatory.Targets.AtRiskRow> AtRisk { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? kind, string? code, CancellationToken cancellationToken)
    {
        var parsed = TerritoryKind.Region;
        if (kind is not null && !TerritoryKinds.TryParse(kind, out parsed))
        {
            return NotFound();
        }

        code ??= options.Value.DefaultRegion;
        var detail = await territories.GetAsync(parsed, code, cancellationToken);
        if (detail is null)
        {
            return NotFound();
        }

        Territory = detail;
        await LoadDebitsAsync(parsed, detail.Code, cancellationToken);
        Series = await ftth.SeriesAsync(parsed, detail.Code, cancellationToken: cancellationToken);
        if (Series is null)
        {
            return Page();
        }

        Selected = Series.Points.FirstOrDefault(p => p.Quarter.Key == QuarterKey) ?? Series.Points[^1];
        ChildKind = parsed switch
        {
            TerritoryKind.Region => TerritoryKind.Departement,
            TerritoryKind.Departement => TerritoryKind.Epci,
            TerritoryKind.Epci => TerritoryKind.Commune,
            _ => null,
        };
        if (ChildKind is { } child)
        {
            Breakdown = await ftth.BreakdownAsync(parsed, detail.Code, child, Selected.Quarter, Series.Release, cancellationToken);
        }

        Zones = await ftth.ZonesAsync(parsed, detail.Code, Selected.Quarter, Series.Release, cancellationToken);
        var regionCode = parsed == TerritoryKind.Region ? detail.Code : detail.Ancestors.FirstOrDefault(a => a.Kind == TerritoryKind.Region)?.Code;
        // Each series computed once for the page: the trajectories and the territories behind reuse them.
        Assessments = targets.Assess(parsed, detail.Code, regionCode, Series, Debits);
        AtRiskTarget = Assessments.Select(a => a.Target)
            .Where(t => t.Indicator == Scoran.Observatory.Targets.TargetIndicators.FtthCoverage)
            .OrderBy(t => t.Territory is null ? 1 : 0).FirstOrDefault();
        if (AtRiskTarget is not null && ChildKind is { } atRiskKind)
        {
            AtRisk = await targets.AtRiskAsync(parsed, detail.Code, atRiskKind, AtRiskTarget, Series, cancellationToken: cancellationToken);
        }

        if (parsed != TerritoryKind.Commune && detail.CommunesWithContour > 0 && DebitsPoint is { } at && MapIndicator is { } chosen
            && chosen != "ftth" && MapIndicators.Any(i => i.Id == chosen))
        {
            var slug = parsed.ToSlug();
            var label = MapIndicators.Single(i => i.Id == chosen).Label;
            var lower = char.ToLowerInvariant(label[0]) + label[1..];
            Map = new MapModel("carte-ftth", $"Carte : {lower} par commune, {detail.Name}, au {Date(at.Date)}",
                $"/api/territories/{slug}/{detail.Code}/contours",
                $"/api/territories/{slug}/{detail.Code}/contours?level=commune",
                LinkAreas: true,
                $"{label} par commune au {at.Date.ToString("d MMMM yyyy", Display.French)} (« Ma connexion internet »" +
                (DebitsSource?.Synthetic == true ? $", {ConnexionImporter.SyntheticNotice}" : ", Arcep") + "). Le fichier CSV donne chaque territoire.",
                options.Value.Map.BasemapUrl, options.Value.Map.BasemapAttribution,
                BordersUrl: parsed == TerritoryKind.Region ? $"/api/territories/region/{detail.Code}/contours?level=departement" : null,
                ValuesUrl: $"/api/observatory/debits/{slug}/{detail.Code}/breakdown?level=commune&date={at.Date:yyyy-MM-dd}&indicateur={chosen}",
                LinkBase: "/observatoire/",
                LinkQuery: $"?indicateur={chosen}",
                Legend: lower,
                ValueLabel: chosen switch
                {
                    ConnexionIndicator.Thd30 => "des locaux à 30 Mbit/s ou plus",
                    ConnexionIndicator.Gigabit => "des locaux à 1 Gbit/s ou plus",
                    _ => "des locaux sans bon haut débit filaire",
                });
        }
        else if (parsed != TerritoryKind.Commune && detail.CommunesWithContour > 0)
        {
            var slug = parsed.ToSlug();
            Map = new MapModel("carte-ftth", $"Carte de la part des locaux raccordables à la fibre par commune, {detail.Name}, {Selected.Quarter}",
                $"/api/territories/{slug}/{detail.Code}/contours",
                $"/api/territories/{slug}/{detail.Code}/contours?level=commune",
                LinkAreas: true,
                $"Part des locaux raccordables à la fibre par commune au {Selected.Quarter} (Arcep). Le tableau ci-dessous donne les mêmes chiffres agrégés ; le fichier CSV, chaque commune.",
                options.Value.Map.BasemapUrl, options.Value.Map.BasemapAttribution,
                BordersUrl: parsed == TerritoryKind.Region ? $"/api/territories/region/{detail.Code}/contours?level=departement" : null,
                ValuesUrl: $"/api/observatory/ftth/{slug}/{detail.Code}/breakdown?level=commune&trimestre={Selected.Quarter.Key}",
                LinkBase: "/observatoire/",
                LinkQuery: $"?trimestre={Selected.Quarter.Key}");
        }

        return Page();
    }

    private async Task LoadDebitsAsync(TerritoryKind kind, string code, CancellationToken cancellationToken)
    {
        Debits = await connexion.SeriesAsync(kind, code, cancellationToken);
        if (Debits is null)
        {
            return;
        }

        DebitsPoint = Debits.Points.FirstOrDefault(p => p.Date.ToString("yyyy-MM-dd") == DebitsDate) ?? Debits.Points[^1];
        DebitsZones = await connexion.ZonesAsync(kind, code, DebitsPoint.Date, cancellationToken);
        Comparison = await connexion.ComparisonAsync(kind, code, DebitsPoint.Date, cancellationToken, DebitsPoint);
        DebitsSource = await connexion.SourceAsync(DebitsPoint.Date, cancellationToken);
        if (kind != TerritoryKind.Commune)
        {
            DebitsBreakdown = await connexion.BreakdownAsync(kind, code, kind + 1, DebitsPoint.Date, cancellationToken);
        }
    }

    /// <summary>A rate as a sort key (invariant, so "0.8123" sorts numerically), empty when there is none.</summary>
    public static string SortKey(decimal? rate) => rate is { } r ? r.ToString("0.######", System.Globalization.CultureInfo.InvariantCulture) : "";

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", Display.French);

    /// <summary>A rate with a warning sign when the raw data puts it above 100 % (shown, never capped).</summary>
    public static string Rate(Scoran.Observatory.Indicators.CoverageRate rate) => Percent(rate.Rate) + (rate.ExceedsPremises ? " ⚠" : "");

    public static string Date(DateOnly? date) => date is { } d ? d.ToString("MMMM yyyy", Display.French) : "—";

    /// <summary>A projected share: a straight line can overshoot 100 %, which a share cannot.</summary>
    public static string Projection(decimal? rate) => rate is > 1m ? "≥ 100 %" : Percent(rate);

    public static string Percent(decimal? rate) => rate is null ? "—" : (rate.Value * 100).ToString("0.0", Display.French) + " %";

    public string LinkTo(TerritoryKind kind, string code, Quarter? quarter = null) =>
        $"/observatoire/{kind.ToSlug()}/{code}" + (quarter is { } q ? $"?trimestre={q.Key}" : "");
}
