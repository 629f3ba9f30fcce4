using Scoran.Observatory.Queries;
using Scoran.Territories.Model;

namespace Scoran.Steering.Indicators;

/// <summary>One dated value of an indicator, with where it comes from.</summary>
public sealed record IndicatorPoint(DateOnly Date, decimal Value, string Source, string Author);

/// <summary>
/// The computations an indicator can be wired to. Computed on read from the observatory's
/// tables, never copied: importing a new quarter changes the indicator at once.
/// </summary>
public sealed class ComputedIndicators(FtthQueries ftth)
{
    private const string FtthPrefix = "ftth-raccordables";

    /// <summary>Share of premises connectable to FttH in a territory ("région" by default).</summary>
    public static string FtthRegion(string code) => $"{FtthPrefix}:region:{code}";

    public static bool IsKnown(string? computation) => computation is not null && Parse(computation) is not null;

    public async Task<IReadOnlyList<IndicatorPoint>> SeriesAsync(string computation, CancellationToken cancellationToken = default)
    {
        if (Parse(computation) is not var (kind, code))
        {
            return [];
        }

        var series = await ftth.SeriesAsync(kind, code, cancellationToken: cancellationToken);
        if (series is null)
        {
            return [];
        }

        var source = $"{series.Source.Publisher}, {series.Source.File}, publication {series.Source.Vintage} ({series.Source.Licence})";
        // Sum of connectable premises over sum of premises of the same release (FtthQueries), in percent.
        return series.Points
            .Where(p => p.Coverage.Rate is not null)
            .Select(p => new IndicatorPoint(p.Quarter.EndDate, Math.Round(p.Coverage.Rate!.Value * 100m, 4), source, "calcul"))
            .ToList();
    }

    private static (TerritoryKind Kind, string Code)? Parse(string computation)
    {
        var parts = computation.Split(':');
        if (parts.Length != 3 || parts[0] != FtthPrefix)
        {
            return null;
        }

        return parts[1] switch
        {
            "region" => (TerritoryKind.Region, parts[2]),
            "departement" => (TerritoryKind.Departement, parts[2]),
            "epci" => (TerritoryKind.Epci, parts[2]),
            _ => null,
        };
    }
}
