using Scoran.Territories.Queries;
using Scoran.Territories.Geography;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Scoran.Core.Audit;
using Scoran.Core.Imports;
using Scoran.Observatory.Import;
using Scoran.Observatory.Import.Arcep;
using Scoran.Territories.Model;

namespace Scoran.Observatory.Mobile;

/// <summary>One antenna site as a file gives it: operator, commune or position (WGS84), technologies it carries.</summary>
public sealed record MobileAntennaRow(long Line, string? SiteRef, string Operator, string? CommuneCode, double? Latitude, double? Longitude, IReadOnlyList<string> Technologies);

/// <summary>
/// An antenna site of an operator at one vintage (Arcep « sites mobiles »), placed in the commune
/// whose outline contains it. Infrastructure, not personal data: the position is kept so a new
/// outline import could place it again, but pages and API only publish counts.
/// </summary>
public sealed class MobileAntennaSite
{
    public long Id { get; init; }
    public required int Vintage { get; init; }
    public required string Operator { get; init; }
    public required string CommuneCode { get; init; }
    /// <summary>The publisher's site reference when the layout has one.</summary>
    public string? SiteRef { get; init; }
    public bool Has2G { get; init; }
    public bool Has3G { get; init; }
    public bool Has4G { get; init; }
    public bool Has5G { get; init; }
    public double? Latitude { get; init; }
    public double? Longitude { get; init; }
    /// <summary>Line of the source file, for tracing a count back to the publisher's row.</summary>
    public required long Line { get; init; }
}

public sealed class MobileAntennaSiteConfiguration : IEntityTypeConfiguration<MobileAntennaSite>
{
    public void Configure(EntityTypeBuilder<MobileAntennaSite> builder)
    {
        builder.ToTable("mobile_antenna_sites");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).HasColumnName("id");
        builder.Property(x => x.Vintage).HasColumnName("vintage");
        builder.Property(x => x.Operator).HasColumnName("operator").HasMaxLength(16);
        builder.Property(x => x.CommuneCode).HasColumnName("commune_code").HasMaxLength(5);
        builder.Property(x => x.SiteRef).HasColumnName("site_ref").HasMaxLength(64);
        builder.Property(x => x.Has2G).HasColumnName("has_2g");
        builder.Property(x => x.Has3G).HasColumnName("has_3g");
        builder.Property(x => x.Has4G).HasColumnName("has_4g");
        builder.Property(x => x.Has5G).HasColumnName("has_5g");
        builder.Property(x => x.Latitude).HasColumnName("latitude");
        builder.Property(x => x.Longitude).HasColumnName("longitude");
        builder.Property(x => x.Line).HasColumnName("line");
        builder.HasIndex(x => new { x.Vintage, x.CommuneCode });
    }
}

/// <summary>Reads one antenna row through its mapping: operator, technologies from flag columns, position or commune.</summary>
public static class MobileAntennaReader
{
    private static readonly string[] True = ["1", "oui", "o", "true", "vrai", "x", "yes", "y"];
    private static readonly string[] False = ["0", "non", "n", "false", "faux", "no", ""];

