using Microsoft.EntityFrameworkCore;
using Scoran.Core.Imports;
using Scoran.Observatory.Import.Arcep;
using Scoran.Observatory.Indicators;
using Scoran.Observatory.Model;
using Scoran.Territories.Model;
using Scoran.Territories.Queries;

namespace Scoran.Observatory.Connexion;

/// <summary>Indicators Scoran draws from « Ma connexion internet », by their API and map name.</summary>
public static class ConnexionIndicator
{
    public const string Ftth = "ftth";
    public const string Bhd8 = "bhd8";
    public const string Thd30 = "thd30";
    public const string Thd100 = "thd100";
    public const string Gigabit = "gigabit";
    public const string NoWired = "sans-filaire";

    public static readonly IReadOnlyList<string> All = [Ftth, Bhd8, Thd30, Thd100, Gigabit, NoWired];

    public static string Label(string indicator) => indicator switch
    {
        Ftth => "Locaux éligibles à la fibre (FttH)",
        Bhd8 => "Locaux à 8 Mbit/s ou plus (bon haut débit)",
        Thd30 => "Locaux à 30 Mbit/s ou plus (très haut débit)",
        Thd100 => "Locaux à 100 Mbit/s ou plus",
        Gigabit => "Locaux à 1 Gbit/s ou plus",
        NoWired => "Locaux sans bon haut débit filaire",
        _ => indicator,
    };
}

/// <summary>
/// Every indicator of a territory at one date, each with the two counts it comes from. The
/// speed classes of <c>commune_debit</c> are "best speed" classes (each premises is counted in
/// the one class of its best available speed), so they partition the premises and "≥ 30 Mbit/s"
/// is the sum of the classes from THD30 up. Each family is divided by its own <c>nbr</c>.
/// </summary>
public sealed record ConnexionIndicators(DateOnly Date, IReadOnlyDictionary<string, long> Debit, IReadOnlyDictionary<string, long> Techno, IReadOnlyDictionary<string, long> Best)
{
    public Quarter Quarter => new(Date.Year, (Date.Month + 2) / 3);

    public bool HasDebit => Debit.Count > 0;
    public bool HasTechno => Techno.Count > 0;
    public bool HasBest => Best.Count > 0;

    /// <summary>Premises of the speed file (the denominator of the speed classes).</summary>
    public long Premises => V(Debit, "nbr");

    public CoverageRate Bhd8 => new(V(Debit, "elig_cd_3") + V(Debit, "elig_cd_4") + V(Debit, "elig_cd_5") + V(Debit, "elig_cd_6"), Premises);
    public CoverageRate Thd30 => new(V(Debit, "elig_cd_4") + V(Debit, "elig_cd_5") + V(Debit, "elig_cd_6"), Premises);
    public CoverageRate Thd100 => new(V(Debit, "elig_cd_5") + V(Debit, "elig_cd_6"), Premises);
    public CoverageRate Gigabit => new(V(Debit, "elig_cd_6"), Premises);

    /// <summary>FttH eligible premises of the technology file over its premises.</summary>
    public CoverageRate Ftth => new(V(Techno, "elig_ftth"), V(Techno, "nbr"));
    public CoverageRate Thdr => new(V(Techno, "elig_thdr"), V(Techno, "nbr"));
    public CoverageRate FixedFourG => new(V(Techno, "elig_4gf"), V(Techno, "nbr"));
    public CoverageRate Satellite => new(V(Techno, "elig_sat"), V(Techno, "nbr"));

    /// <summary>
    /// Premises whose best technology is not a wired one of at least 8 Mbit/s: all premises of
    /// <c>commune_meilleure_techno</c> minus those whose best is FttH, cable, DSL ≥ 30 or DSL ≥ 8.
    /// What remains is THD radio, 4G fixe, HD radio, satellite, and premises with nothing better
    /// than slow DSL or nothing at all (the file has no column for them). Never negative in the
    /// count shown: an inconsistent file is flagged by <see cref="BestInconsistent"/>.
    /// </summary>
    public CoverageRate NoWired => new(Math.Max(0, V(Best, "nbr") - Wired), V(Best, "nbr"));

    private long Wired => V(Best, "elig_ftth") + V(Best, "elig_coax") + V(Best, "elig_cu_30") + V(Best, "elig_cu_8");

