// SQL here is assembled only from table and column names that are constants of this file, never from input.
#pragma warning disable EF1002, EF1003

using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using NetTopologySuite.IO.Converters;
using NetTopologySuite.Operation.Union;
using Scoran.Core.Bulk;
using Scoran.Core.Imports;
using Scoran.Territories.Model;

namespace Scoran.Territories.Import;

/// <summary>One outline read from a file, with where it starts in that file.</summary>
public sealed record ContourFeature(TerritoryKind Kind, string Code, Geometry Geometry, SourcePosition Position);

/// <summary>Outlines read and validated from a set of files, not yet stored.</summary>
public sealed record ContourSet(IReadOnlyList<ContourFeature> Features, string ContentSha256);

public sealed record ContoursImportReport(
    bool Skipped,
    int FeaturesRead,
    int ContoursStored,
    IReadOnlyList<string> MergedCommunes,
    IReadOnlyList<string> UnmatchedCodes,
    IReadOnlyList<string> CommunesWithoutContour);

/// <summary>
/// Loads outlines from GeoJSON files named like those of <c>france-geojson</c>
/// (<c>communes-*.geojson</c>, <c>departements-*.geojson</c>, <c>region-*.geojson</c>), each feature
/// carrying an INSEE <c>code</c>. Commune outlines of an older vintage are attached to today's
/// communes: every former code resolves to its current commune and the outlines of merged
/// communes are unioned. Current communes of the covered départements left without an outline
/// are reported, never invented.
/// </summary>
public sealed class ContoursImporter(DbContext db, IBulkWriter bulk, TimeProvider clock, ILogger<ContoursImporter> logger)
{
    public const string Dataset = "contours";

    private static readonly JsonSerializerOptions GeoJsonOptions = new()
    {
        Converters = { new GeoJsonConverterFactory() },
    };

    public static TerritoryKind? KindOfFile(string path)
    {
        var name = Path.GetFileName(path).ToLowerInvariant();
        return name switch
        {
            _ when name.StartsWith("communes", StringComparison.Ordinal) => TerritoryKind.Commune,
            _ when name.StartsWith("departements", StringComparison.Ordinal) => TerritoryKind.Departement,
            _ when name.StartsWith("region", StringComparison.Ordinal) => TerritoryKind.Region,
            _ when name.StartsWith("epci", StringComparison.Ordinal) => TerritoryKind.Epci,
            _ => null,
        };
    }

    /// <summary>Reads and validates every file; throws <see cref="ImportRejectedException"/> before anything is written.</summary>
    public static async Task<ContourSet> ReadAsync(
        IReadOnlyList<string> files,
        IProgress<ImportProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var errors = new List<ImportError>();
        var features = new List<ContourFeature>();
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var fileIndex = 0;
        foreach (var file in files)
        {
            progress?.Report(new ImportProgress("Lecture des contours", fileIndex++, files.Count));
            var kind = KindOfFile(file);
            if (kind is null)
            {
                errors.Add(new ImportError(file, null, null,
                    "nom de fichier non reconnu : il doit commencer par communes, departements, region ou epci"));
                continue;
            }

            if (!File.Exists(file))
            {
                errors.Add(new ImportError(file, null, null, "fichier introuvable"));
                continue;
            }

            var bytes = await File.ReadAllBytesAsync(file, cancellationToken);
            sha.AppendData(bytes);
            features.AddRange(ReadFeatures(file, bytes, errors).Select(f => new ContourFeature(kind.Value, f.Code, f.Geometry, f.Position)));
        }

        progress?.Report(new ImportProgress("Lecture des contours", files.Count, files.Count));
        if (errors.Count > 0)
        {
            throw new ImportRejectedException(errors);
        }

        return new ContourSet(features, Convert.ToHexStringLower(sha.GetHashAndReset()));
    }

