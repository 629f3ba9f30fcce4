using Microsoft.EntityFrameworkCore;
using Scoran.Territories.Model;

namespace Scoran.Territories.Queries;

/// <summary>
/// What the other capabilities ask of the territory table: the scope of a request, the communes
/// inside a territory, names of codes, commune-code resolution and commune outlines. No other
/// library queries the territory tables directly.
/// </summary>
public sealed partial class TerritoryQueries
{
    private readonly Dictionary<(TerritoryKind, string), TerritoryScope?> _scopes = [];

    /// <summary>
    /// The scope of a request naming <paramref name="kind"/> and <paramref name="code"/>, or null when
    /// no such territory exists. A commune route may give a former, delegated or associated code: the
    /// scope is then today's commune (<see cref="TerritoryScope.IsFormerCode"/>). Resolved once per
    /// instance (one per request in the web host) and kind/code.
    /// </summary>
    public async Task<TerritoryScope?> ScopeAsync(TerritoryKind kind, string code, CancellationToken cancellationToken = default)
    {
        var requested = code.Trim().ToUpperInvariant();
        if (_scopes.TryGetValue((kind, requested), out var known))
        {
            return known;
        }

        var row = await Territories.Where(t => t.Kind == kind && t.Code == requested)
            .Select(t => new { t.Code, t.Name }).SingleOrDefaultAsync(cancellationToken);
        if (row is null && kind == TerritoryKind.Commune && await ResolveCommuneAsync(requested, cancellationToken) is { } resolved)
        {
            row = new { resolved.Commune.Code, resolved.Commune.Name };
        }

        TerritoryScope? scope = null;
        if (row is not null)
        {
            var formers = kind == TerritoryKind.Commune
                ? await db.Set<CommuneAlias>().AsNoTracking().Where(a => a.CurrentCode == row.Code).OrderBy(a => a.Code).Select(a => a.Code).ToListAsync(cancellationToken)
                : [];
            var vintage = await db.Set<Core.Imports.DatasetImport>().AsNoTracking()
                .Where(i => i.Dataset == Import.TerritoriesImporter.Dataset)
                .OrderByDescending(i => i.ImportedAt).Select(i => i.Vintage).FirstOrDefaultAsync(cancellationToken);
            scope = new TerritoryScope(kind, row.Code, row.Name, requested, vintage, formers, Communes(kind, row.Code));
        }

        _scopes[(kind, requested)] = scope;
        return scope;
    }

    /// <summary>
    /// The communes inside a territory as a query (the commune itself for a commune; every commune
    /// when <paramref name="kind"/> is null, i.e. France). Current communes only unless
    /// <paramref name="includeObsolete"/>.
    /// </summary>
    public IQueryable<Territory> Communes(TerritoryKind? kind, string code, bool includeObsolete = false) =>
        Territories.CommunesOf(kind, code, includeObsolete);

    /// <summary>Codes of <see cref="Communes"/>, to compose with the tables of a capability.</summary>
    public IQueryable<string> CommuneCodes(TerritoryKind? kind, string code, bool includeObsolete = false) =>
        Communes(kind, code, includeObsolete).Select(t => t.Code);

    /// <summary>The current communes inside a territory (every commune for null), by code.</summary>
    public async Task<Dictionary<string, Territory>> CommunesByCodeAsync(TerritoryKind? kind, string code, CancellationToken cancellationToken = default) =>
        await Communes(kind, code).ToDictionaryAsync(t => t.Code, cancellationToken);

    /// <summary>The communes (current or not) carrying these codes, by code.</summary>
    public async Task<Dictionary<string, Territory>> CommunesByCodeAsync(IReadOnlyCollection<string> codes, CancellationToken cancellationToken = default) =>
        await Territories.Where(t => t.Kind == TerritoryKind.Commune && codes.Contains(t.Code)).ToDictionaryAsync(t => t.Code, cancellationToken);

    /// <summary>One territory row, or null.</summary>
    public Task<Territory?> FindAsync(TerritoryKind kind, string code, CancellationToken cancellationToken = default) =>
        Territories.FirstOrDefaultAsync(t => t.Kind == kind && t.Code == code, cancellationToken);

    /// <summary>Every territory row carrying this code, whatever its kind.</summary>
    public async Task<IReadOnlyList<Territory>> WithCodeAsync(string code, CancellationToken cancellationToken = default) =>
        await Territories.Where(t => t.Code == code).ToListAsync(cancellationToken);

    /// <summary>Whether a territory of this kind and code exists (obsolete or not).</summary>
    public Task<bool> ExistsAsync(TerritoryKind kind, string code, CancellationToken cancellationToken = default) =>
        Territories.AnyAsync(t => t.Kind == kind && t.Code == code, cancellationToken);

