using Microsoft.EntityFrameworkCore;
using Scoran.Core.Text;
using Scoran.Resources.Contributions;

namespace Scoran.Resources.Documents;

/// <summary>A document found by full-text search: its rank (higher is better) and an excerpt where ⟦ ⟧ mark the words found.</summary>
public sealed record DocumentMatch(long DocumentId, double Rank, string? Snippet);

/// <summary>
/// Full-text search over the title and extracted text of published documents, in French.
/// SQLite: an FTS5 table (created by the migration, accent-insensitive tokenizer, prefix
/// matching, bm25 ranking with the title weighted 5×) kept in step by <see cref="IndexAsync"/>.
/// PostgreSQL: <c>to_tsvector('scoran_french'::regconfig, …)</c> with a GIN index on the versions' text (French
/// stemming), ranked by <c>ts_rank</c>, excerpts by <c>ts_headline</c>; nothing to maintain.
/// </summary>
public sealed class DocumentSearchIndex(DbContext db)
{
    public const string MarkStart = "⟦";
    public const string MarkEnd = "⟧";

    private bool IsSqlite => db.Database.ProviderName?.Contains("Sqlite", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>Puts a published document's current text in the index, or takes it out when not published.</summary>
    public async Task IndexAsync(ResourceDocument document, CancellationToken ct = default)
    {
        if (!IsSqlite)
        {
            return;
        }

        await db.Database.ExecuteSqlAsync($"DELETE FROM resource_documents_fts WHERE rowid = {document.Id}", ct);
        if (document.Status == PublicationStatus.Published)
        {
            var body = document.Current?.Text ?? "";
            var title = document.Title;
            await db.Database.ExecuteSqlAsync($"INSERT INTO resource_documents_fts (rowid, title, body) VALUES ({document.Id}, {title}, {body})", ct);
        }
    }

    public async Task<IReadOnlyList<DocumentMatch>> SearchAsync(string query, int limit = 50, CancellationToken ct = default)
    {
        if (IsSqlite)
        {
            var match = Fts5Query(query);
            if (match.Length == 0)
            {
                return [];
            }

            return await db.Database.SqlQuery<DocumentMatch>($"""
                SELECT rowid AS "DocumentId", -bm25(resource_documents_fts, 5.0, 1.0) AS "Rank",
                       snippet(resource_documents_fts, 1, {MarkStart}, {MarkEnd}, '…', 16) AS "Snippet"
                FROM resource_documents_fts WHERE resource_documents_fts MATCH {match}
                ORDER BY bm25(resource_documents_fts, 5.0, 1.0) LIMIT {limit}
                """).ToListAsync(ct);
        }

        if (string.IsNullOrWhiteSpace(query))
        {
            return [];
        }

        var options = $"StartSel={MarkStart},StopSel={MarkEnd},MaxWords=30,MinWords=12,MaxFragments=1";
        return await db.Database.SqlQuery<DocumentMatch>($"""
            SELECT d.id AS "DocumentId",
                   CAST(ts_rank(setweight(to_tsvector('scoran_french'::regconfig, d.title), 'A') || to_tsvector('scoran_french'::regconfig, coalesce(v.text, '')), q) AS double precision) AS "Rank",
                   ts_headline('scoran_french'::regconfig, coalesce(v.text, ''), q, {options}) AS "Snippet"
            FROM resource_documents d
            JOIN resource_document_versions v ON v.document_id = d.id
                 AND v.number = (SELECT max(w.number) FROM resource_document_versions w WHERE w.document_id = d.id)
            CROSS JOIN websearch_to_tsquery('scoran_french'::regconfig, {query}) q
            WHERE d.status = 'Published'
              AND (to_tsvector('scoran_french'::regconfig, coalesce(v.text, '')) @@ q OR to_tsvector('scoran_french'::regconfig, d.title) @@ q)
            ORDER BY 2 DESC LIMIT {limit}
            """).ToListAsync(ct);
    }

    /// <summary>Every word of the query must appear, as a word or a word prefix; FTS5 operators typed by people are neutralised.</summary>
    internal static string Fts5Query(string query) =>
        string.Join(' ', SearchText.Normalize(query).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => "\"" + w + "\"*"));
}
