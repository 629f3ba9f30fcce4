using Microsoft.EntityFrameworkCore;
using Scoran.Core.Audit;
using Scoran.Core.Imports;
using Scoran.Steering.Model;

namespace Scoran.Steering.Exchange;

public sealed record StrategyImportReport(string Code, bool Skipped, int Revision, int Nodes, int Indicators, int Meetings, int Reviews);

/// <summary>
/// Loads strategy documents into the database and writes them back out. A document whose code
/// is new is created whole; one identical to what is stored is skipped; one that differs
/// revises the stored tree (titles and texts updated, new nodes and indicators added, nothing
/// removed) under a new revision number, all through the audit trail.
/// </summary>
public sealed class StrategyStore(DbContext db, TimeProvider clock)
{
    public async Task<StrategyImportReport> ImportAsync(StrategyDocument document, string file, string author, CancellationToken cancellationToken = default)
    {
        Validate(document, file);
        var existing = await db.Set<Strategy>().FirstOrDefaultAsync(s => s.Code == document.Code, cancellationToken);
        if (existing is not null)
        {
            return await ReviseAsync(existing, document, author, cancellationToken);
        }

        var strategy = new Strategy
        {
            Code = document.Code, Title = document.Title, ShortTitle = document.ShortTitle, Issuer = document.Issuer, Date = document.Date,
            Revision = document.Revision, Source = document.Source,
        };
        db.Add(strategy);
        var byCode = new Dictionary<string, StrategyNode>();
        foreach (var n in document.Nodes)
        {
            var node = ToNode(n);
            node.Strategy = strategy;
            if (n.ParentCode is not null)
            {
                node.Parent = byCode[n.ParentCode];
            }

            byCode[n.Code] = node;
            strategy.Nodes.Add(node);
        }

        foreach (var i in document.Indicators)
        {
            strategy.Indicators.Add(ToIndicator(i));
        }

        var reviews = 0;
        foreach (var m in document.Meetings)
        {
            var meeting = new Meeting { Strategy = strategy, Date = m.Date, Committee = m.Committee, Attendees = m.Attendees.ToList(), Demonstration = m.Demonstration };
            foreach (var r in m.Reviews)
            {
                meeting.Reviews.Add(new ActionReview
                {
                    Node = byCode[r.ActionCode], Progress = r.Progress, DaysLate = r.DaysLate, BudgetPlanned = r.BudgetPlanned, BudgetCommitted = r.BudgetCommitted,
                    BudgetSpent = r.BudgetSpent, Rag = r.Rag, Comment = r.Comment, Decision = r.Decision, DecidedBy = r.DecidedBy, RecordedAt = r.RecordedAt, RecordedBy = r.RecordedBy,
                });
                reviews++;
            }

            db.Add(meeting);
        }

        AuditTrail.Record(db, clock, author, "steering.strategy", document.Code, "created", null,
            new { document.Code, document.Title, document.Revision, Nodes = document.Nodes.Count, Indicators = document.Indicators.Count }, $"import de {file}");
        await db.SaveChangesAsync(cancellationToken);
        return new StrategyImportReport(document.Code, false, strategy.Revision, document.Nodes.Count, document.Indicators.Count, document.Meetings.Count, reviews);
    }