    public static MobileAntennaRow? Read(ArcepRow row, MobileMapping mapping, IReadOnlyDictionary<(string Field, string Value), int> flags,
        Func<string, string?> text, Action<string, string> error, Action<int, string> errorAt, Func<string?> commune)
    {
        var ok = true;
        var operatorText = text(MobileFields.Operator) ?? "";
        var op = MobileOperators.Resolve(operatorText, mapping.ValuesOf(MobileFields.Operator));
        if (op is null)
        {
            error(MobileFields.Operator, $"opérateur inconnu : « {operatorText} » (Orange, SFR, Bouygues Telecom, Free Mobile ou leur MCC-MNC 20801, 20810, 20820, 20815 attendu ; un mapping peut déclarer d'autres libellés dans « values »)");
            ok = false;
        }

        var technologies = new List<string>();
        foreach (var ((_, value), index) in flags.OrderBy(f => f.Key.Value, StringComparer.Ordinal))
        {
            var cell = (index < row.Fields.Count ? row.Fields[index] : "").Trim();
            if (True.Contains(cell, StringComparer.OrdinalIgnoreCase))
            {
                if (MobileTechnologies.Resolve(value) is { } tech)
                {
                    technologies.Add(tech);
                }
            }
            else if (!False.Contains(cell, StringComparer.OrdinalIgnoreCase) && !mapping.IsAbsent(cell))
            {
                errorAt(index, $"indicateur {value} invalide : « {cell} » (1/0, oui/non attendu)");
                ok = false;
            }
        }

        double? latitude = null, longitude = null;
        string? code = null;
        if (mapping.Coordinates is { } system)
        {
            var xText = text(MobileFields.X) ?? "";
            var yText = text(MobileFields.Y) ?? "";
            if (mapping.IsAbsent(xText) && mapping.IsAbsent(yText))
            {
                // The publisher left the position out: skipped and counted by the caller, not an error.
                return null;
            }

            if (!TryNumber(xText, out var x) || !TryNumber(yText, out var y))
            {
                error(TryNumber(xText, out _) ? MobileFields.Y : MobileFields.X, $"coordonnée invalide : « {(TryNumber(xText, out _) ? yText : xText)} » (nombre attendu)");
                return null;
            }

            if (system == "lambert93")
            {
                // Metropolitan France in Lambert-93 spans roughly x 100–1 250 km, y 6 000–7 150 km.
                if (x is < 50_000 or > 1_300_000 || y is < 6_000_000 or > 7_200_000)
                {
                    error(MobileFields.X, $"coordonnées Lambert-93 hors de la France métropolitaine : ({xText} ; {yText})");
                    return null;
                }

                (latitude, longitude) = Lambert93.ToGeographic(x, y);
            }
            else
            {
                if (x is < -180 or > 180 || y is < -90 or > 90)
                {
                    error(MobileFields.X, $"coordonnées WGS84 invalides : ({xText} ; {yText}) (longitude puis latitude en degrés attendues)");
                    return null;
                }

                (latitude, longitude) = (y, x);
            }
        }
        else
        {
            code = commune();
            ok &= code is not null;
        }

        var reference = text(MobileFields.SiteId) is { Length: > 0 } r && !mapping.IsAbsent(r) ? r : null;
        if (reference is { Length: > 64 })
        {
            error(MobileFields.SiteId, "référence de site trop longue (64 caractères au plus)");
            ok = false;
        }

        return ok ? new MobileAntennaRow(row.Line, reference, op!, code, latitude, longitude, technologies) : null;
    }

    private static bool TryNumber(string text, out double value) =>
        double.TryParse(text.Replace(',', '.').Replace(" ", ""), NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
}

public sealed record MobileAntennaImportReport(bool Skipped, string Vintage, string MappingId, int Sites, int Communes, int OutsideCommunes, int WithoutPosition);

/// <summary>
/// Imports an antenna site list: each site placed in its commune (by the commune column, or by
/// point-in-polygon in the commune outlines for a layout with coordinates), all-or-nothing,
/// idempotent, replacing its vintage, with provenance and audit in the same transaction. A
/// national file is expected: sites outside the communes loaded (another région) are counted,
/// not refused.
/// </summary>
public sealed class MobileAntennaImporter(DbContext db, CommuneLocator locator, TimeProvider clock)
{
    public const string Kind = "arcep-mobile-antennas";
    public const string Dataset = "arcep-mobile:antennes";
    public const string Publisher = "Arcep — « Mon réseau mobile » (sites mobiles 2G/3G/4G/5G par opérateur)";

