// SQL here is assembled only from constants of this file, never from input.
#pragma warning disable EF1002, EF1003

using Scoran.Territories.Queries;
using Scoran.Territories.Geography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Scoran.Core.Audit;
using Scoran.Core.Imports;
using Scoran.Core.Text;
using Scoran.Resources.Accessibility;
using Scoran.Territories.Model;

namespace Scoran.Resources.Places;

/// <summary>What an import of places did; <see cref="Unlocated"/> lists the rows left out because nothing placed them.</summary>
public sealed record PlaceImportReport(bool Skipped, string Source, int Places, int AtCommune, int WithoutCommune, IReadOnlyList<ImportError> Unlocated);

/// <summary>
/// Imports a file of places: all-or-nothing (rows are validated first; the source's places are
/// replaced in one transaction), idempotent (an identical file is skipped), provenance recorded
/// in <c>dataset_imports</c> and the change in the audit trail. Commune codes of merged communes
/// are brought onto today's commune. Coordinates come from the file; a place without them is put
/// on its commune's representative point and flagged (<see cref="InclusionPlace.LocatedAtCommune"/>).
/// A row with neither coordinates nor a known commune cannot be placed on the map: it is left out
/// and reported, rather than refusing a national file for a few incomplete rows.
/// </summary>
public sealed partial class PlaceImporter(DbContext db, TimeProvider clock, CommunePointsStore communes, ILogger<PlaceImporter> logger)
{
    public static string Dataset(string source) => $"lieux:{source}";

    public async Task<PlaceImportReport> ImportAsync(PlaceFile file, bool force = false, string author = "système", CancellationToken cancellationToken = default)
    {
        var dataset = Dataset(file.Source);
        if (!force && await db.LastContentHashAsync(dataset, cancellationToken: cancellationToken) == file.ContentSha256)
        {
            return new PlaceImportReport(true, file.Source, 0, 0, 0, []);
        }

        var territories = new TerritoryQueries(db);
        var current = await territories.CommunesByCodeAsync(null, "", cancellationToken);
        var resolver = await territories.CommuneResolverAsync(cancellationToken);
        var points = (await communes.GetAsync(db, cancellationToken)).ToDictionary(p => p.Code);

        var import = new DatasetImport
        {
            Dataset = dataset,
            Publisher = file.Publisher,
            Source = Path.GetFileName(file.File),
            Vintage = file.Vintage,
            Licence = file.Licence,
            ContentSha256 = file.ContentSha256,
            ImportedAt = clock.GetUtcNow(),
            RowCount = 0,
            Summary = "",
        };
        var places = new List<InclusionPlace>();
        var unlocated = new List<ImportError>();
        foreach (var r in file.Records)
        {
            var code = r.CommuneCode is null ? null : resolver.Resolve(r.CommuneCode);
            var commune = code is null ? null : current.GetValueOrDefault(code);
            double latitude, longitude;
            var atCommune = false;
            if (r.Latitude is { } lat && r.Longitude is { } lon)
            {
                (latitude, longitude) = (lat, lon);
            }
            else if (code is not null && points.TryGetValue(code, out var point))
            {
                (latitude, longitude, atCommune) = (point.Latitude, point.Longitude, true);
            }
            else
            {
                unlocated.Add(new ImportError(file.File, r.Line, null, $"« {r.Name} » : ni coordonnées ni commune connue ayant un contour ({r.CommuneCode ?? "code commune absent"}), lieu non importé"));
                continue;
            }

            var communeName = commune?.Name ?? r.CommuneName ?? "";
            places.Add(new InclusionPlace
            {
                Source = file.Source,
                SourceId = r.SourceId,
                Name = r.Name,
                SearchText = SearchText.Normalize($"{r.Name} {communeName} {r.Address} {r.PostalCode}"),
                Address = r.Address,
                AddressComplement = r.AddressComplement,
                PostalCode = r.PostalCode is { Length: 5 } ? r.PostalCode : null,
                CommuneCode = code,
                CommuneName = communeName,
                DepartementCode = commune?.DepartementCode,
                Latitude = latitude,
                Longitude = longitude,
                LocatedAtCommune = atCommune,
                Services = r.Services,
                Publics = r.Publics,
                Labels = r.Labels,
                OpeningHours = r.OpeningHours,
                HoursNote = r.HoursNote,
                Accessibility = r.Accessibility,
                Itinerant = r.Itinerant,
                Phone = Cut(r.Phone, 64),
                Email = Cut(r.Email, 256),
                Website = Cut(r.Website, 512),
                Description = Cut(r.Description, 4000),
                SourceLine = r.Line,
                DatasetImportId = import.Id,
            });
        }

        var summary = $"{places.Count} lieux ({places.Count(p => p.LocatedAtCommune)} placés au point de leur commune faute de coordonnées, " +
                      $"{places.Count(p => p.CommuneCode is null)} sans commune reconnue), {unlocated.Count} ligne(s) non localisable(s) écartée(s)";
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var before = await db.Set<InclusionPlace>().CountAsync(p => p.Source == file.Source, cancellationToken);
            await db.Database.ExecuteSqlAsync($"DELETE FROM inclusion_places WHERE source = {file.Source}", cancellationToken);
            db.Set<InclusionPlace>().AddRange(places);
            db.Set<DatasetImport>().Add(new DatasetImport
            {
                Id = import.Id,
                Dataset = import.Dataset,
                Publisher = import.Publisher,
                Source = import.Source,
                Vintage = import.Vintage,
                Licence = import.Licence,
                ContentSha256 = import.ContentSha256,
                ImportedAt = import.ImportedAt,
                RowCount = places.Count,
                Summary = summary,
            });
            AuditTrail.Record(db, clock, author, "resources.places-source", file.Source, "imported",
                new { places = before }, new { places = places.Count, file = import.Source, sha256 = import.ContentSha256 }, summary);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
        });

        LogImported(file.Source, places.Count, unlocated.Count);
        return new PlaceImportReport(false, file.Source, places.Count, places.Count(p => p.LocatedAtCommune), places.Count(p => p.CommuneCode is null), unlocated);
    }

    private static string? Cut(string? text, int max) => text is null || text.Length <= max ? text : text[..max];

    [LoggerMessage(Level = LogLevel.Information, Message = "Places of {Source} imported: {Places} places, {Unlocated} rows left out")]
    private partial void LogImported(string source, int places, int unlocated);
}
