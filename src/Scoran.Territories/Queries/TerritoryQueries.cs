using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using NetTopologySuite.IO.Converters;
using Scoran.Core.Text;
using Scoran.Territories.Model;

namespace Scoran.Territories.Queries;

/// <summary>Read side of the territories capability, shared by the pages, the API and the CLI.</summary>
public sealed partial class TerritoryQueries(DbContext db)
{
    public const int MaxSearchResults = 50;

    private static readonly JsonSerializerOptions GeoJsonOptions = new() { Converters = { new GeoJsonConverterFactory() } };

    [GeneratedRegex("^([0-9]{1,9}|2[ab][0-9]{0,3})$", RegexOptions.IgnoreCase)]
    private static partial Regex CodeLike();

    private IQueryable<Territory> Territories => db.Set<Territory>().AsNoTracking();

    public async Task<TerritoryDetail?> GetAsync(TerritoryKind kind, string code, CancellationToken cancellationToken = default)
    {
        code = code.Trim().ToUpperInvariant();
        var t = await Territories.SingleOrDefaultAsync(x => x.Kind == kind && x.Code == code, cancellationToken);
        if (t is null)
        {
            return null;
        }

        var ancestorKeys = new List<(TerritoryKind Kind, string? Code)>
        {
            (TerritoryKind.Region, kind == TerritoryKind.Region ? null : t.RegionCode),
            (TerritoryKind.Departement, kind is TerritoryKind.Region or TerritoryKind.Departement ? null : t.DepartementCode),
            (TerritoryKind.Epci, kind == TerritoryKind.Commune ? t.EpciCode : null),
        };
        var ancestors = new List<TerritoryRef>();
        foreach (var (ancestorKind, ancestorCode) in ancestorKeys)
        {
            if (ancestorCode is null)
            {
                continue;
            }

            var name = await Territories.Where(x => x.Kind == ancestorKind && x.Code == ancestorCode).Select(x => x.Name).SingleOrDefaultAsync(cancellationToken);
            if (name is not null)
            {
                ancestors.Add(new TerritoryRef(ancestorKind, ancestorCode, name));
            }
        }

        TerritoryRef? chefLieu = null;
        if (t.ChefLieuCode is not null)
        {
            var name = await Territories.Where(x => x.Kind == TerritoryKind.Commune && x.Code == t.ChefLieuCode).Select(x => x.Name).SingleOrDefaultAsync(cancellationToken);
            chefLieu = name is null ? null : new TerritoryRef(TerritoryKind.Commune, t.ChefLieuCode, name);
        }

        var postalCodes = kind == TerritoryKind.Commune
            ? await db.Set<PostalCode>().AsNoTracking().Where(p => p.CommuneCode == code).Select(p => p.Code).OrderBy(p => p).ToListAsync(cancellationToken)
            : [];
        var formers = kind == TerritoryKind.Commune
            ? await db.Set<CommuneAlias>().AsNoTracking().Where(a => a.CurrentCode == code).OrderBy(a => a.Code)
                .Select(a => new FormerCommune(a.Code, a.Name, a.Kind)).ToListAsync(cancellationToken)
            : [];
        var communeCount = kind == TerritoryKind.Commune ? 1 : await CommunesOf(kind, code).CountAsync(cancellationToken);
        var hasContour = await db.Set<TerritoryContour>().AnyAsync(c => c.Kind == kind && c.Code == code, cancellationToken);
        var communesWithContour = await CommunesOf(kind, code)
            .CountAsync(t => db.Set<TerritoryContour>().Any(c => c.Kind == TerritoryKind.Commune && c.Code == t.Code), cancellationToken);

        return new TerritoryDetail(t.Kind, t.Code, t.Name, t.Category, t.Population, t.IsObsolete, t.Siren,
            ancestors, chefLieu, postalCodes, formers, communeCount, hasContour, communesWithContour);
    }

    /// <summary>All territories carrying this code, whatever their kind (2-3 character codes are ambiguous).</summary>
    public async Task<IReadOnlyList<TerritorySummary>> FindByCodeAsync(string code, CancellationToken cancellationToken = default)
    {
        code = code.Trim().ToUpperInvariant();
        var rows = await Territories.Where(t => t.Code == code).ToListAsync(cancellationToken);
        return await SummariesAsync(rows.OrderBy(t => t.Kind).ToList(), cancellationToken);
    }

