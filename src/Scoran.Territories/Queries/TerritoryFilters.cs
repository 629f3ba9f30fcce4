using Scoran.Territories.Model;

namespace Scoran.Territories.Queries;

/// <summary>Territory filters in business words, shared by every capability that aggregates on communes.</summary>
public static class TerritoryFilters
{
    /// <summary>
    /// The current communes inside a territory (the commune itself for a commune, every commune for a
    /// null kind); obsolete communes too when <paramref name="includeObsolete"/>.
    /// </summary>
    public static IQueryable<Territory> CommunesOf(this IQueryable<Territory> territories, TerritoryKind? kind, string code, bool includeObsolete = false)
    {
        var communes = includeObsolete
            ? territories.Where(t => t.Kind == TerritoryKind.Commune)
            : territories.Where(t => t.Kind == TerritoryKind.Commune && !t.IsObsolete);
        return kind switch
        {
            null => communes,
            TerritoryKind.Region => communes.Where(t => t.RegionCode == code),
            TerritoryKind.Departement => communes.Where(t => t.DepartementCode == code),
            TerritoryKind.Epci => communes.Where(t => t.EpciCode == code),
            _ => communes.Where(t => t.Code == code),
        };
    }
}