    private async Task<StrategyImportReport> ReviseAsync(Strategy strategy, StrategyDocument document, string author, CancellationToken cancellationToken)
    {
        var nodes = await db.Set<StrategyNode>().Where(n => n.StrategyId == strategy.Id).ToDictionaryAsync(n => n.Code, cancellationToken);
        var indicators = await db.Set<Indicator>().Where(n => n.StrategyId == strategy.Id).ToDictionaryAsync(n => n.Code, cancellationToken);
        var changes = new List<string>();
        foreach (var n in document.Nodes)
        {
            if (!nodes.TryGetValue(n.Code, out var node))
            {
                node = ToNode(n);
                node.StrategyId = strategy.Id;
                node.Parent = n.ParentCode is null ? null : nodes[n.ParentCode];
                db.Add(node);
                nodes[n.Code] = node;
                changes.Add($"ajout {n.Code}");
            }
            else if (node.Title != n.Title || node.Description != n.Description)
            {
                changes.Add($"texte {n.Code}");
                node.Title = n.Title;
                node.Description = n.Description;
            }
        }

        foreach (var i in document.Indicators.Where(i => !indicators.ContainsKey(i.Code)))
        {
            var indicator = ToIndicator(i);
            indicator.StrategyId = strategy.Id;
            db.Add(indicator);
            changes.Add($"ajout indicateur {i.Code}");
        }

        // Targets: a document stating the same target as the previous import keeps the points in
        // force, hand edits included; one stating another target replaces them (the strategy was revised).
        var targetChanges = new List<(Indicator Indicator, object Before, object After)>();
        foreach (var i in document.Indicators.Where(i => indicators.ContainsKey(i.Code)))
        {
            var indicator = indicators[i.Code];
            if (indicator.StrategyTargetValue == i.TargetValue && indicator.StrategyTargetDate == i.TargetDate)
            {
                continue;
            }

            var points = await db.Set<IndicatorTarget>().Where(t => t.IndicatorId == indicator.Id).ToListAsync(cancellationToken);
            var stated = TargetSnapshot(indicator.StrategyTargetValue, indicator.StrategyTargetDate, points);
            db.RemoveRange(points);
            var fresh = TargetsOf(i);
            foreach (var point in fresh)
            {
                point.IndicatorId = indicator.Id;
                db.Add(point);
            }

            indicator.StrategyTargetValue = i.TargetValue;
            indicator.StrategyTargetDate = i.TargetDate;
            indicator.TargetText = i.TargetText;
            (indicator.TargetValue, indicator.TargetDate) = FinalTarget(i, fresh);
            targetChanges.Add((indicator, stated, TargetSnapshot(i.TargetValue, i.TargetDate, fresh)));
            changes.Add($"cible {i.Code}");
        }

        if (changes.Count == 0)
        {
            return new StrategyImportReport(strategy.Code, true, strategy.Revision, 0, 0, 0, 0);
        }

        var before = new { strategy.Code, strategy.Revision };
        strategy.Revision++;
        AuditTrail.Record(db, clock, author, "steering.strategy", strategy.Code, "revised", before, new { strategy.Code, strategy.Revision, Changes = changes });
        foreach (var (indicator, was, now) in targetChanges)
        {
            AuditTrail.Record(db, clock, author, "steering.indicator", indicator.Code, "targets-replaced", was, now, $"révision {strategy.Revision} de la stratégie");
        }

        await db.SaveChangesAsync(cancellationToken);
        return new StrategyImportReport(strategy.Code, false, strategy.Revision, changes.Count, 0, 0, 0);
    }

    /// <summary>All-or-nothing: every problem of the document is reported, with the position of the item in error.</summary>
    public static void Validate(StrategyDocument document, string file)
    {
        var errors = new List<ImportError>();
        void Error(string where, string reason) => errors.Add(new ImportError(file, null, null, $"{where} : {reason}"));
        if (string.IsNullOrWhiteSpace(document.Code))
        {
            Error("code", "code de la stratégie manquant");
        }

        if (string.IsNullOrWhiteSpace(document.Title))
        {
            Error("title", "intitulé de la stratégie manquant");
        }

        var codes = new HashSet<string>();
        var levels = new Dictionary<string, NodeLevel>();
        for (var i = 0; i < document.Nodes.Count; i++)
        {
            var n = document.Nodes[i];
            var where = $"nodes[{i}] ({n.Code})";
            if (string.IsNullOrWhiteSpace(n.Code))
            {
                Error(where, "code manquant");
            }
            else if (!codes.Add(n.Code))
            {
                Error(where, "code en double");
            }

            if (string.IsNullOrWhiteSpace(n.Title))
            {
                Error(where, "intitulé manquant");
            }

            if (n.ParentCode is not null && !levels.ContainsKey(n.ParentCode))
            {
                Error(where, $"parent « {n.ParentCode} » inconnu (les parents doivent précéder leurs enfants)");
            }
            else if (n.ParentCode is not null && levels[n.ParentCode] >= n.Level)
            {
                Error(where, $"niveau {n.Level} sous un parent de niveau {levels[n.ParentCode]}");
            }

            if (n.Progress is < 0 or > 100)
            {
                Error(where, "avancement hors de 0–100 %");
            }

            if (n.Weight is < 0)
            {
                Error(where, "poids négatif");
            }

            foreach (var b in n.Budget.Where(b => b.Planned < 0 || b.Committed < 0 || b.Spent < 0 || string.IsNullOrWhiteSpace(b.Funder)))
            {
                Error(where, $"ligne budgétaire {b.Year} invalide (financeur obligatoire, montants positifs)");
            }

            if (!string.IsNullOrEmpty(n.Code))
            {
                levels[n.Code] = n.Level;
            }
        }

        var indicatorCodes = new HashSet<string>();
        for (var i = 0; i < document.Indicators.Count; i++)
        {
            var indicator = document.Indicators[i];
            if (string.IsNullOrWhiteSpace(indicator.Code) || !indicatorCodes.Add(indicator.Code))
            {
                Error($"indicators[{i}]", "code manquant ou en double");
            }

            if (indicator.Targets is { } targets && targets.Select(t => t.Date).Distinct().Count() != targets.Count)
            {
                Error($"indicators[{i}] ({indicator.Code})", "deux cibles à la même date");
            }

            if (indicator.Kind == IndicatorKind.Computed && !Indicators.ComputedIndicators.IsKnown(indicator.Computation))
            {
                Error($"indicators[{i}] ({indicator.Code})", $"calcul « {indicator.Computation} » inconnu");
            }
        }

        for (var m = 0; m < document.Meetings.Count; m++)
        {
            var meeting = document.Meetings[m];
            var reviewed = new HashSet<string>();
            for (var r = 0; r < meeting.Reviews.Count; r++)
            {
                var review = meeting.Reviews[r];
                var where = $"meetings[{m}].reviews[{r}] ({review.ActionCode})";
                if (!levels.TryGetValue(review.ActionCode, out var level) || level != NodeLevel.Action)
                {
                    Error(where, "action inconnue");
                }

                if (!reviewed.Add(review.ActionCode))
                {
                    Error(where, "action revue deux fois dans la même séance");
                }

                if (review.Progress is < 0 or > 100)
                {
                    Error(where, "avancement hors de 0–100 %");
                }
            }
        }

        if (errors.Count > 0)
        {
            throw new ImportRejectedException(errors);
        }
    }