    /// <summary>
    /// Attaches the outlines to current territories and stores them in one transaction; skipped
    /// when the same files were the last ones imported, unless <paramref name="force"/>.
    /// </summary>
    public async Task<ContoursImportReport> ImportAsync(
        ContourSet set,
        string sourceDescription,
        bool force = false,
        IProgress<ImportProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var features = set.Features;
        var last = await db.LastContentHashAsync(Dataset, cancellationToken: cancellationToken);
        if (!force && last == set.ContentSha256)
        {
            logger.ContoursUnchanged();
            return new ContoursImportReport(true, features.Count, 0, [], [], []);
        }

        var currentCommunes = await db.Set<Territory>().AsNoTracking()
            .Where(t => t.Kind == TerritoryKind.Commune && !t.IsObsolete)
            .Select(t => new { t.Code, t.DepartementCode })
            .ToDictionaryAsync(t => t.Code, t => t.DepartementCode, cancellationToken);
        if (currentCommunes.Count == 0)
        {
            throw new ImportRejectedException([new ImportError(features.FirstOrDefault()?.Position.File ?? "", null, null,
                "aucune commune en base : importez d'abord les territoires (scoran territories import)")]);
        }

        var aliases = await db.Set<CommuneAlias>().AsNoTracking()
            .ToDictionaryAsync(a => a.Code, a => a.CurrentCode, cancellationToken);

        var unmatched = new List<string>();
        var groups = new Dictionary<(TerritoryKind, string), List<(string SourceCode, Geometry Geometry)>>();
        foreach (var (kind, code, geometry, position) in features)
        {
            var target = code;
            if (kind == TerritoryKind.Commune && !currentCommunes.ContainsKey(code))
            {
                if (!aliases.TryGetValue(code, out var current))
                {
                    unmatched.Add($"{code} ({Path.GetFileName(position.File)}:{position.Line})");
                    continue;
                }

                target = current;
            }

            if (!groups.TryGetValue((kind, target), out var list))
            {
                groups[(kind, target)] = list = [];
            }

            list.Add((code, geometry));
        }

        var writer = new WKBWriter();
        var merged = new List<string>();
        var rows = new List<object?[]>(groups.Count);
        var index = 0;
        foreach (var ((kind, code), parts) in groups.OrderBy(g => g.Key.Item1).ThenBy(g => g.Key.Item2, StringComparer.Ordinal))
        {
            if (++index % 200 == 0)
            {
                progress?.Report(new ImportProgress("Fusion des communes regroupées", index, groups.Count));
            }

            var geometry = parts.Count == 1 ? parts[0].Geometry : UnaryUnionOp.Union(parts.Select(p => p.Geometry).ToList());
            if (parts.Count > 1)
            {
                merged.Add($"{code} ← {string.Join(", ", parts.Select(p => p.SourceCode).Order(StringComparer.Ordinal))}");
            }

            rows.Add([kind.ToSlug(), code, writer.Write(geometry), sourceDescription, parts.Count]);
        }

        progress?.Report(new ImportProgress("Fusion des communes regroupées", groups.Count, groups.Count));

        var coveredDepartements = groups.Keys
            .Where(k => k.Item1 == TerritoryKind.Commune)
            .Select(k => currentCommunes[k.Item2])
            .ToHashSet();
        var withoutContour = currentCommunes
            .Where(c => c.Value is not null && coveredDepartements.Contains(c.Value) && !groups.ContainsKey((TerritoryKind.Commune, c.Key)))
            .Select(c => c.Key)
            .Order(StringComparer.Ordinal)
            .ToList();

        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("DROP TABLE IF EXISTS staging_territory_contours", cancellationToken);
            await db.Database.ExecuteSqlRawAsync(
                "CREATE TEMP TABLE staging_territory_contours AS SELECT * FROM territory_contours WHERE 1 = 0", cancellationToken);
            await bulk.WriteAsync("staging_territory_contours", ["kind", "code", "geometry", "source", "source_feature_count"], rows, cancellationToken);
            await db.Database.ExecuteSqlRawAsync(
                "DELETE FROM territory_contours WHERE EXISTS (SELECT 1 FROM staging_territory_contours s " +
                "WHERE s.kind = territory_contours.kind AND s.code = territory_contours.code)", cancellationToken);
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO territory_contours (kind, code, geometry, source, source_feature_count) " +
                "SELECT kind, code, geometry, source, source_feature_count FROM staging_territory_contours", cancellationToken);
            await db.Database.ExecuteSqlRawAsync("DROP TABLE staging_territory_contours", cancellationToken);

