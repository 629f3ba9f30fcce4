using Scoran.Territories.Model;
using Scoran.Territories.Queries;

namespace Scoran.Web.Observatory.Measurements;

/// <summary>How a campaign's territory reads on its pages: its name, not the stored kind and code.</summary>
public static class CampaignTerritory
{
    public static async Task<string> LabelAsync(TerritoryQueries territories, string kindSlug, string code, CancellationToken cancellationToken)
    {
        if (TerritoryKinds.TryParse(kindSlug, out var kind) && await territories.GetAsync(kind, code, cancellationToken) is { } t)
        {
            return $"{t.Name} ({kind.ToFrench().ToLowerInvariant()} {t.Code})";
        }

        return $"{kindSlug} {code}";
    }
}
