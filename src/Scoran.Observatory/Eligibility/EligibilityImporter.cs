// SQL here is assembled only from table and column names that are constants of this file, never from input.
#pragma warning disable EF1002, EF1003

using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Scoran.Core.Bulk;
using Scoran.Core.Imports;
using Scoran.Observatory.Import;
using Scoran.Territories.Model;

namespace Scoran.Observatory.Eligibility;

public sealed record EligibilityImportReport(
    bool Skipped,
    string Vintage,
    int Buildings,
    long EligibilityRows,
    long Premises,
    int Communes,
    IReadOnlyList<CommuneCodeChange> CodeChanges,
    bool Synthetic,
    TimeSpan ReadTime,
    TimeSpan BuildTime,
    TimeSpan WriteTime,
    TimeSpan TotalTime);

/// <summary>
/// Imports a building-level eligibility release (Arcep's building base and eligibility file):
/// the buildings go to a snapshot file loaded in memory (see ADR 0002), the per-commune sums to
/// <c>eligibility_commune_stats</c>. All-or-nothing: the snapshot is written to a temporary file
/// and put in place inside the database transaction, the previous one restored if the commit
/// fails. Idempotent: identical files are skipped, the same vintage is replaced.
/// </summary>
public sealed partial class EligibilityImporter(DbContext db, IBulkWriter bulk, EligibilityStore store, TimeProvider clock, ILogger<EligibilityImporter> logger)
{
    public const string Dataset = "arcep-eligibilite";
    public const string Publisher = "Arcep — Ma connexion internet (base des immeubles et éligibilité)";
    public const string Licence = "Licence Ouverte 2.0";

    /// <summary>The vintage named in a path, as data.gouv.fr folders and files write it ("2020_t3" → "2020T3").</summary>
    public static string? VintageFromPath(string path) =>
        VintagePattern().Match(path) is { Success: true } m ? $"{m.Groups[1].Value}T{m.Groups[2].Value}" : null;

