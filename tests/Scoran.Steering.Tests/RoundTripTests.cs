using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Scoran.Data;
using Scoran.Steering.Exchange;
using Scoran.Steering.Model;
using Scoran.Steering.Reviews;
using Scoran.Testing;

namespace Scoran.Steering.Tests;

/// <summary>Export a strategy with its reviews, import it into an empty database, export again: the same document.</summary>
public abstract class RoundTripTests(DatabaseProvider provider)
{
    private static CancellationToken Token => SteeringDatabase.Token;

    [Fact]
    public async Task A_strategy_with_its_reviews_exported_and_imported_into_an_empty_database_is_identical()
    {
        TestDatabase.RequireEngine(provider);
        await using var source = await TestDatabase.CreateAsync(provider, "steeringexport");
        await using var target = await TestDatabase.CreateAsync(provider, "steeringimport");
        await source.ImportReferenceAsync();
        var exported = await source.SteeringScopeAsync(async sp =>
        {
            var service = sp.GetRequiredService<SteeringService>();
            var db = sp.GetRequiredService<ScoranDbContext>();
            long Id(string code) => db.Set<StrategyNode>().Single(n => n.Code == code && n.Strategy!.Code == "scoran-bfc-2019").Id;
            await service.UpdateDetailsAsync(Id("O2.A1"), "Région Bourgogne-Franche-Comté", "Préfecture de région\nBanque des Territoires", "27", "mobile", 2.5m, "admin", null, Token);
            await service.AddBudgetLineAsync(Id("O2.A1"), 2026, "Région Bourgogne-Franche-Comté", 1_234_567.89m, 1_000_000m, 999_999.99m, "admin", Token);
            await service.AddMilestoneAsync(Id("O2.A1"), "Lancement « New Deal » ; suivi", new DateOnly(2026, 2, 1), new DateOnly(2026, 2, 20), "admin", Token);
            var indicator = db.Set<Indicator>().Single(i => i.Code == "E2.R3.I1");
            await service.AddIndicatorValueAsync(indicator.Id, new DateOnly(2025, 12, 31), 12_345.5m, "Bilan Pass numérique 2025", "admin", Token);
            // Target points (edited by hand) travel in the document too.
            await service.AddTargetAsync(indicator.Id, new DateOnly(2027, 12, 31), 20_000.5m, "admin", Token);
            var ftth = db.Set<Indicator>().Single(i => i.Code == "E1.R2.I1");
            await service.AddTargetAsync(ftth.Id, new DateOnly(2022, 12, 31), 60m, "admin", Token);
            var (meeting, _) = await service.CreateMeetingAsync("scoran-bfc-2019", new MeetingInput(new DateOnly(2026, 3, 15), "Comité de pilotage du numérique", "Région\nÉtat"), "secretaire", Token);
            await service.RecordReviewAsync(meeting!.Id, new ReviewInput("O2.A1", 35.5m, null, "Retard « de principe »", ReviewDecision.Maintain, "Comité"), "secretaire", Token);
            await service.RecordReviewAsync(meeting.Id, new ReviewInput("O2.A2", 0, null, "Abandon : objectif caduc", ReviewDecision.Abandon, "Comité"), "secretaire", Token);
            return (await sp.GetRequiredService<StrategyStore>().ExportAsync("scoran-bfc-2019", Token))!;
        });
        var json = StrategyFiles.WriteJson(exported);

        var report = await target.SteeringScopeAsync(sp => sp.GetRequiredService<StrategyStore>().ImportAsync(StrategyFiles.ReadJson("export.json", json), "export.json", "test", Token));
        var again = await target.SteeringScopeAsync(async sp => (await sp.GetRequiredService<StrategyStore>().ExportAsync("scoran-bfc-2019", Token))!);

        Assert.Equal((79, 17, 1, 2), (report.Nodes, report.Indicators, report.Meetings, report.Reviews));
        Assert.Equal(Encoding.UTF8.GetString(json), Encoding.UTF8.GetString(StrategyFiles.WriteJson(again)));
        // Not vacuous: the document carries what was added above.
        var action = exported.Nodes.Single(n => n.Code == "O2.A1");
        Assert.Equal(1_234_567.89m, action.Budget.Single().Planned);
        Assert.Equal(ActionStatus.Abandoned, exported.Nodes.Single(n => n.Code == "O2.A2").Status);
        Assert.Equal(2, exported.Meetings.Single().Reviews.Count);
        Assert.Equal([(new DateOnly(2022, 12, 31), 60m, "admin"), (new DateOnly(2025, 12, 31), 100m, "import")],
            exported.Indicators.Single(i => i.Code == "E1.R2.I1").Targets!.Select(t => (t.Date, t.Value, t.Author)));
        Assert.Equal(20_000.5m, exported.Indicators.Single(i => i.Code == "E2.R3.I1").Targets!.Single().Value);

        // The tree alone also survives CSV and XLSX.
        var fromCsv = StrategyCsv.Read("export.csv", StrategyCsv.Write(exported));
        var fromXlsx = StrategyXlsx.Read("export.xlsx", StrategyXlsx.Write(exported));
        foreach (var copy in new[] { fromCsv, fromXlsx })
        {
            Assert.Equal(exported.Code, copy.Code);
            Assert.Equal(exported.Nodes.Select(Tree), copy.Nodes.Select(Tree));
        }
    }

    [Fact]
    public void A_damaged_document_is_refused_whole_with_the_place_of_each_error()
    {
        var csv = "code;parent;niveau;intitule;description;position;poids;porteur;partenaires;territoires;themes;statut;avancement\r\n" +
                  "demo;;strategie;Stratégie de test;;;;;;;;;\r\n" +
                  "E1;;enjeu;Enjeu;;0;;;;;;;\r\n" +
                  "A1;E1;piste;Action;;0;;;;;;;\r\n" +
                  "A2;E1;action;Action;;x;-1;;;;;fini;120\r\n";
        var refused = Assert.Throws<Scoran.Core.Imports.ImportRejectedException>(() => StrategyCsv.Read("arbre.csv", csv));
        Assert.Equal(
        [
            "arbre.csv:4:3: niveau « piste » inconnu (strategie, principe, enjeu/axe, defi/sous-axe, orientation/theme, action)",
            "arbre.csv:5:6: position « x » : nombre entier attendu",
            "arbre.csv:5:7: poids « -1 » : nombre positif attendu",
            "arbre.csv:5:13: avancement « 120 » : pourcentage entre 0 et 100 attendu",
            "arbre.csv:5:12: statut « fini » inconnu (prevue, en-cours, realisee, abandonnee)",
        ], refused.Errors.Select(e => e.ToString()));
    }

    private static string Tree(NodeDocument n) =>
        string.Join("|", n.Code, n.ParentCode, n.Level, n.Title, n.Description, n.Position, n.Weight, n.Porteur, string.Join(",", n.Partners), string.Join(",", n.Territories), string.Join(",", n.Themes), n.Status, n.Progress);
}

public sealed class SqliteRoundTripTests() : RoundTripTests(DatabaseProvider.Sqlite);

public sealed class PostgresRoundTripTests() : RoundTripTests(DatabaseProvider.Postgres);
