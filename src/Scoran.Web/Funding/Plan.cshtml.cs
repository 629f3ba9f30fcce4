using Microsoft.AspNetCore.Mvc.RazorPages;
using Scoran.Funding;
using Scoran.Funding.Model;
using Scoran.Funding.Rules;

namespace Scoran.Web.Funding;

/// <summary>Co-financing calculator: a GET form, so a plan is a shareable URL and its exports reuse the same query.</summary>
public sealed class PlanModel(FundingService funding) : PageModel
{
    public const int Lines = 5;
    public List<AidScheme> Schemes { get; private set; } = [];
    public Plan? Result { get; private set; }
    public Dictionary<string, string[]> Errors { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Schemes = (await funding.SchemesAsync(ct)).Where(s => s.RatePercent is not null || s.CeilingEuros is not null).OrderBy(s => s.Backer).ThenBy(s => s.Name).ToList();
        if (!Request.Query.ContainsKey("cout")) return;
        var (request, errors) = FundingApi.PlanFromQuery(Request.Query);
        Errors = errors;
        if (request is null) return;
        try
        {
            Result = await funding.PlanAsync(request, ct);
        }
        catch (FundingRuleException e)
        {
            Errors[e.Field] = [e.Message];
        }
    }

    public string Q(string key) => Request.Query[key].ToString();

    public string ExportQuery => Request.QueryString.Value ?? "";
}
