using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Scoran.Core.Imports;
using Scoran.Data;

namespace Scoran.Web.Admin;

/// <summary>
/// Runs an import from uploaded files, with the guarantees of the CLI: a refused file changes
/// nothing and its errors are listed with file, line, column and reason.
/// </summary>
[RequestSizeLimit(MaxUploadBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxUploadBytes)]
public sealed class ImportsModel(IEnumerable<IDatasetFileImport> imports, ScoranDbContext db, ILogger<ImportsModel> logger) : PageModel
{
    // National Arcep files are tens of megabytes; building-level ones more.
    private const long MaxUploadBytes = 1L << 30;

    public IReadOnlyList<IDatasetFileImport> Imports { get; } = imports.OrderBy(i => i.Label, StringComparer.Ordinal).ToList();

    public IReadOnlyList<DatasetImport> History { get; private set; } = [];

    public string? ImportedKind { get; private set; }

    public DatasetImportOutcome? Outcome { get; private set; }

    public IReadOnlyList<ImportError> Errors { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadHistoryAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(string kind, bool force, CancellationToken cancellationToken)
    {
        var import = Imports.FirstOrDefault(i => i.Kind == kind);
        if (import is null)
        {
            return BadRequest();
        }

        ImportedKind = kind;
        var folder = Directory.CreateTempSubdirectory("scoran-upload-");
        try
        {
            var paths = new List<string>();
            var missing = new List<ImportError>();
            foreach (var slot in import.Files)
            {
                var file = Request.Form.Files.GetFile($"{kind}-{slot.Name}");
                if ((file is null || file.Length == 0) && slot.Optional)
                {
                    paths.Add("");
                    continue;
                }

                if (file is null || file.Length == 0)
                {
                    missing.Add(new ImportError(slot.Label, null, null, "fichier manquant"));
                    continue;
                }

                // Kept under the name the person gave, so that errors and provenance speak of their file.
                var path = Path.Combine(folder.FullName, slot.Name, Scoran.Core.Security.SafeFileName.From(file.FileName));
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                await using (var target = System.IO.File.Create(path))
                {
                    await file.CopyToAsync(target, cancellationToken);
                }

                paths.Add(path);
            }

            if (missing.Count > 0)
            {
                Errors = missing;
            }
            else
            {
                Outcome = await import.ImportAsync(paths, force, progress: null, cancellationToken);
                logger.LogInformation("Import {Kind} by {User}: {Summary}", kind, User.Identity?.Name, Outcome.Summary);
            }
        }
        catch (ImportRejectedException ex)
        {
            Errors = ex.Errors.Select(e => e with { File = Path.GetFileName(e.File) }).ToList();
            logger.LogWarning("Import {Kind} by {User} refused: {Error}", kind, User.Identity?.Name, ex.Message);
        }
        finally
        {
            folder.Delete(recursive: true);
        }

        await LoadHistoryAsync(cancellationToken);
        return Page();
    }

    private async Task LoadHistoryAsync(CancellationToken cancellationToken) =>
        History = (await db.Set<DatasetImport>().AsNoTracking().ToListAsync(cancellationToken))
            .OrderByDescending(i => i.ImportedAt).Take(50).ToList();
}
