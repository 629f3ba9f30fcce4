using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Scoran.Core.Imports;
using Scoran.Territories.Model;

namespace Scoran.Data;

/// <summary>
/// The one database of Scoran. Each capability keeps its entity configurations in its own
/// assembly; this context only gathers them. Two subclasses exist only so that each engine has
/// its own migration history.
/// </summary>
public abstract class ScoranDbContext(DbContextOptions options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(DatasetImport).Assembly);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(Territory).Assembly);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(Observatory.Model.FtthCommuneQuarter).Assembly);
    }
}

public sealed class SqliteScoranDbContext(DbContextOptions<SqliteScoranDbContext> options) : ScoranDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no instant type and EF cannot order DateTimeOffset stored as text:
        // store UTC instants as a sortable 64-bit number instead.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}

public sealed class PostgresScoranDbContext(DbContextOptions<PostgresScoranDbContext> options) : ScoranDbContext(options);
