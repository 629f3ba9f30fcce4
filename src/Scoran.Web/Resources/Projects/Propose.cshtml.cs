using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Scoran.Accounts;
using Scoran.Resources.Actors;
using Scoran.Resources.Contributions;
using Scoran.Resources.Projects;

namespace Scoran.Web.Resources.Projects;

[Authorize(Policy = ScoranPolicies.Contribute)]
[RequestSizeLimit(Documents.UploadModel.RequestLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = Documents.UploadModel.RequestLimit)]
public sealed class ProposeModel(ModerationService moderation, ActorDirectory actors, ProjectDirectory projects) : PageModel
{
    [BindProperty] public string? ImageTexte { get; set; }
    [BindProperty] public string? Titre { get; set; }
    [BindProperty] public string? Resume { get; set; }
    [BindProperty] public string? Themes { get; set; }
    [BindProperty] public string? Territoires { get; set; }
    [BindProperty] public string? Commune { get; set; }
    [BindProperty] public ProjectStage Etat { get; set; }
    [BindProperty] public DateOnly? Debut { get; set; }
    [BindProperty] public DateOnly? Fin { get; set; }
    [BindProperty] public string? Budget { get; set; }
    [BindProperty] public string? Financeurs { get; set; }
    [BindProperty] public string? Resultats { get; set; }
    [BindProperty] public string? Liens { get; set; }
    [BindProperty] public long? ActeurId { get; set; }
    [BindProperty] public string? ActeurRole { get; set; }
    [BindProperty] public string? ActionStrategie { get; set; }
    [BindProperty] public string? DispositifAide { get; set; }

    public List<Actor> KnownActors { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => KnownActors = await actors.AllPublishedNamesAsync(ct);

    public async Task<IActionResult> OnPostAsync(IFormFile? image, CancellationToken ct)
    {
        decimal? budget = null;
        if (!string.IsNullOrWhiteSpace(Budget))
        {
            // French input: « 120 000,50 » as well as « 120000.50 ».
            var text = Budget.Replace(" ", "", StringComparison.Ordinal).Replace("\u00a0", "", StringComparison.Ordinal).Replace("\u202f", "", StringComparison.Ordinal).Replace(',', '.');
            if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
            {
                budget = value;
            }
            else
            {
                ModelState.AddModelError(nameof(Budget), "Le budget doit être un montant en euros.");
            }
        }

        if (ProjectAttachments.ParseLinks(Liens) is { Error: { } linkError })
        {
            ModelState.AddModelError(nameof(Liens), linkError);
        }

        var project = new Project
        {
            Title = Titre?.Trim() ?? "", Summary = Resume, Themes = TagList.Store(Themes), Territories = TagList.Store(Territoires),
            CommuneCode = string.IsNullOrWhiteSpace(Commune) ? null : Commune.Trim(), Stage = Etat, StartDate = Debut, EndDate = Fin, Budget = budget,
            Funders = TagList.Store(Financeurs), Results = Resultats, Links = Liens,
        };
        if (ActeurId is { } actorId)
        {
            project.Actors.Add(new ProjectActor { ActorId = actorId, Role = string.IsNullOrWhiteSpace(ActeurRole) ? "partenaire" : ActeurRole.Trim() });
        }

        if (!string.IsNullOrWhiteSpace(ActionStrategie))
        {
            project.StrategyLinks.Add(new ProjectLink { Kind = ProjectLinkKind.StrategyAction, Reference = ActionStrategie.Trim() });
        }

        if (!string.IsNullOrWhiteSpace(DispositifAide))
        {
            project.StrategyLinks.Add(new ProjectLink { Kind = ProjectLinkKind.AidScheme, Reference = DispositifAide.Trim() });
        }

        if (image is { Length: > 0 })
        {
            await using var stream = image.OpenReadStream();
            if (await projects.AttachImageAsync(project, image.FileName, stream, image.Length, ImageTexte ?? "", ResourcesDisplay.Author(User), ct) is { } refusal)
            {
                ModelState.AddModelError(nameof(ImageTexte), refusal);
            }
        }

        foreach (var (field, messages) in ProjectDirectory.Validate(project))
        {
            foreach (var message in messages)
            {
                ModelState.AddModelError(field switch { "title" => nameof(Titre), "commune" => nameof(Commune), "end" => nameof(Fin), _ => nameof(Budget) }, message);
            }
        }

        if (!ModelState.IsValid)
        {
            KnownActors = await actors.AllPublishedNamesAsync(ct);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var publish = ResourcesDisplay.PublishesDirectly(User);
        await moderation.CreateAsync(project, ResourceEntryTypes.Project, ResourcesDisplay.Author(User), publish, ct);
        return Redirect(publish ? $"/ressources/projets/{project.Id}" : "/ressources/contributions/merci");
    }
}
