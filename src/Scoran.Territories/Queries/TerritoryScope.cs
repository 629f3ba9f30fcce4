using Scoran.Territories.Model;

namespace Scoran.Territories.Queries;

/// <summary>
/// The territory a request is about, resolved once from its route (kind and code, a former code
/// of a merged commune leading to today's commune) and passed down to the capability queries:
/// its code, level, name, the vintage of the geography it was resolved in, the former codes
/// merged into it, and the current communes it contains as a query the capabilities compose
/// with their own tables (never loaded unless enumerated).
/// </summary>
public sealed class TerritoryScope
{
    internal TerritoryScope(TerritoryKind kind, string code, string name, string requestedCode, string? vintage,
        IReadOnlyList<string> formerCodes, IQueryable<Territory> communes)
    {
        Kind = kind;
        Code = code;
        Name = name;
        RequestedCode = requestedCode;
        Vintage = vintage;
        FormerCodes = formerCodes;
        Communes = communes;
    }

    /// <summary>Level of the territory: région, département, EPCI or commune.</summary>
    public TerritoryKind Kind { get; }

    /// <summary>Today's INSEE code (SIREN for an EPCI).</summary>
    public string Code { get; }

    public string Name { get; }

    /// <summary>The code the route gave, upper-cased: a former commune code when it differs from <see cref="Code"/>.</summary>
    public string RequestedCode { get; }

    /// <summary>True when the route named a former, delegated or associated code (pages redirect to today's commune).</summary>
    public bool IsFormerCode => RequestedCode != Code;

    /// <summary>Vintage (millésime) of the territories import the geography comes from, when known.</summary>
    public string? Vintage { get; }

    /// <summary>Codes of the communes merged into this commune (déléguées, associées, anciennes); empty above the commune.</summary>
    public IReadOnlyList<string> FormerCodes { get; }

    /// <summary>The current communes inside the territory (the commune itself for a commune), as a query.</summary>
    public IQueryable<Territory> Communes { get; }

    /// <summary>Codes of <see cref="Communes"/>, to compose with the tables of a capability.</summary>
    public IQueryable<string> CommuneCodes => Communes.Select(t => t.Code);
}
