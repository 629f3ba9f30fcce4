using Microsoft.EntityFrameworkCore;
using Scoran.Core.Imports;
using Scoran.Data;

namespace Scoran.Web;

/// <summary>/api/sources: provenance of the data in this instance (publisher, source, vintage, licence, import time).</summary>
public static class SourcesApi
{
    public sealed record SourceRow(string Dataset, string Publisher, string Source, string Vintage, string Licence, DateTimeOffset ImportedAt, int RowCount, string Summary);

    public static IEndpointRouteBuilder MapSourcesApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/sources", ListAsync).WithTags("Sources").WithName("ListSources")
            .WithSummary("Dernier import de chaque jeu de données, avec producteur, millésime et licence.");
        return app;
    }

    public static async Task<IReadOnlyList<SourceRow>> LatestAsync(ScoranDbContext db, CancellationToken cancellationToken)
    {
        var imports = await db.Set<DatasetImport>().AsNoTracking().ToListAsync(cancellationToken);
        return imports.GroupBy(i => i.Dataset)
            .Select(g => g.OrderByDescending(i => i.ImportedAt).First())
            .OrderBy(i => i.Dataset)
            .Select(i => new SourceRow(i.Dataset, i.Publisher, i.Source, i.Vintage, i.Licence, i.ImportedAt, i.RowCount, i.Summary))
            .ToList();
    }

    private static Task<IReadOnlyList<SourceRow>> ListAsync(ScoranDbContext db, CancellationToken cancellationToken) =>
        LatestAsync(db, cancellationToken);
}
