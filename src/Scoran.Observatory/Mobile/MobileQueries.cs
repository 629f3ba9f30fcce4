using Microsoft.EntityFrameworkCore;
using Scoran.Core.Imports;
using Scoran.Observatory.Model;
using Scoran.Observatory.Targets;
using Scoran.Territories.Model;
using Scoran.Territories.Queries;

namespace Scoran.Observatory.Mobile;

/// <summary>A covered share as the two sums it comes from: population (or area) covered over population (or area) of the same communes.</summary>
public readonly record struct MobileShare(long PopulationCovered, long Population, decimal AreaCovered, decimal Area)
{
    public decimal? PopulationRate => Population > 0 ? (decimal)PopulationCovered / Population : null;
    public decimal? AreaRate => Area > 0 ? AreaCovered / Area : null;

    public static MobileShare operator +(MobileShare a, MobileShare b) =>
        new(a.PopulationCovered + b.PopulationCovered, a.Population + b.Population, a.AreaCovered + b.AreaCovered, a.Area + b.Area);
}

/// <summary>One line of the per-operator table: an operator, technology and level over a territory.</summary>
public sealed record MobileCoverageLine(string Operator, string Technology, string Level, MobileShare Share);

/// <summary>Communes (and their population) by number of operators present in 4G.</summary>
public sealed record OperatorsPresence(int Operators, int Communes, long Population);

/// <summary>A commune where no operator announces any 4G coverage (« zone blanche 4G »).</summary>
public sealed record WhiteZoneCommune(string Code, string Name, string? DepartementCode, string? EpciCode, long Population, decimal AreaKm2);

/// <summary>The commune-level figures of one vintage over one territory, from which every indicator is a sum.</summary>
public sealed record MobileIndicators(
    int Vintage,
    int Communes,
    long Population,
    decimal AreaKm2,
    IReadOnlyList<MobileCoverageLine> Lines,
    MobileShare AtLeastOneOperator4G,
    IReadOnlyList<OperatorsPresence> Presence,
    IReadOnlyList<WhiteZoneCommune> WhiteZones)
{
    public Quarter Quarter => Quarter.FromKey(Vintage);

    public MobileShare Of(string op, string technology, string level = MobileLevels.Good) =>
        Lines.FirstOrDefault(l => l.Operator == op && l.Technology == technology && l.Level == level)?.Share ?? new MobileShare(0, Population, 0, AreaKm2);

    public long WhiteZonePopulation => WhiteZones.Sum(w => w.Population);
    public decimal WhiteZoneArea => WhiteZones.Sum(w => w.AreaKm2);
}

public sealed record MobileBreakdownRow(TerritoryKind Kind, string Code, string Name, MobileIndicators Indicators);

/// <summary>One vintage of the history: the 4G "bonne couverture" population share per operator and for at least one operator.</summary>
public sealed record MobileHistoryPoint(int Vintage, long Population, MobileShare AtLeastOne, IReadOnlyDictionary<string, MobileShare> ByOperator)
{
    public Quarter Quarter => Quarter.FromKey(Vintage);
}

public sealed record MobileSourceFile(string Dataset, string Publisher, string File, string Vintage, string Licence, DateTimeOffset ImportedAt, string Summary);

/// <summary>Provenance of the mobile figures at one vintage.</summary>
public sealed record MobileSource(IReadOnlyList<MobileSourceFile> Files)
{
    public bool Synthetic => Files.Any(f => f.Publisher == MobileImporter.SyntheticPublisher);

    public string Line => Files.Count == 0 ? "aucune source importée" :
        (Synthetic ? "Données de démonstration synthétiques (pas des chiffres réels) — " : "") +
        string.Join(" ; ", Files.Select(f => $"{f.Publisher}, {f.File}, millésime {f.Vintage}, {f.Licence}, importé le {f.ImportedAt:yyyy-MM-dd}"));
}

/// <summary>A New Deal site with its derived lateness: planned and past its deadline at the list's vintage.</summary>
public sealed record NewDealSiteView(NewDealSite Site, string CommuneName, bool Late)
{
    public string StatusLabel => NewDealStatuses.Label(Site.Status, Late);
}

public sealed record NewDealSummary(int Vintage, int Planned, int InService, int Late, IReadOnlyList<NewDealSiteView> Sites)
{
    public int Total => Sites.Count;
}

/// <summary>
/// Read side of the mobile observatory. Every figure of a territory is a sum over its current
/// communes of the same vintage (populations, areas, covered parts), never an average of
/// percentages. A null kind means France: every commune of the data.
/// </summary>
public sealed class MobileQueries(DbContext db)
{
    private readonly TerritoryQueries territories = new(db);

