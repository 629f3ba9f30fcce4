using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Scoran.Accounts;
using Scoran.Core.Imports;
using Scoran.Territories.Model;

namespace Scoran.Data;

/// <summary>
/// The one database of Scoran. Each capability keeps its entity configurations in its own
/// assembly; this context only gathers them. Two subclasses exist only so that each engine has
/// its own migration history.
/// </summary>
public abstract class ScoranDbContext(DbContextOptions options) : IdentityDbContext<ScoranUser, IdentityRole, string>(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        // Identity's tables under the platform's snake_case names; their columns keep Identity's own names.
        modelBuilder.Entity<ScoranUser>(e =>
        {
            e.ToTable("account_users");
            e.Property(u => u.DisplayName).HasMaxLength(200);
            e.Property(u => u.Organisation).HasMaxLength(200);
        });
        modelBuilder.Entity<IdentityRole>().ToTable("account_roles");
        modelBuilder.Entity<IdentityUserRole<string>>().ToTable("account_user_roles");
        modelBuilder.Entity<IdentityUserClaim<string>>().ToTable("account_user_claims");
        modelBuilder.Entity<IdentityUserLogin<string>>().ToTable("account_user_logins");
        modelBuilder.Entity<IdentityUserToken<string>>().ToTable("account_user_tokens");
        modelBuilder.Entity<IdentityRoleClaim<string>>().ToTable("account_role_claims");
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(DatasetImport).Assembly);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(Territory).Assembly);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(Observatory.Model.FtthCommuneQuarter).Assembly);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(Steering.SteeringModule).Assembly);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(Resources.ResourcesModule).Assembly);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(Funding.FundingModule).Assembly);
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
