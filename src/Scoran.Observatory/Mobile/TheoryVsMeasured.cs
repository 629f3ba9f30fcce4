using Scoran.Territories.Queries;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Scoran.Territories.Model;

namespace Scoran.Observatory.Mobile;

/// <summary>
/// When measurements contradict an announcement (documented in docs/observatory-mobile.md):
/// the operator announces good 4G for at least <see cref="AnnouncedShare"/> of the commune's
/// population, and its measurements there number at least <see cref="MinMeasurements"/> from at
/// least <see cref="MinContributors"/> distinct contributors, of which at least
/// <see cref="MinEvidence"/> and at least <see cref="MinEvidenceShare"/> of them found no service
/// or only 2G/3G. Defaults are deliberately cautious: a few unlucky measurements are not evidence.
/// An installation changes them through <see cref="ContradictionOptions"/> (Scoran:Mobile:Contradiction).
/// </summary>
public sealed record ContradictionRule(
    decimal AnnouncedShare = 0.9m,
    int MinMeasurements = 5,
    int MinContributors = 3,
    int MinEvidence = 3,
    decimal MinEvidenceShare = 0.3m)
{
    public static ContradictionRule Default { get; } = new();

    /// <summary>The rule in words, for pages and the header of exports (« règle appliquée »).</summary>
    public string Describe() => string.Create(System.Globalization.CultureInfo.GetCultureInfo("fr-FR"),
        $"l'opérateur annonce une bonne couverture 4G pour au moins {AnnouncedShare * 100:0.##} % de la population de la commune, " +
        $"et ses mesures y sont au moins {MinMeasurements}, de {MinContributors} contributeurs distincts au moins, dont au moins {MinEvidence} " +
        $"— et au moins {MinEvidenceShare * 100:0.##} % d'entre elles — sans service ou seulement en 2G/3G");
}

/// <summary>Announced coverage against measurements for one commune and operator.</summary>
public sealed record TheoryVsMeasuredRow(
    string CommuneCode,
    string CommuneName,
    string Operator,
    decimal? Announced4GShare,
    int Measurements,
    int Contributors,
    int NoService,
    int BelowFourG,
    double? MedianDownloadMbps,
    bool Contradiction)
{
    /// <summary>Measurements that speak against the announcement: no service, or service only in 2G/3G.</summary>
    public int Evidence => NoService + BelowFourG;

    public string OperatorName => MobileOperators.Name(Operator);
}

public sealed record TheoryVsMeasuredResult(bool MeasurementsAvailable, int? Vintage, ContradictionRule Rule, IReadOnlyList<TheoryVsMeasuredRow> Rows)
{
    public IReadOnlyList<TheoryVsMeasuredRow> Contradictions => Rows.Where(r => r.Contradiction).ToList();
}

/// <summary>
/// Compares Arcep's announced coverage with crowdsourced measurements. The measurements come
/// through <see cref="IMeasuredQualitySource"/>, resolved optionally: without a registered
/// source the comparison says so instead of failing.
/// </summary>
public sealed class TheoryVsMeasured(MobileQueries queries, DbContext db, IServiceProvider services)
{
    public bool MeasurementsAvailable => services.GetService<IMeasuredQualitySource>() is not null;

    public async Task<TheoryVsMeasuredResult> CompareAsync(TerritoryKind? kind, string code, ContradictionRule? rule = null,
        DateTimeOffset? from = null, DateTimeOffset? to = null, CancellationToken cancellationToken = default)
    {
        // The installation's settings (Scoran:Mobile:Contradiction), else the documented defaults.
        rule ??= services.GetService<IOptions<ContradictionOptions>>()?.Value.ToRule() ?? ContradictionRule.Default;
        var vintage = (await queries.VintagesAsync(cancellationToken)).LastOrDefault() is var v and > 0 ? v : (int?)null;
        var source = services.GetService<IMeasuredQualitySource>();
        if (source is null)
        {
            return new TheoryVsMeasuredResult(false, vintage, rule, []);
        }

        var announced = vintage is { } at
            ? (await queries.Announced4GAsync(kind, code, at, cancellationToken)).ToDictionary(a => (a.Commune, a.Operator), a => a.Rate)
            : [];
        // The contract's territory code does not say its kind ("21" is a département, "21231" a commune): ask for all and keep ours.
        var measured = await source.ByCommuneAndOperatorAsync(null, from, to, cancellationToken);
        var communeCodes = measured.Select(m => m.CommuneCode).Distinct().ToList();
        var names = await new TerritoryQueries(db).CommunesByCodeAsync(communeCodes, cancellationToken);
        bool Inside(string commune) => kind is null || (names.TryGetValue(commune, out var t) && kind switch
        {
            TerritoryKind.Region => t.RegionCode == code,
            TerritoryKind.Departement => t.DepartementCode == code,
            TerritoryKind.Epci => t.EpciCode == code,
            _ => t.Code == code,
        });

        var rows = measured
            .Where(m => Inside(m.CommuneCode) && MobileOperators.ByMccMnc(m.OperatorCode) is not null)
            .GroupBy(m => (m.CommuneCode, Operator: MobileOperators.ByMccMnc(m.OperatorCode)!.Id))
            .Select(g =>
            {
                var count = g.Sum(m => m.MeasurementCount);
                // Distinct contributors cannot be added across technologies (one person measures several): the largest is a safe lower bound.
                var contributors = g.Max(m => m.DistinctContributors);
                var noService = g.Sum(m => m.NoServiceCount);
                var below = g.Where(m => m.Technology is "2G" or "3G").Sum(m => Math.Max(0, m.MeasurementCount - m.NoServiceCount));
                var median = g.Where(m => m.Technology is "4G" or "5G" && m.MedianDownloadMbps is not null)
                    .OrderByDescending(m => m.MeasurementCount).Select(m => m.MedianDownloadMbps).FirstOrDefault();
                var share = announced.TryGetValue((g.Key.CommuneCode, g.Key.Operator), out var a) ? a : null;
                var evidence = noService + below;
                var contradiction = share is { } s && s >= rule.AnnouncedShare
                    && count >= rule.MinMeasurements && contributors >= rule.MinContributors
                    && evidence >= rule.MinEvidence && count > 0 && (decimal)evidence / count >= rule.MinEvidenceShare;
                return new TheoryVsMeasuredRow(g.Key.CommuneCode, names.GetValueOrDefault(g.Key.CommuneCode)?.Name ?? g.Key.CommuneCode, g.Key.Operator,
                    share, count, contributors, noService, below, median, contradiction);
            })
            .OrderByDescending(r => r.Contradiction).ThenByDescending(r => r.Evidence).ThenBy(r => r.CommuneCode, StringComparer.Ordinal).ThenBy(r => r.Operator, StringComparer.Ordinal)
            .ToList();
        return new TheoryVsMeasuredResult(true, vintage, rule, rows);
    }
}
