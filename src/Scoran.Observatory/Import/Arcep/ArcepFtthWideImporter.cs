// SQL here is assembled only from table and column names that are constants of this file, never from input.
#pragma warning disable EF1002, EF1003

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Scoran.Core.Bulk;
using Scoran.Core.Imports;
using Scoran.Observatory.Indicators;
using Scoran.Observatory.Model;
using Scoran.Territories.Model;

namespace Scoran.Observatory.Import.Arcep;

/// <summary>What an import of a 2020+ file did, with what needs a reader's attention.</summary>
public sealed record FtthWideImportReport(
    bool Skipped,
    string Release,
    int Communes,
    int Quarters,
    long Rows,
    IReadOnlyList<CommuneCodeChange> CodeChanges,
    IReadOnlyList<CountDecrease> Decreases,
    IReadOnlyDictionary<string, int> ZoningSources,
    IReadOnlyList<string> CommunesWithoutZoning,
    IReadOnlyList<string> CommunesAboveEstimate,
    IReadOnlyList<string> CommunesWithoutEstimate)
{
    /// <summary>The import notes, in French, shared by the CLI and the administration page.</summary>
    public IReadOnlyList<string> Notes()
    {
        var notes = new List<string>
        {
            $"{CodeChanges.Count} code(s) de commune rattaché(s) à la commune actuelle" +
            (CodeChanges.Count > 0 ? $" : {string.Join(", ", CodeChanges.Take(20).Select(c => $"{c.FileCode} → {c.CurrentCode}"))}" : "") + ".",
        };
        notes.Add(ZoningSources.Count == 0
            ? "Zonage AMII/RIP : aucune publication en base ne le donne ; hors zone très dense, les communes sont classées en RIP par défaut."
            : "Zonage AMII/RIP absent du fichier : repris de la publication la plus proche qui le donne (" +
              string.Join(", ", ZoningSources.OrderBy(z => z.Key, StringComparer.Ordinal).Select(z => $"{z.Key} pour {z.Value} commune(s)")) +
              ") ; l'indicateur « Zone très dense » du fichier prime.");
        if (CommunesWithoutZoning.Count > 0)
        {
            notes.Add($"{CommunesWithoutZoning.Count} commune(s) absente(s) des publications zonées, classée(s) en RIP par défaut : {string.Join(", ", CommunesWithoutZoning.Take(20))}.");
        }

        if (CommunesAboveEstimate.Count > 0)
        {
            notes.Add($"{CommunesAboveEstimate.Count} commune(s) avec plus de locaux raccordables que de locaux estimés (taux > 100 %, conservé tel quel) : {string.Join(", ", CommunesAboveEstimate.Take(20))}.");
        }

        if (CommunesWithoutEstimate.Count > 0)
        {
            notes.Add($"{CommunesWithoutEstimate.Count} commune(s) sans estimation des locaux (dénominateur : logements + établissements) : {string.Join(", ", CommunesWithoutEstimate.Take(20))}.");
        }

        if (Decreases.Count > 0)
        {
            notes.Add($"{Decreases.Select(d => d.Code).Distinct().Count()} commune(s) dont les locaux raccordables baissent d'un trimestre à l'autre (à expliquer).");
        }

        return notes;
    }
}

/// <summary>
/// Imports a file of Arcep's 2020+ FttH layout into the same model as the 2017–2019 releases:
/// one release per file, named after its last quarter, replacing a release of the same name;
/// every quarter column stored; the premises estimate kept as the coverage denominator.
/// All-or-nothing, identical content skipped, codes brought onto today's communes, provenance
/// recorded under the same data set as the older layout (a release is a release, whatever its layout).
/// </summary>
public sealed class ArcepFtthWideImporter(DbContext db, IBulkWriter bulk, TimeProvider clock, ILogger<ArcepFtthWideImporter> logger)
{
    public const string Kind = "arcep-ftth-2020";

