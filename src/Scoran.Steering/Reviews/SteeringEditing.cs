using Microsoft.EntityFrameworkCore;
using Scoran.Core.Audit;
using Scoran.Steering.Model;

namespace Scoran.Steering.Reviews;

/// <summary>
/// Corrections of what the people in charge entered: budget lines and milestones of an action,
/// target points of an indicator. Each change is saved with its audit entry (state before and
/// after) in one SaveChanges, so a correction never exists without its trace. A removal is a real
/// delete: the audit entry keeps the removed line.
/// </summary>
public sealed partial class SteeringService
{
    /// <summary>Same rules for adding and editing, so the forms and the API refuse the same things.</summary>
    public static SteeringValidation ValidateBudget(int? year, string? funder, decimal? planned, decimal? committed, decimal? spent)
    {
        var errors = new SteeringValidation();
        if (year is null or < 2000 or > 2100)
        {
            errors.Add("Year", "Indiquez une année entre 2000 et 2100.");
        }

        if (string.IsNullOrWhiteSpace(funder))
        {
            errors.Add("Funder", "Indiquez le financeur.");
        }
        else if (funder.Trim().Length > 200)
        {
            errors.Add("Funder", "Le nom du financeur ne doit pas dépasser 200 caractères.");
        }

        foreach (var (name, value) in new[] { ("Planned", planned), ("Committed", committed), ("Spent", spent) })
        {
            if (value is < 0)
            {
                errors.Add(name, "Le montant ne peut pas être négatif.");
            }
            else if (value is > 999_999_999_999.99m || (value is { } v && decimal.Round(v, 2) != v))
            {
                errors.Add(name, "Indiquez un montant en euros, au centime près (au plus deux décimales).");
            }
        }

        return errors;
    }

    public static SteeringValidation ValidateMilestone(string? title, DateOnly? planned, DateOnly? actual)
    {
        var errors = new SteeringValidation();
        if (string.IsNullOrWhiteSpace(title))
        {
            errors.Add("Title", "Indiquez l'intitulé du jalon.");
        }

        if (planned is null)
        {
            errors.Add("PlannedDate", "Indiquez la date prévue.");
        }
        else if (planned.Value.Year is < 2000 or > 2100)
        {
            errors.Add("PlannedDate", "Indiquez une date prévue entre 2000 et 2100.");
        }

        if (actual is { Year: < 2000 or > 2100 })
        {
            errors.Add("ActualDate", "Indiquez une date réelle entre 2000 et 2100.");
        }

        return errors;
    }

    /// <summary>Null when the line does not belong to the action (unknown id).</summary>
    public async Task<SteeringValidation?> UpdateBudgetLineAsync(long actionId, long lineId, int? year, string? funder, decimal? planned, decimal? committed, decimal? spent,
        string author, CancellationToken cancellationToken = default)
    {
        var line = await db.Set<BudgetLine>().FirstOrDefaultAsync(b => b.Id == lineId && b.NodeId == actionId, cancellationToken);
        if (line is null)
        {
            return null;
        }

        var errors = ValidateBudget(year, funder, planned, committed, spent);
        if (errors.Count > 0)
        {
            return errors;
        }

        var before = Snapshot(line);
        (line.Year, line.Funder, line.Planned, line.Committed, line.Spent) = (year!.Value, funder!.Trim(), planned ?? 0, committed ?? 0, spent ?? 0);
        AuditTrail.Record(db, clock, author, "steering.action", await ActionKeyAsync(actionId, cancellationToken), "budget-updated", before, Snapshot(line));
        await db.SaveChangesAsync(cancellationToken);
        return errors;
    }

