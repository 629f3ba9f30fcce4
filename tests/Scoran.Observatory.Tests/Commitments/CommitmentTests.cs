using Microsoft.Extensions.DependencyInjection;
using Scoran.Core.Imports;
using Scoran.Data;
using Scoran.Observatory.Commitments;
using Scoran.Observatory.Import.Arcep;
using Scoran.Observatory.Model;
using Scoran.Territories.Import;
using Scoran.Territories.Model;
using Scoran.Testing;

namespace Scoran.Observatory.Tests.Commitments;

/// <summary>The 2018 AMII commitments of the real Arcep commune sheet, and a local register, against the real T1 2018 deployment.</summary>
public abstract class CommitmentTests(DatabaseProvider provider)
{
    private static readonly string Folder = Path.Combine(SharedData.Root, "data", "ftth", "arcep-observatoire-2018T1");
    private static readonly string CommuneSheet = Path.Combine(Folder, ArcepFtthImporter.InformationFileName);
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private async Task<TestDatabase> DatabaseWithDeploymentAsync()
    {
        TestDatabase.RequireEngine(provider);
        var database = await TestDatabase.CreateAsync(provider, "commit", TestTemplates.France);
        await database.WithScopeAsync(async sp =>
        {
            await sp.GetRequiredService<ArcepFtthImporter>().ImportAsync(
                await ArcepFtthImporter.ReadAsync(Path.Combine(Folder, ArcepFtthImporter.DeploymentFileName), CommuneSheet, Token), cancellationToken: Token);
        });
        return database;
    }

    private static Task<CommitmentImportReport> ImportAsync(TestDatabase database, string file, bool force = false) =>
        database.WithScopeAsync(async sp => await sp.GetRequiredService<CommitmentImporter>().ImportAsync(
            await CommitmentImporter.ReadAsync(file, cancellationToken: Token), force, cancellationToken: Token));

    // Without the generated id, which a forced re-import renews.
    private static async Task<List<string>> DumpAsync(TestDatabase database) =>
        (await database.DumpAsync("operator_commitments", "register, commune_code, deadline, operator_code")).Select(r => r[(r.IndexOf('|') + 1)..]).ToList();

    [Fact]
    public async Task The_2018_amii_commitments_of_bfc_are_compared_with_the_deployment_of_their_communes()
    {
        await using var database = await DatabaseWithDeploymentAsync();
        var report = await ImportAsync(database, CommuneSheet);

        // 3,607 communes of the 2018 sheet carry a commitment; FRTE ones have two deadlines (2020 and 2022).
        Assert.Equal(L3313Commitments.Register, report.Register);
        Assert.True(report.Communes < 3_607, "merged communes meet on today's commune");
        Assert.NotEmpty(report.CodeChanges);

        var bfc = await database.WithScopeAsync(sp => sp.GetRequiredService<CommitmentQueries>().ReportAsync(TerritoryKind.Region, "27", cancellationToken: Token));
        Assert.Equal(new Quarter(2018, 1), bfc.AsOf);
        Assert.Equal("2018T1", bfc.Release);

        // Dijon, T1 2018: 90 452 + 4 797 premises; 61 148 connectable (52 579 → 57 175 → 61 148).
        var dijon = bfc.Commitments.Where(c => c.CommuneCode == "21231").OrderBy(c => c.Deadline).ToList();
        Assert.Equal(["FRTE", "FRTE"], dijon.Select(c => c.OperatorCode));
        Assert.Equal(95_249, dijon[0].Premises);
        Assert.Equal(87_630, dijon[0].TargetPremises); // ⌈0.92 × 95 249⌉
        Assert.Equal(61_148, dijon[0].ConnectablePremises);
        Assert.Equal(26_482, dijon[0].Gap);
        Assert.Equal(CommitmentStatus.OnTime, dijon[0].Status);
        Assert.Equal(95_249, dijon[1].TargetPremises);
        Assert.Equal(new DateOnly(2022, 12, 31), dijon[1].Deadline);

        // 326 Orange communes, 1 partial Orange commune and 2 SFR communes in the 2018 sheet for région 27.
        var orange2020 = bfc.ByOperator.Single(o => o.Key == "FRTE" && o.Deadline == L3313Commitments.EndOf2020);
        var sfr = bfc.ByOperator.Single(o => o.Key == "SFR0");
        Assert.Equal(2, sfr.Commitments);
        Assert.Equal("SFR", sfr.Name);
        Assert.True(orange2020.Commitments is > 300 and <= 327);
        Assert.Contains(bfc.Commitments, c => c.Partial && c.Deadline == L3313Commitments.EndOf2020 && c.OperatorCode == "FRTE");

        // Summaries are sums of the commune rows, per operator and per département.
        foreach (var group in new[] { bfc.ByOperator, bfc.ByTerritory })
        {
            foreach (var deadline in group.Select(g => g.Deadline).Distinct())
            {
                var rows = bfc.Commitments.Where(c => c.Deadline == deadline).ToList();
                Assert.Equal(rows.Sum(r => r.TargetPremises), group.Where(g => g.Deadline == deadline).Sum(g => g.TargetPremises));
                Assert.Equal(rows.Sum(r => r.Gap), group.Where(g => g.Deadline == deadline).Sum(g => g.Gap));
                Assert.Equal(rows.Sum(r => r.ProjectedGap ?? 0), group.Where(g => g.Deadline == deadline).Sum(g => g.ProjectedGap));
            }
        }

        Assert.Equal(TerritoryKind.Departement, bfc.ChildKind);
        Assert.All(bfc.Commitments, c => Assert.Equal(c.Gap, Math.Max(0, c.TargetPremises - c.ConnectablePremises)));
        Assert.Contains(bfc.Commitments, c => c.Status == CommitmentStatus.AtRisk);
        Assert.Contains(bfc.Sources, s => s.Vintage == "2018" && s.Licence == "Licence Ouverte 2.0");
    }

