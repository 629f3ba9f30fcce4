using System.Text;
using Scoran.Testing;

namespace Scoran.Cli.Tests;

/// <summary>
/// <c>scoran observatory import arcep-mobile|arcep-mobile-sites</c> as <c>./scoran.sh run</c> and a
/// user call them: the synthetic demo by default, re-runs that change nothing, a user's own mapping,
/// and a file whose layout no mapping knows, refused with the missing columns.
/// </summary>
public sealed class ObservatoryMobileCommandTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;


    private static async Task<string> DatabaseWithTerritoriesAsync()
    {
        // France already imported (the run's template): this test is about the observatory import, not the territories one.
        var database = await TestDatabase.CopySqliteTemplateAsync(TestTemplates.France, Path.Combine(SharedData.ArtifactsFolder("cli"), $"{Guid.NewGuid():N}.db"));
        return database;
    }

    private static string Write(string name, string text)
    {
        var path = Path.Combine(SharedData.ArtifactsFolder("cli"), $"{Guid.NewGuid():N}-{name}");
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }

    [Fact]
    public async Task Without_files_the_synthetic_demo_is_loaded_once_and_a_rerun_changes_nothing()
    {
        var database = await DatabaseWithTerritoriesAsync();
        var demoSites = File.ReadAllLines(Path.Combine(SharedData.RepositoryRoot, "data", "arcep", "mobile-demo", "new-deal-sites_2025T4_synthetique.csv")).Length - 1;

        var coverage = await ScoranProgram.RunAsync("observatory", "import", "arcep-mobile", "--connection", database);
        var sites = await ScoranProgram.RunAsync("observatory", "import", "arcep-mobile-sites", "--connection", database);
        var coverageAgain = await ScoranProgram.RunAsync("observatory", "import", "arcep-mobile", "--connection", database);
        var sitesAgain = await ScoranProgram.RunAsync("observatory", "import", "arcep-mobile-sites", "--connection", database);

        Assert.Equal(0, coverage.ExitCode);
        // Both demo vintages, each labelled as synthetic, read through the shipped mapping.
        Assert.Matches(@"Fichier couverture mobile par commune, millésime 2024T4 \(données de démonstration synthétiques\) importé : 3\d{3} communes, \d+ lignes\.", coverage.Output);
        Assert.Matches(@"Fichier couverture mobile par commune, millésime 2025T4 \(données de démonstration synthétiques\) importé : 3\d{3} communes, \d+ lignes\.", coverage.Output);
        Assert.Contains("Colonnes lues selon le mapping « scoran-couverture-communes-v1 ».", coverage.Output);
        Assert.Equal(0, sites.ExitCode);
        Assert.Contains($"millésime 2025T4 (données de démonstration synthétiques) importé : ", sites.Output);
        Assert.Contains($", {demoSites} lignes.", sites.Output);
        Assert.Contains("Colonnes lues selon le mapping « scoran-new-deal-sites-v1 ».", sites.Output);

        Assert.Equal(0, coverageAgain.ExitCode);
        Assert.Equal(2, coverageAgain.Output.Split('\n').Count(l => l.Contains("déjà importé à l'identique : rien n'a changé.", StringComparison.Ordinal)));
        Assert.DoesNotContain("importé :", coverageAgain.Output);
        Assert.Equal(0, sitesAgain.ExitCode);
        Assert.Contains("déjà importé à l'identique : rien n'a changé.", sitesAgain.Output);
    }

    [Fact]
    public async Task A_file_of_an_unmapped_layout_is_refused_naming_its_missing_columns_and_nothing_is_written()
    {
        var file = Write("couverture_2025T4.csv", "code_insee;operateur;techno;pop_couverte\n21231;orange;4G;150000\n");
        var path = Path.Combine(SharedData.ArtifactsFolder("cli"), $"{Guid.NewGuid():N}.db");

        var result = await ScoranProgram.RunAsync("observatory", "import", "arcep-mobile", file, "--connection", $"Data Source={path}");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"scoran : import refusé, base inchangée — {file}:1: en-tête non reconnu : aucun mapping ne correspond.", result.Error);
        Assert.Contains("« scoran-couverture-communes-v1 »", result.Error);
        Assert.Contains("n'y trouve pas les colonnes : « niveau », « surf_couverte_km2 », « pop_commune », « surf_commune_km2 »", result.Error);
        // The file is read before the database is opened: a refused file does not even create it.
        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task A_users_own_mapping_imports_a_new_layout_then_the_same_vintage_is_replaced_not_duplicated()
    {
        var database = await DatabaseWithTerritoriesAsync();
        var mapping = Write("mon-format.json", """
            {
              "id": "test-cli-format-v1", "label": "Format de test (CLI)", "dataset": "coverage",
              "columns": {
                "commune": ["INSEE_COM"], "operator": ["OPERATEUR"], "technology": ["GENERATION"],
                "population_covered": ["POP_COUV"], "area_covered_km2": ["SURF_COUV"],
                "population": ["POP_TOT"], "area_km2": ["SURF_TOT"]
              },
              "defaults": { "level": "bonne couverture" },
              "values": { "operator": { "OF": "orange" } }
            }
            """);
        // Values invented for the test.
        const string header = "INSEE_COM;OPERATEUR;GENERATION;POP_COUV;SURF_COUV;POP_TOT;SURF_TOT\n";
        var first = Write("couverture.csv", header + "21231;OF;LTE;150000;38.5;156000;40.4\n21178;OF;LTE;990;10;1000;12\n");
        var revised = Write("couverture.csv", header + "21231;OF;LTE;151000;38.5;156000;40.4\n");

        var withoutMapping = await ScoranProgram.RunAsync("observatory", "import", "arcep-mobile", first, "--millesime", "2025T4", "--connection", database);
        var imported = await ScoranProgram.RunAsync("observatory", "import", "arcep-mobile", first, "--mapping", mapping, "--millesime", "2025T4", "--connection", database);
        var replaced = await ScoranProgram.RunAsync("observatory", "import", "arcep-mobile", revised, "--mapping", mapping, "--millesime", "2025T4", "--connection", database);
        var badVintage = await ScoranProgram.RunAsync("observatory", "import", "arcep-mobile", first, "--mapping", mapping, "--connection", database);

        Assert.Equal(2, withoutMapping.ExitCode);
        Assert.Contains("aucun mapping ne correspond", withoutMapping.Error);
        Assert.Equal(0, imported.ExitCode);
        Assert.Contains("Fichier couverture mobile par commune, millésime 2025T4 importé : 2 communes, 2 lignes.", imported.Output);
        Assert.Contains("Colonnes lues selon le mapping « test-cli-format-v1 ».", imported.Output);
        Assert.DoesNotContain("synthétiques", imported.Output);
        Assert.Equal(0, replaced.ExitCode);
        // The same vintage is replaced as a whole: one commune now, not three rows.
        Assert.Contains("millésime 2025T4 importé : 1 communes, 1 lignes.", replaced.Output);
        Assert.Equal(2, badVintage.ExitCode);
        Assert.Contains("millésime", badVintage.Error);
    }

    [Fact]
    public async Task The_verified_l93_site_list_is_placed_in_communes_by_their_outlines_and_refused_without_outlines()
    {
        var fixture = Path.Combine(SharedData.RepositoryRoot, "tests", "Scoran.Observatory.Tests", "Mobile", "Fixtures", "Sites_mobiles_2G_3G_4G_BFC_L93_extrait-invente.csv");
        // France and the BFC outlines from the run's template: `scoran territories import` has its own tests.
        var withOutlines = await TestDatabase.CopySqliteTemplateAsync(TestTemplates.FranceWithBfcOutlines, Path.Combine(SharedData.ArtifactsFolder("cli"), $"{Guid.NewGuid():N}.db"));
        var withoutOutlines = await DatabaseWithTerritoriesAsync();

        var imported = await ScoranProgram.RunAsync("observatory", "import", "arcep-mobile-antennas", fixture, "--millesime", "2018T1", "--connection", withOutlines);
        var again = await ScoranProgram.RunAsync("observatory", "import", "arcep-mobile-antennas", fixture, "--millesime", "2018T1", "--connection", withOutlines);
        var refused = await ScoranProgram.RunAsync("observatory", "import", "arcep-mobile-antennas", fixture, "--millesime", "2018T1", "--connection", withoutOutlines);

        Assert.Equal(0, imported.ExitCode);
        Assert.Contains("Fichier sites d'antennes mobiles, millésime 2018T1 importé : 5 sites dans 4 communes.", imported.Output);
        Assert.Contains("Colonnes lues selon le mapping « arcep-sites-mobiles-l93-2018 ».", imported.Output);
        Assert.Contains("1 site(s) hors des communes chargées (autres régions), 1 ligne(s) sans position dans le fichier : non comptés.", imported.Output);
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("déjà importé à l'identique : rien n'a changé.", again.Output);
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("les contours des communes ne sont pas importés", refused.Error);

        // Without a file, as ./scoran.sh run calls it: the SYNTHETIC demo list, said so, and skipped when run again.
        var demo = await ScoranProgram.RunAsync("observatory", "import", "arcep-mobile-antennas", "--connection", withOutlines);
        var demoAgain = await ScoranProgram.RunAsync("observatory", "import", "arcep-mobile-antennas", "--connection", withOutlines);
        var demoSites = File.ReadAllLines(Path.Combine(SharedData.RepositoryRoot, "data", "arcep", "mobile-demo", "sites-antennes-l93_2025T4_synthetique.csv")).Length - 1;
        Assert.Equal(0, demo.ExitCode);
        Assert.Contains($"Fichier sites d'antennes mobiles, millésime 2025T4 (données de démonstration synthétiques) importé : {demoSites} sites dans", demo.Output);
        Assert.Contains("0 site(s) hors des communes chargées", demo.Output);
        Assert.Equal(0, demoAgain.ExitCode);
        Assert.Contains("déjà importé à l'identique : rien n'a changé.", demoAgain.Output);
    }
}