            db.Set<DatasetImport>().Add(new DatasetImport
            {
                Dataset = Dataset,
                Publisher = "IGN (Admin Express), codes INSEE COG 2018 — via france-geojson (G. David)",
                Source = sourceDescription,
                Vintage = "Admin Express COG 2018, rattaché au COG en vigueur",
                Licence = "Licence Ouverte 2.0",
                ContentSha256 = set.ContentSha256,
                ImportedAt = clock.GetUtcNow(),
                RowCount = rows.Count,
                Summary = $"{features.Count} contours lus, {rows.Count} enregistrés, {merged.Count} communes fusionnées, " +
                          $"{unmatched.Count} codes non rattachés, {withoutContour.Count} communes sans contour" +
                          (withoutContour.Count > 0 ? $" ({string.Join(", ", withoutContour.Take(50))})" : string.Empty),
            });
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
        });

        logger.ContoursImported(sourceDescription, rows.Count, merged.Count, unmatched.Count, withoutContour.Count);
        return new ContoursImportReport(false, features.Count, rows.Count, merged, unmatched, withoutContour);
    }

    private static List<(string Code, Geometry Geometry, SourcePosition Position)> ReadFeatures(string file, byte[] bytes, List<ImportError> errors)
    {
        var result = new List<(string, Geometry, SourcePosition)>();
        List<IFeature> features;
        try
        {
            // A file may hold a FeatureCollection or, like france-geojson's region file, a single Feature.
            using var document = JsonDocument.Parse(bytes);
            var type = document.RootElement.TryGetProperty("type", out var t) ? t.GetString() : null;
            features = type switch
            {
                "FeatureCollection" => JsonSerializer.Deserialize<FeatureCollection>(bytes, GeoJsonOptions)?.ToList() ?? [],
                "Feature" => [JsonSerializer.Deserialize<IFeature>(bytes, GeoJsonOptions)!],
                _ => throw new JsonException($"type GeoJSON « {type} » non pris en charge (FeatureCollection ou Feature attendu)"),
            };
        }
        catch (JsonException ex)
        {
            errors.Add(new ImportError(file, (ex.LineNumber ?? 0) + 1, (ex.BytePositionInLine ?? 0) + 1, $"GeoJSON invalide : {ex.Message}"));
            return result;
        }

        var positions = FeaturePositions(file, bytes);
        for (var i = 0; i < features.Count; i++)
        {
            var feature = features[i];
            var at = i < positions.Count ? positions[i] : new SourcePosition(file, 1, 1);
            var code = feature.Attributes?.GetOptionalValue("code")?.ToString();
            if (string.IsNullOrWhiteSpace(code))
            {
                errors.Add(at.Error($"entité n°{i + 1} : propriété « code » manquante"));
                continue;
            }

            if (feature.Geometry is not (Polygon or MultiPolygon) || feature.Geometry.IsEmpty)
            {
                errors.Add(at.Error($"entité n°{i + 1} (code {code}) : géométrie Polygon ou MultiPolygon attendue"));
                continue;
            }

            // Simplified outlines can self-intersect; repair rather than reject, since the union needs valid input.
            var geometry = feature.Geometry.IsValid ? feature.Geometry : NetTopologySuite.Geometries.Utilities.GeometryFixer.Fix(feature.Geometry);
            result.Add((code, geometry, at));
        }

        return result;
    }

    /// <summary>Where each feature object starts: the members of "features", or the root object of a lone Feature.</summary>
    private static List<SourcePosition> FeaturePositions(string file, byte[] bytes)
    {
        var positions = new List<SourcePosition>();
        var lines = JsonArrayFile.LineStarts(bytes);
        var reader = new Utf8JsonReader(bytes);
        var inFeatures = false;
        while (reader.Read())
        {
            if (reader.CurrentDepth == 0 && reader.TokenType == JsonTokenType.StartObject)
            {
                positions.Add(JsonArrayFile.PositionOf(file, lines, reader.TokenStartIndex));
            }
            else if (reader.CurrentDepth == 1 && reader.TokenType == JsonTokenType.PropertyName)
            {
                inFeatures = reader.ValueTextEquals("features");
            }
            else if (inFeatures && reader.CurrentDepth == 2 && reader.TokenType == JsonTokenType.StartObject)
            {
                positions.Add(JsonArrayFile.PositionOf(file, lines, reader.TokenStartIndex));
                reader.Skip();
            }
        }

        // The root position only stands for a lone Feature; in a collection the members come after it.
        return positions.Count > 1 ? positions.Skip(1).ToList() : positions;
    }
}
