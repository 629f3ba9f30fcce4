using System.Globalization;
using Scoran.Core.Imports;

namespace Scoran.Resources.Places;

/// <summary>The national « lieux de médiation numérique » schema, also read through a column mapping.</summary>
public static partial class PlaceFiles
{
    /// <summary>Schema fields a column mapping must give.</summary>
    public static readonly string[] RequiredMappedFields = ["id", "nom", "commune", "code_postal", "adresse"];

    private static async Task<List<PlaceRecord>> ReadMediationNumeriqueAsync(string file, string text, List<ImportError> errors, IReadOnlyDictionary<string, string>? mapping = null)
    {
        var records = new List<PlaceRecord>();
        await ForEachRecordAsync(file, text, RequiredMappedFields, errors, row =>
        {
            var id = row.Required("id");
            var name = row.Required("nom");
            var communeName = row.Required("commune");
            var postal = row.Required("code_postal");
            if (postal.Length > 0 && !PostalCodeLike().IsMatch(postal))
            {
                row.Error("code_postal", $"« {postal} » n'est pas un code postal à 5 chiffres");
            }

            var insee = row.Get("code_insee");
            if (insee is not null && !CommuneCodeLike().IsMatch(insee))
            {
                row.Error("code_insee", $"« {insee} » n'est pas un code INSEE de commune (5 caractères)");
            }

            var latitude = row.Coordinate("latitude", 90);
            var longitude = row.Coordinate("longitude", 180);
            if (latitude.HasValue != longitude.HasValue)
            {
                row.Error(latitude.HasValue ? "longitude" : "latitude", "latitude et longitude vont ensemble");
            }

            var hours = row.Get("horaires");
            if (hours is not null && !OpeningHours.TryParse(hours, out _, out var hoursError))
            {
                row.Error("horaires", hoursError!);
            }

            var date = row.Get("date_maj");
            if (date is not null && !DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                row.Error("date_maj", $"« {date} » n'est pas une date AAAA-MM-JJ");
            }

            var labels = InclusionPlace.Split(row.Get("dispositif_programmes_nationaux"))
                .Concat(InclusionPlace.Split(row.Get("formations_labels")))
                .Concat(InclusionPlace.Split(row.Get("typologie")).Select(TypologyLabel).OfType<string>())
                .Append(PlaceLabels.MediationNumerique);
            records.Add(new PlaceRecord(id, row.Line, name, row.Get("adresse") ?? "", row.Get("complement_adresse"), postal, insee, communeName, latitude, longitude)
            {
                Services = InclusionPlace.Join(InclusionPlace.Split(row.Get("services"))),
                Publics = InclusionPlace.Join(InclusionPlace.Split(row.Get("publics_specifiquement_adresses"))),
                Labels = InclusionPlace.Join(labels),
                OpeningHours = hours,
                Accessibility = row.Get("fiche_acces_libre"),
                Itinerant = row.Get("itinerance")?.Contains("Itinérant", StringComparison.OrdinalIgnoreCase) == true,
                Phone = row.Get("telephone"),
                Email = InclusionPlace.Split(row.Get("courriels")).FirstOrDefault(),
                Website = InclusionPlace.Split(row.Get("site_web")).FirstOrDefault(),
                Description = row.Get("presentation_resume"),
            });
        }, mapping);
        return records;
    }

    /// <summary>Schema typologies that are labels people look for.</summary>
    private static string? TypologyLabel(string code) => code switch
    {
        "TIERS_LIEUX" => PlaceLabels.TiersLieu,
        "EPN" or "CYBER" => PlaceLabels.Epn,
        "FRANCE_SERVICE" or "MSAP" => PlaceLabels.FranceServices,
        _ => null,
    };
}
