using Scoran.Observatory.Model;

namespace Scoran.Observatory.Indicators;

/// <summary>A count that went down from one quarter to the next.</summary>
public sealed record CountDecrease(string Code, Quarter From, Quarter To, long Before, long After)
{
    public long Loss => Before - After;
}

/// <summary>
/// Connectable premises are a stock and should not fall; when they do (the operator revised its
/// count, premises were reassigned to another commune), the figure must be explained, so such
/// decreases are listed for review rather than rejected or smoothed away.
/// </summary>
public static class QuarterConsistency
{
    public static IReadOnlyList<CountDecrease> Decreases(IEnumerable<FtthDeploymentRow> rows)
    {
        var result = new List<CountDecrease>();
        foreach (var row in rows)
        {
            var ordered = row.ConnectablePremises.OrderBy(p => p.Key).ToList();
            for (var i = 1; i < ordered.Count; i++)
            {
                if (ordered[i].Value < ordered[i - 1].Value)
                {
                    result.Add(new CountDecrease(row.Code, ordered[i - 1].Key, ordered[i].Key, ordered[i - 1].Value, ordered[i].Value));
                }
            }
        }

        return result;
    }
}
