using Scoran.Territories.Queries;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Scoran.Core.Text;
using Scoran.Resources.Accessibility;
using Scoran.Territories.Model;

namespace Scoran.Resources.Places;

/// <summary>Filters of the map, the list and the API; null means "any".</summary>
public sealed record PlaceFilter(string? Label = null, string? Service = null, string? Public = null, string? Departement = null, string? Text = null, string? Region = null);

/// <summary>What a person looking for help asks: a need, a time, accessibility.</summary>
public sealed record PlaceNeed(string? Service = null, string? Label = null, DayOfWeek? Day = null, TimeOnly? Time = null, bool AccessibleOnly = false, bool ExcludeItinerant = false);

/// <summary>A place and its distance from where the person is.</summary>
public sealed record PlaceDistance(InclusionPlace Place, double Meters);

/// <summary>
/// Read side of the places: list and filters, one place, the text search (for the resource space's
/// one search), the nearest places matching a need, and exports in the national schemas.
/// </summary>
public sealed class PlaceQueries(DbContext db)
{
    public Task<InclusionPlace?> GetAsync(long id, CancellationToken cancellationToken = default) =>
        db.Set<InclusionPlace>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);

    public async Task<IReadOnlyList<InclusionPlace>> ListAsync(PlaceFilter filter, CancellationToken cancellationToken = default)
    {
        var query = PlaceDuplicates.Visible(db);
        if (!string.IsNullOrWhiteSpace(filter.Departement))
        {
            query = query.Where(p => p.DepartementCode == filter.Departement);
        }

        if (!string.IsNullOrWhiteSpace(filter.Region))
        {
            var departements = new TerritoryQueries(db).DepartementCodes(filter.Region);
            query = query.Where(p => departements.Contains(p.DepartementCode!));
        }

        var key = SearchText.Normalize(filter.Text);
        if (key.Length > 0)
        {
            query = query.Where(p => p.SearchText.Contains(key));
        }

        var places = await query.OrderBy(p => p.DepartementCode).ThenBy(p => p.CommuneName).ThenBy(p => p.Name).ThenBy(p => p.Id).ToListAsync(cancellationToken);
        // Multi-valued fields are '|'-joined text: filtered here on whole values, the same on both engines.
        return places.Where(p =>
                (string.IsNullOrWhiteSpace(filter.Label) || p.LabelList.Contains(filter.Label)) &&
                (string.IsNullOrWhiteSpace(filter.Service) || p.ServiceList.Contains(filter.Service)) &&
                (string.IsNullOrWhiteSpace(filter.Public) || p.PublicList.Contains(filter.Public)))
            .ToList();
    }

    /// <summary>
    /// Text search for the resource space's one search: places whose name, commune, address or
    /// postal code contain every word of <paramref name="text"/> (accent- and case-insensitive).
    /// </summary>
    public async Task<IReadOnlyList<InclusionPlace>> SearchAsync(string text, int limit = 20, CancellationToken cancellationToken = default)
    {
        // Each word is one SQL condition: past InputLimits.MaxSearchWords the query tree gets too deep for SQLite (security review F13).
        var words = SearchText.Normalize(text).Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).Take(Scoran.Core.Security.InputLimits.MaxSearchWords).ToArray();
        if (words.Length == 0)
        {
            return [];
        }

        var query = PlaceDuplicates.Visible(db);
        foreach (var word in words)
        {
            query = query.Where(p => p.SearchText.Contains(word));
        }

        return await query.OrderBy(p => p.Name).ThenBy(p => p.Id).Take(Math.Clamp(limit, 1, 200)).ToListAsync(cancellationToken);
    }

    /// <summary>The départements of a région, for the filter.</summary>
    public async Task<IReadOnlyList<(string Code, string Name)>> DepartementsAsync(string region, CancellationToken cancellationToken = default) =>
        await new TerritoryQueries(db).DepartementsAsync(region, cancellationToken);

    /// <summary>The values found in the data for the filters (labels, services, publics, départements).</summary>
    public async Task<(IReadOnlyList<string> Labels, IReadOnlyList<string> Services, IReadOnlyList<string> Publics, IReadOnlyList<string> Departements)> FacetsAsync(CancellationToken cancellationToken = default)
    {
        var rows = await PlaceDuplicates.Visible(db).Select(p => new { p.Labels, p.Services, p.Publics, p.DepartementCode }).ToListAsync(cancellationToken);
        static List<string> Values(IEnumerable<string> joined) => joined.SelectMany(InclusionPlace.Split).Distinct().Order(StringComparer.Ordinal).ToList();
        return (Values(rows.Select(r => r.Labels)), Values(rows.Select(r => r.Services)), Values(rows.Select(r => r.Publics)),
            rows.Select(r => r.DepartementCode).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList());
    }

    /// <summary>
    /// The places nearest to a point that meet the need, closest first, with great-circle
    /// distances (exact: the same index as the accessibility indicators, over the matching places).
    /// </summary>
    public async Task<IReadOnlyList<PlaceDistance>> NearestAsync(double latitude, double longitude, PlaceNeed need, int count = 5, CancellationToken cancellationToken = default)
    {
        var places = (await PlaceDuplicates.Visible(db).ToListAsync(cancellationToken)).Where(p => Matches(p, need)).ToList();
        // A handful of thousand places: ranking all by exact distance is simpler than k nearest in the tree, and as exact.
        return places
            .Select(p => new PlaceDistance(p, NearestPlaceIndex.Haversine(latitude, longitude, p.Latitude, p.Longitude)))
            .OrderBy(p => p.Meters).ThenBy(p => p.Place.Id)
            .Take(Math.Clamp(count, 1, 50))
            .ToList();
    }

    public static bool Matches(InclusionPlace p, PlaceNeed need)
    {
        if (!string.IsNullOrWhiteSpace(need.Service) && !p.ServiceList.Contains(need.Service))
        {
            return false;
        }

        if (!string.IsNullOrWhiteSpace(need.Label) && !p.LabelList.Contains(need.Label))
        {
            return false;
        }

        if (need.AccessibleOnly && string.IsNullOrWhiteSpace(p.Accessibility))
        {
            return false;
        }

        if (need.ExcludeItinerant && p.Itinerant)
        {
            return false;
        }

        if (need.Day is { } day)
        {
            if (!OpeningHours.TryParse(p.OpeningHours, out var hours, out _))
            {
                return false;
            }

            return need.Time is { } time ? hours!.IsOpen(day, time) : hours!.IsOpenOn(day);
        }

        return true;
    }

    /// <summary>The places in the « lieux de médiation numérique » schema's CSV (UTF-8, comma, header of the schema).</summary>
    public static byte[] ToMediationNumeriqueCsv(IEnumerable<InclusionPlace> places, DateOnly updated)
    {
        var csv = new StringBuilder();
        csv.AppendJoin(',', PlaceFiles.MediationNumeriqueColumns).Append('\n');
        foreach (var p in places)
        {
            var values = new Dictionary<string, string?>
            {
                ["id"] = $"{p.Source}-{p.SourceId}",
                // The schema wants the SIRET or "00000000000000" when it is unknown.
                ["pivot"] = "00000000000000",
                ["nom"] = p.Name,
                ["commune"] = p.CommuneName,
                ["code_postal"] = p.PostalCode,
                ["code_insee"] = p.CommuneCode,
                ["adresse"] = p.Address,
                ["complement_adresse"] = p.AddressComplement,
                ["latitude"] = p.Latitude.ToString("0.######", CultureInfo.InvariantCulture),
                ["longitude"] = p.Longitude.ToString("0.######", CultureInfo.InvariantCulture),
                ["telephone"] = p.Phone,
                ["courriels"] = p.Email,
                ["site_web"] = p.Website,
                ["horaires"] = p.OpeningHours,
                ["presentation_resume"] = p.Description,
                ["source"] = p.Source,
                ["itinerance"] = p.Itinerant ? "Itinérant" : "Fixe",
                ["date_maj"] = updated.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["services"] = p.Services,
                ["publics_specifiquement_adresses"] = p.Publics,
                ["dispositif_programmes_nationaux"] = p.Labels,
                ["fiche_acces_libre"] = p.Accessibility,
            };
            // Coordinates are numbers the application writes (a minus sign is not a formula); every other cell is text from data.
            csv.AppendJoin(',', PlaceFiles.MediationNumeriqueColumns.Select(c => c is "latitude" or "longitude" ? values.GetValueOrDefault(c) : Quote(values.GetValueOrDefault(c)))).Append('\n');
        }

        return new UTF8Encoding(false).GetBytes(csv.ToString());

        static string Quote(string? value) => Scoran.Core.Text.CsvText.QuotedOrEmpty(value);
    }

    /// <summary>The places as data·inclusion structures (schema v1), a JSON array.</summary>
    public static byte[] ToDataInclusionJson(IEnumerable<InclusionPlace> places, DateOnly updated)
    {
        var structures = places.Select(p => new Dictionary<string, object?>
        {
            ["source"] = "scoran",
            ["id"] = $"{p.Source}-{p.SourceId}",
            ["nom"] = p.Name,
            ["date_maj"] = updated.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["commune"] = p.CommuneName,
            ["code_postal"] = p.PostalCode,
            ["code_insee"] = p.CommuneCode,
            ["adresse"] = p.Address,
            ["complement_adresse"] = p.AddressComplement,
            ["latitude"] = p.Latitude,
            ["longitude"] = p.Longitude,
            ["telephone"] = p.Phone,
            ["courriel"] = p.Email,
            ["site_web"] = p.Website,
            ["description"] = p.Description,
            ["horaires_accueil"] = p.OpeningHours,
            ["accessibilite_lieu"] = p.Accessibility is { } a && a.StartsWith("http", StringComparison.Ordinal) ? a : null,
            ["reseaux_porteurs"] = p.LabelList.Select(ReseauOf).OfType<string>().Distinct().ToList(),
            ["siret"] = null,
            ["lien_source"] = null,
        });
        return JsonSerializer.SerializeToUtf8Bytes(structures, new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

        static string? ReseauOf(string label) => label switch
        {
            PlaceLabels.FranceServices => "france-service",
            PlaceLabels.ConseillerNumerique => "conseillers-numeriques",
            PlaceLabels.AidantsConnect => "aidants-connect",
            PlaceLabels.Epn => "espaces-publics-numeriques",
            _ => null,
        };
    }
}
