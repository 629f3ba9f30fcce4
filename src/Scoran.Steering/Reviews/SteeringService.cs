using Microsoft.EntityFrameworkCore;
using Scoran.Core.Audit;
using Scoran.Core.Security;
using Scoran.Steering.Model;

namespace Scoran.Steering.Reviews;

/// <summary>Field-level refusals, keyed by the input's name, in French.</summary>
public sealed class SteeringValidation : Dictionary<string, string[]>
{
    public void Add(string field, string message) => this[field] = TryGetValue(field, out var m) ? [.. m, message] : [message];
}

public sealed record ReviewInput(string ActionCode, decimal? Progress, Rag? Rag, string? Comment, ReviewDecision? Decision, string? DecidedBy);

public sealed record MeetingInput(DateOnly? Date, string? Committee, string? Attendees, bool Demonstration = false);

/// <summary>
/// Every write of the steering capability: meetings, reviews and their decisions, the editors'
/// budget lines, milestones and indicator values. Each change and its audit entry (before/after)
/// are saved together; nothing is ever deleted.
/// </summary>
public sealed partial class SteeringService(DbContext db, TimeProvider clock)
{
    /// <summary>Audit key of an action: action codes are unique only inside their strategy.</summary>
    public static string ActionKey(string strategyCode, string actionCode) => $"{strategyCode}:{actionCode}";

    private async Task<string> KeyAsync(StrategyNode action, CancellationToken cancellationToken) =>
        ActionKey(await db.Set<Strategy>().Where(s => s.Id == action.StrategyId).Select(s => s.Code).FirstAsync(cancellationToken), action.Code);

    /// <summary>An editor edits the actions led by their organisation; administrators edit all.</summary>
    public static bool CanEdit(StrategyNode action, string? organisation, bool administrator) =>
        administrator || OrganisationIdentity.Same(action.Porteur, organisation);

    /// <summary>
    /// Security review F6: an editor writes the values of an indicator only when its organisation leads at least one
    /// action under the indicator's node (its enjeu); an administrator writes every indicator.
    /// </summary>
    public async Task<bool> CanWriteIndicatorValuesAsync(long indicatorId, string? organisation, bool administrator, CancellationToken cancellationToken = default)
    {
        if (administrator)
        {
            return true;
        }

        var indicator = await db.Set<Indicator>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == indicatorId, cancellationToken);
        if (indicator?.NodeCode is null || string.IsNullOrWhiteSpace(organisation))
        {
            return false;
        }

        var nodes = await db.Set<StrategyNode>().AsNoTracking().Where(n => n.StrategyId == indicator.StrategyId)
            .Select(n => new { n.Id, n.ParentId, n.Code, n.Level, n.Porteur }).ToListAsync(cancellationToken);
        var under = nodes.Where(n => n.Code == indicator.NodeCode).Select(n => n.Id).ToHashSet();
        for (var added = true; added;)
        {
            added = false;
            foreach (var n in nodes)
            {
                if (n.ParentId is { } parent && under.Contains(parent) && under.Add(n.Id))
                {
                    added = true;
                }
            }
        }

