using Scoran.Core.Imports;
using Scoran.Observatory.Import;
using Scoran.Observatory.Import.Arcep;
using Scoran.Observatory.Indicators;
using Scoran.Observatory.Model;
using Scoran.Territories.Import;
using Scoran.Territories.Model;
using Scoran.Testing;

namespace Scoran.Observatory.Tests.Import;

/// <summary>The real Arcep files of T1 2018 (shared/data/ftth), checked against the publisher's own totals.</summary>
public sealed class FtthLongLayoutTests
{
    private static readonly string Folder = Path.Combine(SharedData.Root, "data", "ftth", "arcep-observatoire-2018T1");
    private static readonly Quarter[] Quarters = [new(2017, 3), new(2017, 4), new(2018, 1)];

    private static async Task<FtthLongLayoutFile> ReadAsync(string file, string codeColumn)
    {
        var errors = new List<ImportError>();
        var result = await FtthLongLayout.ReadAsync(Path.Combine(Folder, file), codeColumn, errors, TestContext.Current.CancellationToken);
        Assert.Empty(errors);
        return result!;
    }

    private static async Task<IReadOnlyList<CommuneInformation>> CommunesAsync()
    {
        var errors = new List<ImportError>();
        var result = await CommuneInformationFile.ReadAsync(Path.Combine(Folder, "communes.csv"), errors, TestContext.Current.CancellationToken);
        Assert.Empty(errors);
        return result;
    }

    [Fact]
    public async Task The_commune_file_holds_every_commune_and_the_documented_values()
    {
        var communes = await ReadAsync("ftthCommunes.csv", "Code commune");
        var dijon = communes.Rows.Single(r => r.Code == "21231");

        Assert.Equal(Quarters, communes.Quarters);
        Assert.Equal(35_361, communes.Rows.Count);
        Assert.Equal([52_579L, 57_175L, 61_148L], Quarters.Select(q => dijon.ConnectablePremises[q]));
    }

    [Fact]
    public async Task Departement_totals_computed_from_communes_equal_the_published_ones_exactly()
    {
        var communes = await ReadAsync("ftthCommunes.csv", "Code commune");
        var published = await ReadAsync("ftthDepartements.csv", "Code département");
        var departementOf = (await CommunesAsync()).ToDictionary(c => c.Code, c => c.DepartementCode);

        foreach (var quarter in Quarters)
        {
            var computed = communes.Rows.GroupBy(r => departementOf[r.Code]).ToDictionary(g => g.Key, g => g.Sum(r => r.ConnectablePremises[quarter]));
            Assert.Equal(published.Rows.Count, computed.Count);
            Assert.All(published.Rows, d => Assert.Equal(d.ConnectablePremises[quarter], computed[d.Code]));
        }
    }

    [Fact]
    public async Task Region_totals_equal_the_published_ones_to_their_rounding_to_the_thousand()
    {
        var communes = await ReadAsync("ftthCommunes.csv", "Code commune");
        var published = await ReadAsync("ftthRegions.csv", "Code région");
        var regionOf = (await CommunesAsync()).ToDictionary(c => c.Code, c => c.RegionCode);

        foreach (var quarter in Quarters)
        {
            var computed = communes.Rows.GroupBy(r => regionOf[r.Code]).ToDictionary(g => g.Key, g => g.Sum(r => r.ConnectablePremises[quarter]));
            Assert.All(published.Rows, r => Assert.Equal(r.ConnectablePremises[quarter], (long)Math.Round(computed[r.Code] / 1000m, MidpointRounding.AwayFromZero) * 1000));
        }

        // Bourgogne-Franche-Comté as published: 194,000 / 220,000 / 245,000.
        Assert.Equal([194_000L, 220_000L, 245_000L], Quarters.Select(q => published.Rows.Single(r => r.Code == "27").ConnectablePremises[q]));
    }

    [Fact]
    public async Task Quarter_to_quarter_decreases_are_listed_for_review()
    {
        var departements = await ReadAsync("ftthDepartements.csv", "Code département");
        var communes = await ReadAsync("ftthCommunes.csv", "Code commune");
        var bfc = (await CommunesAsync()).Where(c => c.RegionCode == "27").Select(c => c.Code).ToHashSet();

        // Calvados is the only département whose published stock fell (T3 → T4 2017).
        Assert.Equal(new CountDecrease("14", Quarters[0], Quarters[1], 182_697, 179_013), QuarterConsistency.Decreases(departements.Rows).Single());
        Assert.Equal(265, QuarterConsistency.Decreases(communes.Rows).Select(d => d.Code).Distinct().Count());
        Assert.Equal(5, QuarterConsistency.Decreases(communes.Rows.Where(r => bfc.Contains(r.Code))).Select(d => d.Code).Distinct().Count());
    }

    [Fact]
    public async Task Zoning_of_bfc_communes_matches_the_documented_counts()
    {
        var bfc = (await CommunesAsync()).Where(c => c.RegionCode == "27").ToList();

        Assert.Equal(3_734, bfc.Count);
        Assert.Equal(0, bfc.Count(c => c.VeryDenseZone));
        Assert.Equal(329, bfc.Count(c => c.Zone == FtthZone.PrivateCommitment));
        Assert.Equal(72, bfc.Count(c => c.PrivateIntentions is not null));
        Assert.Equal(FtthZone.PrivateCommitment, bfc.Single(c => c.Code == "21231").Zone);
    }

