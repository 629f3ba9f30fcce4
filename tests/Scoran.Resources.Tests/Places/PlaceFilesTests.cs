using System.Text;
using Scoran.Core.Imports;
using Scoran.Resources.Places;
using Scoran.Testing;

namespace Scoran.Resources.Tests.Places;

/// <summary>Reading the real France Services list, the national schemas, and refusing bad files with file, line, column and reason.</summary>
public sealed class PlaceFilesTests
{
    private static string Scratch(string name, string content)
    {
        var path = Path.Combine(SharedData.ArtifactsFolder("places-files"), $"{Guid.NewGuid():N}-{name}");
        File.WriteAllText(path, content, new UTF8Encoding(false));
        return path;
    }

    [Fact]
    public async Task The_real_France_Services_list_reads_every_row_with_its_physical_line()
    {
        var file = await PlaceFiles.ReadAsync(PlacesDatabase.FranceServicesFile, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(PlaceFiles.FranceServicesSource, file.Source);
        Assert.Equal("2022-12-01", file.Vintage);
        Assert.Equal(2683, file.Records.Count);
        Assert.Equal(216, file.Records.Count(r => r.CommuneCode is { } c && new[] { "21", "25", "39", "58", "70", "71", "89", "90" }.Contains(c[..2])));
        // Line breaks inside quoted fields: « Fraize - Antenne de Corcieux » (id 520) starts on physical line 493 (checked with grep -n).
        var corcieux = file.Records.Single(r => r.SourceId == "520");
        Assert.Equal(493, corcieux.Line);
        Assert.Null(corcieux.Latitude);
        var first = file.Records[0];
        Assert.Equal(("1", 2L, "France services de Valserhône", "01033"), (first.SourceId, first.Line, first.Name, first.CommuneCode));
        Assert.Equal("Mo-Th 09:00-12:00,13:30-17:00; Fr 09:00-12:00,13:30-16:00", first.OpeningHours);
        Assert.Equal(46.1060711578546, first.Latitude);
        Assert.Contains(PlaceLabels.FranceServices, InclusionPlace.Split(first.Labels));
    }

    [Fact]
    public async Task The_schema_example_of_lieux_de_mediation_numerique_reads_with_its_labels_and_hours()
    {
        var path = Path.Combine(SharedData.Root, "data", "inclusion", "standard-mediation-numerique", "exemple-valide.csv");
        var file = await PlaceFiles.ReadAsync(path, cancellationToken: TestContext.Current.CancellationToken);
        var place = Assert.Single(file.Records);
        Assert.Equal(PlaceFiles.MediationNumeriqueSource, file.Source);
        Assert.Equal(("structure-1", "Anonymal", "51454", 43.52609), (place.SourceId, place.Name, place.CommuneCode, place.Latitude!.Value));
        Assert.Equal("Mo-Fr 09:00-12:00,14:00-18:30; Sa 08:30-12:00", place.OpeningHours);
        var labels = InclusionPlace.Split(place.Labels);
        Assert.Contains("Aidants Connect", labels);
        Assert.Contains(PlaceLabels.TiersLieu, labels);
        Assert.Equal(["Jeunes", "Femmes"], InclusionPlace.Split(place.Publics));
        Assert.True(place.Itinerant);
        Assert.StartsWith("https://acceslibre", place.Accessibility);
    }

    [Fact]
    public async Task A_bad_row_rejects_the_file_with_line_column_and_reason()
    {
        var header = string.Join(',', PlaceFiles.MediationNumeriqueColumns);
        var path = Scratch("lieux.csv", header + "\n" +
            "a,0,Lieu A,Dijon,21000,21231,1 rue A,,47.3,5.04,,,,,Mo-Fr 09:00-12:00,,,,,,2024-01-01,,,,,,,,,,,\n" +
            "b,0,Lieu B,Dijon,21000,21231,\"2 rue B\nbâtiment C\",,nord,5.04,,,,,lundi matin,,,,,,2024-13-45,,,,,,,,,,,\n");
        var ex = await Assert.ThrowsAsync<ImportRejectedException>(() => PlaceFiles.ReadAsync(path, cancellationToken: TestContext.Current.CancellationToken));
        Assert.Contains(ex.Errors, e => e.Line == 3 && e.Column == 9 && e.Reason.StartsWith("latitude", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.Line == 3 && e.Column == 15 && e.Reason.Contains("horaires"));
        Assert.Contains(ex.Errors, e => e.Line == 3 && e.Column == 21 && e.Reason.Contains("AAAA-MM-JJ"));
        Assert.All(ex.Errors, e => Assert.Equal(path, e.File));
    }

    [Fact]
    public async Task A_missing_column_an_unknown_format_and_duplicate_identifiers_are_refused()
    {
        var missing = Scratch("fs.csv", "\"id_fs\",\"lib_fs\"\n\"1\",\"X\"\n");
        var ex = await Assert.ThrowsAsync<ImportRejectedException>(() => PlaceFiles.ReadAsync(missing, cancellationToken: TestContext.Current.CancellationToken));
        Assert.Contains("colonne(s) manquante(s)", ex.Errors[0].Reason);
        Assert.Equal(1, ex.Errors[0].Line);

        var unknown = Scratch("x.csv", "a,b\n1,2\n");
        ex = await Assert.ThrowsAsync<ImportRejectedException>(() => PlaceFiles.ReadAsync(unknown, cancellationToken: TestContext.Current.CancellationToken));
        Assert.Contains("format non reconnu", ex.Errors[0].Reason);

        var header = string.Join(',', PlaceFiles.MediationNumeriqueColumns);
        var twice = Scratch("twice.csv", header + "\na,0,A,Dijon,21000,,1 rue,,,,,,,,,,,,,,,,,,,,,,,,,\na,0,B,Dijon,21000,,2 rue,,,,,,,,,,,,,,,,,,,,,,,,,\n");
        ex = await Assert.ThrowsAsync<ImportRejectedException>(() => PlaceFiles.ReadAsync(twice, cancellationToken: TestContext.Current.CancellationToken));
        Assert.Equal(3, ex.Errors[0].Line);
        Assert.Contains("déjà utilisé ligne 2", ex.Errors[0].Reason);
    }

    [Fact]
    public async Task A_regional_workbook_goes_through_the_column_mapping_like_a_csv_with_its_row_numbers()
    {
        var path = Path.Combine(SharedData.ArtifactsFolder("places-files"), $"{Guid.NewGuid():N}-reseau.xlsx");
        XlsxWriter.Write(path, [("Lieux", [
            ["Identifiant", "Nom du lieu", "Ville", "CP", "Rue"],
            ["R1", "Espace numérique de Saulieu", "Saulieu", "21210", "1 place du Marché"],
            ["R2", "Tiers-lieu de Dole", "Dole", "39100", "2 rue des Arènes"],
            ["R3", "Médiathèque de Dole", "Dole", "39100", "3 rue Mont-Roland"],
        ])]);
        var mapping = new Dictionary<string, string> { ["id"] = "Identifiant", ["nom"] = "Nom du lieu", ["commune"] = "Ville", ["code_postal"] = "CP", ["adresse"] = "Rue" };

        var (header, rows) = await PlaceFiles.PreviewAsync(path, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(["Identifiant", "Nom du lieu", "Ville", "CP", "Rue"], header);
        Assert.Equal("Tiers-lieu de Dole", rows[1][1]);

        var read = await PlaceFiles.ReadMappedAsync(path, "reseau-test", mapping, TestContext.Current.CancellationToken);
        Assert.Equal([("R1", 2L, "21210"), ("R2", 3L, "39100"), ("R3", 4L, "39100")], read.Records.Select(r => (r.SourceId, r.Line, r.PostalCode)));

        // A duplicate identifier is refused at the row people see in their spreadsheet.
        XlsxWriter.Write(path, [("Lieux", [
            ["Identifiant", "Nom du lieu", "Ville", "CP", "Rue"],
            ["R1", "Espace numérique de Saulieu", "Saulieu", "21210", "1 place du Marché"],
            ["R1", "Tiers-lieu de Dole", "Dole", "39100", "2 rue des Arènes"],
        ])]);
        var ex = await Assert.ThrowsAsync<ImportRejectedException>(() => PlaceFiles.ReadMappedAsync(path, "reseau-test", mapping, TestContext.Current.CancellationToken));
        Assert.Equal(3, ex.Errors[0].Line);
    }

    [Fact]
    public async Task Exports_in_both_national_schemas_read_back_to_the_same_places()
    {
        var read = await PlaceFiles.ReadAsync(PlacesDatabase.FranceServicesFile, cancellationToken: TestContext.Current.CancellationToken);
        var places = read.Records.Where(r => r.Latitude is not null && r.CommuneCode is not null).Take(50).Select((r, i) => new InclusionPlace
        {
            Id = i + 1, Source = "france-services", SourceId = r.SourceId, Name = r.Name, SearchText = "", Address = r.Address, PostalCode = r.PostalCode,
            CommuneCode = r.CommuneCode, CommuneName = r.CommuneName ?? "", Latitude = r.Latitude!.Value, Longitude = r.Longitude!.Value,
            Labels = r.Labels, Services = r.Services, OpeningHours = r.OpeningHours, Phone = r.Phone, Email = r.Email,
        }).ToList();

        var csv = Scratch("export.csv", Encoding.UTF8.GetString(PlaceQueries.ToMediationNumeriqueCsv(places, new DateOnly(2026, 11, 30))));
        var back = await PlaceFiles.ReadAsync(csv, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(PlaceFiles.MediationNumeriqueSource, back.Source);
        Assert.Equal(places.Select(p => (p.Name, p.CommuneCode, p.OpeningHours, Math.Round(p.Latitude, 6))),
            back.Records.Select(r => (r.Name, r.CommuneCode, r.OpeningHours, r.Latitude!.Value)));
        Assert.All(back.Records, r => Assert.Contains(PlaceLabels.FranceServices, InclusionPlace.Split(r.Labels)));

        var json = Scratch("export.json", Encoding.UTF8.GetString(PlaceQueries.ToDataInclusionJson(places, new DateOnly(2026, 11, 30))));
        var structures = await PlaceFiles.ReadAsync(json, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(PlaceFiles.DataInclusionSource, structures.Source);
        Assert.Equal(places.Select(p => (p.Name, p.CommuneCode, p.Latitude)), structures.Records.Select(r => (r.Name, r.CommuneCode, r.Latitude!.Value)));
        Assert.All(structures.Records, r => Assert.Equal([PlaceLabels.FranceServices], InclusionPlace.Split(r.Labels)));
    }
}
