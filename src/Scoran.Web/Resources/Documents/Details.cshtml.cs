using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Scoran.Accounts;
using Scoran.Resources.Documents;

namespace Scoran.Web.Resources.Documents;

[RequestSizeLimit(UploadModel.RequestLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = UploadModel.RequestLimit)]
public sealed class DetailsModel(DocumentLibrary library, IAuthorizationService authorization) : PageModel
{
    public ResourceDocument Document { get; private set; } = null!;
    public bool CanAddVersion { get; private set; }
    public long MaxBytes => library.MaxUploadBytes;
    public string? Message { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(long id, IFormFile? fichier, string? note, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!CanAddVersion)
        {
            return Forbid();
        }

        if (fichier is null)
        {
            Error = "Choisissez un fichier.";
            return Page();
        }

        await using var stream = fichier.OpenReadStream();
        var outcome = await library.AddVersionAsync(id, fichier.FileName, stream, fichier.Length, ResourcesDisplay.Author(User), note, ct);
        if (outcome.Refusal is not null)
        {
            Error = outcome.Refusal;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        await LoadAsync(id, ct);
        Message = $"Version {Document.Current?.Number} déposée.";
        return Page();
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        var document = await library.PublishedAsync(id, ct);
        if (document is null)
        {
            return false;
        }

        Document = document;
        // New versions replace what the public reads: an editor's decision, not a contributor's.
        CanAddVersion = (await authorization.AuthorizeAsync(User, ScoranPolicies.ModerateResources)).Succeeded;
        return true;
    }
}