    /// <summary>Maps any commune code — current, delegated, associated, former, municipal arrondissement — to today's commune.</summary>
    public async Task<ResolvedCommune?> ResolveCommuneAsync(string code, CancellationToken cancellationToken = default)
    {
        code = code.Trim().ToUpperInvariant();
        var status = CommuneCodeStatus.Current;
        var currentCode = code;
        var alias = await db.Set<CommuneAlias>().AsNoTracking().SingleOrDefaultAsync(a => a.Code == code, cancellationToken);
        var isCurrent = await Territories.AnyAsync(t => t.Kind == TerritoryKind.Commune && t.Code == code && !t.IsObsolete, cancellationToken);
        if (!isCurrent)
        {
            if (alias is null)
            {
                return null;
            }

            currentCode = alias.CurrentCode;
            status = alias.Kind switch
            {
                CommuneAliasKind.Delegated => CommuneCodeStatus.Delegated,
                CommuneAliasKind.Associated => CommuneCodeStatus.Associated,
                CommuneAliasKind.MunicipalArrondissement => CommuneCodeStatus.MunicipalArrondissement,
                _ => CommuneCodeStatus.Former,
            };
        }

        var commune = await Territories.SingleOrDefaultAsync(t => t.Kind == TerritoryKind.Commune && t.Code == currentCode, cancellationToken);
        return commune is null ? null : new ResolvedCommune(code, status, (await SummariesAsync([commune], cancellationToken))[0]);
    }

    /// <summary>
    /// Prefix search on names (accent-, case- and punctuation-insensitive), INSEE/SIREN codes and
    /// postal codes. Exact matches come first, then territories of <paramref name="preferredRegion"/>
    /// (the région the instance serves), then larger territories, then by population.
    /// </summary>
    public async Task<IReadOnlyList<SearchHit>> SearchAsync(string query, TerritoryKind? kind = null, int limit = 20,
        string? preferredRegion = null, CancellationToken cancellationToken = default)
    {
        limit = Math.Clamp(limit, 1, MaxSearchResults);
        var trimmed = query.Trim();
        var hits = new List<(Territory Territory, SearchMatch Match, bool Exact)>();
        var live = Territories.Where(t => !t.IsObsolete && (kind == null || t.Kind == kind));

        if (CodeLike().IsMatch(trimmed))
        {
            var code = trimmed.ToUpperInvariant();
            var byCode = await live.Where(t => t.Code.StartsWith(code))
                .OrderBy(t => t.Code.Length).ThenByDescending(t => t.Population).Take(limit).ToListAsync(cancellationToken);
            hits.AddRange(byCode.Select(t => (t, SearchMatch.Code, t.Code == code)));

            if (trimmed.Length >= 2 && kind is null or TerritoryKind.Commune)
            {
                // Postal codes first, then their communes: joining the other way round made SQLite
                // walk every commune (see docs/performance.md).
                var postal = await db.Set<PostalCode>().AsNoTracking()
                    .Where(p => p.Code.StartsWith(code))
                    .OrderBy(p => p.Code)
                    .Take(limit * 4)
                    .ToListAsync(cancellationToken);
                var communeCodes = postal.Select(p => p.CommuneCode).Distinct().ToList();
                var communes = await live.Where(t => t.Kind == TerritoryKind.Commune && communeCodes.Contains(t.Code))
                    .ToDictionaryAsync(t => t.Code, cancellationToken);
                var byPostal = postal.Where(p => communes.ContainsKey(p.CommuneCode))
                    .Select(p => new { Territory = communes[p.CommuneCode], Postal = p.Code })
                    .ToList();
                hits.AddRange(byPostal.Select(x => (x.Territory, SearchMatch.PostalCode, x.Postal == code)));
            }
        }
        else
        {
            var key = SearchText.Normalize(trimmed);
            if (key.Length == 0)
            {
                return [];
            }

            var byName = await live
                .Where(t => t.SearchName.StartsWith(key) || (t.SearchAlias != null && t.SearchAlias.StartsWith(key)))
                .OrderByDescending(t => t.SearchName == key || t.SearchAlias == key)
                .ThenByDescending(t => preferredRegion != null && t.RegionCode == preferredRegion)
                .ThenBy(t => t.Kind)
                .ThenByDescending(t => t.Population)
                .Take(limit).ToListAsync(cancellationToken);
            hits.AddRange(byName.Select(t => (t, SearchMatch.Name, t.SearchName == key || t.SearchAlias == key)));
        }

        var ordered = hits
            .GroupBy(h => (h.Territory.Kind, h.Territory.Code))
            .Select(g => g.OrderByDescending(h => h.Exact).First())
            .OrderByDescending(h => h.Exact)
            .ThenByDescending(h => preferredRegion is not null && h.Territory.RegionCode == preferredRegion)
            .ThenBy(h => h.Territory.Kind)
            .ThenByDescending(h => h.Territory.Population ?? 0)
            .ThenBy(h => h.Territory.Code, StringComparer.Ordinal)
            .Take(limit)
            .ToList();
        var summaries = await SummariesAsync(ordered.Select(h => h.Territory).ToList(), cancellationToken);
        return summaries.Select((s, i) => new SearchHit(s, ordered[i].Match)).ToList();
    }

