// SQL here is assembled only from table and column names that are constants of this file, never from input.
#pragma warning disable EF1002, EF1003

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Scoran.Core.Bulk;
using Scoran.Core.Imports;
using Scoran.Territories.Model;

namespace Scoran.Territories.Import;

public sealed record TerritoriesImportReport(
    bool Skipped,
    int Territories,
    int Created,
    int Updated,
    int MarkedObsolete,
    int PostalCodes,
    int Aliases,
    IReadOnlyList<string> Warnings,
    string Source,
    string Vintage);

/// <summary>
/// Stores a <see cref="TerritorySet"/>: all-or-nothing in one transaction, idempotent (the same
/// content imported twice changes nothing), never deleting a territory — one that vanished from
/// the official geography is marked obsolete so data recorded against it stays traceable.
/// </summary>
public sealed class TerritoriesImporter(DbContext db, IBulkWriter bulk, TimeProvider clock, ILogger<TerritoriesImporter> logger)
{
    public const string Dataset = "territories";

    private static readonly string[] TerritoryColumns =
    [
        "kind", "code", "name", "search_name", "search_alias", "category", "population",
        "region_code", "departement_code", "epci_code", "chef_lieu_code", "siren", "is_obsolete",
    ];

    private static readonly string[] ComparedColumns = TerritoryColumns[2..];