    private sealed record Merged(
        IReadOnlyList<FtthWideRow> Parts, IReadOnlyDictionary<Quarter, long> Connectable)
    {
        public static Merged Of(FtthWideRow row) => new([row], row.ConnectablePremises);

        public Merged Add(Merged other) => new([.. Parts, .. other.Parts],
            Connectable.Keys.Union(other.Connectable.Keys).ToDictionary(q => q, q => Connectable.GetValueOrDefault(q) + other.Connectable.GetValueOrDefault(q)));
    }

    public async Task<FtthWideImportReport> ImportAsync(FtthWideLayoutFile file, bool force = false, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var name = file.Name;
        var last = file.Quarters.Max();
        var vintage = last.ToString();
        if (!force && await db.LastContentHashAsync(ArcepFtthImporter.Dataset, vintage, cancellationToken) == file.ContentSha256)
        {
            return new FtthWideImportReport(true, name, 0, file.Quarters.Count, 0, [], [], new Dictionary<string, int>(), [], [], []);
        }

        var resolve = await CommuneCodeMapping.LoadResolverAsync(db, file.File, cancellationToken);

        var errors = new List<ImportError>();
        var changes = new List<CommuneCodeChange>();
        var communes = CommuneCodeMapping.ToCurrentCommunes(
            file.File, file.Rows.Select(r => (r.Code, r.Line, Merged.Of(r))), resolve, (a, b) => a.Add(b), changes, errors);
        if (errors.Count > 0)
        {
            // The mapping knows rows, not layouts: point its errors at the code column of this file.
            var where = $"{(file.Sheet is null ? "" : $"feuille « {file.Sheet} », ")}colonne « {file.CodeColumn} » ({ArcepTable.ColumnLetter(file.CodeColumnNumber - 1)}) : ";
            throw new ImportRejectedException(errors.Select(e => e with { Column = file.CodeColumnNumber, Reason = where + e.Reason }).ToList());
        }

        // The 2020+ file has the ZTD flag but no AMII/RIP split: the nearest release that has it (by quarter) lends it.
        var zoned = await db.Set<FtthCommuneProfile>().AsNoTracking()
            .Where(p => p.ZoneFrom == null && p.Release != name)
            .Select(p => new { p.Release, p.CommuneCode, p.Zone })
            .ToListAsync(cancellationToken);
        var byRelease = zoned.GroupBy(p => p.Release)
            .OrderBy(g => Math.Abs(ReleaseOrdinal(g.Key) - ReleaseOrdinal(name)))
            .ThenByDescending(g => g.Key, StringComparer.Ordinal)
            .Select(g => (Release: g.Key, Zones: g.ToDictionary(p => p.CommuneCode, p => p.Zone)))
            .ToList();

        var zoningSources = new Dictionary<string, int>();
        var withoutZoning = new List<string>();
        var aboveEstimate = new List<string>();
        var withoutEstimate = new List<string>();
        var profileRows = new List<object?[]>();
        foreach (var (code, merged) in communes.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            var parts = merged.Parts;
            var borrowed = byRelease.FirstOrDefault(r => r.Zones.ContainsKey(code));
            var zone = borrowed.Zones?.GetValueOrDefault(code) ?? FtthZone.PublicInitiative;
            if (borrowed.Release is null)
            {
                withoutZoning.Add(code);
            }
            else
            {
                zoningSources[borrowed.Release] = zoningSources.GetValueOrDefault(borrowed.Release) + 1;
            }

            var flag = parts.Any(p => p.VeryDense is not null) ? parts.Any(p => p.VeryDense == true) : (bool?)null;
            zone = flag switch
            {
                true => FtthZone.VeryDense,
                // Not very dense any more (or never was): private deployment all the same, as ZTD was.
                false when zone == FtthZone.VeryDense => FtthZone.PrivateCommitment,
                _ => zone,
            };

            long? estimate = parts.All(p => p.BestPremisesEstimate is not null) ? parts.Sum(p => p.BestPremisesEstimate!.Value) : null;
            var housing = parts.Sum(p => p.Housing ?? 0);
            var businesses = parts.Sum(p => p.Businesses ?? 0);
            if (estimate is null)
            {
                withoutEstimate.Add(code);
            }

            if (merged.Connectable.TryGetValue(last, out var connectable) && connectable > (estimate ?? housing + businesses))
            {
                aboveEstimate.Add(code);
            }

            profileRows.Add(
            [
                name, code, housing, businesses, zone.ToString(), null, null, null,
                parts.Count > 1 ? string.Join(",", parts.Select(p => p.Code).Order(StringComparer.Ordinal)) : null,
                estimate, borrowed.Release ?? "défaut",
            ]);
        }

        var quarterRows = communes
            .SelectMany(c => c.Value.Connectable.Select(q => new object?[] { name, c.Key, q.Key.Key, q.Value }))
            .ToList();
        var total = quarterRows.Count + profileRows.Count;
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            progress?.Report(new ImportProgress("Déploiement FttH (format 2020+)", 0, total));
            await db.Database.ExecuteSqlAsync($"DELETE FROM ftth_commune_quarters WHERE release = {name}", cancellationToken);
            await db.Database.ExecuteSqlAsync($"DELETE FROM ftth_commune_profiles WHERE release = {name}", cancellationToken);
            await bulk.WriteAsync("ftth_commune_quarters", ["release", "commune_code", "quarter", "connectable_premises"], quarterRows, cancellationToken);
            progress?.Report(new ImportProgress("Déploiement FttH (format 2020+)", quarterRows.Count, total));
            await bulk.WriteAsync("ftth_commune_profiles",
                ["release", "commune_code", "housing", "businesses", "zone", "l3313_commitment", "private_intentions", "infrastructure_operators", "source_codes",
                 "best_premises_estimate", "zone_from"],
                profileRows, cancellationToken);
            progress?.Report(new ImportProgress("Déploiement FttH (format 2020+)", total, total));
            db.Set<DatasetImport>().Add(new DatasetImport
            {
                Dataset = ArcepFtthImporter.Dataset,
                Publisher = ArcepFtthImporter.Publisher,
                Source = $"{Path.GetFileName(file.File)}{(file.Sheet is null ? "" : $" (feuille {file.Sheet})")}, format 2020+ (publication {vintage})",
                Vintage = vintage,
                Licence = ArcepFtthImporter.Licence,
                ContentSha256 = file.ContentSha256,
                ImportedAt = clock.GetUtcNow(),
                RowCount = total,
                Summary = $"{communes.Count} communes, trimestres {file.Quarters.Min()} à {last} ({file.Quarters.Count}), dénominateur « {file.EstimateColumn} », " +
                          $"{changes.Count} codes rattachés à une commune actuelle, zonage AMII/RIP repris de " +
                          (zoningSources.Count == 0 ? "aucune publication (RIP par défaut)" : string.Join(", ", zoningSources.Keys.Order(StringComparer.Ordinal))) +
                          $", {aboveEstimate.Count} communes à plus de 100 %",
            });
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
        });

        logger.LogInformation("Arcep FttH 2020+ release {Release} imported: {Communes} communes, {Rows} rows, {Changes} code changes",
            name, communes.Count, quarterRows.Count, changes.Count);
        var decreases = QuarterConsistency.Decreases(communes.Select(c => new FtthDeploymentRow(c.Key, 0, c.Value.Connectable)));
        return new FtthWideImportReport(false, name, communes.Count, file.Quarters.Count, quarterRows.Count, changes, decreases,
            zoningSources, withoutZoning, aboveEstimate, withoutEstimate);
    }

    private static int ReleaseOrdinal(string release) =>
        int.TryParse(release.AsSpan(0, 4), out var year) && release.Length == 6 ? (year * 4) + (release[^1] - '1') : 0;
}
