namespace Scoran.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// Where Scoran keeps its data. With no configuration it uses an SQLite file; setting
/// <c>ConnectionStrings:Scoran</c> with <c>Scoran:Database:Provider=Postgres</c> (or the
/// environment variables <c>ConnectionStrings__Scoran</c>, <c>Scoran__Database__Provider</c>)
/// switches to PostgreSQL.
/// </summary>
public sealed class StorageOptions
{
    public const string Section = "Scoran:Database";
    public const string DefaultSqlitePath = "var/scoran.db";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
    /// <summary>Connection string; for SQLite, defaults to <see cref="DefaultSqlitePath"/>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Folder of data files kept beside the database (snapshots); see <see cref="EffectiveFilesFolder"/>.</summary>
    public string? FilesFolder { get; set; }

    /// <summary>
    /// <see cref="FilesFolder"/> if set; otherwise "&lt;database file&gt;.files" beside the SQLite
    /// file, or var/scoran.files/postgres-&lt;database&gt; in the clone: each database has its own
    /// files, so the snapshot always matches the rows that describe it.
    /// </summary>
    public string EffectiveFilesFolder
    {
        get
        {
            if (!string.IsNullOrWhiteSpace(FilesFolder))
            {
                return Path.GetFullPath(FilesFolder);
            }

            if (Provider == DatabaseProvider.Sqlite)
            {
                var dataSource = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(EffectiveConnectionString).DataSource;
                return dataSource is ":memory:" or ""
                    ? Path.Combine(Path.GetTempPath(), "scoran.files")
                    : Path.GetFullPath(dataSource) + ".files";
            }

            var database = new Npgsql.NpgsqlConnectionStringBuilder(EffectiveConnectionString).Database ?? "postgres";
            return Path.Combine(Scoran.Core.RepositoryLayout.FindRoot() ?? Directory.GetCurrentDirectory(), "var", "scoran.files", "postgres-" + database);
        }
    }

    public string EffectiveConnectionString => Provider switch
    {
        DatabaseProvider.Sqlite => string.IsNullOrWhiteSpace(ConnectionString) ? $"Data Source={DefaultSqliteFile()}" : ConnectionString,
        _ => string.IsNullOrWhiteSpace(ConnectionString)
            ? throw new InvalidOperationException("PostgreSQL chosen but no connection string: set ConnectionStrings:Scoran.")
            : ConnectionString,
    };

    /// <summary>
    /// The default file sits in the clone's var/ folder whatever the working directory, so the
    /// CLI and the web application always share it; outside a clone, under the working directory.
    /// </summary>
    public static string DefaultSqliteFile() =>
        Path.Combine(Scoran.Core.RepositoryLayout.FindRoot() ?? Directory.GetCurrentDirectory(), DefaultSqlitePath);

    /// <summary>A description safe to log: provider and data source, never the password.</summary>
    public string Describe()
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            return $"SQLite ({new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(EffectiveConnectionString).DataSource})";
        }

        var builder = new Npgsql.NpgsqlConnectionStringBuilder(EffectiveConnectionString);
        return $"PostgreSQL ({builder.Host}:{builder.Port}/{builder.Database})";
    }
}
