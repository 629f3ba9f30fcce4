using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Scoran.Observatory.Mobile;
using Scoran.Observatory.Targets;
using Scoran.Territories.Model;
using Scoran.Territories.Queries;
using Scoran.Web.Shared;

namespace Scoran.Web.Observatory.Mobile;

/// <summary>Mobile coverage dashboard of a territory: key figures, per-operator table, targets, map, history, parts, downloads.</summary>
public sealed class IndexModel(MobileQueries queries, MobileAntennaQueries antennas, TerritoryQueries territories, IOptions<ScoranWebOptions> options) : MobilePageModel(territories, options)
{
    [BindProperty(SupportsGet = true, Name = "millesime")]
    public string? VintageText { get; set; }

    public IReadOnlyList<int> Vintages { get; private set; } = [];
    public MobileIndicators? At { get; private set; }
    public IReadOnlyList<MobileHistoryPoint> History { get; private set; } = [];
    public IReadOnlyList<TrajectoryAssessment> Assessments { get; private set; } = [];
    public NewDealSummary? NewDeal { get; private set; }
    public MobileSource? Source { get; private set; }
    public TerritoryKind? ChildKind { get; private set; }
    public IReadOnlyList<MobileBreakdownRow> Breakdown { get; private set; } = [];
    public MapModel? Map { get; private set; }
    public MobileAntennaSummary? Antennas { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? kind, string? code, CancellationToken cancellationToken)
    {
        if (!await LoadTerritoryAsync(kind, code, cancellationToken))
        {
            return NotFound();
        }

        var t = Territory;
        Vintages = await queries.VintagesAsync(cancellationToken);
        int? asked = MobileVintage.TryParse(VintageText, out var q) ? q.Key : null;
        At = await queries.AtAsync(t.Kind, t.Code, asked, cancellationToken);
        NewDeal = await queries.NewDealAsync(t.Kind, t.Code, cancellationToken: cancellationToken);
        Antennas = await antennas.SummaryAsync(t.Kind, t.Code, cancellationToken: cancellationToken);
        if (At is null)
        {
            return Page();
        }

        Source = await queries.SourceAsync(At.Vintage, cancellationToken);
        History = await queries.HistoryAsync(t.Kind, t.Code, cancellationToken);
        Assessments = await queries.AssessAsync(t.Kind, t.Code, RegionCode, History, cancellationToken);
        ChildKind = t.Kind == TerritoryKind.Commune ? null : t.Kind + 1;
        if (ChildKind is { } child)
        {
            Breakdown = await queries.BreakdownAsync(t.Kind, t.Code, child, At.Vintage, cancellationToken);
        }

        if (t.Kind != TerritoryKind.Commune && t.CommunesWithContour > 0)
        {
            var slug = t.Kind.ToSlug();
            var vintage = MobileVintage.Format(At.Vintage);
            Map = new MapModel("carte-mobile", $"Carte de la part de la population couverte en 4G par au moins un opérateur, par commune, {t.Name}, {Vintage(At.Vintage)}",
                $"/api/territories/{slug}/{t.Code}/contours",
                $"/api/territories/{slug}/{t.Code}/contours?level=commune",
                LinkAreas: true,
                $"Part de la population couverte en 4G (bonne couverture ou mieux) par au moins un opérateur, par commune, au {Vintage(At.Vintage)}" +
                (Source.Synthetic ? $" ({MobileImporter.SyntheticNotice})" : " (Arcep)") + ". Une commune à 0 % est en zone blanche 4G ou presque ; le fichier CSV et la couche GeoJSON donnent chaque commune.",
                Options.Map.BasemapUrl, Options.Map.BasemapAttribution,
                BordersUrl: t.Kind == TerritoryKind.Region ? $"/api/territories/region/{t.Code}/contours?level=departement" : null,
                ValuesUrl: $"{ApiBase}/breakdown?level=commune&millesime={vintage}",
                LinkBase: "/observatoire/mobile/",
                LinkQuery: $"?millesime={vintage}",
                Legend: "part de la population couverte en 4G par au moins un opérateur",
                ValueLabel: "de la population couverte en 4G");
        }

        return Page();
    }
}
