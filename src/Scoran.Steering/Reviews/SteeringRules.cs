using Scoran.Steering.Model;

namespace Scoran.Steering.Reviews;

public sealed record ScheduleStatus(int DaysLate, string? LateMilestone)
{
    public bool OnTime => DaysLate == 0;

    public string Label => OnTime ? "À l'heure" : $"En retard de {DaysLate} jour{(DaysLate > 1 ? "s" : "")}";
}

public sealed record BudgetStatus(decimal Planned, decimal Committed, decimal Spent)
{
    /// <summary>Spent / planned, or null when nothing is planned.</summary>
    public decimal? Consumed => Planned == 0 ? null : Spent / Planned;

    public bool OverBudget => Spent > Planned || Committed > Planned;

    public string Label => Planned == 0 && Spent == 0 && Committed == 0 ? "Aucun budget"
        : OverBudget ? "Dépassement" : "Dans le budget";
}

/// <summary>The computed parts of a review and of the public progress, in one place so pages, exports and tests agree.</summary>
public static class SteeringRules
{
    /// <summary>
    /// Delay of an action on a date: for each milestone, the days between its planned date and its
    /// actual date (or the review date when still open and overdue); the action is as late as its
    /// latest milestone. Milestones met on or before their date count 0.
    /// </summary>
    public static ScheduleStatus Schedule(IEnumerable<Milestone> milestones, DateOnly on)
    {
        var worst = milestones
            .Select(m => (m.Title, Days: (m.ActualDate ?? (m.PlannedDate < on ? on : m.PlannedDate)).DayNumber - m.PlannedDate.DayNumber))
            .Where(m => m.Days > 0)
            .OrderByDescending(m => m.Days)
            .FirstOrDefault();
        return worst.Title is null ? new ScheduleStatus(0, null) : new ScheduleStatus(worst.Days, worst.Title);
    }

    /// <summary>Sums of the budget lines: over budget when spent or committed exceeds planned.</summary>
    public static BudgetStatus Budget(IEnumerable<BudgetLine> lines)
    {
        var list = lines.ToList();
        return new BudgetStatus(list.Sum(l => l.Planned), list.Sum(l => l.Committed), list.Sum(l => l.Spent));
    }

    /// <summary>
    /// Suggested red/amber/green, which the secretary may override: red when abandoned, more than
    /// 90 days late or more than 10 % over budget; amber when late or over budget at all; else green.
    /// </summary>
    public static Rag SuggestedRag(ScheduleStatus schedule, BudgetStatus budget, ReviewDecision decision)
    {
        var overshoot = budget.Planned == 0 ? 0 : (Math.Max(budget.Spent, budget.Committed) - budget.Planned) / budget.Planned;
        if (decision == ReviewDecision.Abandon || schedule.DaysLate > 90 || overshoot > 0.10m)
        {
            return Rag.Red;
        }

        return schedule.DaysLate > 0 || budget.OverBudget ? Rag.Amber : Rag.Green;
    }

    /// <summary>
    /// Progress of every node: an action's own progress (0 when never reviewed, 100 when done);
    /// a parent's is the mean of its children weighted by their weight (1 when unset). Abandoned
    /// actions leave the mean, since they will never progress. Null when nothing below counts.
    /// </summary>
    public static IReadOnlyDictionary<long, decimal?> RollUp(IReadOnlyList<StrategyNode> nodes)
    {
        var children = nodes.Where(n => n.ParentId is not null).ToLookup(n => n.ParentId!.Value);
        var result = new Dictionary<long, decimal?>();
        decimal? Of(StrategyNode node)
        {
            if (result.TryGetValue(node.Id, out var known))
            {
                return known;
            }

            decimal? value;
            if (node.Level == NodeLevel.Action)
            {
                value = node.Status == ActionStatus.Abandoned ? null
                    : node.Status == ActionStatus.Done ? 100m
                    : node.Progress ?? 0m;
            }
            else
            {
                var parts = children[node.Id].Select(c => (Value: Of(c), Weight: c.Weight ?? 1m)).Where(p => p.Value is not null && p.Weight > 0).ToList();
                value = parts.Count == 0 ? null : Math.Round(parts.Sum(p => p.Value!.Value * p.Weight) / parts.Sum(p => p.Weight), 1);
            }

            result[node.Id] = value;
            return value;
        }

        foreach (var node in nodes)
        {
            Of(node);
        }

        return result;
    }

    public static string Label(this NodeLevel level, bool ppun) => (level, ppun) switch
    {
        (NodeLevel.Principle, _) => "Principe",
        (NodeLevel.Enjeu, false) => "Enjeu",
        (NodeLevel.Enjeu, true) => "Axe",
        (NodeLevel.Defi, false) => "Défi",
        (NodeLevel.Defi, true) => "Sous-axe",
        (NodeLevel.Orientation, false) => "Orientation",
        (NodeLevel.Orientation, true) => "Thème",
        (NodeLevel.Action, false) => "Piste d'action",
        _ => "Action",
    };

    public static string Label(this ActionStatus status) => status switch
    {
        ActionStatus.Planned => "Prévue",
        ActionStatus.InProgress => "En cours",
        ActionStatus.Done => "Réalisée",
        _ => "Abandonnée",
    };

    public static string Label(this ReviewDecision decision) => decision switch
    {
        ReviewDecision.Maintain => "Maintenir",
        ReviewDecision.ScaleUp => "Étendre à l'échelle régionale",
        _ => "Abandonner",
    };

    public static string Label(this Rag rag) => rag switch
    {
        Rag.Green => "Vert",
        Rag.Amber => "Orange",
        _ => "Rouge",
    };
}
