namespace Scoran.Steering.Model;

public enum IndicatorDirection
{
    HigherIsBetter = 0,
    LowerIsBetter = 1,
}

public enum IndicatorKind
{
    /// <summary>Values entered (or imported) by people, each with its source, date and author.</summary>
    Manual = 0,
    /// <summary>Values computed on read from the observatory's data, so a new quarter moves them at once.</summary>
    Computed = 1,
}

/// <summary>A SMART indicator of a strategy.</summary>
public sealed class Indicator
{
    public long Id { get; set; }
    public long StrategyId { get; set; }
    public Strategy? Strategy { get; set; }
    /// <summary>Code inside its strategy, e.g. "E1.R2.I1" (objective row + rank).</summary>
    public required string Code { get; set; }
    public required string Title { get; set; }
    /// <summary>The objective it measures, verbatim from the strategy.</summary>
    public string? Objective { get; set; }
    public string? Definition { get; set; }
    /// <summary>Code of the node it belongs to (an enjeu for SCORAN).</summary>
    public string? NodeCode { get; set; }
    public required string Unit { get; set; }
    public IndicatorDirection Direction { get; set; }
    public IndicatorKind Kind { get; set; }
    /// <summary>For computed indicators: which computation, e.g. "ftth-raccordables:region:27".</summary>
    public string? Computation { get; set; }
    public string? DataSource { get; set; }
    public string? Vintage { get; set; }
    public string? Licence { get; set; }
    public decimal? BaselineValue { get; set; }
    public DateOnly? BaselineDate { get; set; }
    /// <summary>
    /// The final target in force: the latest of <see cref="Targets"/> once they exist (kept in step by
    /// every edit), else as imported. Status and projections read it.
    /// </summary>
    public decimal? TargetValue { get; set; }
    public DateOnly? TargetDate { get; set; }
    /// <summary>
    /// The target as the strategy document stated it at the latest import, never edited by hand: a
    /// re-import compares against it to tell a changed strategy from an unchanged one (which keeps edits).
    /// </summary>
    public decimal? StrategyTargetValue { get; set; }
    public DateOnly? StrategyTargetDate { get; set; }
    /// <summary>The target as the strategy words it ("100 % couverture FttH"), kept when no figure can be read.</summary>
    public string? TargetText { get; set; }
    public List<IndicatorValue> Values { get; set; } = [];
    /// <summary>Target points of the trajectory (intermediate and final), editable by steering officers.</summary>
    public List<IndicatorTarget> Targets { get; set; } = [];

    /// <summary>Keeps the final target in force in step with the target points after an edit.</summary>
    public void SyncFinalTarget()
    {
        var last = Targets.OrderBy(t => t.Date).LastOrDefault();
        (TargetValue, TargetDate) = (last?.Value, last?.Date);
    }
}

/// <summary>One point of an indicator's target trajectory: the value to reach by a date.</summary>
public sealed class IndicatorTarget
{
    public long Id { get; set; }
    public long IndicatorId { get; set; }
    public DateOnly Date { get; set; }
    public decimal Value { get; set; }
    /// <summary>Account e-mail of whoever set it, or "import" when it comes from the strategy document.</summary>
    public required string Author { get; set; }
}

public sealed class IndicatorValue
{
    public long Id { get; set; }
    public long IndicatorId { get; set; }
    public DateOnly Date { get; set; }
    public decimal Value { get; set; }
    public required string Source { get; set; }
    /// <summary>Account e-mail of whoever entered it, or "import" for imported series.</summary>
    public required string Author { get; set; }
}
