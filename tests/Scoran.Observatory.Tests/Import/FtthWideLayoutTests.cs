using System.Text;
using Scoran.Core.Imports;
using Scoran.Observatory.Import.Arcep;
using Scoran.Observatory.Model;
using Scoran.Testing;

namespace Scoran.Observatory.Tests.Import;

/// <summary>Reading the 2020+ layout, without a database: the variants ARCEP-FORMATS.md §1 documents.</summary>
public sealed class FtthWideLayoutTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static string NewFile(string extension) => Path.Combine(SharedData.ArtifactsFolder("ftth-wide"), $"{Guid.NewGuid():N}.{extension}");

    [Fact]
    public async Task The_arrondissement_export_is_read_with_its_suffixed_estimate_and_narrow_spaces()
    {
        var file = NewFile("csv");
        await File.WriteAllTextAsync(file, string.Join("\r\n",
            "Observatoire du haut et très haut débit,,,,,",
            "Déploiement FttH par arrondissement,,,,,",
            "Source : Arcep,,,,,",
            ",,,,,",
            "Code arrondissement,Nom arrondissement,Logements,Établissements,Meilleure estimation des locaux T4 2025,T3 2025,T4 2025",
            "75101,Paris 1er Arrondissement,\"10\u202f512\",\"6\u202f034\",\"17\u202f020\",\"16\u202f998\",\"17\u202f101\"",
            "13201,Marseille 1er Arrondissement,21 004,2 310,23 500,22 980,23 012",
            ""), new UTF8Encoding(false), Token);

        var read = await FtthWideLayout.ReadAsync(file, Token);

        Assert.Equal(("Code arrondissement", "Meilleure estimation des locaux T4 2025", "2025T4", 1), (read.CodeColumn, read.EstimateColumn, read.Name, read.CodeColumnNumber));
        Assert.Equal([new Quarter(2025, 3), new Quarter(2025, 4)], read.Quarters);
        var paris = read.Rows[0];
        Assert.Equal(("75101", 6L, 10_512L, 6_034L, 17_020L), (paris.Code, paris.Line, paris.Housing!.Value, paris.Businesses!.Value, paris.BestPremisesEstimate!.Value));
        Assert.Equal(17_101, paris.ConnectablePremises[new Quarter(2025, 4)]);
        Assert.Null(paris.VeryDense);
        Assert.Equal(23_012, read.Rows[1].ConnectablePremises[new Quarter(2025, 4)]);
    }

    [Fact]
    public async Task A_workbook_without_a_Communes_sheet_is_searched_and_numeric_codes_get_their_leading_zero_back()
    {
        var file = NewFile("xlsx");
        XlsxWriter.Write(file,
        [
            ("FttH par Départements", [["Code département", "Champ", "Meilleure estimation des locaux", "T4 2024"], ["01", "Locaux Raccordables", 400_000L, 350_000L]]),
            ("Feuil1", [[], ["Code commune", "Meilleure estimation des locaux à date", "Zone très dense", "T4 2024"], [1001L, 420L, "Non", 400L], ["2A004", 40_000L, "Oui", 39_000L]]),
        ]);

        var read = await FtthWideLayout.ReadAsync(file, Token);

        Assert.Equal("Feuil1", read.Sheet);
        Assert.Equal(["01001", "2A004"], read.Rows.Select(r => r.Code));
        Assert.Equal([(3L, false), (4L, true)], read.Rows.Select(r => (r.Line, r.VeryDense!.Value)));
    }

    [Fact]
    public async Task A_long_layout_file_given_as_2020_is_refused_with_the_reason()
    {
        var file = Path.Combine(ArcepFtthImporterTests.Folder, ArcepFtthImporter.DeploymentFileName);

        var rejected = await Assert.ThrowsAsync<ImportRejectedException>(() => FtthWideLayout.ReadAsync(file, Token));

        Assert.Equal((file, 5L, (long?)null), (rejected.Errors[0].File, rejected.Errors[0].Line, rejected.Errors[0].Column));
        Assert.Contains("ce n'est pas un fichier au format 2020+ (pour le format 2017-2019, utilisez arcep-ftth)", rejected.Errors[0].Reason);
    }
}
