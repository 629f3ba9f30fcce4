using Scoran.Steering.Indicators;
using Scoran.Steering.Model;

namespace Scoran.Web.Steering;

/// <summary>The JSON shapes of the steering API, read and written.</summary>
public static partial class SteeringApi
{
    public sealed record StrategyItem(string Code, string Title, string? ShortTitle, string? Issuer, string? Date, int Revision, decimal? Progress, IReadOnlyDictionary<string, int> Counts);

    public sealed record TreeNode(string Code, string? ParentCode, NodeLevel Level, string Title, ActionStatus Status, decimal? Progress, string? Porteur, string? ClosedReason);

    public sealed record TreeResponse(string Code, string Title, int Revision, IReadOnlyList<TreeNode> Nodes, IReadOnlyList<IndicatorResponse> Indicators);

    public sealed record IndicatorResponse(string Code, string Title, string Unit, IndicatorDirection Direction, IndicatorKind Kind, decimal? TargetValue, DateOnly? TargetDate,
        decimal? Current, DateOnly? AsOf, decimal? ProjectedAtTargetDate, DateOnly? ProjectedReachDate, IndicatorStatus Status, IReadOnlyList<IndicatorPoint> Series);

    public sealed record ReviewResponse(string ActionCode, decimal Progress, int DaysLate, decimal BudgetPlanned, decimal BudgetCommitted, decimal BudgetSpent, Rag Rag,
        string? Comment, ReviewDecision Decision, string DecidedBy);

    public sealed record MeetingResponse(long Id, string Strategy, DateOnly Date, string Committee, IReadOnlyList<string> Attendees, bool Demonstration, IReadOnlyList<ReviewResponse> Reviews);

    public sealed record MeetingRequest(DateOnly? Date, string? Committee, IReadOnlyList<string>? Attendees);

    public sealed record ReviewRequest(string? ActionCode, decimal? Progress, Rag? Rag, string? Comment, ReviewDecision? Decision, string? DecidedBy);

    public sealed record ValueRequest(DateOnly? Date, decimal? Value, string? Source);

    public sealed record BudgetRequest(int? Year, string? Funder, decimal? Planned, decimal? Committed, decimal? Spent);

    public sealed record MilestoneRequest(string? Title, DateOnly? PlannedDate, DateOnly? ActualDate);

    public sealed record TargetRequest(DateOnly? Date, decimal? Value);

    public sealed record TargetResponse(long Id, DateOnly Date, decimal Value, string Author);
}
