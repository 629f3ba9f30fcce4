namespace Scoran.Core.Bulk;

/// <summary>
/// Streams rows into a table inside the caller's open transaction: binary COPY on PostgreSQL,
/// one prepared INSERT reused per row on SQLite. Values must have the CLR type of the column
/// (string, int, long, bool, double, byte[], or null).
/// </summary>
public interface IBulkWriter
{
    Task<long> WriteAsync(
        string table,
        IReadOnlyList<string> columns,
        IEnumerable<object?[]> rows,
        CancellationToken cancellationToken = default);
}
