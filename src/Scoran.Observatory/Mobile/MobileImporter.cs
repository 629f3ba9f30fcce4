using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Scoran.Core.Audit;
using Scoran.Core.Bulk;
using Scoran.Core.Imports;
using Scoran.Observatory.Import;

namespace Scoran.Observatory.Mobile;

public sealed record MobileImportReport(bool Skipped, MobileDataset Dataset, string Vintage, string MappingId, int Communes, int Rows, IReadOnlyList<CommuneCodeChange> CodeChanges);

/// <summary>
/// Imports a mobile file read through its mapping: all-or-nothing (one transaction, nothing
/// written when any row is wrong), idempotent (an identical file is skipped, a file of the same
/// vintage replaces it), former commune codes summed onto today's commune, provenance and an
/// audit entry recorded with the rows.
/// </summary>
public sealed partial class MobileImporter(DbContext db, IBulkWriter bulk, TimeProvider clock, ILogger<MobileImporter> logger)
{
    public const string CoverageKind = "arcep-mobile";
    public const string SitesKind = "arcep-mobile-sites";
    public const string CoverageDataset = "arcep-mobile:couverture";
    public const string SitesDataset = "arcep-mobile:new-deal";
    public const string Publisher = "Arcep — « Mon réseau mobile » (couvertures théoriques par commune)";
    public const string SitesPublisher = "Arcep — dispositif de couverture ciblée (New Deal mobile)";
    public const string SyntheticPublisher = "Scoran — données de démonstration synthétiques au format « Mon réseau mobile » d'Arcep";
    public const string Licence = "Licence Ouverte 2.0";
    public const string SyntheticNotice = "données de démonstration synthétiques";

    public static string DatasetOf(MobileDataset dataset) => dataset == MobileDataset.Coverage ? CoverageDataset : SitesDataset;