    public async Task<MobileAntennaImportReport> ImportAsync(MobileFile file, bool force = false, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(file.Dataset, MobileDataset.Antennas);
        var vintage = MobileVintage.Format(file.Vintage);
        if (!force && await db.LastContentHashAsync(Dataset, vintage, cancellationToken) == file.ContentSha256)
        {
            return new MobileAntennaImportReport(true, vintage, file.Mapping.Id, 0, 0, 0, 0);
        }

        var errors = new List<ImportError>();
        if (file.Mapping.Coordinates is not null && file.Antennas.Count > 0 && await locator.OutlineCountAsync(db, cancellationToken) == 0)
        {
            throw new ImportRejectedException([new ImportError(file.File, null, null,
                "les contours des communes ne sont pas importés : impossible de placer les sites par leurs coordonnées (scoran territories import, avec les contours)")]);
        }

        var resolve = await CommuneCodeMapping.LoadResolverAsync(db, file.File, cancellationToken);
        var sites = new List<MobileAntennaSite>();
        var outside = 0;
        var key = file.Vintage.Key;
        foreach (var row in file.Antennas)
        {
            string? commune;
            if (row.CommuneCode is { } given)
            {
                commune = resolve(given);
                if (commune is null)
                {
                    errors.Add(new ImportError(file.File, row.Line, null, $"code commune inconnu : « {given} » (ni commune actuelle, ni ancienne commune)"));
                    continue;
                }
            }
            else
            {
                commune = await locator.LocateAsync(db, row.Latitude!.Value, row.Longitude!.Value, cancellationToken);
                if (commune is null)
                {
                    outside++;
                    continue;
                }
            }

            sites.Add(new MobileAntennaSite
            {
                Vintage = key, Operator = row.Operator, CommuneCode = commune, SiteRef = row.SiteRef, Line = row.Line,
                Has2G = row.Technologies.Contains("2G"), Has3G = row.Technologies.Contains("3G"), Has4G = row.Technologies.Contains("4G"), Has5G = row.Technologies.Contains("5G"),
                Latitude = row.Latitude is { } lat ? Math.Round(lat, 6) : null, Longitude = row.Longitude is { } lon ? Math.Round(lon, 6) : null,
            });
        }

        if (errors.Count > 0)
        {
            throw new ImportRejectedException(errors);
        }

        var communes = sites.Select(s => s.CommuneCode).Distinct().Count();
        var summary = $"{sites.Count} sites dans {communes} communes, {outside} hors des communes chargées, {file.WithoutPosition} sans position dans le fichier, mapping {file.Mapping.Id}" +
                      (file.Synthetic ? $" ; {MobileImporter.SyntheticNotice}" : "");
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.Database.ExecuteSqlAsync($"DELETE FROM mobile_antenna_sites WHERE vintage = {key}", cancellationToken);
            db.Set<MobileAntennaSite>().AddRange(sites);
            var import = new DatasetImport
            {
                Dataset = Dataset,
                Publisher = file.Synthetic ? MobileImporter.SyntheticPublisher : Publisher,
                Source = Path.GetFileName(file.File),
                Vintage = vintage,
                Licence = MobileImporter.Licence,
                ContentSha256 = file.ContentSha256,
                ImportedAt = clock.GetUtcNow(),
                RowCount = sites.Count,
                Summary = summary,
            };
            db.Set<DatasetImport>().Add(import);
            AuditTrail.Record(db, clock, "système", "observatory.mobile-import", $"{Dataset}:{vintage}", "imported", null,
                new { import.Dataset, import.Vintage, import.Source, import.ContentSha256, Mapping = file.Mapping.Id, Rows = sites.Count, Outside = outside, file.WithoutPosition }, summary);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
        });

        return new MobileAntennaImportReport(false, vintage, file.Mapping.Id, sites.Count, communes, outside, file.WithoutPosition);
    }

    public static DatasetImportOutcome Describe(MobileAntennaImportReport report, bool synthetic = false)
    {
        var what = $"{MobileFiles.Describe(MobileDataset.Antennas)}, millésime {report.Vintage}" + (synthetic ? $" ({MobileImporter.SyntheticNotice})" : "");
        return report.Skipped
            ? new DatasetImportOutcome(true, $"Fichier {what} déjà importé à l'identique : rien n'a changé.", [])
            : new DatasetImportOutcome(false, $"Fichier {what} importé : {report.Sites} sites dans {report.Communes} communes.",
            [
                $"Colonnes lues selon le mapping « {report.MappingId} ».",
                $"{report.OutsideCommunes} site(s) hors des communes chargées (autres régions), {report.WithoutPosition} ligne(s) sans position dans le fichier : non comptés.",
            ]);
    }
}