    public async Task<TerritoriesImportReport> ImportAsync(
        TerritorySet set,
        bool force = false,
        IProgress<ImportProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var last = await db.LastContentHashAsync(Dataset, cancellationToken: cancellationToken);
        if (!force && last == set.ContentSha256)
        {
            progress?.Report(new ImportProgress("Territoires", set.Territories.Count, set.Territories.Count));
            logger.TerritoriesUnchanged(set.Source);
            return new TerritoriesImportReport(true, set.Territories.Count, 0, 0, 0, set.PostalCodes.Count, set.Aliases.Count, set.Warnings, set.Source, set.Vintage);
        }

        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await CreateStagingAsync(cancellationToken);

            var total = set.Territories.Count + set.PostalCodes.Count + set.Aliases.Count;
            var done = 0L;
            progress?.Report(new ImportProgress("Territoires", 0, total));
            await bulk.WriteAsync("staging_territories", TerritoryColumns, Rows(set.Territories.Select(ToRow)), cancellationToken);
            await bulk.WriteAsync("staging_postal_codes", ["code", "commune_code"],
                Rows(set.PostalCodes.Select(p => new object?[] { p.Code, p.CommuneCode })), cancellationToken);
            await bulk.WriteAsync("staging_commune_aliases", ["code", "current_code", "kind", "name"],
                Rows(set.Aliases.Select(a => new object?[] { a.Code, a.CurrentCode, (int)a.Kind, a.Name })), cancellationToken);

            // Without this index, marking vanished territories obsolete is quadratic.
            await db.Database.ExecuteSqlRawAsync("CREATE INDEX ix_staging_territories ON staging_territories (kind, code)", cancellationToken);

            var changed = string.Join(" OR ", ComparedColumns.Select(c => $"t.{c} IS DISTINCT FROM s.{c}"));
            var created = await ScalarAsync(
                "SELECT COUNT(*) FROM staging_territories s WHERE NOT EXISTS (SELECT 1 FROM territories t WHERE t.kind = s.kind AND t.code = s.code)",
                cancellationToken);
            var updated = await ScalarAsync(
                $"SELECT COUNT(*) FROM staging_territories s JOIN territories t ON t.kind = s.kind AND t.code = s.code WHERE {changed}",
                cancellationToken);

            var columns = string.Join(", ", TerritoryColumns);
            var assignments = string.Join(", ", ComparedColumns.Select(c => $"{c} = excluded.{c}"));
            var changedOnConflict = string.Join(" OR ", ComparedColumns.Select(c => $"territories.{c} IS DISTINCT FROM excluded.{c}"));
            // "WHERE true" lets SQLite parse an upsert whose source is a SELECT; PostgreSQL accepts it as is.
            await db.Database.ExecuteSqlRawAsync(
                $"INSERT INTO territories ({columns}) SELECT {columns} FROM staging_territories WHERE true " +
                $"ON CONFLICT (kind, code) DO UPDATE SET {assignments} WHERE {changedOnConflict}",
                cancellationToken);
            var obsolete = await db.Database.ExecuteSqlRawAsync(
                "UPDATE territories SET is_obsolete = true WHERE is_obsolete = false AND NOT EXISTS " +
                "(SELECT 1 FROM staging_territories s WHERE s.kind = territories.kind AND s.code = territories.code)",
                cancellationToken);

            // Postal codes and aliases are pure lookups that nothing else references: replaced whole.
            await db.Database.ExecuteSqlRawAsync("DELETE FROM postal_codes", cancellationToken);
            await db.Database.ExecuteSqlRawAsync("INSERT INTO postal_codes (code, commune_code) SELECT code, commune_code FROM staging_postal_codes", cancellationToken);
            await db.Database.ExecuteSqlRawAsync("DELETE FROM commune_aliases", cancellationToken);
            await db.Database.ExecuteSqlRawAsync("INSERT INTO commune_aliases (code, current_code, kind, name) SELECT code, current_code, kind, name FROM staging_commune_aliases", cancellationToken);
            await DropStagingAsync(cancellationToken);

            var report = new TerritoriesImportReport(false, set.Territories.Count, (int)created, (int)updated, obsolete,
                set.PostalCodes.Count, set.Aliases.Count, set.Warnings, set.Source, set.Vintage);
            db.Set<DatasetImport>().Add(new DatasetImport
            {
                Dataset = Dataset,
                Publisher = DecoupageAdministratifSource.Publisher,
                Source = set.Source,
                Vintage = set.Vintage,
                Licence = DecoupageAdministratifSource.Licence,
                ContentSha256 = set.ContentSha256,
                ImportedAt = clock.GetUtcNow(),
                RowCount = total,
                Summary = $"{set.Territories.Count} territoires ({created} créés, {updated} modifiés, {obsolete} devenus obsolètes), " +
                          $"{set.PostalCodes.Count} codes postaux, {set.Aliases.Count} anciens codes de communes, {set.Warnings.Count} avertissement(s)",
            });
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
            logger.TerritoriesImported(set.Source, set.Vintage, report.Territories, report.Created, report.Updated, report.MarkedObsolete);
            return report;

            IEnumerable<object?[]> Rows(IEnumerable<object?[]> rows)
            {
                foreach (var row in rows)
                {
                    yield return row;
                    if (++done % 2000 == 0)
                    {
                        progress?.Report(new ImportProgress("Territoires", done, total));
                    }
                }

                progress?.Report(new ImportProgress("Territoires", done, total));
            }
        });
    }

    private static object?[] ToRow(Territory t) =>
    [
        t.Kind.ToSlug(), t.Code, t.Name, t.SearchName, t.SearchAlias, t.Category, t.Population,
        t.RegionCode, t.DepartementCode, t.EpciCode, t.ChefLieuCode, t.Siren, t.IsObsolete,
    ];

    private async Task CreateStagingAsync(CancellationToken cancellationToken)
    {
        await DropStagingAsync(cancellationToken);
        // Copying the target's shape keeps staging column types identical on both engines.
        foreach (var table in new[] { "territories", "postal_codes", "commune_aliases" })
        {
            await db.Database.ExecuteSqlRawAsync($"CREATE TEMP TABLE staging_{table} AS SELECT * FROM {table} WHERE 1 = 0", cancellationToken);
        }
    }

    private async Task DropStagingAsync(CancellationToken cancellationToken)
    {
        foreach (var table in new[] { "territories", "postal_codes", "commune_aliases" })
        {
            await db.Database.ExecuteSqlRawAsync($"DROP TABLE IF EXISTS staging_{table}", cancellationToken);
        }
    }

    private async Task<long> ScalarAsync(string sql, CancellationToken cancellationToken) =>
        await db.Database.SqlQueryRaw<long>($"SELECT ({sql}) AS \"Value\"").SingleAsync(cancellationToken);
}
