namespace Scoran.Steering.Model;

/// <summary>A strategy document (SCORAN, PPUN…) as adopted: the root of one tree of nodes and indicators.</summary>
public sealed class Strategy
{
    public long Id { get; set; }
    /// <summary>Stable identifier across versions, e.g. "scoran-bfc-2019".</summary>
    public required string Code { get; set; }
    public required string Title { get; set; }
    public string? ShortTitle { get; set; }
    public string? Issuer { get; set; }
    /// <summary>Date of the document as published ("2019-06").</summary>
    public string? Date { get; set; }
    /// <summary>Revision number, incremented by every import that changes the tree; each revision is in the audit trail.</summary>
    public int Revision { get; set; } = 1;
    /// <summary>Where the content comes from (file, seed, page).</summary>
    public string? Source { get; set; }
    public List<StrategyNode> Nodes { get; set; } = [];
    public List<Indicator> Indicators { get; set; } = [];
}

/// <summary>
/// The levels every strategy we know fits in: SCORAN (principes, enjeux → défis → orientations →
/// pistes d'actions) and PPUN (axes → sous-axes → thèmes → actions) share the same four tiers.
/// </summary>
public enum NodeLevel
{
    Principle = 0,
    /// <summary>Enjeu (SCORAN) or axe (PPUN).</summary>
    Enjeu = 1,
    /// <summary>Défi (SCORAN) or sous-axe (PPUN).</summary>
    Defi = 2,
    /// <summary>Orientation (SCORAN) or thème (PPUN).</summary>
    Orientation = 3,
    /// <summary>Piste d'action (SCORAN) or action (PPUN).</summary>
    Action = 4,
}

public enum ActionStatus
{
    Planned = 0,
    InProgress = 1,
    Done = 2,
    /// <summary>Closed by a steering-committee decision; the reason is kept in <see cref="StrategyNode.ClosedReason"/>.</summary>
    Abandoned = 3,
}

/// <summary>One node of the tree. Actions carry the operational fields; upper levels only roll them up.</summary>
public sealed class StrategyNode
{
    public long Id { get; set; }
    public long StrategyId { get; set; }
    public Strategy? Strategy { get; set; }
    public long? ParentId { get; set; }
    public StrategyNode? Parent { get; set; }
    public NodeLevel Level { get; set; }
    /// <summary>Code inside its strategy ("O1.A1", "1.1.T1.A1"), unique per strategy.</summary>
    public required string Code { get; set; }
    public required string Title { get; set; }
    public string? Description { get; set; }
    /// <summary>Order among siblings, as in the source document.</summary>
    public int Position { get; set; }
    /// <summary>Weight in the roll-up of its parent's progress; null counts as 1.</summary>
    public decimal? Weight { get; set; }
    /// <summary>Lead organisation (porteur); an editor edits the actions whose porteur is their organisation.</summary>
    public string? Porteur { get; set; }
    public List<string> Partners { get; set; } = [];
    /// <summary>Territory codes (région, département, EPCI, commune) the action covers.</summary>
    public List<string> Territories { get; set; } = [];
    public List<string> Themes { get; set; } = [];
    public ActionStatus Status { get; set; }
    /// <summary>Latest progress in percent (0–100), set by the latest review.</summary>
    public decimal? Progress { get; set; }
    public string? ClosedReason { get; set; }
    public DateOnly? ClosedOn { get; set; }
    public string? SourceLine { get; set; }
    public List<BudgetLine> Budget { get; set; } = [];
    public List<Milestone> Milestones { get; set; } = [];
    public List<ActionLink> Links { get; set; } = [];
}

/// <summary>Money of one action for one year and one funder. Decimal euros, never floats.</summary>
public sealed class BudgetLine
{
    public long Id { get; set; }
    public long NodeId { get; set; }
    public int Year { get; set; }
    public required string Funder { get; set; }
    public decimal Planned { get; set; }
    public decimal Committed { get; set; }
    public decimal Spent { get; set; }
}

public sealed class Milestone
{
    public long Id { get; set; }
    public long NodeId { get; set; }
    public required string Title { get; set; }
    public DateOnly PlannedDate { get; set; }
    public DateOnly? ActualDate { get; set; }
}

/// <summary>
/// What a link of an action points to. Projects and aid schemes belong to capabilities built
/// separately, so links are typed references (code or URL), not foreign keys.
/// </summary>
public enum LinkKind
{
    Indicator = 0,
    Project = 1,
    AidScheme = 2,
    Url = 3,
}

public sealed class ActionLink
{
    public long Id { get; set; }
    public long NodeId { get; set; }
    public LinkKind Kind { get; set; }
    /// <summary>Indicator code of the same strategy, aid-scheme id, project id, or URL.</summary>
    public required string Target { get; set; }
    public string? Label { get; set; }
}
