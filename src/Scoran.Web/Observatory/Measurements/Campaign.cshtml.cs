using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Scoran.Accounts;
using Scoran.Observatory.Measurements;
using Scoran.Territories.Model;
using Scoran.Territories.Queries;
using Scoran.Web.Shared;

namespace Scoran.Web.Observatory.Measurements;

/// <summary>One campaign followed live (counts per day and operator, published cells) and its report; data managers issue contributor tokens here.</summary>
public sealed class CampaignModel(MeasurementQueries queries, MeasurementCampaigns campaigns, TerritoryQueries territories, IAuthorizationService authorization,
    TimeProvider clock, IOptions<ScoranWebOptions> options) : PageModel
{
    public CampaignReport Report { get; private set; } = null!;
    public CampaignLive Live { get; private set; } = null!;
    public bool CanManage { get; private set; }
    public string? IssuedToken { get; private set; }
    public MapModel? Map { get; private set; }
    public string TerritoryLabel { get; private set; } = "";

    [BindProperty] public string? TokenLabel { get; set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        CanManage = (await authorization.AuthorizeAsync(User, ScoranPolicies.ManageData)).Succeeded;
        var report = await queries.CampaignReportAsync(code, cancellationToken);
        if (report is null)
        {
            return NotFound();
        }

        Report = report;
        Live = (await queries.CampaignLiveAsync(code, clock.GetUtcNow(), cancellationToken))!;
        var c = report.Campaign;
        TerritoryLabel = await CampaignTerritory.LabelAsync(territories, c.TerritoryKind, c.TerritoryCode, cancellationToken);
        if (TerritoryKinds.TryParse(c.TerritoryKind, out var kind) && await territories.GetAsync(kind, c.TerritoryCode, cancellationToken) is { CommunesWithContour: > 0 } t)
        {
            var slug = kind.ToSlug();
            Map = new MapModel("carte-campagne", $"Carte des mailles publiées de la campagne {c.Name}",
                $"/api/territories/{slug}/{t.Code}/contours",
                $"/api/territories/{slug}/{t.Code}/contours?level=commune",
                LinkAreas: false,
                $"Mailles d'environ 1 km de la campagne ayant au moins {Live.MinimumContributors} contributeurs distincts, colorées selon le débit descendant médian ; communes publiées cerclées. " +
                "Les tableaux de la page donnent les mêmes chiffres en texte.",
                options.Value.Map.BasemapUrl, options.Value.Map.BasemapAttribution);
        }

        return Page();
    }

    public string CellsUrl => $"/api/measurements/cells.geojson?campagne={Uri.EscapeDataString(Report.Campaign.Code)}";

    public string LiveUrl => $"/api/measurements/campaigns/{Uri.EscapeDataString(Report.Campaign.Code)}/live";

    public string PublishedCommuneCodes => string.Join(",", Report.Communes.Select(c => c.CommuneCode));

    /// <summary>The operator names the live script needs for its chart and table.</summary>
    public static string OperatorsJson => JsonSerializer.Serialize(MeasurementRules.Operators);

    /// <summary>Days as the live endpoint sends them, so the script draws the first chart the same way it redraws it.</summary>
    public string DaysJson => JsonSerializer.Serialize(Live.Days, new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public async Task<IActionResult> OnPostTokenAsync(string code, CancellationToken cancellationToken)
    {
        if (!(await authorization.AuthorizeAsync(User, ScoranPolicies.ManageData)).Succeeded)
        {
            return User.Identity?.IsAuthenticated == true ? Forbid() : Challenge();
        }

        var result = await OnGetAsync(code, cancellationToken);
        if (result is not PageResult)
        {
            return result;
        }

        IssuedToken = await campaigns.IssueTokenAsync(string.IsNullOrWhiteSpace(TokenLabel) ? $"Campagne {code}" : TokenLabel.Trim(), code, User.Identity?.Name ?? "inconnu", cancellationToken);
        return Page();
    }
}
