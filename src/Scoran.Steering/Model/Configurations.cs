using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Scoran.Steering.Model;

/// <summary>Table and column names in snake_case like the rest of the schema, without spelling each column twice.</summary>
internal static class Columns
{
    public static void SnakeCase<T>(EntityTypeBuilder<T> builder) where T : class
    {
        foreach (var property in builder.Metadata.GetDeclaredProperties())
        {
            builder.Property(property.Name).HasColumnName(Snake(property.Name));
        }
    }

    private static string Snake(string name)
    {
        var text = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                text.Append('_');
            }

            text.Append(char.ToLowerInvariant(name[i]));
        }

        return text.ToString();
    }

    /// <summary>Short lists (partners, territories, attendees) kept in one text column, one item per line: portable to both engines.</summary>
    public static PropertyBuilder<List<string>> Lines(this PropertyBuilder<List<string>> property) =>
        property.HasConversion(
                v => string.Join('\n', v),
                v => v.Length == 0 ? new List<string>() : v.Split('\n', StringSplitOptions.None).ToList(),
                new ValueComparer<List<string>>((a, b) => a!.SequenceEqual(b!), v => v.Aggregate(0, (h, s) => HashCode.Combine(h, s.GetHashCode())), v => v.ToList()))
            .HasMaxLength(8000);
}

public sealed class StrategyConfiguration : IEntityTypeConfiguration<Strategy>
{
    public void Configure(EntityTypeBuilder<Strategy> builder)
    {
        builder.ToTable("steering_strategies");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Code).HasMaxLength(64);
        builder.Property(x => x.Title).HasMaxLength(1000);
        builder.Property(x => x.ShortTitle).HasMaxLength(200);
        builder.Property(x => x.Issuer).HasMaxLength(1000);
        builder.Property(x => x.Date).HasMaxLength(32);
        builder.Property(x => x.Source).HasMaxLength(1000);
        builder.HasIndex(x => x.Code).IsUnique();
        builder.HasMany(x => x.Nodes).WithOne(n => n.Strategy).HasForeignKey(n => n.StrategyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(x => x.Indicators).WithOne(n => n.Strategy).HasForeignKey(n => n.StrategyId).OnDelete(DeleteBehavior.Restrict);
        Columns.SnakeCase(builder);
    }
}

public sealed class StrategyNodeConfiguration : IEntityTypeConfiguration<StrategyNode>
{
    public void Configure(EntityTypeBuilder<StrategyNode> builder)
    {
        builder.ToTable("steering_nodes");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Code).HasMaxLength(64);
        builder.Property(x => x.Title).HasMaxLength(2000);
        builder.Property(x => x.Description).HasMaxLength(8000);
        builder.Property(x => x.Level).HasConversion<string>().HasMaxLength(16);
        builder.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(x => x.Weight).HasPrecision(9, 3);
        builder.Property(x => x.Progress).HasPrecision(5, 1);
        builder.Property(x => x.Porteur).HasMaxLength(200);
        builder.Property(x => x.Partners).Lines();
        builder.Property(x => x.Territories).Lines();
        builder.Property(x => x.Themes).Lines();
        builder.Property(x => x.ClosedReason).HasMaxLength(4000);
        builder.Property(x => x.SourceLine).HasMaxLength(64);
        builder.HasIndex(x => new { x.StrategyId, x.Code }).IsUnique();
        builder.HasOne(x => x.Parent).WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(x => x.Budget).WithOne().HasForeignKey(b => b.NodeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(x => x.Milestones).WithOne().HasForeignKey(b => b.NodeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(x => x.Links).WithOne().HasForeignKey(b => b.NodeId).OnDelete(DeleteBehavior.Restrict);
        Columns.SnakeCase(builder);
    }
}

public sealed class BudgetLineConfiguration : IEntityTypeConfiguration<BudgetLine>
{
    public void Configure(EntityTypeBuilder<BudgetLine> builder)
    {
        builder.ToTable("steering_budget_lines");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Funder).HasMaxLength(200);
        builder.Property(x => x.Planned).HasPrecision(18, 2);
        builder.Property(x => x.Committed).HasPrecision(18, 2);
        builder.Property(x => x.Spent).HasPrecision(18, 2);
        Columns.SnakeCase(builder);
    }
}

public sealed class MilestoneConfiguration : IEntityTypeConfiguration<Milestone>
{
    public void Configure(EntityTypeBuilder<Milestone> builder)
    {
        builder.ToTable("steering_milestones");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Title).HasMaxLength(1000);
        Columns.SnakeCase(builder);
    }
}