    /// <summary>The best-technology columns add up to more than the premises: the raw data is inconsistent.</summary>
    public bool BestInconsistent => Wired > V(Best, "nbr");

    public CoverageRate? Of(string indicator) => indicator switch
    {
        ConnexionIndicator.Ftth when HasTechno => Ftth,
        ConnexionIndicator.Bhd8 when HasDebit => Bhd8,
        ConnexionIndicator.Thd30 when HasDebit => Thd30,
        ConnexionIndicator.Thd100 when HasDebit => Thd100,
        ConnexionIndicator.Gigabit when HasDebit => Gigabit,
        ConnexionIndicator.NoWired when HasBest => NoWired,
        _ => null,
    };

    /// <summary>Any rate of these indicators above 100 % (shown as is, never capped).</summary>
    public bool ExceedsPremises => ConnexionIndicator.All.Any(i => Of(i) is { ExceedsPremises: true }) || BestInconsistent;

    public static long V(IReadOnlyDictionary<string, long> counts, string measure) => counts.GetValueOrDefault(measure);
}

/// <summary>Provenance of the figures at one date: one import per family.</summary>
public sealed record ConnexionSource(DateOnly Date, IReadOnlyList<ConnexionSourceFile> Files)
{
    public bool Synthetic => Files.Any(f => f.Publisher == ConnexionImporter.SyntheticPublisher);

    /// <summary>The source line printed under every figure, table and file.</summary>
    public string Line => (Synthetic ? $"{ConnexionImporter.SyntheticNotice.ToUpperInvariant()[..1]}{ConnexionImporter.SyntheticNotice[1..]} (pas des chiffres réels) — " : "") +
                          string.Join(" ; ", Files.Select(f => $"{f.Publisher}, {f.File}, état au {f.Vintage}, {f.Licence}, importé le {f.ImportedAt:yyyy-MM-dd}"));
}

public sealed record ConnexionSourceFile(string Dataset, string Publisher, string File, string Vintage, string Licence, DateTimeOffset ImportedAt);

public sealed record ConnexionSeries(IReadOnlyList<ConnexionIndicators> Points, ConnexionSource Source);

public sealed record ConnexionBreakdownRow(TerritoryKind Kind, string Code, string Name, ConnexionIndicators Indicators);

/// <summary>Part of a territory in one FttH deployment zone; <see cref="Zone"/> is null for communes the FttH release does not zone.</summary>
public sealed record ConnexionZoneRow(FtthZone? Zone, int Communes, ConnexionIndicators Indicators);

/// <summary>A territory next to which the current one is compared (itself, its EPCI, département, région, France).</summary>
public sealed record ConnexionComparisonRow(TerritoryKind? Kind, string Code, string Name, ConnexionIndicators Indicators);

/// <summary>
/// Read side of « Ma connexion internet ». Every aggregate is a sum of the commune counts of the
/// same date (never an average of rates); only <c>type = all</c> rows (housing + business) count.
/// A null kind means France: every commune of the data.
/// </summary>
public sealed class ConnexionQueries(DbContext db)
{
    private readonly TerritoryQueries territories = new(db);

    private const string All = "all";

    public async Task<IReadOnlyList<DateOnly>> DatesAsync(CancellationToken cancellationToken = default) =>
        await db.Set<ConnexionCommuneCount>().AsNoTracking().Select(c => c.Date).Distinct().OrderBy(d => d).ToListAsync(cancellationToken);

    public async Task<ConnexionSeries?> SeriesAsync(TerritoryKind? kind, string code, CancellationToken cancellationToken = default)
    {
        var communes = CommunesOf(kind, code).Select(t => t.Code);
        var sums = await db.Set<ConnexionCommuneCount>().AsNoTracking()
            .Where(c => c.PremisesType == All && communes.Contains(c.CommuneCode))
            .GroupBy(c => new { c.Date, c.Family, c.Measure })
            .Select(g => new { g.Key.Date, g.Key.Family, g.Key.Measure, Value = g.Sum(x => x.Value) })
            .ToListAsync(cancellationToken);
        if (sums.Count == 0)
        {
            return null;
        }

        var points = sums.GroupBy(s => s.Date).OrderBy(g => g.Key)
            .Select(g => Build(g.Key, g.Select(s => (s.Family, s.Measure, s.Value))))
            .ToList();
        return new ConnexionSeries(points, await SourceAsync(points[^1].Date, cancellationToken));
    }