    [Fact]
    public async Task Importing_the_same_register_twice_changes_nothing()
    {
        await using var database = await DatabaseWithDeploymentAsync();
        await ImportAsync(database, CommuneSheet);
        var before = await DumpAsync(database);

        var second = await ImportAsync(database, CommuneSheet);
        await ImportAsync(database, CommuneSheet, force: true);

        Assert.True(second.Skipped);
        Assert.Equal(before, await DumpAsync(database));
    }

    [Fact]
    public async Task A_local_register_is_imported_beside_the_l3313_one_and_replaced_on_reimport()
    {
        await using var database = await DatabaseWithDeploymentAsync();
        await ImportAsync(database, CommuneSheet);
        var file = Path.Combine(SharedData.ArtifactsFolder("commitments"), $"amel-{Guid.NewGuid():N}.csv");
        await File.WriteAllLinesAsync(file,
        [
            "code_commune;code_operateur;nom_operateur;zone;locaux;part;echeance;base_legale;statut;source",
            "25462;AXIO;Altitude Infra;AMEL;1 200;;2019-06-30;AMEL (L. 33-13);accepté;Convention AMEL Doubs 2018",
            "21513;AXIO;Altitude Infra;RIP;;50 %;2019-12-31;;;Délégation de service public Côte-d'Or",
        ], Token);

        var report = await ImportAsync(database, file);
        var rows = await database.WithScopeAsync(sp => sp.GetRequiredService<CommitmentQueries>().ReportAsync(TerritoryKind.Region, "27", "AXIO", Token));

        Assert.Equal(2, report.Commitments);
        // 21513 is a former commune: the commitment lands on today's 21178.
        Assert.Contains(new Scoran.Observatory.Import.CommuneCodeChange("21513", "21178"), report.CodeChanges);
        Assert.Equal(["21178", "25462"], rows.Commitments.Select(c => c.CommuneCode).Order());
        Assert.Equal(1_200, rows.Commitments.Single(c => c.CommuneCode == "25462").TargetPremises);
        Assert.Equal("déclaré", rows.Commitments.Single(c => c.CommuneCode == "21178").LegalStatus);

        await File.WriteAllLinesAsync(file,
        [
            "code_commune,code_operateur,nom_operateur,zone,locaux,part,echeance,base_legale,statut,source",
            "25462,AXIO,Altitude Infra,AMEL,1500,,2019-06-30,,accepté,Convention AMEL Doubs 2018 (avenant)",
        ], Token);
        await ImportAsync(database, file);
        var replaced = await database.WithScopeAsync(sp => sp.GetRequiredService<CommitmentQueries>().ReportAsync(TerritoryKind.Region, "27", "AXIO", Token));
        Assert.Equal(1_500, replaced.Commitments.Single().TargetPremises);
        Assert.Contains(replaced.ByOperator, o => o.Key == "AXIO");
        var all = await database.WithScopeAsync(sp => sp.GetRequiredService<CommitmentQueries>().ReportAsync(TerritoryKind.Region, "27", cancellationToken: Token));
        Assert.Contains(all.Commitments, c => c.Register == L3313Commitments.Register);
    }

    [Theory]
    [InlineData("25462;AXIO;Altitude Infra;AMIX;1200;;2019-06-30;;;Convention", 4, "zone inconnue")]
    [InlineData("25462;AXIO;Altitude Infra;AMEL;1200;80;2019-06-30;;;Convention", 5, "pas les deux")]
    [InlineData("25462;AXIO;Altitude Infra;AMEL;;120;2019-06-30;;;Convention", 6, "pourcentage")]
    [InlineData("25462;AXIO;Altitude Infra;AMEL;1200;;30/06/2019;;;Convention", 7, "AAAA-MM-JJ")]
    [InlineData("25462;AXIO;Altitude Infra;AMEL;1200;;2019-06-30;;;", 10, "source vide")]
    [InlineData("99999;AXIO;Altitude Infra;AMEL;1200;;2019-06-30;;;Convention", 1, "code commune inconnu")]
    public async Task A_malformed_register_is_rejected_with_line_and_column_and_changes_nothing(string badRow, long column, string reason)
    {
        await using var database = await DatabaseWithDeploymentAsync();
        await ImportAsync(database, CommuneSheet);
        var before = await DumpAsync(database);
        var file = Path.Combine(SharedData.ArtifactsFolder("commitments"), $"bad-{Guid.NewGuid():N}.csv");
        await File.WriteAllLinesAsync(file,
        [
            "code_commune;code_operateur;nom_operateur;zone;locaux;part;echeance;base_legale;statut;source",
            "21231;AXIO;Altitude Infra;RIP;100;;2020-12-31;;;Convention",
            badRow,
        ], Token);

        var rejected = await Assert.ThrowsAsync<ImportRejectedException>(() => ImportAsync(database, file));

        Assert.Equal((file, 3L, column), (rejected.Errors[0].File, rejected.Errors[0].Line, rejected.Errors[0].Column));
        Assert.Contains(reason, rejected.Errors[0].Reason);
        Assert.Equal(before, await DumpAsync(database));
    }
}

public sealed class SqliteCommitmentTests() : CommitmentTests(DatabaseProvider.Sqlite);

public sealed class PostgresCommitmentTests() : CommitmentTests(DatabaseProvider.Postgres);
