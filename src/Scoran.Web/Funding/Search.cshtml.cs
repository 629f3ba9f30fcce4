using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Scoran.Funding;
using Scoran.Funding.Rules;

namespace Scoran.Web.Funding;

/// <summary>The finder: a GET form (shareable URL), eligible schemes with amount and rule, ineligible ones with reasons on request.</summary>
// POSTs of this page (saving a search) are rate-limited per client address (security review F10); reading is not.
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Security.SecurityLimits.SavedSearchPolicy)]
public sealed class SearchModel(FundingService funding) : PageModel
{
    public FinderFormModel Form { get; private set; } = null!;
    public IReadOnlyList<FinderResult> Results { get; private set; } = [];
    public FundingTerritory? Scope { get; private set; }
    public bool ShowIneligible { get; private set; }
    public Dictionary<string, string[]> Errors { get; private set; } = [];
    public string? SavedToken { get; private set; }
    public string Sort { get; private set; } = "montant";

    public async Task OnGetAsync(CancellationToken ct)
    {
        var q = Request.Query.ToDictionary(k => k.Key, k => (string?)k.Value.ToString());
        Form = new FinderFormModel(q.GetValueOrDefault("beneficiaire"), q.GetValueOrDefault("territoire"), q.GetValueOrDefault("theme"), q.GetValueOrDefault("montant"), q.GetValueOrDefault("bonus") == "on", q.GetValueOrDefault("texte"));
        ShowIneligible = q.GetValueOrDefault("nonEligibles") == "on";
        SavedToken = q.GetValueOrDefault("enregistree");
        Errors = FundingApi.ValidateFinder(q);
        var query = FundingApi.FinderQueryFrom(q);
        Sort = query.Sort;
        Scope = await funding.ScopeAsync(query.TerritoryCode, ct);
        if (query.TerritoryCode is not null && Scope is null && !Errors.ContainsKey("territoire"))
        {
            Errors["territoire"] = [$"Aucun territoire de code {query.TerritoryCode}."];
        }

        if (Errors.Count == 0)
        {
            Results = await funding.FindAsync(query, ct);
        }
    }

    /// <summary>Saves the criteria (security review F10: finder keys only, validated, at most 2 KB, rate-limited per address).</summary>
    public async Task<IActionResult> OnPostSaveAsync(string query, string? label, CancellationToken ct)
    {
        var (canonical, error) = Scoran.Funding.Rules.SavedSearchQuery.Canonical(query);
        if (canonical is null || FundingApi.ValidateFinder(Scoran.Funding.Rules.SavedSearchQuery.Values(canonical)).Count > 0)
        {
            return BadRequest(error ?? "Critères de recherche invalides : la recherche n'est pas enregistrée.");
        }

        var search = await funding.SaveSearchAsync(canonical, label, ct);
        return Redirect("/financements/recherche?" + search.Query + (search.Query.Length > 0 ? "&" : "") + "enregistree=" + search.Token);
    }

    public string Link(string? sort = null, bool? ineligible = null)
    {
        var pairs = Request.Query.Where(k => k.Key is not ("tri" or "nonEligibles" or "enregistree")).Select(k => $"{k.Key}={Uri.EscapeDataString(k.Value.ToString())}").ToList();
        pairs.Add("tri=" + (sort ?? Sort));
        if (ineligible ?? ShowIneligible) pairs.Add("nonEligibles=on");
        return "/financements/recherche?" + string.Join('&', pairs);
    }

    public string CriteriaQuery => string.Join('&', Request.Query.Where(k => k.Key is not ("nonEligibles" or "enregistree" or "tri")).Select(k => $"{k.Key}={Uri.EscapeDataString(k.Value.ToString())}"));
}