    public async Task<StrategyDocument?> ExportAsync(string code, CancellationToken cancellationToken = default)
    {
        var strategy = await db.Set<Strategy>().AsNoTracking().FirstOrDefaultAsync(s => s.Code == code, cancellationToken);
        if (strategy is null)
        {
            return null;
        }

        var nodes = await db.Set<StrategyNode>().AsNoTracking().Where(n => n.StrategyId == strategy.Id)
            .Include(n => n.Budget).Include(n => n.Milestones).Include(n => n.Links).AsSplitQuery().ToListAsync(cancellationToken);
        var ids = nodes.ToDictionary(n => n.Id, n => n.Code);
        var indicators = await db.Set<Indicator>().AsNoTracking().Where(i => i.StrategyId == strategy.Id).Include(i => i.Values).Include(i => i.Targets).AsSplitQuery().ToListAsync(cancellationToken);
        var meetings = await db.Set<Meeting>().AsNoTracking().Where(m => m.StrategyId == strategy.Id).Include(m => m.Reviews).ToListAsync(cancellationToken);

        return new StrategyDocument
        {
            Code = strategy.Code, Title = strategy.Title, ShortTitle = strategy.ShortTitle, Issuer = strategy.Issuer, Date = strategy.Date,
            Revision = strategy.Revision, Source = strategy.Source,
            // Parents before children, siblings in the document's order: the order an import needs.
            Nodes = nodes.OrderBy(n => n.Level).ThenBy(n => n.ParentId is { } p ? ids[p] : "", StringComparer.Ordinal).ThenBy(n => n.Position).ThenBy(n => n.Code, StringComparer.Ordinal)
                .Select(n => new NodeDocument
                {
                    Code = n.Code, ParentCode = n.ParentId is { } p ? ids[p] : null, Level = n.Level, Title = n.Title, Description = n.Description,
                    Position = n.Position, Weight = n.Weight, Porteur = n.Porteur, Partners = n.Partners, Territories = n.Territories, Themes = n.Themes,
                    Status = n.Status, Progress = n.Progress, ClosedReason = n.ClosedReason, ClosedOn = n.ClosedOn, SourceLine = n.SourceLine,
                    Budget = n.Budget.OrderBy(b => b.Year).ThenBy(b => b.Funder, StringComparer.Ordinal).ThenBy(b => b.Id).Select(b => new BudgetDocument(b.Year, b.Funder, b.Planned, b.Committed, b.Spent)).ToList(),
                    Milestones = n.Milestones.OrderBy(m => m.PlannedDate).ThenBy(m => m.Id).Select(m => new MilestoneDocument(m.Title, m.PlannedDate, m.ActualDate)).ToList(),
                    Links = n.Links.OrderBy(l => l.Id).Select(l => new LinkDocument(l.Kind, l.Target, l.Label)).ToList(),
                }).ToList(),
            Indicators = indicators.OrderBy(i => i.Code, StringComparer.Ordinal).Select(i => new IndicatorDocument
            {
                Code = i.Code, Title = i.Title, Objective = i.Objective, Definition = i.Definition, NodeCode = i.NodeCode, Unit = i.Unit, Direction = i.Direction,
                Kind = i.Kind, Computation = i.Computation, DataSource = i.DataSource, Vintage = i.Vintage, Licence = i.Licence, BaselineValue = i.BaselineValue,
                BaselineDate = i.BaselineDate, TargetValue = i.StrategyTargetValue, TargetDate = i.StrategyTargetDate, TargetText = i.TargetText,
                Values = i.Values.OrderBy(v => v.Date).ThenBy(v => v.Id).Select(v => new ValueDocument(v.Date, v.Value, v.Source, v.Author)).ToList(),
                Targets = i.Targets.OrderBy(t => t.Date).Select(t => new TargetDocument(t.Date, t.Value, t.Author)).ToList(),
            }).ToList(),
            Meetings = meetings.OrderBy(m => m.Date).ThenBy(m => m.Id).Select(m => new MeetingDocument
            {
                Date = m.Date, Committee = m.Committee, Attendees = m.Attendees, Demonstration = m.Demonstration,
                Reviews = m.Reviews.OrderBy(r => ids[r.NodeId], StringComparer.Ordinal).Select(r => new ReviewDocument
                {
                    ActionCode = ids[r.NodeId], Progress = r.Progress, DaysLate = r.DaysLate, BudgetPlanned = r.BudgetPlanned, BudgetCommitted = r.BudgetCommitted,
                    BudgetSpent = r.BudgetSpent, Rag = r.Rag, Comment = r.Comment, Decision = r.Decision, DecidedBy = r.DecidedBy, RecordedAt = r.RecordedAt, RecordedBy = r.RecordedBy,
                }).ToList(),
            }).ToList(),
        };
    }

