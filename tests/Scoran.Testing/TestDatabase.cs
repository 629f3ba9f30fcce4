using Xunit;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Scoran.Data;
using Scoran.Observatory;
using Scoran.Territories;

namespace Scoran.Testing;

/// <summary>
/// A real, empty, migrated database: an SQLite file under artifacts/, or a fresh database on the
/// PostgreSQL server named by <c>SCORAN_TEST_POSTGRES</c> (started on loopback by scoran.sh test
/// and CI). Dropped on dispose.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "SCORAN_TEST_POSTGRES";

    private TestDatabase(StorageOptions storage, Func<Task> drop)
    {
        Storage = storage;
        _drop = drop;
    }

    private readonly Func<Task> _drop;

    public StorageOptions Storage { get; }

    public DatabaseProvider Provider => Storage.Provider;

    /// <summary>Why PostgreSQL tests cannot run here, or null when they can.</summary>
    public static string? PostgresUnavailableReason =>
        string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(PostgresVariable))
            ? $"{PostgresVariable} is not set: run the tests with ./scoran.sh test, which starts PostgreSQL on loopback"
            : null;

    /// <summary>Skips the calling test when the engine is unavailable here; on CI a missing engine is a failure.</summary>
    public static void RequireEngine(DatabaseProvider provider)
    {
        if (provider != DatabaseProvider.Postgres || PostgresUnavailableReason is not { } reason)
        {
            return;
        }

        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail($"PostgreSQL is required on CI: {reason}");
        }

        Assert.Skip(reason);
    }

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider, string name)
    {
        var unique = $"{name}_{Guid.NewGuid():N}"[..Math.Min(name.Length + 33, 60)].ToLowerInvariant();
        TestDatabase database;
        if (provider == DatabaseProvider.Sqlite)
        {
            var path = Path.Combine(SharedData.ArtifactsFolder("test-databases"), unique + ".db");
            database = new TestDatabase(
                new StorageOptions { Provider = provider, ConnectionString = $"Data Source={path};Pooling=False" },
                () =>
                {
                    SqliteConnection.ClearAllPools();
                    File.Delete(path);
                    return Task.CompletedTask;
                });
        }
        else
        {
            var server = Environment.GetEnvironmentVariable(PostgresVariable)
                ?? throw new InvalidOperationException(PostgresUnavailableReason);
            await using (var admin = new NpgsqlConnection(server))
            {
                await admin.OpenAsync();
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{unique}\"", admin);
                await create.ExecuteNonQueryAsync();
            }

            var connection = new NpgsqlConnectionStringBuilder(server) { Database = unique }.ConnectionString;
            database = new TestDatabase(
                new StorageOptions { Provider = provider, ConnectionString = connection },
                async () =>
                {
                    NpgsqlConnection.ClearAllPools();
                    await using var admin = new NpgsqlConnection(server);
                    await admin.OpenAsync();
                    await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{unique}\" WITH (FORCE)", admin);
                    await drop.ExecuteNonQueryAsync();
                });
        }

        await using var services = database.Services();
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ScoranDbContext>().MigrateAsync();
        return database;
    }

    /// <summary>The services capability code runs with in production, on this database.</summary>
    public ServiceProvider Services()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddScoranTestData(Storage);
        services.AddTerritories();
        services.AddObservatory();
        return services.BuildServiceProvider();
    }

    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var services = Services();
        await using var scope = services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    public Task WithScopeAsync(Func<IServiceProvider, Task> action) =>
        WithScopeAsync<bool>(async sp =>
        {
            await action(sp);
            return true;
        });

    /// <summary>Every row of a table as text, in a stable order, to compare database states.</summary>
    public Task<List<string>> DumpAsync(string table, string orderBy) => WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<ScoranDbContext>();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM {table} ORDER BY {orderBy}";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            var values = new object[reader.FieldCount];
            reader.GetValues(values);
            rows.Add(string.Join("|", values.Select(v => v is byte[] b ? Convert.ToHexString(b) : Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture))));
        }

        return rows;
    });

    public async ValueTask DisposeAsync() => await _drop();
}
