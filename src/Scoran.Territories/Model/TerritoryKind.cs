namespace Scoran.Territories.Model;

/// <summary>The four levels of the French administrative map Scoran aggregates on, largest first.</summary>
public enum TerritoryKind
{
    Region = 0,
    Departement = 1,
    Epci = 2,
    Commune = 3,
}

public static class TerritoryKinds
{
    /// <summary>Stable lower-case names used in URLs, the API and the database.</summary>
    public static string ToSlug(this TerritoryKind kind) => kind switch
    {
        TerritoryKind.Region => "region",
        TerritoryKind.Departement => "departement",
        TerritoryKind.Epci => "epci",
        TerritoryKind.Commune => "commune",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static bool TryParse(string? slug, out TerritoryKind kind)
    {
        switch (slug?.Trim().ToLowerInvariant())
        {
            case "region" or "regions":
                kind = TerritoryKind.Region;
                return true;
            case "departement" or "departements":
                kind = TerritoryKind.Departement;
                return true;
            case "epci":
                kind = TerritoryKind.Epci;
                return true;
            case "commune" or "communes":
                kind = TerritoryKind.Commune;
                return true;
            default:
                kind = default;
                return false;
        }
    }

    /// <summary>French label for display.</summary>
    public static string ToFrench(this TerritoryKind kind) => kind switch
    {
        TerritoryKind.Region => "Région",
        TerritoryKind.Departement => "Département",
        TerritoryKind.Epci => "Intercommunalité (EPCI)",
        TerritoryKind.Commune => "Commune",
        _ => kind.ToString(),
    };

    public const string SlugPattern = "^(region|departement|epci|commune)$";
}
