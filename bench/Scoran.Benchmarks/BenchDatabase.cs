using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Scoran.Data;
using Scoran.Territories;
using Scoran.Territories.Model;

namespace Scoran.Benchmarks;

/// <summary>
/// A benchmark database with a fixed name, so that the BenchmarkDotNet child processes find the
/// one prepared by the host process: an SQLite file under artifacts/benchmarks/, or the database
/// <c>scoran_bench_&lt;name&gt;</c> on the PostgreSQL server named by <c>SCORAN_TEST_POSTGRES</c>.
/// Services are set up as in tests/Scoran.Testing/TestDatabase.cs (AddScoranData + AddTerritories).
/// </summary>
public sealed class BenchDatabase
{
    public const string PostgresVariable = "SCORAN_TEST_POSTGRES";

    private readonly string? _sqlitePath;
    private readonly string? _postgresServer;
    private readonly string? _postgresDatabase;

    private BenchDatabase(DatabaseProvider provider, string name)
    {
        Provider = provider;
        if (provider == DatabaseProvider.Sqlite)
        {
            _sqlitePath = Path.Combine(BenchPaths.ArtifactsFolder("benchmarks"), $"bench-{name}.db");
            // Default pooling, as the application's own connection string (Data Source=var/scoran.db).
            Storage = new StorageOptions { Provider = provider, ConnectionString = $"Data Source={_sqlitePath}" };
        }
        else
        {
            _postgresServer = Environment.GetEnvironmentVariable(PostgresVariable)
                ?? throw new InvalidOperationException($"{PostgresVariable} is not set");
            _postgresDatabase = $"scoran_bench_{name}";
            var connection = new NpgsqlConnectionStringBuilder(_postgresServer) { Database = _postgresDatabase }.ConnectionString;
            Storage = new StorageOptions { Provider = provider, ConnectionString = connection };
        }
    }

    public DatabaseProvider Provider { get; }

    public StorageOptions Storage { get; }

    public static bool PostgresAvailable => !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(PostgresVariable));

    /// <summary>SQLite always; PostgreSQL when <c>SCORAN_TEST_POSTGRES</c> is set.</summary>
    public static IEnumerable<DatabaseProvider> Providers() =>
        PostgresAvailable ? [DatabaseProvider.Sqlite, DatabaseProvider.Postgres] : [DatabaseProvider.Sqlite];

    public static BenchDatabase For(DatabaseProvider provider, string name) => new(provider, name);

    public string Describe() => Storage.Describe();

    /// <summary>The services capability code runs with in production, on this database.</summary>
    public ServiceProvider Services()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddScoranData(Storage);
        services.AddTerritories();
        return services.BuildServiceProvider();
    }

    /// <summary>Drops whatever exists under this name and creates an empty, migrated database.</summary>
    public async Task RecreateAsync()
    {
        await DropAsync();
        if (Provider == DatabaseProvider.Postgres)
        {
            await AdminAsync($"CREATE DATABASE \"{_postgresDatabase}\"");
        }

        await using var services = Services();
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ScoranDbContext>().MigrateAsync();
    }

    /// <summary>Current (non-obsolete) territories stored, or 0 when the database does not exist.</summary>
    public async Task<int> CountTerritoriesAsync()
    {
        if (Provider == DatabaseProvider.Sqlite && !File.Exists(_sqlitePath))
        {
            return 0;
        }

        try
        {
            await using var services = Services();
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<DbContext>();
            return await db.Set<Territory>().CountAsync(t => !t.IsObsolete);
        }
        catch (Exception ex) when (ex is PostgresException or SqliteException or NpgsqlException)
        {
            return 0;
        }
    }

    /// <summary>Refreshes the planner statistics (PostgreSQL only; autovacuum would do it within a minute of an import).</summary>
    public async Task AnalyzeAsync()
    {
        if (Provider != DatabaseProvider.Postgres)
        {
            return;
        }

        await using var connection = new NpgsqlConnection(Storage.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("VACUUM ANALYZE", connection);
        await command.ExecuteNonQueryAsync();
    }

    public async Task DropAsync()
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-journal", "-wal", "-shm" })
            {
                File.Delete(_sqlitePath + suffix);
            }
        }
        else
        {
            NpgsqlConnection.ClearAllPools();
            await AdminAsync($"DROP DATABASE IF EXISTS \"{_postgresDatabase}\" WITH (FORCE)");
        }
    }

    private async Task AdminAsync(string sql)
    {
        await using var admin = new NpgsqlConnection(_postgresServer);
        await admin.OpenAsync();
        await using var command = new NpgsqlCommand(sql, admin);
        await command.ExecuteNonQueryAsync();
    }
}