    [GeneratedRegex(@"(20\d\d)[_-]?[tT]([1-4])(?!\d)")]
    private static partial Regex VintagePattern();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,32}$")]
    private static partial Regex VintageName();

    /// <summary>Reads, validates and imports both files; the entry point of the CLI, the admin page and the benchmark.</summary>
    public async Task<EligibilityImportReport> ImportAsync(string buildingsFile, string eligibilityFile, string? vintage = null, bool force = false,
        IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var release = await EligibilityFiles.ReadAsync(buildingsFile, eligibilityFile, progress, cancellationToken);
        return await ImportAsync(release, vintage, force, progress, cancellationToken);
    }

    public async Task<EligibilityImportReport> ImportAsync(EligibilityRelease release, string? vintage = null, bool force = false,
        IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var total = Stopwatch.StartNew();
        vintage ??= VintageFromPath(release.BuildingsFile) ?? VintageFromPath(release.EligibilityFile)
            ?? (release.Synthetic ? "demo" : null)
            ?? throw new ImportRejectedException([new ImportError(release.BuildingsFile, null, null,
                "millésime introuvable dans le nom des fichiers (ex. 2025_T4) : indiquez-le avec --millesime")]);
        if (!VintageName().IsMatch(vintage))
        {
            throw new ImportRejectedException([new ImportError(release.BuildingsFile, null, null, $"millésime invalide : « {vintage} » (lettres, chiffres, _ et -)")]);
        }

        var snapshotPath = Path.Combine(store.Folder, EligibilityStore.SnapshotFileName(vintage));
        if (!force && File.Exists(snapshotPath) && await db.LastContentHashAsync(Dataset, vintage, cancellationToken) == release.ContentSha256)
        {
            return new EligibilityImportReport(true, vintage, release.Count, release.EligibilityRows, 0, 0, [], release.Synthetic,
                release.ReadTime, TimeSpan.Zero, TimeSpan.Zero, total.Elapsed);
        }

        var resolve = await CommuneCodeMapping.LoadResolverAsync(db, release.BuildingsFile, cancellationToken);
        var errors = new List<ImportError>();
        var changes = new List<CommuneCodeChange>();
        var communes = new List<string>();
        var communeIndex = new Dictionary<string, ushort>();
        var map = new ushort[release.FileCommunes.Count];
        for (var i = 0; i < release.FileCommunes.Count; i++)
        {
            var (code, line) = release.FileCommunes[i];
            var resolved = resolve(code);
            if (resolved is null)
            {
                errors.Add(new ImportError(release.BuildingsFile, line, release.CommuneColumn, $"code commune inconnu : « {code} » (ni commune actuelle, ni ancienne commune)"));
                continue;
            }

            if (resolved != code)
            {
                changes.Add(new CommuneCodeChange(code, resolved));
            }

            if (!communeIndex.TryGetValue(resolved, out var index))
            {
                communeIndex[resolved] = index = checked((ushort)communes.Count);
                communes.Add(resolved);
            }

            map[i] = index;
        }

        if (errors.Count > 0)
        {
            throw new ImportRejectedException(errors);
        }

        var build = Stopwatch.StartNew();
        var snapshot = BuildSnapshot(release, vintage, communes, map);
        var stats = Aggregate(snapshot);
        var buildTime = build.Elapsed;

        var write = Stopwatch.StartNew();
        var temporary = snapshotPath + $".{Guid.NewGuid():N}.tmp";
        var backup = snapshotPath + ".bak";
        progress?.Report(new ImportProgress("Instantané et statistiques", 0, 2));
        await snapshot.WriteAsync(temporary, cancellationToken);
        progress?.Report(new ImportProgress("Instantané et statistiques", 1, 2));
        var premises = stats.Sum(s => s.Premises);
        try
        {
            var strategy = db.Database.CreateExecutionStrategy();
            await strategy.ExecuteAsync(async () =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                await db.Database.ExecuteSqlAsync($"DELETE FROM eligibility_commune_stats WHERE vintage = {vintage}", cancellationToken);
                await bulk.WriteAsync("eligibility_commune_stats", EligibilityCommuneStat.Columns, stats.Select(Row), cancellationToken);
                db.Set<DatasetImport>().Add(new DatasetImport
                {
                    Dataset = Dataset,
                    Publisher = release.Synthetic ? "Scoran — données de démonstration synthétiques (format Arcep)" : Publisher,
                    Source = $"{Path.GetFileName(release.BuildingsFile)} + {Path.GetFileName(release.EligibilityFile)} (millésime {vintage})",
                    Vintage = vintage,
                    Licence = release.Synthetic ? "Licence Ouverte 2.0 (données synthétiques)" : Licence,
                    ContentSha256 = release.ContentSha256,
                    ImportedAt = clock.GetUtcNow(),
                    RowCount = snapshot.Count,
                    Summary = $"{snapshot.Count} immeubles, {release.EligibilityRows} lignes d'éligibilité, {premises} locaux sur {communes.Count} communes, " +
                              $"{changes.Count} codes rattachés à une commune actuelle" + (release.Synthetic ? " (données de démonstration synthétiques)" : ""),
                });
                await db.SaveChangesAsync(cancellationToken);
                // The file is swapped just before the commit; if the commit fails the former file comes back.
                if (File.Exists(snapshotPath))
                {
                    File.Move(snapshotPath, backup, overwrite: true);
                }

                File.Move(temporary, snapshotPath);
                try
                {
                    await transaction.CommitAsync(cancellationToken);
                }
                catch
                {
                    File.Delete(snapshotPath);
                    if (File.Exists(backup))
                    {
                        File.Move(backup, snapshotPath);
                    }

                    throw;
                }

                db.ChangeTracker.Clear();
            });
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }

        File.Delete(backup);
        var pointer = Path.Combine(store.Folder, EligibilityStore.PointerFile);
        await File.WriteAllTextAsync(pointer + ".tmp", EligibilityStore.SnapshotFileName(vintage), cancellationToken);
        File.Move(pointer + ".tmp", pointer, overwrite: true);
        store.Publish(new EligibilityIndex(snapshot));
        progress?.Report(new ImportProgress("Instantané et statistiques", 2, 2));
        LogImported(vintage, snapshot.Count, release.EligibilityRows, communes.Count, changes.Count);
        return new EligibilityImportReport(false, vintage, snapshot.Count, release.EligibilityRows, premises, communes.Count, changes, release.Synthetic,
            release.ReadTime, buildTime, write.Elapsed, total.Elapsed + release.ReadTime);
    }

    /// <summary>Orders the buildings by grid cell (then by their order in the file) and lays them out in columns.</summary>
    public static EligibilitySnapshot BuildSnapshot(EligibilityRelease release, string vintage, IReadOnlyList<string> communes, ushort[] communeOfFileCommune)
    {
        var n = release.Count;
        var keys = new long[n];
        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            keys[i] = EligibilitySnapshot.CellKey(
                EligibilitySnapshot.CellIndex(release.LonE7[i] / 1e7), EligibilitySnapshot.CellIndex(release.LatE7[i] / 1e7));
            order[i] = i;
        }

        // Sorting (cell, file order) pairs keeps the layout deterministic for a given file.
        var composite = new (long Cell, int Index)[n];
        for (var i = 0; i < n; i++)
        {
            composite[i] = (keys[i], i);
        }

        Array.Sort(composite);
        var lat = new int[n];
        var lon = new int[n];
        var commune = new ushort[n];
        var premises = new int[n];
        var mask = new byte[n];
        var classes = new byte[n * EligibilityCodes.TechnologyCount];
        var flags = new byte[n];
        var cellKeys = new List<long>();
        var cellStarts = new List<int>();
        for (var k = 0; k < n; k++)
        {
            var (cell, i) = composite[k];
            order[k] = i;
            if (cellKeys.Count == 0 || cellKeys[^1] != cell)
            {
                cellKeys.Add(cell);
                cellStarts.Add(k);
            }

            lat[k] = release.LatE7[i];
            lon[k] = release.LonE7[i];
            commune[k] = communeOfFileCommune[release.FileCommune[i]];
            premises[k] = release.Premises[i];
            mask[k] = release.TechMask[i];
            flags[k] = release.Flags[i];
            release.TechClass.AsSpan(i * EligibilityCodes.TechnologyCount, EligibilityCodes.TechnologyCount)
                .CopyTo(classes.AsSpan(k * EligibilityCodes.TechnologyCount));
        }

        cellStarts.Add(n);
        return new EligibilitySnapshot
        {
            Vintage = vintage,
            Source = $"{Path.GetFileName(release.BuildingsFile)} + {Path.GetFileName(release.EligibilityFile)}",
            ContentSha256 = release.ContentSha256,
            Synthetic = release.Synthetic,
            Communes = [.. communes],
            LatE7 = lat,
            LonE7 = lon,
            Commune = commune,
            Premises = premises,
            TechMask = mask,
            TechClass = classes,
            Flags = flags,
            Ids = StringHeap.From(release.Ids, order),
            Addresses = StringHeap.From(release.Addresses, order),
            CellKeys = [.. cellKeys],
            CellStarts = [.. cellStarts],
        };
    }

    /// <summary>Sums every building into its commune: one pass over the columns.</summary>
    public static IReadOnlyList<EligibilityCommuneStat> Aggregate(EligibilitySnapshot snapshot)
    {
        const int width = 4 + 7 + EligibilityCodes.TechnologyCount;
        var sums = new long[snapshot.Communes.Length * width];
        for (var i = 0; i < snapshot.Count; i++)
        {
            var row = sums.AsSpan(snapshot.Commune[i] * width, width);
            long p = snapshot.Premises[i];
            row[0]++;
            row[1] += p;
            var best = Math.Max((byte)1, snapshot.BestClass(i));
            row[4 + best - 1] += p;
            var mask = snapshot.TechMask[i];
            for (var t = 0; t < EligibilityCodes.TechnologyCount; t++)
            {
                if ((mask & (1 << t)) != 0)
                {
                    row[11 + t] += p;
                }
            }

            if ((mask & EligibilityCodes.WiredMask) == 0)
            {
                row[2] += p;
                if (mask != 0)
                {
                    row[3] += p;
                }
            }
        }

        var result = new List<EligibilityCommuneStat>(snapshot.Communes.Length);
        for (var c = 0; c < snapshot.Communes.Length; c++)
        {
            var r = sums.AsSpan(c * width, width);
            result.Add(new EligibilityCommuneStat
            {
                Vintage = snapshot.Vintage,
                CommuneCode = snapshot.Communes[c],
                Buildings = (int)r[0],
                Premises = r[1],
                PremisesNoWired = r[2],
                PremisesNoWiredAlternative = r[3],
                PremisesBestInel = r[4],
                PremisesBestHd05 = r[5],
                PremisesBestHd3 = r[6],
                PremisesBestBhd8 = r[7],
                PremisesBestThd30 = r[8],
                PremisesBestThd100 = r[9],
                PremisesBestThd1g = r[10],
                PremisesCu = r[11],
                PremisesCoax = r[12],
                PremisesFo = r[13],
                Premises4gf = r[14],
                PremisesThdr = r[15],
                PremisesWmx = r[16],
                PremisesSat = r[17],
            });
        }

        return result;
    }

    private static object?[] Row(EligibilityCommuneStat s) =>
    [
        s.Vintage, s.CommuneCode, s.Buildings, s.Premises, s.PremisesBestInel, s.PremisesBestHd05, s.PremisesBestHd3, s.PremisesBestBhd8,
        s.PremisesBestThd30, s.PremisesBestThd100, s.PremisesBestThd1g, s.PremisesCu, s.PremisesCoax, s.PremisesFo, s.Premises4gf,
        s.PremisesThdr, s.PremisesWmx, s.PremisesSat, s.PremisesNoWired, s.PremisesNoWiredAlternative,
    ];

    [LoggerMessage(Level = LogLevel.Information, Message = "Eligibility {Vintage} imported: {Buildings} buildings, {Rows} eligibility rows, {Communes} communes, {Changes} code changes")]
    private partial void LogImported(string vintage, int buildings, long rows, int communes, int changes);
}
