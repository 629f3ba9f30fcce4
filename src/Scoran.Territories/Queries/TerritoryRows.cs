using Scoran.Territories.Model;

namespace Scoran.Territories.Queries;

/// <summary>A link to a territory.</summary>
public sealed record TerritoryRef(TerritoryKind Kind, string Code, string Name);

/// <summary>A territory in a list (search results, children).</summary>
public sealed record TerritorySummary(
    TerritoryKind Kind,
    string Code,
    string Name,
    string? Category,
    long? Population,
    string? DepartementCode,
    IReadOnlyList<string> PostalCodes);

/// <summary>A search result and what matched: the name, the INSEE/SIREN code or a postal code.</summary>
public sealed record SearchHit(TerritorySummary Territory, SearchMatch MatchedOn);

public enum SearchMatch
{
    Name,
    Code,
    PostalCode,
}

/// <summary>A former or delegated commune code attached to a current commune.</summary>
public sealed record FormerCommune(string Code, string? Name, CommuneAliasKind Kind);

/// <summary>Everything a territory page shows about the territory itself.</summary>
public sealed record TerritoryDetail(
    TerritoryKind Kind,
    string Code,
    string Name,
    string? Category,
    long? Population,
    bool IsObsolete,
    string? Siren,
    IReadOnlyList<TerritoryRef> Ancestors,
    TerritoryRef? ChefLieu,
    IReadOnlyList<string> PostalCodes,
    IReadOnlyList<FormerCommune> FormerCommunes,
    int CommuneCount,
    bool HasContour,
    int CommunesWithContour);

/// <summary>How a commune code given by a file or a user maps to today's commune.</summary>
public sealed record ResolvedCommune(string RequestedCode, CommuneCodeStatus Status, TerritorySummary Commune);

public enum CommuneCodeStatus
{
    Current,
    Delegated,
    Associated,
    Former,
    MunicipalArrondissement,
}
