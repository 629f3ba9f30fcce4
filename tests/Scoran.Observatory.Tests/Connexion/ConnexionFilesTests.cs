using System.Text;
using Scoran.Core.Imports;
using Scoran.Observatory.Connexion;
using Scoran.Testing;

namespace Scoran.Observatory.Tests.Connexion;

/// <summary>Reading the commune files: family from the header, encodings and separators, refusals with their location.</summary>
public sealed class ConnexionFilesTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static string Write(string name, string text, Encoding? encoding = null)
    {
        var path = Path.Combine(SharedData.ArtifactsFolder("connexion"), $"{Guid.NewGuid():N}-{name}");
        File.WriteAllText(path, text, encoding ?? new UTF8Encoding(false));
        return path;
    }

    [Theory]
    [InlineData("debit", ConnexionFamily.Debit, 5)]
    [InlineData("techno", ConnexionFamily.Techno, 4)]
    [InlineData("meilleure_techno", ConnexionFamily.MeilleureTechno, 4)]
    public async Task The_family_is_told_by_the_header(string family, ConnexionFamily expected, int rows)
    {
        var file = await ConnexionFiles.ReadAsync(SharedData.ConnexionFixture(family), cancellationToken: Token);

        Assert.Equal(expected, file.Family);
        Assert.Equal(new DateOnly(2024, 6, 30), file.Date);
        Assert.Equal(rows, file.Rows.Count);
        Assert.False(file.Synthetic);
    }

    [Fact]
    public async Task A_latin1_file_with_semicolons_reads_like_the_utf8_one()
    {
        // The techno fixture is Latin-1 with ';': the same counts as if it were UTF-8 with ','.
        var latin1 = await ConnexionFiles.ReadAsync(SharedData.ConnexionFixture("techno"), cancellationToken: Token);
        var utf8 = Write("commune_techno.csv", Encoding.Latin1.GetString(await File.ReadAllBytesAsync(SharedData.ConnexionFixture("techno"), Token)).Replace(';', ','));

        var read = await ConnexionFiles.ReadAsync(utf8, cancellationToken: Token);

        Assert.Equal(latin1.Rows.Select(r => (r.CommuneCode, r.Counts["elig_4gf"])), read.Rows.Select(r => (r.CommuneCode, r.Counts["elig_4gf"])));
        Assert.Equal(800, read.Rows.Single(r => r.CommuneCode == "25056").Counts["elig_sat"]);
    }

    [Fact]
    public async Task A_code_that_lost_its_leading_zero_and_a_float_count_are_read()
    {
        var path = Write("commune_debit.csv",
            "code_insee,nom_com,code_dep,code_reg,nbr,type,date,inel_hd,elig_cd_1,elig_cd_2,elig_cd_3,elig_cd_4,elig_cd_5,elig_cd_6\n" +
            "1001,L'Abergement-Clémenciat,01,84,400.0,all,2024-06-30,0,0,0,100,100,100,100\n");

        var row = (await ConnexionFiles.ReadAsync(path, cancellationToken: Token)).Rows.Single();

        Assert.Equal("01001", row.CommuneCode);
        Assert.Equal(400, row.Counts["nbr"]);
    }

    [Theory]
    [InlineData("code_insee,nom_com,code_dep,code_reg,nbr,type,date,foo\n21231,Dijon,21,27,1,all,2024-06-30,1\n", "commune.csv", 1L, "famille de fichier non reconnue")]
    [InlineData("code_insee,nom_com,code_dep,code_reg,nbr,date,elig_ftth,elig_coax,elig_cu,elig_thdr,elig_4gf,elig_hdr,elig_sat\n21231,Dijon,21,27,1,2024-06-30,1,1,1,1,1,1,1\n", "commune_techno.csv", 1L, "colonne « type » absente")]
    [InlineData("code_insee,nom_com,code_dep,code_reg,nbr,type,date,inel_hd,elig_cd_1,elig_cd_2,elig_cd_3,elig_cd_4,elig_cd_5,elig_cd_6\n21231,Dijon,21,27,1,all,2024-06-30,0,0,0,0,0,0,1\n", "commune_dsl.csv", null, "DSL seul")]
    [InlineData("nom,valeur\nDijon,1\n", "commune_debit.csv", null, "en-tête introuvable")]
    public async Task A_file_of_an_unknown_or_incomplete_shape_is_refused(string text, string name, long? line, string reason)
    {
        var path = Write(name, text);

        var rejected = await Assert.ThrowsAsync<ImportRejectedException>(() => ConnexionFiles.ReadAsync(path, cancellationToken: Token));

        Assert.Equal(line, rejected.Errors[0].Line);
        Assert.Contains(reason, rejected.Errors[0].Reason);
    }

    [Fact]
    public async Task A_commune_given_twice_is_refused_with_both_lines()
    {
        var text = await File.ReadAllTextAsync(SharedData.ConnexionFixture("meilleure_techno"), Token);
        var path = Write("commune_meilleure_techno.csv", text + "21231,Dijon,21,27,1000,all,2024-06-30,970,600,200,100,0,60,10,0,0\n");

        var rejected = await Assert.ThrowsAsync<ImportRejectedException>(() => ConnexionFiles.ReadAsync(path, cancellationToken: Token));

        Assert.Equal(new ImportError(path, 6, 1, "commune 21231 (type all) déjà présente ligne 2"), rejected.Errors.Single());
    }
}