    /// <summary>Indicators of each <paramref name="childKind"/> territory inside a territory, at one date.</summary>
    public async Task<IReadOnlyList<ConnexionBreakdownRow>> BreakdownAsync(TerritoryKind? kind, string code, TerritoryKind childKind, DateOnly date, CancellationToken cancellationToken = default)
    {
        var sums = await (
                from t in CommunesOf(kind, code)
                join c in db.Set<ConnexionCommuneCount>().AsNoTracking().Where(c => c.Date == date && c.PremisesType == All) on t.Code equals c.CommuneCode
                select new
                {
                    Group = childKind == TerritoryKind.Region ? t.RegionCode : childKind == TerritoryKind.Departement ? t.DepartementCode : childKind == TerritoryKind.Epci ? t.EpciCode : t.Code,
                    c.Family, c.Measure, c.Value,
                })
            .GroupBy(x => new { x.Group, x.Family, x.Measure })
            .Select(g => new { g.Key.Group, g.Key.Family, g.Key.Measure, Value = g.Sum(x => x.Value) })
            .ToListAsync(cancellationToken);
        var codes = sums.Where(s => s.Group != null).Select(s => s.Group!).Distinct().ToList();
        var names = await territories.NamesAsync(childKind, codes, cancellationToken);
        return sums.Where(s => s.Group != null).GroupBy(s => s.Group!)
            .Select(g => new ConnexionBreakdownRow(childKind, g.Key, names.GetValueOrDefault(g.Key) ?? g.Key, Build(date, g.Select(s => (s.Family, s.Measure, s.Value)))))
            .OrderBy(r => r.Code, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Indicators split by FttH deployment zone, taken from the latest FttH release's zoning of each commune.</summary>
    public async Task<IReadOnlyList<ConnexionZoneRow>> ZonesAsync(TerritoryKind? kind, string code, DateOnly date, CancellationToken cancellationToken = default)
    {
        var release = await db.Set<FtthCommuneProfile>().AsNoTracking().Select(p => p.Release).OrderByDescending(r => r).FirstOrDefaultAsync(cancellationToken);
        var communes = CommunesOf(kind, code).Select(t => t.Code);
        var counts = await db.Set<ConnexionCommuneCount>().AsNoTracking()
            .Where(c => c.Date == date && c.PremisesType == All && communes.Contains(c.CommuneCode))
            .GroupBy(c => new { c.CommuneCode, c.Family, c.Measure })
            .Select(g => new { g.Key.CommuneCode, g.Key.Family, g.Key.Measure, Value = g.Sum(x => x.Value) })
            .ToListAsync(cancellationToken);
        var zones = release is null ? [] : await db.Set<FtthCommuneProfile>().AsNoTracking()
            .Where(p => p.Release == release && communes.Contains(p.CommuneCode))
            .ToDictionaryAsync(p => p.CommuneCode, p => p.Zone, cancellationToken);
        return counts
            .GroupBy(c => zones.TryGetValue(c.CommuneCode, out var z) ? z : (FtthZone?)null)
            .Select(g => new ConnexionZoneRow(g.Key, g.Select(c => c.CommuneCode).Distinct().Count(), Build(date, g.Select(s => (s.Family, s.Measure, s.Value)))))
            .OrderBy(r => r.Zone is null ? 1 : 0).ThenBy(r => r.Zone)
            .ToList();
    }

    /// <summary>The territory and every territory containing it, up to France, at the same date.</summary>
    /// <param name="self">The territory's own indicators at that date when the caller has them already (saves one sum).</param>
    public async Task<IReadOnlyList<ConnexionComparisonRow>> ComparisonAsync(TerritoryKind kind, string code, DateOnly date, CancellationToken cancellationToken = default, ConnexionIndicators? self = null)
    {
        var territory = await territories.FindAsync(kind, code, cancellationToken);
        if (territory is null)
        {
            return [];
        }

        var chain = new List<(TerritoryKind? Kind, string Code)> { (kind, code) };
        if (kind == TerritoryKind.Commune && territory.EpciCode is { } epci)
        {
            chain.Add((TerritoryKind.Epci, epci));
        }

        if (kind is TerritoryKind.Commune or TerritoryKind.Epci)
        {
            // An EPCI across départements is compared with the département of its first commune by code (stable, and documented).
            var anchor = kind == TerritoryKind.Commune ? territory : await CommunesOf(kind, code).OrderBy(t => t.Code).FirstOrDefaultAsync(cancellationToken);
            if (anchor?.DepartementCode is { } dep)
            {
                chain.Add((TerritoryKind.Departement, dep));
            }
        }

        var region = kind == TerritoryKind.Region ? null : territory.RegionCode
            ?? (await CommunesOf(kind, code).Select(t => t.RegionCode).FirstOrDefaultAsync(cancellationToken));
        if (region is not null)
        {
            chain.Add((TerritoryKind.Region, region));
        }

        chain.Add((null, "FR"));
        var rows = new List<ConnexionComparisonRow>();
        foreach (var (k, c) in chain)
        {
            var indicators = self is { } known && known.Date == date && k == kind && c == code ? known : Build(date, await SumsAsync(k, c, date, cancellationToken));
            var name = k is null ? "France (communes importées)"
                : await territories.NameAsync(k.Value, c, cancellationToken) ?? c;
            rows.Add(new ConnexionComparisonRow(k, c, name, indicators));
        }

        return rows;
    }

    public async Task<ConnexionIndicators?> AtAsync(TerritoryKind? kind, string code, DateOnly date, CancellationToken cancellationToken = default)
    {
        var sums = await SumsAsync(kind, code, date, cancellationToken);
        return sums.Count == 0 ? null : Build(date, sums);
    }

    public async Task<ConnexionSource> SourceAsync(DateOnly date, CancellationToken cancellationToken = default)
    {
        var vintage = date.ToString("yyyy-MM-dd");
        var imports = await db.Set<DatasetImport>().AsNoTracking()
            .Where(i => i.Dataset.StartsWith(ConnexionImporter.DatasetPrefix) && i.Vintage == vintage)
            .ToListAsync(cancellationToken);
        var latest = imports.GroupBy(i => i.Dataset).Select(g => g.MaxBy(i => i.ImportedAt)!).OrderBy(i => i.Dataset, StringComparer.Ordinal)
            .Select(i => new ConnexionSourceFile(i.Dataset, i.Publisher, i.Source, i.Vintage, i.Licence, i.ImportedAt))
            .ToList();
        return new ConnexionSource(date, latest);
    }

    private async Task<List<(ConnexionFamily Family, string Measure, long Value)>> SumsAsync(TerritoryKind? kind, string code, DateOnly date, CancellationToken cancellationToken)
    {
        var communes = CommunesOf(kind, code).Select(t => t.Code);
        var sums = await db.Set<ConnexionCommuneCount>().AsNoTracking()
            .Where(c => c.Date == date && c.PremisesType == All && communes.Contains(c.CommuneCode))
            .GroupBy(c => new { c.Family, c.Measure })
            .Select(g => new { g.Key.Family, g.Key.Measure, Value = g.Sum(x => x.Value) })
            .ToListAsync(cancellationToken);
        return sums.Select(s => (s.Family, s.Measure, s.Value)).ToList();
    }

    // Sums repeated measures, so rows of several communes (a zone) fold into one territory.
    private static ConnexionIndicators Build(DateOnly date, IEnumerable<(ConnexionFamily Family, string Measure, long Value)> sums)
    {
        var byFamily = sums.GroupBy(s => s.Family).ToDictionary(g => g.Key, g => (IReadOnlyDictionary<string, long>)g.GroupBy(s => s.Measure).ToDictionary(m => m.Key, m => m.Sum(s => s.Value)));
        IReadOnlyDictionary<string, long> Of(ConnexionFamily f) => byFamily.GetValueOrDefault(f) ?? new Dictionary<string, long>();
        return new ConnexionIndicators(date, Of(ConnexionFamily.Debit), Of(ConnexionFamily.Techno), Of(ConnexionFamily.MeilleureTechno));
    }

    private IQueryable<Territory> CommunesOf(TerritoryKind? kind, string code) => territories.Communes(kind, code);
}
