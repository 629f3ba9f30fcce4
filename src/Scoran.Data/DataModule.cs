using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Scoran.Core.Bulk;
using Scoran.Data.Bulk;

namespace Scoran.Data;

public static class DataModule
{
    /// <summary>Reads <see cref="StorageOptions"/> from configuration (section plus <c>ConnectionStrings:Scoran</c>).</summary>
    public static StorageOptions ReadStorageOptions(IConfiguration configuration)
    {
        var options = new StorageOptions();
        configuration.GetSection(StorageOptions.Section).Bind(options);
        options.ConnectionString ??= configuration.GetConnectionString("Scoran");
        return options;
    }

    /// <summary>Registers the DbContext for the configured engine, exposed both as itself and as <see cref="DbContext"/> for capability code.</summary>
    public static IServiceCollection AddScoranData(this IServiceCollection services, StorageOptions storage)
    {
        services.AddSingleton(storage);
        services.AddSingleton(new Scoran.Core.ScoranFiles(storage.EffectiveFilesFolder));
        if (storage.Provider == DatabaseProvider.Postgres)
        {
            services.AddDbContext<ScoranDbContext, PostgresScoranDbContext>(o => ConfigurePostgres(o, storage.EffectiveConnectionString));
        }
        else
        {
            EnsureSqliteFolder(storage.EffectiveConnectionString);
            services.AddDbContext<ScoranDbContext, SqliteScoranDbContext>(o => ConfigureSqlite(o, storage.EffectiveConnectionString));
        }

        services.AddScoped<DbContext>(sp => sp.GetRequiredService<ScoranDbContext>());
        services.AddScoped<IBulkWriter, RelationalBulkWriter>();
        services.AddSingleton(TimeProvider.System);
        return services;
    }

    public static void ConfigureSqlite(DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString, o => o.MigrationsHistoryTable("__ef_migrations_history"));

    public static void ConfigurePostgres(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, o => o.MigrationsHistoryTable("__ef_migrations_history"));

    /// <summary>Applies pending migrations of the configured engine; returns the names applied.</summary>
    public static async Task<IReadOnlyList<string>> MigrateAsync(this ScoranDbContext db, CancellationToken cancellationToken = default)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        await db.Database.MigrateAsync(cancellationToken);
        return pending;
    }

    private static void EnsureSqliteFolder(string connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(folder) && dataSource != ":memory:")
        {
            Directory.CreateDirectory(folder);
        }
    }
}
