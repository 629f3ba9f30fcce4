using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Scoran.Data;

namespace Scoran.Cli.Commands;

internal static class DbCommand
{
    public static Command Create()
    {
        var migrate = new Command("migrate", "Crée ou met à jour le schéma de la base (SQLite par défaut, PostgreSQL si configuré).");
        migrate.SetAction(async (parse, cancellationToken) =>
        {
            await using var services = GlobalOptions.Services(parse);
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ScoranDbContext>();
            var applied = await db.MigrateAsync(cancellationToken);
            var storage = services.GetRequiredService<StorageOptions>();
            Console.WriteLine(applied.Count == 0
                ? $"Base à jour ({storage.Describe()})."
                : $"{applied.Count} migration(s) appliquée(s) sur {storage.Describe()} : {string.Join(", ", applied)}");
            return 0;
        });

        var db = new Command("db", "Base de données.");
        db.Subcommands.Add(migrate);
        return db;
    }
}
