using System.Text.Json;
using System.Text.Json.Serialization;
using Scoran.Steering.Model;

namespace Scoran.Steering.Exchange;

/// <summary>
/// The portable form of a strategy with its indicators, meetings and reviews: what any région
/// loads and what Scoran exports. Everything is addressed by codes, never by database ids, so a
/// document moves between databases unchanged.
/// </summary>
public sealed record StrategyDocument
{
    public const string CurrentFormat = "scoran-strategie/1";

    public string Format { get; init; } = CurrentFormat;
    public required string Code { get; init; }
    public required string Title { get; init; }
    public string? ShortTitle { get; init; }
    public string? Issuer { get; init; }
    public string? Date { get; init; }
    public int Revision { get; init; } = 1;
    public string? Source { get; init; }
    public List<NodeDocument> Nodes { get; init; } = [];
    public List<IndicatorDocument> Indicators { get; init; } = [];
    public List<MeetingDocument> Meetings { get; init; } = [];

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}

public sealed record NodeDocument
{
    public required string Code { get; init; }
    public string? ParentCode { get; init; }
    public NodeLevel Level { get; init; }
    public required string Title { get; init; }
    public string? Description { get; init; }
    public int Position { get; init; }
    public decimal? Weight { get; init; }
    public string? Porteur { get; init; }
    public List<string> Partners { get; init; } = [];
    public List<string> Territories { get; init; } = [];
    public List<string> Themes { get; init; } = [];
    public ActionStatus Status { get; init; }
    public decimal? Progress { get; init; }
    public string? ClosedReason { get; init; }
    public DateOnly? ClosedOn { get; init; }
    public string? SourceLine { get; init; }
    public List<BudgetDocument> Budget { get; init; } = [];
    public List<MilestoneDocument> Milestones { get; init; } = [];
    public List<LinkDocument> Links { get; init; } = [];
}

public sealed record BudgetDocument(int Year, string Funder, decimal Planned, decimal Committed, decimal Spent);

public sealed record MilestoneDocument(string Title, DateOnly PlannedDate, DateOnly? ActualDate);

public sealed record LinkDocument(LinkKind Kind, string Target, string? Label);

public sealed record IndicatorDocument
{
    public required string Code { get; init; }
    public required string Title { get; init; }
    public string? Objective { get; init; }
    public string? Definition { get; init; }
    public string? NodeCode { get; init; }
    public required string Unit { get; init; }
    public IndicatorDirection Direction { get; init; }
    public IndicatorKind Kind { get; init; }
    public string? Computation { get; init; }
    public string? DataSource { get; init; }
    public string? Vintage { get; init; }
    public string? Licence { get; init; }
    public decimal? BaselineValue { get; init; }
    public DateOnly? BaselineDate { get; init; }
    public decimal? TargetValue { get; init; }
    public DateOnly? TargetDate { get; init; }
    public string? TargetText { get; init; }
    public List<ValueDocument> Values { get; init; } = [];
    /// <summary>
    /// The target points in force (Scoran exports always write them, possibly edited by hand). Null in
    /// documents that do not know them: the stated target (value and date) then becomes the only point.
    /// <see cref="TargetValue"/> and <see cref="TargetDate"/> stay the strategy's own statement.
    /// </summary>
    public List<TargetDocument>? Targets { get; init; }
}

public sealed record ValueDocument(DateOnly Date, decimal Value, string Source, string Author);

public sealed record TargetDocument(DateOnly Date, decimal Value, string Author);

public sealed record MeetingDocument
{
    public DateOnly Date { get; init; }
    public required string Committee { get; init; }
    public List<string> Attendees { get; init; } = [];
    public bool Demonstration { get; init; }
    public List<ReviewDocument> Reviews { get; init; } = [];
}

public sealed record ReviewDocument
{
    public required string ActionCode { get; init; }
    public decimal Progress { get; init; }
    public int DaysLate { get; init; }
    public decimal BudgetPlanned { get; init; }
    public decimal BudgetCommitted { get; init; }
    public decimal BudgetSpent { get; init; }
    public Rag Rag { get; init; }
    public string? Comment { get; init; }
    public ReviewDecision Decision { get; init; }
    public required string DecidedBy { get; init; }
    public DateTimeOffset RecordedAt { get; init; }
    public required string RecordedBy { get; init; }
}
