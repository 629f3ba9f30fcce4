using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Scoran.Data;

// Used only by `dotnet ef migrations add`; the connection strings are never opened.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteScoranDbContext>
{
    public SqliteScoranDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<SqliteScoranDbContext>();
        DataModule.ConfigureSqlite(builder, "Data Source=design-time.db");
        return new SqliteScoranDbContext(builder.Options);
    }
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresScoranDbContext>
{
    public PostgresScoranDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<PostgresScoranDbContext>();
        DataModule.ConfigurePostgres(builder, "Host=localhost;Database=design_time");
        return new PostgresScoranDbContext(builder.Options);
    }
}
