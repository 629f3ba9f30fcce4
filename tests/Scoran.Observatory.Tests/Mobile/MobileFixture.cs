using System.Text;
using Scoran.Testing;

namespace Scoran.Observatory.Tests.Mobile;

/// <summary>
/// Hand-checkable mobile files (Côte-d'Or, vintage 2025T4). Totals of département 21:
/// population 156 000 + (1 000 + 100) + 400 = 157 500; area 40.4 + (12 + 3) + 25.5 = 80.9 km².
/// 21513 is a former commune of 21178: its rows add to 21178's. 21001 has no 4G at all: a white zone.
/// Orange 4G bonne: 150 000 + 990 + 80 = 151 070; SFR 4G bonne: 140 000.
/// At least one operator (best per commune): 150 000 + 1 070 + 0 = 151 070.
/// </summary>
internal static class MobileFixture
{
    public const string Header = "code_insee,operateur,techno,niveau,pop_couverte,surf_couverte_km2,pop_commune,surf_commune_km2,millesime";

    public static readonly string Coverage2025 = string.Join('\n',
        Header,
        "21231,orange,4G,bonne,150000,38.5,156000,40.4,2025T4",
        "21231,SFR,4G,bonne couverture,140000,35,156000,40.4,2025T4",
        "21231,Orange,4G,très bonne couverture,120000,30,156000,40.4,2025T4",
        "21178,orange,4G,bonne,990,10,1000,12,2025T4",
        "21513,orange,4G,bonne,80,2,100,3,2025T4",
        "21513,sfr,2G,bonne,100,3,100,3,2025T4",
        "21001,orange,2G,bonne,300,20,400,25.5,2025T4") + "\n";

    /// <summary>A year earlier: Dijon 10 000 people less covered by each of Orange and SFR.</summary>
    public static readonly string Coverage2024 = Coverage2025.Replace("2025T4", "2024T4").Replace("150000,38.5", "140000,38.5").Replace("140000,35", "130000,35");

    public static string Write(string name, string text, Encoding? encoding = null)
    {
        var path = Path.Combine(SharedData.ArtifactsFolder("mobile"), $"{Guid.NewGuid():N}-{name}");
        File.WriteAllText(path, text, encoding ?? new UTF8Encoding(false));
        return path;
    }

    public static string ShippedMappingsFolder => Path.Combine(SharedData.RepositoryRoot, "data", "arcep", "mobile-mappings");

    public static IReadOnlyList<string> ShippedMappingFiles => Directory.GetFiles(ShippedMappingsFolder, "*.json").Order(StringComparer.Ordinal).ToList();

    /// <summary>A second layout a user might meet: other header names, semicolons, Latin-1, operator codes, LTE, no level column (one level per file), vintage given apart.</summary>
    public const string OtherLayoutMapping = """
        {
          "id": "test-autre-format-v2",
          "label": "Format de test v2",
          "dataset": "coverage",
          "columns": {
            "commune": ["INSEE_COM"],
            "operator": ["OPERATEUR"],
            "technology": ["GENERATION"],
            "population_covered": ["POP_COUV"],
            "area_covered_km2": ["SURF_COUV"],
            "population": ["POP_TOT"],
            "area_km2": ["SURF_TOT"]
          },
          "defaults": { "level": "bonne couverture" },
          "values": { "operator": { "OF": "orange", "SFR0": "sfr" } }
        }
        """;

    public static readonly string OtherLayout2025 = string.Join('\n',
        "Couverture théorique — export de test",
        "INSEE_COM;OPERATEUR;GENERATION;POP_COUV;SURF_COUV;POP_TOT;SURF_TOT;Libellé",
        "21231;OF;LTE;150 000;38,5;156 000;40,4;Dijon",
        "21231;SFR0;LTE;140 000;35;156 000;40,4;Dijon",
        "21178;OF;LTE;990;10;1 000;12;Valforêt",
        "21513;OF;LTE;80;2;100;3;Fénay",
        "21513;SFR0;GSM;100;3;100;3;Fénay",
        "21001;OF;GSM;300;20;400;25,5;Agencourt") + "\n";

    public const string Sites = """
        id_site,code_insee,operateurs,statut,date_arrete,date_echeance,date_mise_en_service,millesime
        ND-1,21001,Orange/SFR/Bouygues Telecom/Free Mobile,à construire,2023-07-01,2025-07-01,,2025T4
        ND-2,21001,Orange,à construire,2025-01-01,2027-01-01,,2025T4
        ND-3,21513,SFR+Free Mobile,en service,2019-01-01,2021-01-01,2020-06-30,2025T4
        ND-4,25056,Bouygues Telecom,à construire,2020-01-01,2022-01-01,,2025T4
        """;
}
