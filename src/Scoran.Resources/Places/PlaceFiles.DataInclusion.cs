using System.Text.Json;
using Scoran.Core.Imports;

namespace Scoran.Resources.Places;

/// <summary>data·inclusion structures (schema v1), a JSON array.</summary>
public static partial class PlaceFiles
{
    private static List<PlaceRecord> ReadDataInclusion(string file, string text, List<ImportError> errors)
    {
        var records = new List<PlaceRecord>();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException ex)
        {
            errors.Add(new ImportError(file, ex.LineNumber + 1, ex.BytePositionInLine + 1, "JSON invalide : " + ex.Message));
            return records;
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                errors.Add(new ImportError(file, 1, 1, "un tableau JSON de structures data·inclusion est attendu"));
                return records;
            }

            // JSON has no per-element line from System.Text.Json: the line is the element's position (1-based), named as such.
            var index = 0;
            foreach (var item in document.RootElement.EnumerateArray())
            {
                index++;
                string? Get(string name) => item.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && v.GetString()!.Trim().Length > 0 ? v.GetString()!.Trim() : null;
                double? Number(string name, double limit)
                {
                    if (!item.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
                    {
                        return null;
                    }

                    if (v.ValueKind != JsonValueKind.Number || Math.Abs(v.GetDouble()) > limit)
                    {
                        errors.Add(new ImportError(file, index, null, $"structure n° {index}, {name} : nombre entre -{limit} et {limit} attendu"));
                        return null;
                    }

                    return v.GetDouble();
                }

                foreach (var required in new[] { "source", "id", "nom", "date_maj" })
                {
                    if (Get(required) is null)
                    {
                        errors.Add(new ImportError(file, index, null, $"structure n° {index}, {required} : valeur obligatoire manquante"));
                    }
                }

                var insee = Get("code_insee");
                if (insee is not null && !CommuneCodeLike().IsMatch(insee))
                {
                    errors.Add(new ImportError(file, index, null, $"structure n° {index}, code_insee : « {insee} » n'est pas un code de commune"));
                }

                var hours = Get("horaires_accueil");
                var reseaux = item.TryGetProperty("reseaux_porteurs", out var r) && r.ValueKind == JsonValueKind.Array
                    ? r.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToList()
                    : [];
                records.Add(new PlaceRecord($"{Get("source")}:{Get("id")}", index, Get("nom") ?? "", Get("adresse") ?? "", Get("complement_adresse"), Get("code_postal"), insee, Get("commune"),
                    Number("latitude", 90), Number("longitude", 180))
                {
                    Labels = InclusionPlace.Join(reseaux.Select(ReseauLabel).Append(null).OfType<string>()),
                    OpeningHours = hours is not null && OpeningHours.TryParse(hours, out _, out _) ? hours : null,
                    HoursNote = hours is not null && !OpeningHours.TryParse(hours, out _, out _) ? hours : null,
                    Accessibility = Get("accessibilite_lieu"),
                    Phone = Get("telephone"),
                    Email = Get("courriel"),
                    Website = Get("site_web"),
                    Description = Get("description"),
                });
            }
        }

        return records;
    }

    private static string? ReseauLabel(string code) => code switch
    {
        "france-service" or "msap" => PlaceLabels.FranceServices,
        "conseillers-numeriques" => PlaceLabels.ConseillerNumerique,
        "aidants-connect" => PlaceLabels.AidantsConnect,
        "espaces-publics-numeriques" => PlaceLabels.Epn,
        _ => null,
    };
}
