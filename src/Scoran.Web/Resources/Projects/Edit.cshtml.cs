using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Scoran.Accounts;
using Scoran.Resources.Actors;
using Scoran.Resources.Contributions;
using Scoran.Resources.Projects;

namespace Scoran.Web.Resources.Projects;

/// <summary>Links, images and actors of a project, edited after its creation by its owner or a moderator (rule in <see cref="ProjectEditing"/>).</summary>
[Authorize(Policy = ScoranPolicies.Contribute)]
[RequestSizeLimit(Documents.UploadModel.RequestLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = Documents.UploadModel.RequestLimit)]
public sealed class EditModel(ProjectEditing editing, ActorDirectory actors) : PageModel
{
    public Project Project { get; private set; } = null!;
    public List<ProjectActorView> Actors { get; private set; } = [];
    public List<Actor> KnownActors { get; private set; } = [];
    public List<Contribution> Pending { get; private set; } = [];
    public string? Message { get; private set; }

    [BindProperty] public string? Liens { get; set; }
    [BindProperty] public List<long> RetirerImages { get; set; } = [];
    [BindProperty] public string? ImageTexte { get; set; }
    [BindProperty] public List<long> RetirerActeurs { get; set; } = [];
    [BindProperty] public long? ActeurId { get; set; }
    [BindProperty] public string? ActeurRole { get; set; }

    public static ProjectEditor Editor(System.Security.Claims.ClaimsPrincipal user) => new(ResourcesDisplay.Author(user), ResourcesDisplay.PublishesDirectly(user));

    public async Task<IActionResult> OnGetAsync(long id, string? fait, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        Liens = Project.Links;
        Message = fait switch
        {
            "applique" => "Modifications enregistrées.",
            "propose" => "Merci : vos modifications sont enregistrées et seront visibles du public après relecture par un éditeur.",
            "inchange" => "Aucune modification.",
            _ => null,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, IFormFile? image, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        await using var stream = image is { Length: > 0 } ? image.OpenReadStream() : null;
        var upload = image is { Length: > 0 } ? new ProjectImageUpload(image.FileName, stream!, image.Length, ImageTexte) : null;
        var result = await editing.EditAsync(Editor(User), id, new ProjectEdit(Liens ?? "", RetirerImages, upload, RetirerActeurs, ActeurId, ActeurRole), ct);
        switch (result.Outcome)
        {
            case ProjectEditOutcome.NotFound: return NotFound();
            case ProjectEditOutcome.Forbidden: return StatusCode(StatusCodes.Status403Forbidden);
            case ProjectEditOutcome.Applied: return Redirect($"/ressources/projets/{id}/modifier?fait=applique");
            case ProjectEditOutcome.Proposed: return Redirect($"/ressources/projets/{id}/modifier?fait=propose");
            case ProjectEditOutcome.Unchanged: return Redirect($"/ressources/projets/{id}/modifier?fait=inchange");
        }

        foreach (var (field, messages) in result.Errors)
        {
            foreach (var m in messages)
            {
                ModelState.AddModelError(field switch { "links" => nameof(Liens), "image" => nameof(ImageTexte), "role" => nameof(ActeurRole), _ => nameof(ActeurId) }, m);
            }
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>Loads the page's data; returns the refusal when the project is missing or not the user's to edit.</summary>
    private async Task<IActionResult?> LoadAsync(long id, CancellationToken ct)
    {
        var project = await editing.ProjectAsync(id, ct);
        if (project is null || (project.Status == PublicationStatus.Rejected && !Editor(User).IsModerator)) return NotFound();
        if (!await editing.MayEditAsync(Editor(User), id, ct)) return StatusCode(StatusCodes.Status403Forbidden);
        Project = project;
        Actors = await editing.ActorsAsync(id, ct);
        KnownActors = await actors.AllPublishedNamesAsync(ct);
        Pending = await editing.PendingEditsAsync(id, ct);
        return null;
    }
}
