using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Scoran.Accounts;
using Scoran.Data;

namespace Scoran.Cli.Commands;

/// <summary>Accounts from the command line: how the first administrator is created on a new installation.</summary>
internal static class UsersCommand
{
    public const string PasswordVariable = "SCORAN_PASSWORD";

    public static Command Create()
    {
        var email = new Argument<string>("adresse") { Description = "Adresse électronique, qui sert d'identifiant." };
        var name = new Option<string?>("--nom") { Description = "Nom affiché (défaut : l'adresse)." };
        var organisation = new Option<string?>("--organisation") { Description = "Organisation de la personne." };
        var roles = new Option<string[]>("--role")
        {
            Description = $"Rôle(s) : {string.Join(", ", ScoranRoles.All.Select(r => r.Name))}.",
            Required = true,
            AllowMultipleArgumentsPerToken = true,
        };
        roles.AcceptOnlyFromAmong(ScoranRoles.All.Select(r => r.Name).ToArray());
        var add = new Command("add", $"Crée un compte. Le mot de passe est lu dans {PasswordVariable}, sinon sur l'entrée standard (jamais en argument, qui resterait dans l'historique).")
        {
            email, name, organisation, roles,
        };
        add.SetAction(async (parse, cancellationToken) =>
        {
            var password = Environment.GetEnvironmentVariable(PasswordVariable);
            if (string.IsNullOrEmpty(password))
            {
                if (!Console.IsInputRedirected)
                {
                    Console.Error.Write("Mot de passe : ");
                }

                password = (await Console.In.ReadLineAsync(cancellationToken))?.TrimEnd('\r', '\n');
            }

            if (string.IsNullOrEmpty(password))
            {
                throw new CliException($"mot de passe manquant : donnez-le dans {PasswordVariable} ou sur l'entrée standard");
            }

            await using var services = GlobalOptions.Services(parse);
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ScoranDbContext>().MigrateAsync(cancellationToken);
            var address = parse.GetValue(email)!;
            var refused = await scope.ServiceProvider.GetRequiredService<AccountAdministration>()
                .CreateAsync(address, parse.GetValue(name) ?? address, parse.GetValue(organisation), password, parse.GetValue(roles) ?? []);
            if (refused.Count > 0)
            {
                throw new CliException($"compte refusé — {string.Join(" ", refused)}");
            }

            Console.WriteLine($"Compte créé : {address} ({string.Join(", ", parse.GetValue(roles) ?? [])}).");
            return 0;
        });

        var list = new Command("list", "Liste les comptes et leurs rôles.");
        list.SetAction(async (parse, cancellationToken) =>
        {
            await using var services = GlobalOptions.Services(parse);
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ScoranDbContext>().MigrateAsync(cancellationToken);
            foreach (var account in await scope.ServiceProvider.GetRequiredService<AccountAdministration>().ListAsync(cancellationToken))
            {
                Console.WriteLine($"{account.Email}\t{account.DisplayName}\t{string.Join(",", account.Roles)}{(account.LockedOut ? "\tverrouillé" : "")}");
            }

            return 0;
        });

        return new Command("users", "Comptes des personnes qui mettent à jour les données.") { add, list };
    }
}
