using System.CommandLine;
using Microsoft.Extensions.Hosting;
using Scoran.Web;

namespace Scoran.Cli.Commands;

internal static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string?>("--urls") { Description = "Adresse(s) d'écoute (défaut : ASPNETCORE_URLS, sinon http://127.0.0.1:5080)." };
        var serve = new Command("serve", "Lance la plateforme web (pages et API).") { urls };
        serve.SetAction(async (parse, cancellationToken) =>
        {
            var args = new List<string>();
            var listen = parse.GetValue(urls) ?? (Environment.GetEnvironmentVariable("ASPNETCORE_URLS") is { Length: > 0 } ? null : "http://127.0.0.1:5080");
            if (listen is not null)
            {
                args.AddRange(["--urls", listen]);
            }

            if (parse.GetValue(GlobalOptions.Provider) is { } provider)
            {
                args.AddRange(["--Scoran:Database:Provider", provider]);
            }

            if (parse.GetValue(GlobalOptions.Connection) is { } connection)
            {
                args.AddRange(["--ConnectionStrings:Scoran", connection]);
            }

            var app = ScoranWebApp.Build([.. args]);
            await ((IHost)app).RunAsync(cancellationToken);
            return 0;
        });
        return serve;
    }
}