/// <summary>Antenna sites of a territory: counts per operator and technology, and communes with a 4G site.</summary>
public sealed record MobileAntennaCount(string Operator, int Sites, int Sites2G, int Sites3G, int Sites4G, int Sites5G)
{
    public string OperatorName => MobileOperators.Name(Operator);
}

public sealed record MobileAntennaSummary(int Vintage, IReadOnlyList<MobileAntennaCount> ByOperator, int Communes, int CommunesWith4G, MobileSource Source)
{
    public int Total => ByOperator.Sum(o => o.Sites);
}

public sealed partial class MobileAntennaQueries(DbContext db)
{
    private DbContext Db => db;

    /// <summary>The latest antenna list (or <paramref name="vintage"/>) for a territory; null when none is imported.</summary>
    public async Task<MobileAntennaSummary?> SummaryAsync(TerritoryKind kind, string code, int? vintage = null, CancellationToken cancellationToken = default)
    {
        var sites = db.Set<MobileAntennaSite>().AsNoTracking();
        var at = vintage ?? await sites.Select(s => (int?)s.Vintage).MaxAsync(cancellationToken);
        if (at is null)
        {
            return null;
        }

        var communes = new TerritoryQueries(db).CommuneCodes(kind, code, includeObsolete: true);
        var rows = await sites.Where(s => s.Vintage == at && communes.Contains(s.CommuneCode))
            .Select(s => new { s.Operator, s.CommuneCode, s.Has2G, s.Has3G, s.Has4G, s.Has5G })
            .ToListAsync(cancellationToken);
        var byOperator = MobileOperators.All.Select(o => rows.Where(r => r.Operator == o.Id).ToList())
            .Select((list, i) => new MobileAntennaCount(MobileOperators.All[i].Id, list.Count, list.Count(r => r.Has2G), list.Count(r => r.Has3G), list.Count(r => r.Has4G), list.Count(r => r.Has5G)))
            .ToList();
        var source = await SourceAsync(at.Value, cancellationToken);
        return new MobileAntennaSummary(at.Value, byOperator, rows.Select(r => r.CommuneCode).Distinct().Count(),
            rows.Where(r => r.Has4G).Select(r => r.CommuneCode).Distinct().Count(), source);
    }
}

/// <summary>An antenna site list uploaded from the administration page, read through the shipped mappings; its vintage comes from its name.</summary>
public sealed class MobileAntennaFileImport(MobileAntennaImporter importer) : IDatasetFileImport
{
    public string Kind => MobileAntennaImporter.Kind;

    public string Label => "Arcep — « Mon réseau mobile » : sites d'antennes mobiles";

    public string Description =>
        "Sites par opérateur avec les technologies qu'ils portent (ex. 2018_01_Sites_mobiles_2G_3G_4G_France_metropolitaine_L93.csv : Operateur;X;Y;2G;3G;4G), " +
        "lus selon un mapping de data/arcep/mobile-mappings et placés dans leur commune par les contours des communes. Le millésime vient du nom du fichier " +
        "(2018_01_… ou 2025T4) ; le même millésime est remplacé ; un fichier identique est ignoré.";

    public IReadOnlyList<DatasetFileSlot> Files { get; } = [new("sites", "Liste des sites (CSV ou XLSX)", ".csv,.xlsx"), MobileUploadMapping.Slot];

    public async Task<DatasetImportOutcome> ImportAsync(IReadOnlyList<string> paths, bool force, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(paths.Count, Files.Count);
        var mappings = await MobileUploadMapping.MappingsAsync(paths[1], MobileDataset.Antennas, cancellationToken);
        var file = await MobileFiles.ReadAsync(paths[0], MobileDataset.Antennas, mappings, cancellationToken: cancellationToken);
        return MobileAntennaImporter.Describe(await importer.ImportAsync(file, force, cancellationToken), file.Synthetic);
    }
}
