using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Scoran.Resources.Contributions;

namespace Scoran.Resources.Projects;

public enum ProjectStage
{
    Idee,
    EnCours,
    Termine,
    Abandonne,
}

public static class ProjectStages
{
    public static string ToFrench(this ProjectStage stage) => stage switch
    {
        ProjectStage.Idee => "En projet",
        ProjectStage.EnCours => "En cours",
        ProjectStage.Termine => "Terminé",
        _ => "Abandonné",
    };
}

/// <summary>An innovative project or use case of the territory.</summary>
public sealed class Project : IModeratedEntry
{
    public long Id { get; init; }
    public required string Title { get; set; }
    public string? Summary { get; set; }
    public string Themes { get; set; } = "";
    public string Territories { get; set; } = "";
    /// <summary>INSEE code of the commune where the project is drawn on the map (at its centroid).</summary>
    public string? CommuneCode { get; set; }
    public ProjectStage Stage { get; set; }
    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    /// <summary>Total budget in euros.</summary>
    public decimal? Budget { get; set; }
    public string Funders { get; set; } = "";
    public string? Results { get; set; }
    /// <summary>Web links, one per line.</summary>
    public string? Links { get; set; }
    public PublicationStatus Status { get; set; }
    public List<ProjectActor> Actors { get; init; } = [];
    public List<ProjectLink> StrategyLinks { get; init; } = [];
    public List<ProjectImage> Images { get; init; } = [];

    public IReadOnlyList<EntryField> Fields() =>
    [
        new("title", "Titre", Title),
        new("summary", "Résumé", Summary),
        new("themes", "Thèmes", TagList.Display(Themes)),
        new("territories", "Territoires", TagList.Display(Territories)),
        new("commune", "Commune (carte)", CommuneCode),
        new("stage", "État d'avancement", Stage.ToString()),
        new("start", "Début", StartDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        new("end", "Fin", EndDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        new("budget", "Budget (€)", Budget?.ToString(CultureInfo.InvariantCulture)),
        new("funders", "Financeurs", TagList.Display(Funders)),
        new("results", "Résultats", Results),
        new("links", "Liens", Links),
    ];

    public void Apply(IReadOnlyDictionary<string, string?> values)
    {
        foreach (var (key, value) in values)
        {
            switch (key)
            {
                case "title": Title = value ?? Title; break;
                case "summary": Summary = value; break;
                case "themes": Themes = TagList.Store(value); break;
                case "territories": Territories = TagList.Store(value); break;
                case "commune": CommuneCode = string.IsNullOrWhiteSpace(value) ? null : value.Trim(); break;
                case "stage": Stage = Enum.TryParse<ProjectStage>(value, out var s) ? s : Stage; break;
                case "start": StartDate = DateOnly.TryParse(value, CultureInfo.InvariantCulture, out var a) ? a : null; break;
                case "end": EndDate = DateOnly.TryParse(value, CultureInfo.InvariantCulture, out var b) ? b : null; break;
                case "budget": Budget = decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var m) ? m : null; break;
                case "funders": Funders = TagList.Store(value); break;
                case "results": Results = value; break;
                case "links": Links = value; break;
                // Attachment edits, only ever written by ProjectEditing (they are not in Fields(), so a change proposal cannot carry them).
                case ProjectAttachments.ActorsKey: ProjectAttachments.ApplyActors(this, value); break;
                case ProjectAttachments.ImagesKey: ProjectAttachments.ApplyImages(this, value); break;
            }
        }
    }
}

/// <summary>An actor of the directory and its role in a project (porteur, partenaire, financeur…).</summary>
public sealed class ProjectActor
{
    public long Id { get; init; }
    public long ProjectId { get; init; }
    public long ActorId { get; init; }
    public required string Role { get; set; }
}

public enum ProjectLinkKind
{
    /// <summary>An action of the regional strategy (steering capability).</summary>
    StrategyAction,
    /// <summary>An aid scheme of the funding one-stop shop.</summary>
    AidScheme,
}

/// <summary>
/// A typed reference to another capability's record, kept as its code and label rather than a
/// foreign key: strategy actions and aid schemes live in capabilities built separately, and a
/// link must survive their re-imports.
/// </summary>
public sealed class ProjectLink
{
    public long Id { get; init; }
    public long ProjectId { get; init; }
    public ProjectLinkKind Kind { get; init; }
    public required string Reference { get; init; }
    public string? Label { get; init; }
}

public sealed class ProjectConfiguration : IEntityTypeConfiguration<Project>
{
    public void Configure(EntityTypeBuilder<Project> builder)
    {
        builder.ToTable("resource_projects");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).HasColumnName("id");
        builder.Property(x => x.Title).HasColumnName("title").HasMaxLength(300);
        builder.Property(x => x.Summary).HasColumnName("summary").HasMaxLength(8000);
        builder.Property(x => x.Themes).HasColumnName("themes").HasMaxLength(1000);
        builder.Property(x => x.Territories).HasColumnName("territories").HasMaxLength(2000);
        builder.Property(x => x.CommuneCode).HasColumnName("commune_code").HasMaxLength(5);
        builder.Property(x => x.Stage).HasColumnName("stage").HasConversion<string>().HasMaxLength(16);
        builder.Property(x => x.StartDate).HasColumnName("start_date");
        builder.Property(x => x.EndDate).HasColumnName("end_date");
        builder.Property(x => x.Budget).HasColumnName("budget").HasPrecision(14, 2);
        builder.Property(x => x.Funders).HasColumnName("funders").HasMaxLength(1000);
        builder.Property(x => x.Results).HasColumnName("results").HasMaxLength(8000);
        builder.Property(x => x.Links).HasColumnName("links").HasMaxLength(4000);
        builder.Property(x => x.Status).HasColumnName("status").HasConversion<string>().HasMaxLength(16);
        builder.HasMany(x => x.Actors).WithOne().HasForeignKey(a => a.ProjectId);
        builder.HasMany(x => x.StrategyLinks).WithOne().HasForeignKey(a => a.ProjectId);
        builder.HasMany(x => x.Images).WithOne().HasForeignKey(a => a.ProjectId);
        builder.HasIndex(x => x.Status);
    }
}

public sealed class ProjectActorConfiguration : IEntityTypeConfiguration<ProjectActor>
{
    public void Configure(EntityTypeBuilder<ProjectActor> builder)
    {
        builder.ToTable("resource_project_actors");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).HasColumnName("id");
        builder.Property(x => x.ProjectId).HasColumnName("project_id");
        builder.Property(x => x.ActorId).HasColumnName("actor_id");
        builder.Property(x => x.Role).HasColumnName("role").HasMaxLength(100);
        builder.HasOne<Actors.Actor>().WithMany().HasForeignKey(x => x.ActorId);
    }
}

public sealed class ProjectLinkConfiguration : IEntityTypeConfiguration<ProjectLink>
{
    public void Configure(EntityTypeBuilder<ProjectLink> builder)
    {
        builder.ToTable("resource_project_links");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).HasColumnName("id");
        builder.Property(x => x.ProjectId).HasColumnName("project_id");
        builder.Property(x => x.Kind).HasColumnName("kind").HasConversion<string>().HasMaxLength(32);
        builder.Property(x => x.Reference).HasColumnName("reference").HasMaxLength(100);
        builder.Property(x => x.Label).HasColumnName("label").HasMaxLength(300);
    }
}
