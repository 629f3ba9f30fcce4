using Microsoft.AspNetCore.Mvc.RazorPages;
using Scoran.Observatory.Mobile;
using Scoran.Territories.Model;
using Scoran.Territories.Queries;
using Scoran.Web.Shared;

namespace Scoran.Web.Observatory.Mobile;

/// <summary>What every mobile observatory page shares: the territory from the URL (the région served by default) and French formatting.</summary>
public abstract class MobilePageModel(TerritoryQueries territories, Microsoft.Extensions.Options.IOptions<ScoranWebOptions> options) : PageModel
{
    public TerritoryDetail Territory { get; private set; } = null!;

    protected ScoranWebOptions Options => options.Value;

    /// <summary>Loads the territory; false when the URL names none (the page answers 404).</summary>
    protected async Task<bool> LoadTerritoryAsync(string? kind, string? code, CancellationToken cancellationToken)
    {
        var parsed = TerritoryKind.Region;
        if (kind is not null && !TerritoryKinds.TryParse(kind, out parsed))
        {
            return false;
        }

        var detail = await territories.GetAsync(parsed, code ?? options.Value.DefaultRegion, cancellationToken);
        if (detail is null)
        {
            return false;
        }

        Territory = detail;
        return true;
    }

    public string RegionCode => Territory.Kind == TerritoryKind.Region ? Territory.Code : Territory.Ancestors.FirstOrDefault(a => a.Kind == TerritoryKind.Region)?.Code ?? "";

    public static string Link(string page, TerritoryKind kind, string code) => $"/observatoire/mobile{(page.Length > 0 ? "/" + page : "")}/{kind.ToSlug()}/{code}";

    public string ApiBase => $"/api/observatory/mobile/{Territory.Kind.ToSlug()}/{Territory.Code}";

    public static string Percent(decimal? rate) => rate is null ? "—" : (rate.Value * 100).ToString("0.0", Display.French) + " %";

    public static string Km2(decimal value) => value.ToString("N1", Display.French) + " km²";

    public static string Vintage(int key)
    {
        var q = Scoran.Observatory.Model.Quarter.FromKey(key);
        return $"T{q.Number} {q.Year}";
    }

    public static string Date(DateOnly? date) => date is { } d ? d.ToString("d MMMM yyyy", Display.French) : "—";

    public const string SyntheticWarning = "Données de démonstration synthétiques : ces chiffres sont inventés (au format des fichiers d'Arcep) pour montrer l'observatoire ; ce ne sont pas des chiffres réels.";
}
