using System.Text;
using Scoran.Core.Imports;
using Scoran.Observatory.Mobile;

namespace Scoran.Observatory.Tests.Mobile;

/// <summary>Reading mobile files through mappings: the shipped layout, a new layout by configuration only, and refusals with their location.</summary>
public sealed class MobileFilesTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static Task<IReadOnlyList<MobileMapping>> ShippedAsync(params string[] extra) =>
        MobileMappings.LoadAsync(MobileFixture.ShippedMappingFiles.Concat(extra), Token);

    [Fact]
    public async Task The_shipped_layout_reads_every_row_with_values_brought_to_one_spelling()
    {
        var file = await MobileFiles.ReadAsync(MobileFixture.Write("couverture.csv", MobileFixture.Coverage2025), MobileDataset.Coverage, await ShippedAsync(), cancellationToken: Token);

        Assert.Equal("scoran-couverture-communes-v1", file.Mapping.Id);
        Assert.Equal(new Scoran.Observatory.Model.Quarter(2025, 4), file.Vintage);
        Assert.Equal(7, file.Coverage.Count);
        Assert.False(file.Synthetic);
        Assert.Equal(("sfr", "4G", MobileLevels.Good), (file.Coverage[1].Operator, file.Coverage[1].Technology, file.Coverage[1].Level));
        Assert.Equal(("orange", MobileLevels.VeryGood, 30m), (file.Coverage[2].Operator, file.Coverage[2].Level, file.Coverage[2].AreaCoveredKm2));
        Assert.Equal(4, file.Coverage[2].Line);
    }

    [Fact]
    public async Task A_new_layout_reads_through_a_mapping_written_by_a_user_without_code()
    {
        var mapping = MobileFixture.Write("autre-format.json", MobileFixture.OtherLayoutMapping);
        var path = MobileFixture.Write("export.csv", MobileFixture.OtherLayout2025, Encoding.Latin1);

        var file = await MobileFiles.ReadAsync(path, MobileDataset.Coverage, await ShippedAsync(mapping), "2025T4", Token);
        var shipped = await MobileFiles.ReadAsync(MobileFixture.Write("couverture.csv", MobileFixture.Coverage2025), MobileDataset.Coverage, await ShippedAsync(), cancellationToken: Token);

        Assert.Equal("test-autre-format-v2", file.Mapping.Id);
        // Same figures as the shipped layout, except the one "très bonne" row the other layout has no level for.
        var expected = shipped.Coverage.Where(r => r.Level == MobileLevels.Good)
            .Select(r => (r.CommuneCode, r.Operator, r.Technology, r.PopulationCovered, r.AreaCoveredKm2, r.Population, r.AreaKm2));
        Assert.Equal(expected, file.Coverage.Select(r => (r.CommuneCode, r.Operator, r.Technology, r.PopulationCovered, r.AreaCoveredKm2, r.Population, r.AreaKm2)));
        Assert.All(file.Coverage, r => Assert.Equal(MobileLevels.Good, r.Level));
    }

    [Fact]
    public async Task A_header_that_matches_no_mapping_is_refused_naming_the_missing_columns_of_the_closest()
    {
        var path = MobileFixture.Write("inconnu.csv", "code_insee,operateur,techno,population couverte,pop_commune\n21231,orange,4G,1,2\n");

        var rejected = await Assert.ThrowsAsync<ImportRejectedException>(() => MobileFiles.ReadAsync(path, MobileDataset.Coverage, ShippedAsync().Result, "2025T4", Token));

        var error = Assert.Single(rejected.Errors);
        Assert.Equal(1, error.Line);
        Assert.Contains("aucun mapping ne correspond", error.Reason);
        Assert.Contains("scoran-couverture-communes-v1", error.Reason);
        Assert.Contains("« niveau », « surf_couverte_km2 », « surf_commune_km2 »", error.Reason);
        Assert.DoesNotContain("« operateur »", error.Reason);
    }

    [Fact]
    public async Task A_file_with_no_known_column_at_all_is_refused_with_the_columns_expected()
    {
        var path = MobileFixture.Write("vide.csv", "a,b,c\n1,2,3\n");

        var rejected = await Assert.ThrowsAsync<ImportRejectedException>(() => MobileFiles.ReadAsync(path, MobileDataset.Coverage, ShippedAsync().Result, "2025T4", Token));

        Assert.Contains(rejected.Errors, e => e.Reason.Contains("en-tête introuvable"));
        Assert.Contains(rejected.Errors, e => e.Reason.Contains("code_insee, operateur, techno, niveau, pop_couverte"));
    }

    [Theory]
    [InlineData("21231,Proximus,4G,bonne,1,1,2,2,2025T4", 2, 2, "opérateur inconnu : « Proximus »")]
    [InlineData("21231,orange,6G,bonne,1,1,2,2,2025T4", 2, 3, "technologie inconnue : « 6G »")]
    [InlineData("21231,orange,4G,bonne,-5,1,2,2,2025T4", 2, 5, "population couverte invalide")]
    [InlineData("21231,orange,4G,bonne,1,beaucoup,2,2,2025T4", 2, 6, "surface couverte invalide")]
    [InlineData("212,orange,4G,bonne,1,1,2,2,2025T4", 2, 1, "code commune invalide")]
    [InlineData("21231,orange,4G,bonne,1,1,2,2,2025T3", 3, 9, "millésime 2025T3 différent")]
    public async Task A_bad_value_is_reported_with_its_line_and_column(string row, long line, long column, string reason)
    {
        var text = line == 2 ? $"{MobileFixture.Header}\n{row}\n" : $"{MobileFixture.Header}\n21231,orange,4G,bonne,1,1,2,2,2025T4\n{row.Replace("orange", "sfr")}\n";
        var path = MobileFixture.Write("mauvais.csv", text);

        var rejected = await Assert.ThrowsAsync<ImportRejectedException>(() => MobileFiles.ReadAsync(path, MobileDataset.Coverage, ShippedAsync().Result, cancellationToken: Token));

        var error = rejected.Errors[0];
        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.Contains(reason, error.Reason);
    }

    [Fact]
    public async Task A_row_given_twice_is_refused_with_the_first_line()
    {
        var path = MobileFixture.Write("double.csv", MobileFixture.Coverage2025 + "21231,Orange,4G,BC,1,1,156000,40.4,2025T4\n");

        var rejected = await Assert.ThrowsAsync<ImportRejectedException>(() => MobileFiles.ReadAsync(path, MobileDataset.Coverage, ShippedAsync().Result, cancellationToken: Token));

        Assert.Equal(9, rejected.Errors[0].Line);
        Assert.Contains("déjà présente ligne 2", rejected.Errors[0].Reason);
    }

    [Fact]
    public async Task Without_a_vintage_column_the_vintage_comes_from_the_file_name_or_is_asked_for()
    {
        var text = MobileFixture.Coverage2025.Replace(",millesime", "").Replace(",2025T4", "");

        var named = await MobileFiles.ReadAsync(MobileFixture.Write("couverture_2025_t2.csv", text), MobileDataset.Coverage, await ShippedAsync(), cancellationToken: Token);
        var rejected = await Assert.ThrowsAsync<ImportRejectedException>(() => MobileFiles.ReadAsync(MobileFixture.Write("couverture.csv", text), MobileDataset.Coverage, ShippedAsync().Result, cancellationToken: Token));

        Assert.Equal(new Scoran.Observatory.Model.Quarter(2025, 2), named.Vintage);
        Assert.Contains("--millesime", Assert.Single(rejected.Errors).Reason);
    }

    [Fact]
    public async Task A_malformed_mapping_is_refused_with_its_file()
    {
        var bad = MobileFixture.Write("casse.json", """{ "id": "x", "label": "x", "dataset": "coverage", "columns": { "communes": ["a"] } }""");

        var rejected = await Assert.ThrowsAsync<ImportRejectedException>(() => MobileMappings.LoadAsync([bad], Token));

        Assert.Equal(bad, rejected.Errors[0].File);
        Assert.Contains("« columns.communes » : champ inconnu", rejected.Errors[0].Reason);
    }

    [Fact]
    public async Task A_site_list_reads_operators_statuses_and_dates()
    {
        var file = await MobileFiles.ReadAsync(MobileFixture.Write("sites.csv", MobileFixture.Sites), MobileDataset.Sites, await ShippedAsync(), cancellationToken: Token);

        Assert.Equal(4, file.Sites.Count);
        Assert.Equal(["orange", "sfr", "bouygues", "free"], file.Sites[0].Operators);
        Assert.Equal(["sfr", "free"], file.Sites[2].Operators);
        Assert.Equal((NewDealStatuses.InService, new DateOnly(2020, 6, 30)), (file.Sites[2].Status, file.Sites[2].InServiceDate));
        Assert.Null(file.Sites[0].InServiceDate);
    }

    [Fact]
    public async Task A_header_without_data_rows_is_refused_as_truncated_not_as_unmapped()
    {
        var path = MobileFixture.Write("tronque.csv", MobileFixture.Header + "\n");

        var rejected = await Assert.ThrowsAsync<ImportRejectedException>(() => MobileFiles.ReadAsync(path, MobileDataset.Coverage, ShippedAsync().Result, cancellationToken: Token));

        var error = Assert.Single(rejected.Errors);
        Assert.Contains("aucune ligne de données", error.Reason);
    }
}