    /// <summary>Whether the commune <paramref name="commune"/> (current or not) lies in a région, département or EPCI.</summary>
    public Task<bool> ContainsCommuneAsync(TerritoryKind kind, string code, string commune, CancellationToken cancellationToken = default) =>
        Communes(kind, code, includeObsolete: true).AnyAsync(t => t.Code == commune, cancellationToken);

    /// <summary>The name of a territory, or null.</summary>
    public Task<string?> NameAsync(TerritoryKind kind, string code, CancellationToken cancellationToken = default) =>
        Territories.Where(t => t.Kind == kind && t.Code == code).Select(t => t.Name).FirstOrDefaultAsync(cancellationToken);

    /// <summary>Names of the territories of <paramref name="kind"/> carrying these codes, by code (unknown codes are left out).</summary>
    public async Task<Dictionary<string, string>> NamesAsync(TerritoryKind kind, IReadOnlyCollection<string?> codes, CancellationToken cancellationToken = default) =>
        await Territories.Where(t => t.Kind == kind && codes.Contains(t.Code)).ToDictionaryAsync(t => t.Code, t => t.Name, cancellationToken);

    /// <summary>Names of every territory of <paramref name="kind"/>, by code.</summary>
    public async Task<Dictionary<string, string>> NamesAsync(TerritoryKind kind, CancellationToken cancellationToken = default) =>
        await Territories.Where(t => t.Kind == kind).ToDictionaryAsync(t => t.Code, t => t.Name, cancellationToken);

    /// <summary>
    /// Names of current territories of any kind carrying these codes, by code; a code naming two kinds
    /// keeps the broadest (a département and a commune share a code only in theory: 2 vs 5 digits).
    /// </summary>
    public async Task<Dictionary<string, string>> NamesOfAnyKindAsync(IReadOnlyCollection<string> codes, CancellationToken cancellationToken = default)
    {
        var rows = await db.Set<Territory>().Where(t => codes.Contains(t.Code) && !t.IsObsolete).Select(t => new { t.Code, t.Name, t.Kind }).ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.Code).ToDictionary(g => g.Key, g => g.OrderBy(r => r.Kind).First().Name);
    }

    /// <summary>Codes of the départements of a région, as a query.</summary>
    public IQueryable<string> DepartementCodes(string regionCode) =>
        db.Set<Territory>().Where(t => t.Kind == TerritoryKind.Departement && t.RegionCode == regionCode).Select(t => t.Code);

    /// <summary>The départements of a région (code, name), by code.</summary>
    public async Task<IReadOnlyList<(string Code, string Name)>> DepartementsAsync(string regionCode, CancellationToken cancellationToken = default) =>
        (await Territories.Where(t => t.Kind == TerritoryKind.Departement && t.RegionCode == regionCode).OrderBy(t => t.Code)
            .Select(t => new { t.Code, t.Name }).ToListAsync(cancellationToken)).Select(t => (t.Code, t.Name)).ToList();

    /// <summary>
    /// The commune-code resolver of an import (see <see cref="CommuneCodeResolver"/>): today's
    /// communes and every former, delegated or associated code.
    /// </summary>
    public async Task<CommuneCodeResolver> CommuneResolverAsync(CancellationToken cancellationToken = default)
    {
        var current = (await Communes(null, "").Select(t => t.Code).ToListAsync(cancellationToken)).ToHashSet();
        var aliases = await db.Set<CommuneAlias>().AsNoTracking().ToDictionaryAsync(a => a.Code, a => a.CurrentCode, cancellationToken);
        return new CommuneCodeResolver(current, aliases);
    }

    /// <summary>The current communes carrying a postal code.</summary>
    public async Task<IReadOnlyList<string>> CommunesOfPostalCodeAsync(string postalCode, CancellationToken cancellationToken = default) =>
        await db.Set<PostalCode>().AsNoTracking().Where(p => p.Code == postalCode).Select(p => p.CommuneCode).ToListAsync(cancellationToken);

    /// <summary>Outlines (WKB, WGS84) of the communes carrying these codes, by code order; communes without one are left out.</summary>
    public async Task<IReadOnlyList<(string Code, byte[] Geometry)>> CommuneOutlinesAsync(IReadOnlyCollection<string> codes, CancellationToken cancellationToken = default) =>
        (await db.Set<TerritoryContour>().AsNoTracking()
            .Where(c => c.Kind == TerritoryKind.Commune && codes.Contains(c.Code)).OrderBy(c => c.Code)
            .Select(c => new { c.Code, c.Geometry }).ToListAsync(cancellationToken)).Select(c => (c.Code, c.Geometry)).ToList();
}
