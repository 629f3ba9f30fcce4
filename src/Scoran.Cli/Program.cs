using System.CommandLine;
using Scoran.Cli;
using Scoran.Cli.Commands;
using Scoran.Core.Imports;

var root = new RootCommand("scoran — plateforme régionale de la stratégie numérique (SCORAN).")
{
    GlobalOptions.Provider,
    GlobalOptions.Connection,
};
root.Subcommands.Add(DbCommand.Create());
root.Subcommands.Add(TerritoriesCommand.Create());
root.Subcommands.Add(ObservatoryCommand.Create());
root.Subcommands.Add(UsersCommand.Create());
root.Subcommands.Add(StrategyCommand.Create());
root.Subcommands.Add(FundingCommand.Create());
root.Subcommands.Add(ResourcesCommand.Create());
root.Subcommands.Add(ServeCommand.Create());
PlacesCommand.AddTo(root);
ObservatoryMobileCommand.AddTo(root);
root.Subcommands.Add(MeasurementsCommand.Create());

try
{
    // Errors are reported below in one line each; the default handler would print a stack trace.
    return await root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (ImportRejectedException ex)
{
    Console.Error.WriteLine($"scoran : import refusé, base inchangée — {ex.Errors[0]}");
    foreach (var error in ex.Errors.Skip(1).Take(19))
    {
        Console.Error.WriteLine($"  {error}");
    }

    if (ex.Errors.Count > 20)
    {
        Console.Error.WriteLine($"  … et {ex.Errors.Count - 20} autre(s) erreur(s)");
    }

    return 2;
}
catch (CliException ex)
{
    Console.Error.WriteLine($"scoran : {ex.Message}");
    return 2;
}
catch (OperationCanceledException)
{
    Console.Error.WriteLine("scoran : interrompu.");
    return 130;
}
catch (Exception ex)
{
    Console.Error.WriteLine($"scoran : erreur — {ex.GetBaseException().Message}");
    return 1;
}
