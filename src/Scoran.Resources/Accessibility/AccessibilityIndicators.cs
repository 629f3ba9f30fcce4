using Scoran.Territories.Geography;
using Scoran.Territories.Model;

namespace Scoran.Resources.Accessibility;

/// <summary>A commune's inhabitants and the place nearest to their home point.</summary>
public sealed record CommuneAccess(CommunePoint Commune, long NearestPlaceId, double DistanceMeters);

/// <summary>
/// The SCORAN's accessibility indicators for one territory, all sums over its communes:
/// mean distance = Σ(population × distance) / Σ population; share beyond 10 or 20 km = population
/// of the communes whose home point is farther than 10 or 20 km from the nearest place / Σ
/// population; places per 10,000 inhabitants = places located in the territory × 10,000 / Σ
/// population. Never averages of communes' figures.
/// </summary>
public sealed record AccessibilityIndicators(
    TerritoryKind Kind,
    string Code,
    string Name,
    int Communes,
    long Population,
    int Places,
    double MeanDistanceKm,
    long PopulationBeyond10Km,
    long PopulationBeyond20Km,
    int CommunesBeyond20Km)
{
    public double ShareBeyond10Km => Population == 0 ? 0 : (double)PopulationBeyond10Km / Population;
    public double ShareBeyond20Km => Population == 0 ? 0 : (double)PopulationBeyond20Km / Population;
    public decimal? PlacesPer10000 => Population == 0 ? null : Places * 10_000m / Population;
}

public static class AccessibilityCalculator
{
    public const double TenKm = 10_000;
    public const double TwentyKm = 20_000;

    /// <summary>Every commune's nearest place through the index.</summary>
    public static IReadOnlyList<CommuneAccess> NearestForCommunes(IReadOnlyList<CommunePoint> communes, NearestPlaceIndex index) =>
        communes.Select(c => index.Find(c.Latitude, c.Longitude) is { } n ? new CommuneAccess(c, n.Id, n.Meters) : null)
            .OfType<CommuneAccess>().ToList();

    /// <summary>Sums the communes of each group into indicators; communes are summed in code order so results are reproducible to the last bit.</summary>
    public static IReadOnlyList<AccessibilityIndicators> Aggregate(
        IReadOnlyList<CommuneAccess> communes,
        TerritoryKind kind,
        Func<CommunePoint, string?> groupOf,
        IReadOnlyDictionary<string, string> names,
        IReadOnlyDictionary<string, int> placesPerCommune)
    {
        return communes
            .Select(c => (Group: groupOf(c.Commune), c))
            .Where(x => x.Group is not null)
            .GroupBy(x => x.Group!, x => x.c)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Sum(kind, g.Key, names.GetValueOrDefault(g.Key) ?? g.Key, g.OrderBy(c => c.Commune.Code, StringComparer.Ordinal).ToList(), placesPerCommune))
            .ToList();
    }

    public static AccessibilityIndicators Sum(TerritoryKind kind, string code, string name, IReadOnlyList<CommuneAccess> communes, IReadOnlyDictionary<string, int> placesPerCommune)
    {
        long population = 0, beyond10 = 0, beyond20 = 0;
        double weighted = 0;
        int places = 0, far = 0;
        foreach (var c in communes)
        {
            var p = c.Commune.Population;
            population += p;
            weighted += p * c.DistanceMeters;
            if (c.DistanceMeters > TenKm)
            {
                beyond10 += p;
            }

            if (c.DistanceMeters > TwentyKm)
            {
                beyond20 += p;
                far++;
            }

            places += placesPerCommune.GetValueOrDefault(c.Commune.Code);
        }

        return new AccessibilityIndicators(kind, code, name, communes.Count, population, places,
            population == 0 ? 0 : weighted / population / 1000, beyond10, beyond20, far);
    }
}
