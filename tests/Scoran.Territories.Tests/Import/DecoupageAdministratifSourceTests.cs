using Scoran.Core.Imports;
using Scoran.Territories.Import;
using Scoran.Territories.Model;
using Scoran.Testing;

namespace Scoran.Territories.Tests.Import;

public sealed class DecoupageAdministratifSourceTests
{
    [Fact]
    public async Task Reads_the_whole_of_France_with_the_published_counts()
    {
        var set = await DecoupageAdministratifSource.ReadAsync(SharedData.Territories, TestContext.Current.CancellationToken);

        // Counts stated in shared/data/README.md for decoupage-administratif 6.0.0.
        Assert.Equal(34_969, set.Territories.Count(t => t.Kind == TerritoryKind.Commune));
        Assert.Equal(1_255, set.Territories.Count(t => t.Kind == TerritoryKind.Epci));
        Assert.Equal(109, set.Territories.Count(t => t.Kind == TerritoryKind.Departement));
        Assert.Equal(26, set.Territories.Count(t => t.Kind == TerritoryKind.Region));
        Assert.Equal(3_685, set.Territories.Count(t => t.Kind == TerritoryKind.Commune && t.RegionCode == "27"));
    }

    [Fact]
    public async Task Epci_populations_are_sums_of_their_member_communes()
    {
        var set = await DecoupageAdministratifSource.ReadAsync(SharedData.Territories, TestContext.Current.CancellationToken);
        var communes = set.Territories.Where(t => t.Kind == TerritoryKind.Commune).ToLookup(t => t.EpciCode);
        var epcis = set.Territories.Where(t => t.Kind == TerritoryKind.Epci).ToList();

        Assert.All(epcis, e => Assert.Equal(communes[e.Code].Sum(c => c.Population ?? 0), e.Population));
        Assert.Equal(197_061, epcis.Single(e => e.Code == "242500361").Population);
    }

    [Fact]
    public async Task Region_and_departement_populations_are_sums_of_their_communes()
    {
        var set = await DecoupageAdministratifSource.ReadAsync(SharedData.Territories, TestContext.Current.CancellationToken);
        var bfc = set.Territories.Single(t => t.Kind == TerritoryKind.Region && t.Code == "27");
        var doubs = set.Territories.Single(t => t.Kind == TerritoryKind.Departement && t.Code == "25");

        Assert.Equal(set.Territories.Where(t => t.Kind == TerritoryKind.Commune && t.RegionCode == "27").Sum(t => t.Population), bfc.Population);
        Assert.Equal(set.Territories.Where(t => t.Kind == TerritoryKind.Commune && t.DepartementCode == "25").Sum(t => t.Population), doubs.Population);
        Assert.Equal(2_802_670, bfc.Population);
    }

    [Fact]
    public async Task Former_and_delegated_codes_point_to_current_communes()
    {
        var set = await DecoupageAdministratifSource.ReadAsync(SharedData.Territories, TestContext.Current.CancellationToken);
        var aliases = set.Aliases.ToDictionary(a => a.Code);
        var current = set.Territories.Where(t => t.Kind == TerritoryKind.Commune).Select(t => t.Code).ToHashSet();

        Assert.Equal(("25223", CommuneAliasKind.Delegated), (aliases["25010"].CurrentCode, aliases["25010"].Kind));
        Assert.Equal(("39010", CommuneAliasKind.Associated), (aliases["39369"].CurrentCode, aliases["39369"].Kind));
        Assert.Equal(("21060", CommuneAliasKind.Former), (aliases["21019"].CurrentCode, aliases["21019"].Kind));
        Assert.Equal(("75056", CommuneAliasKind.MunicipalArrondissement), (aliases["75101"].CurrentCode, aliases["75101"].Kind));
        Assert.All(set.Aliases, a => Assert.Contains(a.CurrentCode, current));
        Assert.DoesNotContain(set.Aliases, a => current.Contains(a.Code));
    }

    [Theory]
    [InlineData("communes.json", 3, "{\"code\":\"01002\",\"nom\":\"Bad\",\"type\":\"commune-actuelle\",\"departement\":\"01\",\"region\":\"84\",\"population\":\"many\"},", "population")]
    [InlineData("communes.json", 2, "{\"code\":\"XYZ\",\"nom\":\"Bad\",\"type\":\"commune-actuelle\",\"departement\":\"01\",\"region\":\"84\"},", "code")]
    [InlineData("communes.json", 2, "{\"code\":\"01001\",\"nom\":\"Bad\",\"type\":\"commune-actuelle\",\"departement\":\"99\",\"region\":\"84\"},", "département « 99 »")]
    [InlineData("departements.json", 2, "{\"code\":\"01\",\"region\":\"84\" \"nom\":\"Ain\"},", "JSON invalide")]
    [InlineData("epci.json", 2, "{\"code\":\"200000172\",\"nom\":\"CC\",\"membres\":[{\"code\":\"00000\"}]},", "n'est pas une commune actuelle")]
    public async Task A_malformed_file_is_rejected_with_file_line_and_reason(string file, int line, string replacement, string expectedReason)
    {
        var folder = CopyOfTerritoryFolder();
        var path = Path.Combine(folder, file);
        var lines = await File.ReadAllLinesAsync(path, TestContext.Current.CancellationToken);
        lines[line - 1] = replacement;
        await File.WriteAllLinesAsync(path, lines, TestContext.Current.CancellationToken);

        var rejected = await Assert.ThrowsAsync<ImportRejectedException>(() => DecoupageAdministratifSource.ReadAsync(folder, TestContext.Current.CancellationToken));

        var error = rejected.Errors[0];
        Assert.Equal(path, error.File);
        Assert.Equal(line, error.Line);
        Assert.NotNull(error.Column);
        Assert.Contains(expectedReason, error.Reason);
    }

    [Fact]
    public async Task A_missing_file_is_named()
    {
        var folder = CopyOfTerritoryFolder();
        File.Delete(Path.Combine(folder, "epci.json"));

        var rejected = await Assert.ThrowsAsync<ImportRejectedException>(() => DecoupageAdministratifSource.ReadAsync(folder, TestContext.Current.CancellationToken));

        Assert.Equal(Path.Combine(folder, "epci.json"), rejected.Errors.Single().File);
        Assert.Contains("manquant", rejected.Errors.Single().Reason);
    }

    internal static string CopyOfTerritoryFolder()
    {
        var folder = Path.Combine(SharedData.ArtifactsFolder("territory-files"), Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        foreach (var name in DecoupageAdministratifSource.FileNames)
        {
            File.Copy(Path.Combine(SharedData.Territories, name), Path.Combine(folder, name));
        }

        return folder;
    }
}