    private static StrategyNode ToNode(NodeDocument n) => new()
    {
        Code = n.Code, Level = n.Level, Title = n.Title, Description = n.Description, Position = n.Position, Weight = n.Weight, Porteur = n.Porteur,
        Partners = n.Partners.ToList(), Territories = n.Territories.ToList(), Themes = n.Themes.ToList(), Status = n.Status, Progress = n.Progress,
        ClosedReason = n.ClosedReason, ClosedOn = n.ClosedOn, SourceLine = n.SourceLine,
        Budget = n.Budget.Select(b => new BudgetLine { Year = b.Year, Funder = b.Funder, Planned = b.Planned, Committed = b.Committed, Spent = b.Spent }).ToList(),
        Milestones = n.Milestones.Select(m => new Milestone { Title = m.Title, PlannedDate = m.PlannedDate, ActualDate = m.ActualDate }).ToList(),
        Links = n.Links.Select(l => new ActionLink { Kind = l.Kind, Target = l.Target, Label = l.Label }).ToList(),
    };

    private static Indicator ToIndicator(IndicatorDocument i)
    {
        var targets = TargetsOf(i);
        var (value, date) = FinalTarget(i, targets);
        return new Indicator
        {
            Code = i.Code, Title = i.Title, Objective = i.Objective, Definition = i.Definition, NodeCode = i.NodeCode, Unit = i.Unit, Direction = i.Direction,
            Kind = i.Kind, Computation = i.Computation, DataSource = i.DataSource, Vintage = i.Vintage, Licence = i.Licence, BaselineValue = i.BaselineValue,
            BaselineDate = i.BaselineDate, TargetValue = value, TargetDate = date, StrategyTargetValue = i.TargetValue, StrategyTargetDate = i.TargetDate, TargetText = i.TargetText,
            Values = i.Values.Select(v => new IndicatorValue { Date = v.Date, Value = v.Value, Source = v.Source, Author = v.Author }).ToList(),
            Targets = targets,
        };
    }

    /// <summary>The document's target points, or its stated target as the single point when it has a value and a date.</summary>
    private static List<IndicatorTarget> TargetsOf(IndicatorDocument i) =>
        i.Targets is { } points ? points.Select(t => new IndicatorTarget { Date = t.Date, Value = t.Value, Author = t.Author }).ToList()
        : i is { TargetValue: { } value, TargetDate: { } date } ? [new IndicatorTarget { Date = date, Value = value, Author = "import" }]
        : [];

    /// <summary>The final target in force: the latest point when the document lists them, else its stated target (even without a date).</summary>
    private static (decimal? Value, DateOnly? Date) FinalTarget(IndicatorDocument i, List<IndicatorTarget> targets) =>
        i.Targets is null ? (i.TargetValue, i.TargetDate) : targets.OrderBy(t => t.Date).LastOrDefault() is { } last ? (last.Value, last.Date) : (null, null);

    private static object TargetSnapshot(decimal? statedValue, DateOnly? statedDate, IEnumerable<IndicatorTarget> points) =>
        new { StrategyTargetValue = statedValue, StrategyTargetDate = statedDate, Targets = points.OrderBy(t => t.Date).Select(t => new { t.Date, t.Value, t.Author }).ToList() };
}
