namespace Scoran.Observatory.Indicators;

/// <summary>
/// A share of premises, kept with the two counts it comes from. Arcep's denominator is an
/// estimate that can fall below the connectable count, so a rate above 100 % is kept as is and
/// flagged, never capped.
/// </summary>
public readonly record struct CoverageRate(long Covered, long Premises)
{
    /// <summary>Covered / premises, or null when there are no premises.</summary>
    public decimal? Rate => Premises == 0 ? null : (decimal)Covered / Premises;

    public bool ExceedsPremises => Covered > Premises;

    /// <summary>The rate of a territory from its parts: sum of counts, never an average of rates.</summary>
    public static CoverageRate Sum(IEnumerable<CoverageRate> parts)
    {
        long covered = 0, premises = 0;
        foreach (var part in parts)
        {
            covered += part.Covered;
            premises += part.Premises;
        }

        return new CoverageRate(covered, premises);
    }
}
