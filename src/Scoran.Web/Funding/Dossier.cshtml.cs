using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Configuration;
using Scoran.Accounts;
using Scoran.Core.Audit;
using Scoran.Funding;
using Scoran.Funding.Dossiers;
using Scoran.Funding.Model;

namespace Scoran.Web.Funding;

[Authorize(Policy = ScoranPolicies.FileDossiers)]
public sealed class DossierModel(FundingService funding, UserManager<ScoranUser> users, IConfiguration configuration, Scoran.Core.ScoranFiles files) : PageModel
{
    public FundingDossier Dossier { get; private set; } = null!;
    public AidScheme Scheme { get; private set; } = null!;
    public FundingActor Actor { get; private set; } = null!;
    public List<AuditEntry> History { get; private set; } = [];
    public string? Error { get; private set; }
    public string? Done { get; private set; }

    /// <summary>Outside the web root: the configured folder, else the shared upload store beside the database (F11).</summary>
    private string DocumentsFolder => configuration["Funding:DocumentsPath"] is { Length: > 0 } p ? p : files.Folder("funding-documents");

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostMoveAsync(long id, string statut, string? date, string? montant, string? commentaire, CancellationToken ct, bool depassement = false)
    {
        try
        {
            if (DossierStatuses.FromSlug(statut) is not { } to) throw new FundingRuleException("statut", "Statut inconnu.");
            DateOnly? on = string.IsNullOrWhiteSpace(date) ? null : DateOnly.TryParse(date, out var d) ? d : throw new FundingRuleException("date", "Date invalide (AAAA-MM-JJ).");
            await funding.MoveAsync(await FundingApi.ActorAsync(User, users), id, to, on, FundingApi.ParseDecimal(montant), commentaire, ct, depassement);
            Done = $"Dossier passé à « {to.ToFrench()} ».";
        }
        catch (FundingRuleException e)
        {
            Error = e.Message;
        }

        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostUploadAsync(long id, IFormFile? fichier, CancellationToken ct)
    {
        try
        {
            if (fichier is null) throw new FundingRuleException("fichier", "Choisissez un fichier.");
            await using var stream = fichier.OpenReadStream();
            await funding.AttachAsync(await FundingApi.ActorAsync(User, users), id, fichier.FileName, fichier.ContentType, stream, fichier.Length, DocumentsFolder, ct);
            Done = $"Pièce « {fichier.FileName} » jointe.";
        }
        catch (FundingRuleException e)
        {
            Error = e.Message;
        }

        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnGetDocumentAsync(long id, long document, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || Dossier.Documents.FirstOrDefault(d => d.Id == document) is not { } doc) return NotFound();
        return PhysicalFile(Path.GetFullPath(Path.Combine(DocumentsFolder, doc.StoredName)), doc.ContentType, doc.FileName);
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        Actor = await FundingApi.ActorAsync(User, users);
        if (await funding.DossierAsync(Actor, id, ct) is not { } found) return false;
        (Dossier, Scheme) = found;
        History = await funding.HistoryAsync(id, ct);
        return true;
    }
}