    public async Task<MobileImportReport> ImportAsync(MobileFile file, bool force = false, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        // Antenna site lists have their own table and importer (MobileAntennaImporter).
        ArgumentOutOfRangeException.ThrowIfEqual(file.Dataset, MobileDataset.Antennas);
        var dataset = DatasetOf(file.Dataset);
        var vintage = MobileVintage.Format(file.Vintage);
        if (!force && await db.LastContentHashAsync(dataset, vintage, cancellationToken) == file.ContentSha256)
        {
            return new MobileImportReport(true, file.Dataset, vintage, file.Mapping.Id, 0, 0, []);
        }

        var resolve = await CommuneCodeMapping.LoadResolverAsync(db, file.File, cancellationToken);
        var errors = new List<ImportError>();
        var changes = new List<CommuneCodeChange>();
        var key = file.Vintage.Key;
        List<object?[]> coverageRows = [], baseRows = [];
        List<NewDealSite> sites = [];
        int communes;
        if (file.Dataset == MobileDataset.Coverage)
        {
            // Merged communes add up: populations, areas and covered parts are all extensive quantities.
            var byCommune = CommuneCodeMapping.ToCurrentCommunes(file.File,
                file.Coverage.GroupBy(r => r.CommuneCode).Select(g => (g.Key, g.First().Line, CommuneFigures.From(g, file.File, errors))),
                resolve, CommuneFigures.Add, changes, errors);
            if (errors.Count > 0)
            {
                throw new ImportRejectedException(errors);
            }

            foreach (var (commune, figures) in byCommune.OrderBy(c => c.Key, StringComparer.Ordinal))
            {
                baseRows.Add([key, commune, figures.Population, figures.Area]);
                coverageRows.AddRange(figures.Covered.Select(c => new object?[] { key, commune, c.Key.Operator, c.Key.Technology, c.Key.Level, c.Value.Population, c.Value.Area }));
            }

            communes = byCommune.Count;
        }
        else
        {
            foreach (var row in file.Sites)
            {
                var current = resolve(row.CommuneCode);
                if (current is null)
                {
                    errors.Add(new ImportError(file.File, row.Line, null, $"code commune inconnu : « {row.CommuneCode} » (ni commune actuelle, ni ancienne commune)"));
                    continue;
                }

                if (current != row.CommuneCode)
                {
                    changes.Add(new CommuneCodeChange(row.CommuneCode, current));
                }

                sites.Add(new NewDealSite
                {
                    Vintage = key, SiteId = row.SiteId, CommuneCode = current, Operators = string.Join(',', row.Operators), Status = row.Status,
                    DecreeDate = row.DecreeDate, Deadline = row.Deadline, InServiceDate = row.InServiceDate,
                });
            }

            if (errors.Count > 0)
            {
                throw new ImportRejectedException(errors);
            }

            communes = sites.Select(s => s.CommuneCode).Distinct().Count();
        }

        var distinctChanges = changes.Distinct().ToList();
        var rowCount = file.Dataset == MobileDataset.Coverage ? coverageRows.Count : sites.Count;
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            progress?.Report(new ImportProgress("Mobile " + MobileFiles.Describe(file.Dataset), 0, rowCount));
            if (file.Dataset == MobileDataset.Coverage)
            {
                await db.Database.ExecuteSqlAsync($"DELETE FROM mobile_coverage WHERE vintage = {key}", cancellationToken);
                await db.Database.ExecuteSqlAsync($"DELETE FROM mobile_commune_bases WHERE vintage = {key}", cancellationToken);
                await bulk.WriteAsync("mobile_commune_bases", ["vintage", "commune_code", "population", "area_km2"], baseRows, cancellationToken);
                await bulk.WriteAsync("mobile_coverage", ["vintage", "commune_code", "operator", "technology", "level", "population_covered", "area_covered_km2"], coverageRows, cancellationToken);
            }
            else
            {
                await db.Database.ExecuteSqlAsync($"DELETE FROM mobile_new_deal_sites WHERE vintage = {key}", cancellationToken);
                db.Set<NewDealSite>().AddRange(sites);
            }

            var summary = $"{communes} communes, {rowCount} lignes, mapping {file.Mapping.Id}, {distinctChanges.Count} codes rattachés à une commune actuelle" +
                          (file.Synthetic ? $" ; {SyntheticNotice}" : "");
            var import = new DatasetImport
            {
                Dataset = dataset,
                Publisher = file.Synthetic ? SyntheticPublisher : file.Dataset == MobileDataset.Coverage ? Publisher : SitesPublisher,
                Source = Path.GetFileName(file.File),
                Vintage = vintage,
                Licence = Licence,
                ContentSha256 = file.ContentSha256,
                ImportedAt = clock.GetUtcNow(),
                RowCount = rowCount,
                Summary = summary,
            };
            db.Set<DatasetImport>().Add(import);
            AuditTrail.Record(db, clock, "système", "observatory.mobile-import", $"{dataset}:{vintage}", "imported", null,
                new { import.Dataset, import.Vintage, import.Source, import.ContentSha256, Mapping = file.Mapping.Id, Rows = rowCount }, summary);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
            progress?.Report(new ImportProgress("Mobile " + MobileFiles.Describe(file.Dataset), rowCount, rowCount));
        });

        LogImported(dataset, vintage, communes, rowCount, distinctChanges.Count);
        return new MobileImportReport(false, file.Dataset, vintage, file.Mapping.Id, communes, rowCount, distinctChanges);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Mobile {Dataset} {Vintage} imported: {Communes} communes, {Rows} rows, {Changes} code changes")]
    private partial void LogImported(string dataset, string vintage, int communes, int rows, int changes);

    /// <summary>The figures of one commune of a coverage file: its population and area, and what each operator × technology × level covers.</summary>
    private sealed record CommuneFigures(long Population, decimal Area, IReadOnlyDictionary<(string Operator, string Technology, string Level), (long Population, decimal Area)> Covered)
    {
        public static CommuneFigures From(IEnumerable<MobileCoverageRow> rows, string file, List<ImportError> errors)
        {
            var list = rows.ToList();
            var first = list[0];
            foreach (var row in list.Where(r => r.Population != first.Population || r.AreaKm2 != first.AreaKm2))
            {
                errors.Add(new ImportError(file, row.Line, null,
                    $"commune {row.CommuneCode} : population ou surface ({row.Population} ; {row.AreaKm2} km²) différente de la ligne {first.Line} ({first.Population} ; {first.AreaKm2} km²)"));
            }

            return new CommuneFigures(first.Population, first.AreaKm2,
                list.ToDictionary(r => (r.Operator, r.Technology, r.Level), r => (r.PopulationCovered, r.AreaCoveredKm2)));
        }

        public static CommuneFigures Add(CommuneFigures a, CommuneFigures b) => new(a.Population + b.Population, a.Area + b.Area,
            a.Covered.Keys.Union(b.Covered.Keys).ToDictionary(k => k, k =>
            {
                var x = a.Covered.GetValueOrDefault(k);
                var y = b.Covered.GetValueOrDefault(k);
                return (x.Population + y.Population, x.Area + y.Area);
            }));
    }
}