    public async Task<bool> RemoveBudgetLineAsync(long actionId, long lineId, string author, CancellationToken cancellationToken = default)
    {
        var line = await db.Set<BudgetLine>().FirstOrDefaultAsync(b => b.Id == lineId && b.NodeId == actionId, cancellationToken);
        if (line is null)
        {
            return false;
        }

        db.Remove(line);
        AuditTrail.Record(db, clock, author, "steering.action", await ActionKeyAsync(actionId, cancellationToken), "budget-removed", Snapshot(line), null);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public async Task<SteeringValidation?> UpdateMilestoneAsync(long actionId, long milestoneId, string? title, DateOnly? planned, DateOnly? actual, string author,
        CancellationToken cancellationToken = default)
    {
        var milestone = await db.Set<Milestone>().FirstOrDefaultAsync(m => m.Id == milestoneId && m.NodeId == actionId, cancellationToken);
        if (milestone is null)
        {
            return null;
        }

        var errors = ValidateMilestone(title, planned, actual);
        if (errors.Count > 0)
        {
            return errors;
        }

        var before = Snapshot(milestone);
        (milestone.Title, milestone.PlannedDate, milestone.ActualDate) = (title!.Trim(), planned!.Value, actual);
        AuditTrail.Record(db, clock, author, "steering.action", await ActionKeyAsync(actionId, cancellationToken), "milestone-updated", before, Snapshot(milestone));
        await db.SaveChangesAsync(cancellationToken);
        return errors;
    }

    public async Task<bool> RemoveMilestoneAsync(long actionId, long milestoneId, string author, CancellationToken cancellationToken = default)
    {
        var milestone = await db.Set<Milestone>().FirstOrDefaultAsync(m => m.Id == milestoneId && m.NodeId == actionId, cancellationToken);
        if (milestone is null)
        {
            return false;
        }

        db.Remove(milestone);
        AuditTrail.Record(db, clock, author, "steering.action", await ActionKeyAsync(actionId, cancellationToken), "milestone-removed", Snapshot(milestone), null);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Adds a target point; the final target in force becomes the latest point.</summary>
    public async Task<SteeringValidation> AddTargetAsync(long indicatorId, DateOnly? date, decimal? value, string author, CancellationToken cancellationToken = default)
    {
        var indicator = await db.Set<Indicator>().Include(i => i.Targets).FirstAsync(i => i.Id == indicatorId, cancellationToken);
        var errors = ValidateTarget(indicator, null, date, value);
        if (errors.Count > 0)
        {
            return errors;
        }

        var before = TargetsSnapshot(indicator);
        indicator.Targets.Add(new IndicatorTarget { IndicatorId = indicatorId, Date = date!.Value, Value = value!.Value, Author = author });
        indicator.SyncFinalTarget();
        AuditTrail.Record(db, clock, author, "steering.indicator", indicator.Code, "target-added", before, TargetsSnapshot(indicator));
        await db.SaveChangesAsync(cancellationToken);
        return errors;
    }

    /// <summary>Null when the point does not belong to the indicator.</summary>
    public async Task<SteeringValidation?> UpdateTargetAsync(long indicatorId, long targetId, DateOnly? date, decimal? value, string author, CancellationToken cancellationToken = default)
    {
        var indicator = await db.Set<Indicator>().Include(i => i.Targets).FirstAsync(i => i.Id == indicatorId, cancellationToken);
        if (indicator.Targets.FirstOrDefault(t => t.Id == targetId) is not { } target)
        {
            return null;
        }

        var errors = ValidateTarget(indicator, targetId, date, value);
        if (errors.Count > 0)
        {
            return errors;
        }

        var before = TargetsSnapshot(indicator);
        (target.Date, target.Value, target.Author) = (date!.Value, value!.Value, author);
        indicator.SyncFinalTarget();
        AuditTrail.Record(db, clock, author, "steering.indicator", indicator.Code, "target-updated", before, TargetsSnapshot(indicator));
        await db.SaveChangesAsync(cancellationToken);
        return errors;
    }

    public async Task<bool> RemoveTargetAsync(long indicatorId, long targetId, string author, CancellationToken cancellationToken = default)
    {
        var indicator = await db.Set<Indicator>().Include(i => i.Targets).FirstAsync(i => i.Id == indicatorId, cancellationToken);
        if (indicator.Targets.FirstOrDefault(t => t.Id == targetId) is not { } target)
        {
            return false;
        }

        var before = TargetsSnapshot(indicator);
        indicator.Targets.Remove(target);
        db.Remove(target);
        indicator.SyncFinalTarget();
        AuditTrail.Record(db, clock, author, "steering.indicator", indicator.Code, "target-removed", before, TargetsSnapshot(indicator));
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private static SteeringValidation ValidateTarget(Indicator indicator, long? targetId, DateOnly? date, decimal? value)
    {
        var errors = new SteeringValidation();
        if (date is null)
        {
            errors.Add("Date", "Indiquez la date de la cible.");
        }
        else if (date.Value.Year is < 2000 or > 2100)
        {
            errors.Add("Date", "Indiquez une date entre 2000 et 2100.");
        }
        else if (indicator.Targets.Any(t => t.Date == date && t.Id != targetId))
        {
            errors.Add("Date", $"Une cible existe déjà au {date:dd/MM/yyyy} : modifiez-la plutôt.");
        }

        if (value is null)
        {
            errors.Add("Value", "Indiquez la valeur cible (nombre décimal).");
        }
        else if (indicator.Unit == "%" && value is < 0 or > 100)
        {
            errors.Add("Value", "Une cible en pourcentage doit être comprise entre 0 et 100.");
        }
        else if (value is > 99_999_999_999_999m or < -99_999_999_999_999m)
        {
            errors.Add("Value", "Valeur hors limites.");
        }

        return errors;
    }

    private async Task<string> ActionKeyAsync(long actionId, CancellationToken cancellationToken) =>
        await db.Set<StrategyNode>().Where(n => n.Id == actionId).Select(n => n.Strategy!.Code + ":" + n.Code).FirstAsync(cancellationToken);

    private static object Snapshot(BudgetLine b) => new { b.Id, b.Year, b.Funder, b.Planned, b.Committed, b.Spent };

    private static object Snapshot(Milestone m) => new { m.Id, m.Title, m.PlannedDate, m.ActualDate };

    private static object TargetsSnapshot(Indicator i) =>
        new { i.TargetValue, i.TargetDate, Targets = i.Targets.OrderBy(t => t.Date).Select(t => new { t.Date, t.Value, t.Author }).ToList() };
}
