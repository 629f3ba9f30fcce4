using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Scoran.Accounts;
using Scoran.Resources.Documents;

namespace Scoran.Web.Resources.Documents;

[Authorize(Policy = ScoranPolicies.Contribute)]
[RequestSizeLimit(RequestLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = RequestLimit)]
public sealed class UploadModel(DocumentLibrary library, TimeProvider clock) : PageModel
{
    // The request may be larger than the library's limit so that an oversized file reaches the
    // library and gets its French message, instead of a bare 413 from the server.
    public const long RequestLimit = 200L * 1024 * 1024;

    public long MaxBytes => library.MaxUploadBytes;

    [BindProperty] public string? Titre { get; set; }
    [BindProperty] public DocumentCategory Categorie { get; set; }
    [BindProperty] public string? Auteur { get; set; }
    [BindProperty] public string? Licence { get; set; } = "Licence Ouverte 2.0";
    [BindProperty] public DateOnly Date { get; set; }
    [BindProperty] public string? Description { get; set; }
    [BindProperty] public string? Themes { get; set; }
    [BindProperty] public string? Territoires { get; set; }

    public string? Error { get; private set; }

    public void OnGet() => Date = DateOnly.FromDateTime(clock.GetLocalNow().Date);

    public async Task<IActionResult> OnPostAsync(IFormFile? fichier, CancellationToken ct)
    {
        if (fichier is null || fichier.Length == 0)
        {
            Error = "Choisissez un fichier à déposer.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var description = new DocumentDescription(Titre ?? "", Categorie, Licence ?? "", Auteur ?? "", Date, Description, Themes, Territoires);
        await using var stream = fichier.OpenReadStream();
        var outcome = await library.UploadAsync(description, fichier.FileName, stream, fichier.Length, ResourcesDisplay.Author(User), ResourcesDisplay.PublishesDirectly(User), ct);
        if (outcome.Refusal is not null)
        {
            Error = outcome.Refusal;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        if (outcome.Published)
        {
            return Redirect($"/ressources/documents/{outcome.Document!.Id}");
        }

        return Redirect("/ressources/contributions/merci");
    }
}