    [Fact]
    public async Task Bfc_communes_of_2018_map_onto_todays_communes_without_losing_a_premise()
    {
        var communes = await ReadAsync("ftthCommunes.csv", "Code commune");
        var info = (await CommunesAsync()).Where(c => c.RegionCode == "27").Select(c => c.Code).ToHashSet();
        var territories = await DecoupageAdministratifSource.ReadAsync(SharedData.Territories, TestContext.Current.CancellationToken);
        var current = territories.Territories.Where(t => t.Kind == TerritoryKind.Commune).Select(t => t.Code).ToHashSet();
        var aliases = territories.Aliases.ToDictionary(a => a.Code, a => a.CurrentCode);
        var changes = new List<CommuneCodeChange>();
        var errors = new List<ImportError>();
        var quarter = Quarters[2];

        var mapped = CommuneCodeMapping.ToCurrentCommunes(
            "ftthCommunes.csv",
            communes.Rows.Where(r => info.Contains(r.Code)).Select(r => (r.Code, r.Line, r.ConnectablePremises[quarter])),
            code => current.Contains(code) ? code : aliases.GetValueOrDefault(code),
            (a, b) => a + b,
            changes,
            errors);

        Assert.Empty(errors);
        Assert.Equal(3_685, mapped.Count);
        Assert.Equal(communes.Rows.Where(r => info.Contains(r.Code)).Sum(r => r.ConnectablePremises[quarter]), mapped.Values.Sum());
        Assert.Contains(new CommuneCodeChange("21513", "21178"), changes);
    }

    [Fact]
    public async Task An_unknown_commune_code_is_an_error_with_its_line()
    {
        var changes = new List<CommuneCodeChange>();
        var errors = new List<ImportError>();

        CommuneCodeMapping.ToCurrentCommunes("f.csv", [("99999", 12L, 5L)], _ => null, (a, b) => a + b, changes, errors);

        Assert.Equal(new ImportError("f.csv", 12, 1, "code commune inconnu : « 99999 » (ni commune actuelle, ni ancienne commune)"), errors.Single());
    }

    public static TheoryData<string, Func<string[], string[]>, long?, long?, string> Malformed => new()
    {
        { "truncated", lines => [.. lines.Take(200), lines[200][..8]], 201, null, "ligne incomplète" },
        { "wrong column", lines => [.. lines.Select((l, i) => i == 4 ? l.Replace("Champ", "Field") : l)], 5, null, "« Champ » absente" },
        { "non-numeric count", lines => [.. lines.Select((l, i) => i == 5 ? l.Replace(",0,0,0", ",0,douze,0") : l)], 6, 4, "« douze »" },
        { "no header", lines => [.. lines.Skip(5)], null, null, "en-tête introuvable" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task A_malformed_file_is_rejected_with_line_column_and_reason(string name, Func<string[], string[]> damage, long? line, long? column, string reason)
    {
        var lines = await File.ReadAllLinesAsync(Path.Combine(Folder, "ftthCommunes.csv"), TestContext.Current.CancellationToken);
        var path = Path.Combine(SharedData.ArtifactsFolder("ftth"), $"{name.Replace(' ', '-')}-{Guid.NewGuid():N}.csv");
        await File.WriteAllLinesAsync(path, damage(lines), TestContext.Current.CancellationToken);
        var errors = new List<ImportError>();

        await FtthLongLayout.ReadAsync(path, "Code commune", errors, TestContext.Current.CancellationToken);

        var error = errors.First();
        Assert.Equal((path, line), (error.File, error.Line));
        if (column is not null)
        {
            Assert.Equal(column, error.Column);
        }

        Assert.Contains(reason, error.Reason);
    }

    [Fact]
    public async Task Semicolons_latin1_and_no_break_spaces_are_read_like_the_original()
    {
        var lines = await File.ReadAllLinesAsync(Path.Combine(Folder, "ftthDepartements.csv"), TestContext.Current.CancellationToken);
        var converted = lines.Select(l => l.Replace(',', ';').Replace("Locaux Raccordables;106868", "Locaux Raccordables;106\u00a0868")).Prepend("Département ;;;;");
        var path = Path.Combine(SharedData.ArtifactsFolder("ftth"), $"latin1-{Guid.NewGuid():N}.csv");
        await File.WriteAllLinesAsync(path, converted, System.Text.Encoding.Latin1, TestContext.Current.CancellationToken);

        var original = await ReadAsync("ftthDepartements.csv", "Code département");
        var errors = new List<ImportError>();
        var variant = await FtthLongLayout.ReadAsync(path, "Code département", errors, TestContext.Current.CancellationToken);

        Assert.Empty(errors);
        Assert.Equal(
            original.Rows.Select(r => (r.Code, r.ConnectablePremises[Quarters[2]])),
            variant!.Rows.Select(r => (r.Code, r.ConnectablePremises[Quarters[2]])));
    }
}