    public const string HeadlineTechnology = "4G";

    public async Task<IReadOnlyList<int>> VintagesAsync(CancellationToken cancellationToken = default) =>
        await db.Set<MobileCommuneBase>().AsNoTracking().Select(b => b.Vintage).Distinct().OrderBy(v => v).ToListAsync(cancellationToken);

    /// <summary>The territory's indicators at a vintage (the latest when null); null when nothing is imported for it.</summary>
    public async Task<MobileIndicators?> AtAsync(TerritoryKind? kind, string code, int? vintage = null, CancellationToken cancellationToken = default)
    {
        var chosen = await ChooseAsync(vintage, cancellationToken);
        if (chosen is null)
        {
            return null;
        }

        var communes = await CommunesAsync(kind, code, cancellationToken);
        var figures = await FiguresAsync(kind, code, chosen.Value, cancellationToken);
        return figures.Count == 0 ? null : Build(chosen.Value, figures, communes);
    }

    /// <summary>Indicators of each <paramref name="childKind"/> territory inside a territory.</summary>
    public async Task<IReadOnlyList<MobileBreakdownRow>> BreakdownAsync(TerritoryKind? kind, string code, TerritoryKind childKind, int vintage, CancellationToken cancellationToken = default)
    {
        var communes = await CommunesAsync(kind, code, cancellationToken);
        var figures = await FiguresAsync(kind, code, vintage, cancellationToken);
        string? GroupOf(Territory t) => childKind switch
        {
            TerritoryKind.Region => t.RegionCode,
            TerritoryKind.Departement => t.DepartementCode,
            TerritoryKind.Epci => t.EpciCode,
            _ => t.Code,
        };
        var groups = figures.GroupBy(f => communes.TryGetValue(f.Key, out var t) ? GroupOf(t) : null).Where(g => g.Key is not null).ToList();
        var codes = groups.Select(g => g.Key!).ToList();
        var names = childKind == TerritoryKind.Commune
            ? communes.Values.ToDictionary(t => t.Code, t => t.Name)
            : await territories.NamesAsync(childKind, codes, cancellationToken);
        return groups
            .Select(g => new MobileBreakdownRow(childKind, g.Key!, names.GetValueOrDefault(g.Key!) ?? g.Key!, Build(vintage, g.ToDictionary(x => x.Key, x => x.Value), communes)))
            .OrderBy(r => r.Code, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>History of the headline indicator (4G, bonne couverture or better, share of population) at every vintage.</summary>
    public async Task<IReadOnlyList<MobileHistoryPoint>> HistoryAsync(TerritoryKind? kind, string code, CancellationToken cancellationToken = default)
    {
        var communes = CommuneCodes(kind, code);
        var bases = await db.Set<MobileCommuneBase>().AsNoTracking().Where(b => communes.Contains(b.CommuneCode))
            .Select(b => new { b.Vintage, b.CommuneCode, b.Population }).ToListAsync(cancellationToken);
        var covered = await db.Set<MobileCoverage>().AsNoTracking()
            .Where(c => c.Technology == HeadlineTechnology && c.Level == MobileLevels.Good && communes.Contains(c.CommuneCode))
            .Select(c => new { c.Vintage, c.CommuneCode, c.Operator, c.PopulationCovered }).ToListAsync(cancellationToken);
        var byVintage = covered.ToLookup(c => c.Vintage);
        return bases.GroupBy(b => b.Vintage).OrderBy(g => g.Key).Select(g =>
        {
            var population = g.Sum(b => b.Population);
            var rows = byVintage[g.Key].ToList();
            var byOperator = MobileOperators.All.ToDictionary(o => o.Id, o => new MobileShare(rows.Where(r => r.Operator == o.Id).Sum(r => r.PopulationCovered), population, 0, 0));
            var atLeastOne = rows.GroupBy(r => r.CommuneCode).Sum(c => c.Max(r => r.PopulationCovered));
            return new MobileHistoryPoint(g.Key, population, new MobileShare(atLeastOne, population, 0, 0), byOperator);
        }).ToList();
    }

    /// <summary>Mobile targets (targets.json, indicator <see cref="MobileTargets.Coverage4G"/>) assessed on the history with the observatory's trajectory rule.</summary>
    public async Task<IReadOnlyList<TrajectoryAssessment>> AssessAsync(TerritoryKind kind, string code, string? regionCode, IReadOnlyList<MobileHistoryPoint>? history = null, CancellationToken cancellationToken = default)
    {
        history ??= await HistoryAsync(kind, code, cancellationToken);
        var points = history.Where(h => h.AtLeastOne.PopulationRate is not null).Select(h => (h.Quarter, h.AtLeastOne.PopulationRate!.Value)).ToList();
        return TargetCatalog.Shipped
            .Where(t => MobileTargets.IsMobile(t.Indicator) && t.AppliesTo(kind, code, regionCode))
            .Select(t => Trajectory.Assess(t, points))
            .ToList();
    }

    public async Task<MobileSource> SourceAsync(int vintage, CancellationToken cancellationToken = default)
    {
        var text = MobileVintage.Format(vintage);
        var imports = await db.Set<DatasetImport>().AsNoTracking()
            .Where(i => i.Dataset == MobileImporter.CoverageDataset && i.Vintage == text)
            .ToListAsync(cancellationToken);
        return new MobileSource(imports.OrderByDescending(i => i.ImportedAt).Take(1)
            .Select(i => new MobileSourceFile(i.Dataset, i.Publisher, i.Source, i.Vintage, i.Licence, i.ImportedAt, i.Summary)).ToList());
    }

    public async Task<MobileSource> SitesSourceAsync(int vintage, CancellationToken cancellationToken = default)
    {
        var text = MobileVintage.Format(vintage);
        var imports = await db.Set<DatasetImport>().AsNoTracking()
            .Where(i => i.Dataset == MobileImporter.SitesDataset && i.Vintage == text).ToListAsync(cancellationToken);
        return new MobileSource(imports.OrderByDescending(i => i.ImportedAt).Take(1)
            .Select(i => new MobileSourceFile(i.Dataset, i.Publisher, i.Source, i.Vintage, i.Licence, i.ImportedAt, i.Summary)).ToList());
    }

    /// <summary>
    /// New Deal sites of a territory at the latest list (or <paramref name="vintage"/>): a site is late
    /// when it is not in service and its deadline is before the end of the list's quarter.
    /// </summary>
    public async Task<NewDealSummary?> NewDealAsync(TerritoryKind? kind, string code, int? vintage = null, CancellationToken cancellationToken = default)
    {
        var chosen = vintage ?? await db.Set<NewDealSite>().AsNoTracking().Select(s => (int?)s.Vintage).MaxAsync(cancellationToken);
        if (chosen is null)
        {
            return null;
        }

        var communes = await CommunesAsync(kind, code, cancellationToken);
        var codes = CommuneCodes(kind, code);
        var sites = await db.Set<NewDealSite>().AsNoTracking().Where(s => s.Vintage == chosen && codes.Contains(s.CommuneCode)).ToListAsync(cancellationToken);
        var asOf = Quarter.FromKey(chosen.Value).EndDate;
        var views = sites
            .Select(s => new NewDealSiteView(s, communes.GetValueOrDefault(s.CommuneCode)?.Name ?? s.CommuneCode, IsLate(s, asOf)))
            .OrderBy(v => v.Site.CommuneCode, StringComparer.Ordinal).ThenBy(v => v.Site.SiteId, StringComparer.Ordinal)
            .ToList();
        return new NewDealSummary(chosen.Value,
            views.Count(v => v.Site.Status == NewDealStatuses.Planned && !v.Late),
            views.Count(v => v.Site.Status == NewDealStatuses.InService),
            views.Count(v => v.Late),
            views);
    }

    public static bool IsLate(NewDealSite site, DateOnly asOf) => site.Status != NewDealStatuses.InService && site.Deadline is { } d && d < asOf;

    /// <summary>Announced 4G coverage per commune and operator (share of population, bonne couverture or better), for the theory-vs-measured comparison.</summary>
    public async Task<IReadOnlyList<(string Commune, string Operator, decimal? Rate)>> Announced4GAsync(TerritoryKind? kind, string code, int vintage, CancellationToken cancellationToken = default)
    {
        var codes = CommuneCodes(kind, code);
        var bases = await db.Set<MobileCommuneBase>().AsNoTracking().Where(b => b.Vintage == vintage && codes.Contains(b.CommuneCode))
            .ToDictionaryAsync(b => b.CommuneCode, b => b.Population, cancellationToken);
        var rows = await db.Set<MobileCoverage>().AsNoTracking()
            .Where(c => c.Vintage == vintage && c.Technology == HeadlineTechnology && c.Level == MobileLevels.Good && codes.Contains(c.CommuneCode))
            .Select(c => new { c.CommuneCode, c.Operator, c.PopulationCovered }).ToListAsync(cancellationToken);
        return rows.Select(r => (r.CommuneCode, r.Operator, bases.GetValueOrDefault(r.CommuneCode) is > 0 and var p ? (decimal?)r.PopulationCovered / p : null)).ToList();
    }

    private async Task<int?> ChooseAsync(int? vintage, CancellationToken cancellationToken)
    {
        var vintages = await VintagesAsync(cancellationToken);
        return vintage is { } v && vintages.Contains(v) ? v : vintages.Count > 0 ? vintages[^1] : null;
    }

    private IQueryable<string> CommuneCodes(TerritoryKind? kind, string code) => territories.CommuneCodes(kind, code);

    private Task<Dictionary<string, Territory>> CommunesAsync(TerritoryKind? kind, string code, CancellationToken cancellationToken) =>
        territories.CommunesByCodeAsync(kind, code, cancellationToken);

    private sealed record CommuneData(long Population, decimal Area, List<MobileCoverage> Rows);

    private async Task<Dictionary<string, CommuneData>> FiguresAsync(TerritoryKind? kind, string code, int vintage, CancellationToken cancellationToken)
    {
        var codes = CommuneCodes(kind, code);
        var bases = await db.Set<MobileCommuneBase>().AsNoTracking().Where(b => b.Vintage == vintage && codes.Contains(b.CommuneCode)).ToListAsync(cancellationToken);
        var rows = (await db.Set<MobileCoverage>().AsNoTracking().Where(c => c.Vintage == vintage && codes.Contains(c.CommuneCode)).ToListAsync(cancellationToken))
            .ToLookup(r => r.CommuneCode);
        return bases.ToDictionary(b => b.CommuneCode, b => new CommuneData(b.Population, b.AreaKm2, rows[b.CommuneCode].ToList()));
    }

    private static MobileIndicators Build(int vintage, IReadOnlyDictionary<string, CommuneData> figures, IReadOnlyDictionary<string, Territory> communes)
    {
        var population = figures.Values.Sum(f => f.Population);
        var area = figures.Values.Sum(f => f.Area);
        var lines = figures.Values.SelectMany(f => f.Rows)
            .GroupBy(r => (r.Operator, r.Technology, r.Level))
            .Select(g => new MobileCoverageLine(g.Key.Operator, g.Key.Technology, g.Key.Level,
                new MobileShare(g.Sum(r => r.PopulationCovered), population, g.Sum(r => r.AreaCoveredKm2), area)))
            .OrderBy(l => MobileOperators.All.ToList().FindIndex(o => o.Id == l.Operator)).ThenBy(l => l.Technology).ThenBy(l => MobileLevels.All.ToList().IndexOf(l.Level))
            .ToList();

        // Coverage by at least one operator is a union the per-operator figures cannot give; the best operator of each commune is its lower bound.
        var atLeastOne = new MobileShare(0, 0, 0, 0);
        var presence = new int[MobileOperators.All.Count + 1];
        var presencePopulation = new long[MobileOperators.All.Count + 1];
        var white = new List<WhiteZoneCommune>();
        foreach (var (commune, f) in figures)
        {
            var good4G = f.Rows.Where(r => r.Technology == HeadlineTechnology && r.Level == MobileLevels.Good).ToList();
            atLeastOne += new MobileShare(good4G.Count == 0 ? 0 : good4G.Max(r => r.PopulationCovered), f.Population, good4G.Count == 0 ? 0 : good4G.Max(r => r.AreaCoveredKm2), f.Area);
            var present = f.Rows.Where(r => r.Technology == HeadlineTechnology && (r.PopulationCovered > 0 || r.AreaCoveredKm2 > 0)).Select(r => r.Operator).Distinct().Count();
            present = Math.Min(present, MobileOperators.All.Count);
            presence[present]++;
            presencePopulation[present] += f.Population;
            if (present == 0)
            {
                var t = communes.GetValueOrDefault(commune);
                white.Add(new WhiteZoneCommune(commune, t?.Name ?? commune, t?.DepartementCode, t?.EpciCode, f.Population, f.Area));
            }
        }

        return new MobileIndicators(vintage, figures.Count, population, area, lines, atLeastOne,
            Enumerable.Range(0, presence.Length).Select(n => new OperatorsPresence(n, presence[n], presencePopulation[n])).ToList(),
            white.OrderBy(w => w.Code, StringComparer.Ordinal).ToList());
    }
}
