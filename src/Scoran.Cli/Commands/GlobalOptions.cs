using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;

namespace Scoran.Cli.Commands;

/// <summary>Options every verb accepts to choose the database without editing configuration.</summary>
internal static class GlobalOptions
{
    public static readonly Option<string?> Provider = CreateProvider();

    public static readonly Option<string?> Connection = new("--connection")
    {
        Description = "Chaîne de connexion. Sinon ConnectionStrings__Scoran ; défaut SQLite : var/scoran.db.",
        Recursive = true,
    };

    private static Option<string?> CreateProvider()
    {
        var option = new Option<string?>("--provider")
        {
            Description = "Moteur : sqlite (défaut) ou postgres. Sinon Scoran__Database__Provider.",
            Recursive = true,
        };
        option.AcceptOnlyFromAmong("sqlite", "postgres");
        return option;
    }

    public static ServiceProvider Services(ParseResult parse) =>
        CliHost.Create(parse.GetValue(Provider), parse.GetValue(Connection));
}
