using Microsoft.EntityFrameworkCore;

namespace Scoran.Core.Imports;

public static class DatasetImportQueries
{
    /// <summary>
    /// SHA-256 of the content last imported for a dataset (and vintage, when releases are kept
    /// side by side): importers compare it with the new files to skip an identical import.
    /// </summary>
    public static Task<string?> LastContentHashAsync(this DbContext db, string dataset, string? vintage = null, CancellationToken cancellationToken = default) =>
        db.Set<DatasetImport>().AsNoTracking()
            .Where(i => i.Dataset == dataset && (vintage == null || i.Vintage == vintage))
            .OrderByDescending(i => i.ImportedAt)
            .Select(i => i.ContentSha256)
            .FirstOrDefaultAsync(cancellationToken);
}