public sealed class ActionLinkConfiguration : IEntityTypeConfiguration<ActionLink>
{
    public void Configure(EntityTypeBuilder<ActionLink> builder)
    {
        builder.ToTable("steering_action_links");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(x => x.Target).HasMaxLength(1000);
        builder.Property(x => x.Label).HasMaxLength(1000);
        Columns.SnakeCase(builder);
    }
}

public sealed class IndicatorConfiguration : IEntityTypeConfiguration<Indicator>
{
    public void Configure(EntityTypeBuilder<Indicator> builder)
    {
        builder.ToTable("steering_indicators");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Code).HasMaxLength(64);
        builder.Property(x => x.Title).HasMaxLength(2000);
        builder.Property(x => x.Objective).HasMaxLength(2000);
        builder.Property(x => x.Definition).HasMaxLength(8000);
        builder.Property(x => x.NodeCode).HasMaxLength(64);
        builder.Property(x => x.Unit).HasMaxLength(64);
        builder.Property(x => x.Direction).HasConversion<string>().HasMaxLength(16);
        builder.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(x => x.Computation).HasMaxLength(128);
        builder.Property(x => x.DataSource).HasMaxLength(4000);
        builder.Property(x => x.Vintage).HasMaxLength(64);
        builder.Property(x => x.Licence).HasMaxLength(200);
        builder.Property(x => x.BaselineValue).HasPrecision(18, 4);
        builder.Property(x => x.TargetValue).HasPrecision(18, 4);
        builder.Property(x => x.StrategyTargetValue).HasPrecision(18, 4);
        builder.Property(x => x.TargetText).HasMaxLength(1000);
        builder.HasIndex(x => new { x.StrategyId, x.Code }).IsUnique();
        builder.HasMany(x => x.Values).WithOne().HasForeignKey(v => v.IndicatorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(x => x.Targets).WithOne().HasForeignKey(t => t.IndicatorId).OnDelete(DeleteBehavior.Restrict);
        Columns.SnakeCase(builder);
    }
}

public sealed class IndicatorTargetConfiguration : IEntityTypeConfiguration<IndicatorTarget>
{
    public void Configure(EntityTypeBuilder<IndicatorTarget> builder)
    {
        builder.ToTable("steering_indicator_targets");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Value).HasPrecision(18, 4);
        builder.Property(x => x.Author).HasMaxLength(256);
        // One target per date: a second point at the same date would make the trajectory ambiguous.
        builder.HasIndex(x => new { x.IndicatorId, x.Date }).IsUnique();
        Columns.SnakeCase(builder);
    }
}

public sealed class IndicatorValueConfiguration : IEntityTypeConfiguration<IndicatorValue>
{
    public void Configure(EntityTypeBuilder<IndicatorValue> builder)
    {
        builder.ToTable("steering_indicator_values");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Value).HasPrecision(18, 4);
        builder.Property(x => x.Source).HasMaxLength(1000);
        builder.Property(x => x.Author).HasMaxLength(256);
        Columns.SnakeCase(builder);
    }
}

public sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> builder)
    {
        builder.ToTable("steering_meetings");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Committee).HasMaxLength(200);
        builder.Property(x => x.Attendees).Lines();
        builder.HasOne(x => x.Strategy).WithMany().HasForeignKey(x => x.StrategyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(x => x.Reviews).WithOne(r => r.Meeting).HasForeignKey(r => r.MeetingId).OnDelete(DeleteBehavior.Restrict);
        Columns.SnakeCase(builder);
    }
}

public sealed class ActionReviewConfiguration : IEntityTypeConfiguration<ActionReview>
{
    public void Configure(EntityTypeBuilder<ActionReview> builder)
    {
        builder.ToTable("steering_action_reviews");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Progress).HasPrecision(5, 1);
        builder.Property(x => x.BudgetPlanned).HasPrecision(18, 2);
        builder.Property(x => x.BudgetCommitted).HasPrecision(18, 2);
        builder.Property(x => x.BudgetSpent).HasPrecision(18, 2);
        builder.Property(x => x.Rag).HasConversion<string>().HasMaxLength(8);
        builder.Property(x => x.Decision).HasConversion<string>().HasMaxLength(16);
        builder.Property(x => x.Comment).HasMaxLength(8000);
        builder.Property(x => x.DecidedBy).HasMaxLength(256);
        builder.Property(x => x.RecordedBy).HasMaxLength(256);
        // One review per action per meeting: a second entry replaces it (through the audit trail).
        builder.HasIndex(x => new { x.MeetingId, x.NodeId }).IsUnique();
        builder.HasOne(x => x.Node).WithMany().HasForeignKey(x => x.NodeId).OnDelete(DeleteBehavior.Restrict);
        Columns.SnakeCase(builder);
    }
}
