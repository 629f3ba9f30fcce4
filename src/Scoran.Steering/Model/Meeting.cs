namespace Scoran.Steering.Model;

/// <summary>A steering-committee meeting (SCORAN § 9.3: « a minima une fois par trimestre »).</summary>
public sealed class Meeting
{
    public long Id { get; set; }
    public long StrategyId { get; set; }
    public Strategy? Strategy { get; set; }
    public DateOnly Date { get; set; }
    public required string Committee { get; set; }
    /// <summary>Attendees as the secretary lists them (organisations and functions; no personal data is published without consent).</summary>
    public List<string> Attendees { get; set; } = [];
    /// <summary>True for the labelled demonstration meeting of the default run.</summary>
    public bool Demonstration { get; set; }
    public List<ActionReview> Reviews { get; set; } = [];
}

public enum Rag
{
    Green = 0,
    Amber = 1,
    Red = 2,
}

public enum ReviewDecision
{
    /// <summary>Maintenir l'action en l'état.</summary>
    Maintain = 0,
    /// <summary>Étendre l'action à l'échelle régionale.</summary>
    ScaleUp = 1,
    /// <summary>Abandonner l'action (objectifs non atteints): closes it with the reason.</summary>
    Abandon = 2,
}

/// <summary>
/// One action examined at one meeting. The schedule and budget figures are a snapshot computed
/// at review time from the milestones and budget lines, so the minutes keep what the committee saw.
/// </summary>
public sealed class ActionReview
{
    public long Id { get; set; }
    public long MeetingId { get; set; }
    public Meeting? Meeting { get; set; }
    public long NodeId { get; set; }
    public StrategyNode? Node { get; set; }
    public decimal Progress { get; set; }
    /// <summary>0 when on time, else the days of delay of the latest milestone.</summary>
    public int DaysLate { get; set; }
    public decimal BudgetPlanned { get; set; }
    public decimal BudgetCommitted { get; set; }
    public decimal BudgetSpent { get; set; }
    public Rag Rag { get; set; }
    public string? Comment { get; set; }
    public ReviewDecision Decision { get; set; }
    public required string DecidedBy { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public required string RecordedBy { get; set; }
}
