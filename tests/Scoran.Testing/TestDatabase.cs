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

    /// <summary>A new database with the empty migrated schema.</summary>
    public static Task<TestDatabase> CreateAsync(DatabaseProvider provider, string name) =>
        CreateAsync(provider, name, TestTemplates.Migrated);

    /// <summary>A new database holding a copy of <paramref name="template"/>'s state, built once per run and engine.</summary>
    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider, string name, TestTemplate template)
    {
        await TestTemplates.EnsureAsync(provider, template);
        var unique = $"{name}_{Guid.NewGuid():N}"[..Math.Min(name.Length + 33, 60)].ToLowerInvariant();
        if (provider == DatabaseProvider.Sqlite)
        {
            var path = Path.Combine(SharedData.ArtifactsFolder("test-databases"), unique + ".db");
            File.Copy(SqliteTemplatePath(template), path);
            return Sqlite(path);
        }

        var server = PostgresServer();
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await CreatePostgresDatabaseAsync(admin, unique, PostgresTemplateName(template));
        }

        return Postgres(server, unique);
    }

    /// <summary>Copies <paramref name="template"/>'s SQLite file to <paramref name="path"/> (for programs given a file, such as the CLI); answers its connection string.</summary>
    public static async Task<string> CopySqliteTemplateAsync(TestTemplate template, string path)
    {
        await TestTemplates.EnsureAsync(DatabaseProvider.Sqlite, template);
        File.Copy(SqliteTemplatePath(template), path);
        return $"Data Source={path}";
    }

    /// <summary>Makes <paramref name="template"/> from its base (or migrates an empty schema), once per run and engine, across test processes.</summary>
    internal static async Task BuildTemplateAsync(DatabaseProvider provider, TestTemplate template)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            var final = SqliteTemplatePath(template);
            // Test assemblies run as parallel processes: one builds, the others wait for the file to appear.
            await using var guard = await LockFileAsync(final + ".lock");
            if (File.Exists(final))
            {
                return;
            }

            var file = $"{final}.{Environment.ProcessId}.building";
            File.Delete(file);
            if (template.BasedOn is { } basedOn)
            {
                File.Copy(SqliteTemplatePath(basedOn), file);
            }

            await FillAsync(Sqlite(file), template);
            SqliteConnection.ClearAllPools();
            File.Move(file, final);
            return;
        }

        var server = PostgresServer();
        var name = PostgresTemplateName(template);
        await using var admin = new NpgsqlConnection(server);
        await admin.OpenAsync();
        // Serialises builders across test processes for the whole build; released when the connection closes.
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_lock(hashtext(@name))", admin))
        {
            lockCommand.Parameters.AddWithValue("name", name);
            await lockCommand.ExecuteNonQueryAsync();
        }

        await using (var exists = new NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = @name", admin))
        {
            exists.Parameters.AddWithValue("name", name);
            if ((long)(await exists.ExecuteScalarAsync())! > 0)
            {
                return;
            }
        }

        var building = name + "_b";
        await using (var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{building}\" WITH (FORCE)", admin))
        {
            await drop.ExecuteNonQueryAsync();
        }

        await CreatePostgresDatabaseAsync(admin, building, template.BasedOn is { } b ? PostgresTemplateName(b) : null);
        var buildingDatabase = Postgres(server, building);
        await FillAsync(buildingDatabase, template);
        // A template is copied only while nobody is connected to it.
        NpgsqlConnection.ClearPool(new NpgsqlConnection(buildingDatabase.Storage.ConnectionString));
        await using var rename = new NpgsqlCommand($"ALTER DATABASE \"{building}\" RENAME TO \"{name}\"", admin);
        await rename.ExecuteNonQueryAsync();
    }

    private static async Task FillAsync(TestDatabase database, TestTemplate template)
    {
        if (template.BasedOn is null)
        {
            await using var services = database.Services();
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ScoranDbContext>().MigrateAsync();
        }

        if (template.Fill is { } fill)
        {
            await fill(database);
        }
    }

    private static string SqliteTemplatePath(TestTemplate template) =>
        Path.Combine(SharedData.ArtifactsFolder(Path.Combine("test-databases", "templates")), $"{TestTemplates.RunKey}-{template.Name}.db");

    private static string PostgresTemplateName(TestTemplate template) => $"tpl_{TestTemplates.RunKey}_{template.Name.Replace('-', '_')}";

    private static string PostgresServer() => Environment.GetEnvironmentVariable(PostgresVariable)
        ?? throw new InvalidOperationException(PostgresUnavailableReason);

    private static async Task CreatePostgresDatabaseAsync(NpgsqlConnection admin, string name, string? template)
    {
        var sql = template is null ? $"CREATE DATABASE \"{name}\"" : $"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\" STRATEGY FILE_COPY";
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var create = new NpgsqlCommand(sql, admin);
                await create.ExecuteNonQueryAsync();
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ObjectInUse && attempt < 50)
            {
                // "source database is being accessed by other users": another copy is being made right now.
                await Task.Delay(100 * attempt);
            }
        }
    }

    private static async Task<FileStream> LockFileAsync(string path)
    {
        var deadline = DateTime.UtcNow.AddMinutes(10);
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
    }

    private static TestDatabase Sqlite(string path) => new(
        new StorageOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={path};Pooling=False" },
        () =>
        {
            SqliteConnection.ClearAllPools();
            File.Delete(path);
            return Task.CompletedTask;
        });

    private static TestDatabase Postgres(string server, string database) => new(
        new StorageOptions { Provider = DatabaseProvider.Postgres, ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString },
        async () =>
        {
            NpgsqlConnection.ClearPool(new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString));
            await using var admin = new NpgsqlConnection(server);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        });

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