    /// <summary>
    /// Territories of <paramref name="childKind"/> inside a territory. An EPCI straddling a
    /// boundary is listed under every département or région where it has a member commune.
    /// </summary>
    public async Task<IReadOnlyList<TerritorySummary>> ChildrenAsync(TerritoryKind kind, string code, TerritoryKind childKind, CancellationToken cancellationToken = default)
    {
        code = code.Trim().ToUpperInvariant();
        if (childKind <= kind)
        {
            return [];
        }

        List<Territory> rows = childKind switch
        {
            TerritoryKind.Departement => await Territories.Where(t => t.Kind == TerritoryKind.Departement && t.RegionCode == code && !t.IsObsolete)
                .OrderBy(t => t.Code).ToListAsync(cancellationToken),
            TerritoryKind.Epci => await Territories.Where(t => t.Kind == TerritoryKind.Epci && !t.IsObsolete &&
                    CommunesOf(kind, code).Any(c => c.EpciCode == t.Code))
                .OrderBy(t => t.Name).ToListAsync(cancellationToken),
            TerritoryKind.Commune => await CommunesOf(kind, code).OrderBy(t => t.SearchName).ToListAsync(cancellationToken),
            _ => [],
        };
        return await SummariesAsync(rows, cancellationToken);
    }

    /// <summary>The outline of one territory, or null when none was imported.</summary>
    public async Task<Geometry?> ContourAsync(TerritoryKind kind, string code, CancellationToken cancellationToken = default)
    {
        code = code.Trim().ToUpperInvariant();
        var wkb = await db.Set<TerritoryContour>().AsNoTracking()
            .Where(c => c.Kind == kind && c.Code == code).Select(c => c.Geometry).SingleOrDefaultAsync(cancellationToken);
        return wkb is null ? null : new WKBReader().Read(wkb);
    }

    /// <summary>
    /// GeoJSON FeatureCollection (UTF-8 bytes) of the outlines of the <paramref name="childKind"/>
    /// territories inside a territory (or of the territory itself when kinds are equal), with
    /// code, name and population as properties. Territories without an outline are left out.
    /// </summary>
    public async Task<byte[]> ContoursGeoJsonAsync(TerritoryKind kind, string code, TerritoryKind childKind, CancellationToken cancellationToken = default)
    {
        code = code.Trim().ToUpperInvariant();
        IQueryable<Territory> members = childKind == kind
            ? Territories.Where(t => t.Kind == kind && t.Code == code)
            : childKind switch
            {
                TerritoryKind.Commune => CommunesOf(kind, code),
                TerritoryKind.Departement when kind == TerritoryKind.Region => Territories.Where(t => t.Kind == TerritoryKind.Departement && t.RegionCode == code),
                TerritoryKind.Epci => Territories.Where(t => t.Kind == TerritoryKind.Epci && CommunesOf(kind, code).Any(c => c.EpciCode == t.Code)),
                _ => Territories.Where(_ => false),
            };

        var rows = await (
                from t in members
                join c in db.Set<TerritoryContour>().AsNoTracking() on new { t.Kind, t.Code } equals new { c.Kind, c.Code }
                orderby t.Code
                select new { t.Kind, t.Code, t.Name, t.Population, c.Geometry })
            .ToListAsync(cancellationToken);

        var reader = new WKBReader();
        var collection = new FeatureCollection();
        foreach (var row in rows)
        {
            collection.Add(new Feature(reader.Read(row.Geometry), new AttributesTable
            {
                { "kind", row.Kind.ToSlug() },
                { "code", row.Code },
                { "nom", row.Name },
                { "population", row.Population },
            }));
        }

        return JsonSerializer.SerializeToUtf8Bytes(collection, GeoJsonOptions);
    }

    /// <summary>Id of the latest outline import, so callers can cache GeoJSON until the next import.</summary>
    public Task<Guid> ContoursVersionAsync(CancellationToken cancellationToken = default) =>
        db.Set<Core.Imports.DatasetImport>().AsNoTracking()
            .Where(i => i.Dataset == Import.ContoursImporter.Dataset || i.Dataset == Import.TerritoriesImporter.Dataset)
            .OrderByDescending(i => i.Id).Select(i => i.Id).FirstOrDefaultAsync(cancellationToken);

    private IQueryable<Territory> CommunesOf(TerritoryKind kind, string code) => Territories.CommunesOf(kind, code);

    private async Task<IReadOnlyList<TerritorySummary>> SummariesAsync(List<Territory> rows, CancellationToken cancellationToken)
    {
        var communeCodes = rows.Where(r => r.Kind == TerritoryKind.Commune).Select(r => r.Code).ToList();
        var postal = communeCodes.Count == 0
            ? []
            : (await db.Set<PostalCode>().AsNoTracking().Where(p => communeCodes.Contains(p.CommuneCode)).ToListAsync(cancellationToken))
                .GroupBy(p => p.CommuneCode)
                .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(p => p.Code).Order(StringComparer.Ordinal).ToList());
        return rows.Select(r => new TerritorySummary(r.Kind, r.Code, r.Name, r.Category, r.Population, r.DepartementCode,
            postal.GetValueOrDefault(r.Code) ?? [])).ToList();
    }
}
