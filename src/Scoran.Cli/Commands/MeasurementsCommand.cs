using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scoran.Data;
using Scoran.Observatory.Measurements;

namespace Scoran.Cli.Commands;

/// <summary><c>scoran measurements purge|token</c>: retention of raw positions and contributor tokens for trusted campaigns.</summary>
internal static class MeasurementsCommand
{
    public static Command Create()
    {
        var days = new Option<int?>("--jours") { Description = $"Durée de conservation des positions brutes en jours (défaut : Scoran:Measurements:RetentionDays, {new MeasurementOptions().RetentionDays})." };
        var purge = new Command("purge", "Efface position, précision, appareil et version d'application des mesures reçues il y a plus de N jours ; les agrégats ne changent pas.") { days };
        purge.SetAction(async (parse, cancellationToken) =>
        {
            // A negative count would purge measurements received up to N days in the future, i.e. all of them.
            if (parse.GetValue(days) is < 0)
            {
                Console.Error.WriteLine("scoran : --jours doit être un nombre de jours positif ou nul.");
                return 2;
            }

            await using var services = GlobalOptions.Services(parse);
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ScoranDbContext>().MigrateAsync(cancellationToken);
            var n = await scope.ServiceProvider.GetRequiredService<MeasurementRetention>().PurgeAsync(parse.GetValue(days), cancellationToken);
            Console.WriteLine($"{n} mesure(s) purgée(s) de leur position brute.");
            return 0;
        });

        var label = new Option<string>("--libelle") { Description = "Libellé du jeton (équipe, application).", Required = true };
        var campaign = new Option<string?>("--campagne") { Description = "Code de la campagne à laquelle le jeton est réservé." };
        var token = new Command("token", "Émet un jeton de contributeur (affiché une fois ; seule son empreinte SHA-256 est conservée).") { label, campaign };
        token.SetAction(async (parse, cancellationToken) =>
        {
            await using var services = GlobalOptions.Services(parse);
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ScoranDbContext>();
            if (string.IsNullOrWhiteSpace(parse.GetValue(label)))
            {
                Console.Error.WriteLine("scoran : --libelle ne peut pas être vide.");
                return 2;
            }

            await db.MigrateAsync(cancellationToken);
            // A token reserved to a campaign that does not exist could never be used: refuse it now.
            if (parse.GetValue(campaign) is { } code && !await db.Set<MeasurementCampaign>().AnyAsync(c => c.Code == code, cancellationToken))
            {
                Console.Error.WriteLine($"scoran : campagne inconnue : {code}. Aucun jeton émis.");
                return 2;
            }

            var secret = await scope.ServiceProvider.GetRequiredService<MeasurementCampaigns>().IssueTokenAsync(parse.GetValue(label)!, parse.GetValue(campaign), "cli", cancellationToken);
            Console.WriteLine(secret);
            return 0;
        });

        return new Command("measurements", "Mesures participatives de la qualité mobile.") { purge, token };
    }
}