        return nodes.Any(n => under.Contains(n.Id) && n.Level == NodeLevel.Action && OrganisationIdentity.Same(n.Porteur, organisation));
    }

    /// <summary>Bounds of an indicator value (F6): beyond them the trajectory's arithmetic could overflow and break public pages.</summary>
    public const decimal MaxIndicatorMagnitude = 1_000_000_000_000m;

    /// <summary>Dates an indicator value may carry (F6).</summary>
    public static readonly DateOnly MinIndicatorDate = new(1990, 1, 1), MaxIndicatorDate = new(2100, 12, 31);

    public async Task<(Meeting? Meeting, SteeringValidation Errors)> CreateMeetingAsync(string strategyCode, MeetingInput input, string author, CancellationToken cancellationToken = default)
    {
        var errors = new SteeringValidation();
        var strategy = await db.Set<Strategy>().FirstOrDefaultAsync(s => s.Code == strategyCode, cancellationToken);
        if (strategy is null)
        {
            errors.Add("Strategy", "Stratégie inconnue.");
        }

        if (input.Date is null)
        {
            errors.Add("Date", "Indiquez la date de la séance.");
        }

        if (string.IsNullOrWhiteSpace(input.Committee))
        {
            errors.Add("Committee", "Indiquez le comité.");
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var meeting = new Meeting
        {
            StrategyId = strategy!.Id, Date = input.Date!.Value, Committee = input.Committee!.Trim(), Demonstration = input.Demonstration,
            Attendees = (input.Attendees ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList(),
        };
        db.Add(meeting);
        await db.SaveChangesAsync(cancellationToken);
        AuditTrail.Record(db, clock, author, "steering.meeting", meeting.Id.ToString(), "created", null, Snapshot(meeting));
        await db.SaveChangesAsync(cancellationToken);
        return (meeting, errors);
    }

    /// <summary>
    /// Records (or corrects) the review of one action at one meeting. Schedule and budget are
    /// computed from the action's milestones and budget lines at the meeting date; an abandonment
    /// needs its reason and closes the action.
    /// </summary>
    public async Task<(ActionReview? Review, SteeringValidation Errors)> RecordReviewAsync(long meetingId, ReviewInput input, string author, CancellationToken cancellationToken = default)
    {
        var errors = new SteeringValidation();
        var meeting = await db.Set<Meeting>().FirstOrDefaultAsync(m => m.Id == meetingId, cancellationToken);
        if (meeting is null)
        {
            errors.Add("Meeting", "Séance inconnue.");
            return (null, errors);
        }

        var action = await db.Set<StrategyNode>().Include(n => n.Milestones).Include(n => n.Budget)
            .FirstOrDefaultAsync(n => n.StrategyId == meeting.StrategyId && n.Code == input.ActionCode && n.Level == NodeLevel.Action, cancellationToken);
        if (action is null)
        {
            errors.Add("ActionCode", "Action inconnue dans cette stratégie.");
        }

        if (input.Progress is null)
        {
            errors.Add("Progress", "Indiquez l'avancement (0 à 100 %).");
        }
        else if (input.Progress is < 0 or > 100)
        {
            errors.Add("Progress", "L'avancement doit être compris entre 0 et 100 %.");
        }

        if (input.Decision is null)
        {
            errors.Add("Decision", "Choisissez une décision : maintenir, étendre à l'échelle régionale ou abandonner.");
        }
        else if (input.Decision == ReviewDecision.Abandon && string.IsNullOrWhiteSpace(input.Comment))
        {
            errors.Add("Comment", "Un abandon doit être motivé : indiquez la raison dans le commentaire.");
        }

        if (string.IsNullOrWhiteSpace(input.DecidedBy))
        {
            errors.Add("DecidedBy", "Indiquez qui a pris la décision.");
        }

        if (action is { Status: ActionStatus.Abandoned })
        {
            var previous = await db.Set<ActionReview>().AnyAsync(r => r.MeetingId == meetingId && r.NodeId == action.Id && r.Decision == ReviewDecision.Abandon, cancellationToken);
            if (!previous)
            {
                errors.Add("ActionCode", $"Cette action est close depuis le {action.ClosedOn:dd/MM/yyyy} : {action.ClosedReason}");
            }
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var schedule = SteeringRules.Schedule(action!.Milestones, meeting.Date);
        var budget = SteeringRules.Budget(action.Budget);
        var review = await db.Set<ActionReview>().FirstOrDefaultAsync(r => r.MeetingId == meetingId && r.NodeId == action.Id, cancellationToken);
        var before = review is null ? null : Snapshot(review, action.Code);
        if (review is null)
        {
            review = new ActionReview { MeetingId = meetingId, NodeId = action.Id, DecidedBy = "", RecordedBy = author };
            db.Add(review);
        }

        review.Progress = input.Progress!.Value;
        review.DaysLate = schedule.DaysLate;
        review.BudgetPlanned = budget.Planned;
        review.BudgetCommitted = budget.Committed;
        review.BudgetSpent = budget.Spent;
        review.Decision = input.Decision!.Value;
        review.Rag = input.Rag ?? SteeringRules.SuggestedRag(schedule, budget, review.Decision);
        review.Comment = string.IsNullOrWhiteSpace(input.Comment) ? null : input.Comment.Trim();
        review.DecidedBy = input.DecidedBy!.Trim();
        review.RecordedAt = clock.GetUtcNow();
        review.RecordedBy = author;

        var actionBefore = Snapshot(action);
        action.Progress = review.Progress;
        if (review.Decision == ReviewDecision.Abandon)
        {
            action.Status = ActionStatus.Abandoned;
            action.ClosedReason = review.Comment;
            action.ClosedOn = meeting.Date;
        }
        else if (action.Status == ActionStatus.Abandoned)
        {
            // A corrected review of the same meeting that no longer abandons reopens the action.
            action.Status = ActionStatus.InProgress;
            action.ClosedReason = null;
            action.ClosedOn = null;
        }
        else
        {
            action.Status = review.Progress >= 100 ? ActionStatus.Done : review.Progress > 0 ? ActionStatus.InProgress : action.Status;
        }

        await db.SaveChangesAsync(cancellationToken);
        AuditTrail.Record(db, clock, author, "steering.review", review.Id.ToString(), before is null ? "created" : "updated", before, Snapshot(review, action.Code));
        AuditTrail.Record(db, clock, author, "steering.action", await KeyAsync(action, cancellationToken), review.Decision == ReviewDecision.Abandon ? "closed" : "reviewed", actionBefore, Snapshot(action),
            $"séance du {meeting.Date:dd/MM/yyyy} ({meeting.Committee}) : {review.Decision.Label()}");
        await db.SaveChangesAsync(cancellationToken);
        return (review, errors);
    }

    public async Task<SteeringValidation> AddBudgetLineAsync(long actionId, int? year, string? funder, decimal? planned, decimal? committed, decimal? spent, string author, CancellationToken cancellationToken = default)
    {
        var errors = ValidateBudget(year, funder, planned, committed, spent);
        if (errors.Count > 0)
        {
            return errors;
        }

        var action = await db.Set<StrategyNode>().FirstAsync(n => n.Id == actionId, cancellationToken);
        var line = new BudgetLine { NodeId = actionId, Year = year!.Value, Funder = funder!.Trim(), Planned = planned ?? 0, Committed = committed ?? 0, Spent = spent ?? 0 };
        db.Add(line);
        await db.SaveChangesAsync(cancellationToken);
        AuditTrail.Record(db, clock, author, "steering.action", await KeyAsync(action, cancellationToken), "budget-added", null, new { line.Year, line.Funder, line.Planned, line.Committed, line.Spent });
        await db.SaveChangesAsync(cancellationToken);
        return errors;
    }

    /// <summary>The descriptive fields of an action; an editor who is not administrator must stay its porteur.</summary>
    public async Task<SteeringValidation> UpdateDetailsAsync(long actionId, string? porteur, string? partners, string? territories, string? themes, decimal? weight,
        string author, string? editorOrganisation, CancellationToken cancellationToken = default)
    {
        var errors = new SteeringValidation();
        if (weight is < 0)
        {
            errors.Add("Weight", "Le poids ne peut pas être négatif.");
        }

        if (editorOrganisation is not null && !string.Equals(porteur?.Trim(), editorOrganisation.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            errors.Add("Porteur", $"Un éditeur ne peut pas confier l'action à une autre organisation que la sienne ({editorOrganisation}).");
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        static List<string> Split(string? text) => (text ?? "").Split(['\n', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        var action = await db.Set<StrategyNode>().FirstAsync(n => n.Id == actionId, cancellationToken);
        var before = new { action.Porteur, action.Partners, action.Territories, action.Themes, action.Weight };
        action.Porteur = string.IsNullOrWhiteSpace(porteur) ? null : porteur.Trim();
        action.Partners = Split(partners);
        action.Territories = Split(territories);
        action.Themes = Split(themes);
        action.Weight = weight;
        AuditTrail.Record(db, clock, author, "steering.action", await KeyAsync(action, cancellationToken), "updated", before,
            new { action.Porteur, action.Partners, action.Territories, action.Themes, action.Weight });
        await db.SaveChangesAsync(cancellationToken);
        return errors;
    }

    public async Task<SteeringValidation> AddMilestoneAsync(long actionId, string? title, DateOnly? planned, DateOnly? actual, string author, CancellationToken cancellationToken = default)
    {
        var errors = ValidateMilestone(title, planned, actual);
        if (errors.Count > 0)
        {
            return errors;
        }

        var action = await db.Set<StrategyNode>().FirstAsync(n => n.Id == actionId, cancellationToken);
        var milestone = new Milestone { NodeId = actionId, Title = title!.Trim(), PlannedDate = planned!.Value, ActualDate = actual };
        db.Add(milestone);
        await db.SaveChangesAsync(cancellationToken);
        AuditTrail.Record(db, clock, author, "steering.action", await KeyAsync(action, cancellationToken), "milestone-added", null, new { milestone.Title, milestone.PlannedDate, milestone.ActualDate });
        await db.SaveChangesAsync(cancellationToken);
        return errors;
    }

    public async Task<SteeringValidation> AddIndicatorValueAsync(long indicatorId, DateOnly? date, decimal? value, string? source, string author, CancellationToken cancellationToken = default)
    {
        var errors = new SteeringValidation();
        var indicator = await db.Set<Indicator>().FirstOrDefaultAsync(i => i.Id == indicatorId, cancellationToken);
        if (indicator is null)
        {
            errors.Add("Indicator", "Indicateur inconnu.");
            return errors;
        }

        if (indicator.Kind == IndicatorKind.Computed)
        {
            errors.Add("Value", "Cet indicateur est calculé à partir des données de l'observatoire : il ne se saisit pas.");
        }

        if (date is null)
        {
            errors.Add("Date", "Indiquez la date de la valeur.");
        }

        if (value is null)
        {
            errors.Add("Value", "Indiquez la valeur (nombre décimal, virgule ou point).");
        }
        else if (Math.Abs(value.Value) > MaxIndicatorMagnitude)
        {
            errors.Add("Value", $"La valeur doit être comprise entre -{MaxIndicatorMagnitude:0} et {MaxIndicatorMagnitude:0}.");
        }

        if (date is { } d && (d < MinIndicatorDate || d > MaxIndicatorDate))
        {
            errors.Add("Date", $"La date doit être comprise entre {MinIndicatorDate.Year} et {MaxIndicatorDate.Year}.");
        }

        if (string.IsNullOrWhiteSpace(source))
        {
            errors.Add("Source", "Indiquez la source de la valeur.");
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        var entry = new IndicatorValue { IndicatorId = indicatorId, Date = date!.Value, Value = value!.Value, Source = source!.Trim(), Author = author };
        db.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
        AuditTrail.Record(db, clock, author, "steering.indicator", indicator.Code, "value-added", null, new { entry.Date, entry.Value, entry.Source });
        await db.SaveChangesAsync(cancellationToken);
        return errors;
    }

    private static object Snapshot(Meeting m) => new { m.Id, m.Date, m.Committee, m.Attendees, m.Demonstration };

    private static object Snapshot(ActionReview r, string code) => new { Action = code, r.MeetingId, r.Progress, r.DaysLate, r.BudgetPlanned, r.BudgetCommitted, r.BudgetSpent, Rag = r.Rag.ToString(), r.Comment, Decision = r.Decision.ToString(), r.DecidedBy };

    private static object Snapshot(StrategyNode n) => new { n.Code, Status = n.Status.ToString(), n.Progress, n.ClosedReason, n.ClosedOn };
}
