namespace Scoran.Territories.Model;

/// <summary>
/// A région, département, EPCI or commune, keyed by its kind and INSEE code (SIREN for an EPCI):
/// codes alone are ambiguous (région 27 is Bourgogne-Franche-Comté, département 27 is the Eure).
/// Territories are never deleted: one that disappears from the official geography is marked
/// obsolete, so figures recorded against it stay traceable.
/// </summary>
public sealed class Territory
{
    public required TerritoryKind Kind { get; init; }
    public required string Code { get; init; }
    public required string Name { get; set; }
    /// <summary><see cref="Scoran.Core.Text.SearchText"/> key of <see cref="Name"/>.</summary>
    public required string SearchName { get; set; }
    /// <summary>Second search key, e.g. an EPCI name without its "CC"/"CA" prefix.</summary>
    public string? SearchAlias { get; set; }
    /// <summary>Sub-type: EPCI legal form (CC, CA, CU, METRO) or the COG commune type.</summary>
    public string? Category { get; set; }
    /// <summary>INSEE population municipale (legal population in force for the vintage).</summary>
    public long? Population { get; set; }
    public string? RegionCode { get; set; }
    public string? DepartementCode { get; set; }
    public string? EpciCode { get; set; }
    /// <summary>Commune code of the chef-lieu (préfecture of a région or département).</summary>
    public string? ChefLieuCode { get; set; }
    public string? Siren { get; set; }
    public bool IsObsolete { get; set; }
}

/// <summary>A postal code served by a commune (a commune may have several, and a code several communes).</summary>
public sealed class PostalCode
{
    public required string Code { get; init; }
    public required string CommuneCode { get; init; }
}

/// <summary>
/// A commune code that is no longer a current commune — a commune déléguée or associée, an
/// absorbed former commune, or a municipal arrondissement — and the current commune it belongs
/// to. Observatory files of older years use these codes.
/// </summary>
public sealed class CommuneAlias
{
    public required string Code { get; init; }
    public required string CurrentCode { get; init; }
    public required CommuneAliasKind Kind { get; init; }
    public string? Name { get; init; }
}

public enum CommuneAliasKind
{
    /// <summary>Commune déléguée of a commune nouvelle.</summary>
    Delegated = 0,
    /// <summary>Commune associée (older merger regime, before 2010).</summary>
    Associated = 1,
    /// <summary>Former code listed in <c>anciensCodes</c> without a déléguée/associée entry.</summary>
    Former = 2,
    /// <summary>Arrondissement municipal of Paris, Lyon or Marseille.</summary>
    MunicipalArrondissement = 3,
}

/// <summary>Outline of a territory as WKB (WGS84), with where it came from.</summary>
public sealed class TerritoryContour
{
    public required TerritoryKind Kind { get; init; }
    public required string Code { get; init; }
    public required byte[] Geometry { get; set; }
    public required string Source { get; set; }
    /// <summary>How many source outlines were merged into this one (merged communes).</summary>
    public int SourceFeatureCount { get; set; }
}
