using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Scoran.Core.Bulk;

namespace Scoran.Data.Bulk;

/// <summary>
/// Bulk rows through the fastest path of each engine, on the DbContext's own connection and
/// transaction so that a failed import rolls back with everything else.
/// </summary>
public sealed class RelationalBulkWriter(ScoranDbContext db) : IBulkWriter
{
    public async Task<long> WriteAsync(string table, IReadOnlyList<string> columns, IEnumerable<object?[]> rows, CancellationToken cancellationToken = default)
    {
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Bulk writes must run inside a transaction so that a failed import changes nothing.");
        return connection switch
        {
            NpgsqlConnection npgsql => await CopyAsync(npgsql, table, columns, rows, cancellationToken),
            SqliteConnection sqlite => await InsertAsync(sqlite, transaction, table, columns, rows, cancellationToken),
            _ => throw new NotSupportedException($"No bulk path for {connection.GetType().Name}."),
        };
    }

    private static async Task<long> CopyAsync(NpgsqlConnection connection, string table, IReadOnlyList<string> columns, IEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        var copy = $"COPY {table} ({string.Join(", ", columns)}) FROM STDIN (FORMAT BINARY)";
        await using var importer = await connection.BeginBinaryImportAsync(copy, cancellationToken);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(cancellationToken);
            foreach (var value in row)
            {
                if (value is null)
                {
                    await importer.WriteNullAsync(cancellationToken);
                }
                else
                {
                    await importer.WriteAsync(value, cancellationToken);
                }
            }
        }

        // Without Complete the COPY is cancelled on dispose: nothing half-written survives.
        return (long)await importer.CompleteAsync(cancellationToken);
    }

    private static async Task<long> InsertAsync(SqliteConnection connection, DbTransaction transaction, string table, IReadOnlyList<string> columns, IEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = (SqliteTransaction)transaction;
        command.CommandText = $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})";
        var parameters = columns.Select((_, i) => command.Parameters.Add(new SqliteParameter($"$p{i}", null))).ToArray();
        command.Prepare();
        long count = 0;
        foreach (var row in rows)
        {
            for (var i = 0; i < parameters.Length; i++)
            {
                parameters[i].Value = row[i] ?? DBNull.Value;
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
            count++;
        }

        return count;
    }
}
