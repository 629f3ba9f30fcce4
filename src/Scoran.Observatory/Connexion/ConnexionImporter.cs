// SQL here is assembled only from table and column names that are constants of this file, never from input.
#pragma warning disable EF1002, EF1003

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Scoran.Core.Bulk;
using Scoran.Core.Imports;
using Scoran.Observatory.Import;
using Scoran.Territories.Model;

namespace Scoran.Observatory.Connexion;

public sealed record ConnexionImportReport(bool Skipped, ConnexionFamily Family, DateOnly Date, int Communes, long Rows, IReadOnlyList<CommuneCodeChange> CodeChanges);

/// <summary>
/// Imports one commune file of « Ma connexion internet »: all-or-nothing, idempotent (an
/// identical file is skipped; a file of the same date and family replaces it), former commune
/// codes brought onto today's communes with the mapping reported, provenance recorded.
/// </summary>
public sealed partial class ConnexionImporter(DbContext db, IBulkWriter bulk, TimeProvider clock, ILogger<ConnexionImporter> logger)
{
    public const string DatasetPrefix = "arcep-connexion:";
    public const string Kind = "arcep-connexion";
    public const string Publisher = "Arcep — « Ma connexion internet » (statistiques par commune)";
    public const string SyntheticPublisher = "Scoran — données de démonstration synthétiques au format « Ma connexion internet » d'Arcep";
    public const string Licence = "Licence Ouverte 2.0";

    /// <summary>The words every page, API answer and file shows next to synthetic figures.</summary>
    public const string SyntheticNotice = "données de démonstration synthétiques";

    public static string Dataset(ConnexionFamily family) => DatasetPrefix + family switch
    {
        ConnexionFamily.Debit => "debit",
        ConnexionFamily.Techno => "techno",
        _ => "meilleure_techno",
    };

    public async Task<ConnexionImportReport> ImportAsync(ConnexionFile file, bool force = false, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var dataset = Dataset(file.Family);
        var vintage = file.Date.ToString("yyyy-MM-dd");
        if (!force && await db.LastContentHashAsync(dataset, vintage, cancellationToken) == file.ContentSha256)
        {
            return new ConnexionImportReport(true, file.Family, file.Date, 0, 0, []);
        }

        var resolve = await CommuneCodeMapping.LoadResolverAsync(db, file.File, cancellationToken);

        var errors = new List<ImportError>();
        var changes = new List<CommuneCodeChange>();
        var byType = new Dictionary<string, IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>>>();
        foreach (var group in file.Rows.GroupBy(r => r.PremisesType))
        {
            // Counts of merged communes add up: every column is a number of premises.
            byType[group.Key] = CommuneCodeMapping.ToCurrentCommunes(file.File,
                group.Select(r => (r.CommuneCode, r.Line, r.Counts)), resolve,
                (a, b) => a.Keys.Union(b.Keys).ToDictionary(k => k, k => a.GetValueOrDefault(k) + b.GetValueOrDefault(k)),
                group.Key == "all" || !byType.ContainsKey("all") ? changes : [], errors);
        }

        if (errors.Count > 0)
        {
            throw new ImportRejectedException(errors);
        }

        var family = file.Family.ToString();
        var rows = byType
            .SelectMany(t => t.Value.SelectMany(c => c.Value.Select(m => new object?[] { file.Date, family, t.Key, c.Key, m.Key, m.Value })))
            .ToList();
        var communes = byType.Values.SelectMany(v => v.Keys).Distinct().Count();
        var distinctChanges = changes.Distinct().ToList();

        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            progress?.Report(new ImportProgress("Ma connexion internet", 0, rows.Count));
            await db.Database.ExecuteSqlAsync($"DELETE FROM connexion_commune_counts WHERE date = {file.Date} AND family = {family}", cancellationToken);
            await bulk.WriteAsync("connexion_commune_counts", ["date", "family", "premises_type", "commune_code", "measure", "value"], rows, cancellationToken);
            db.Set<DatasetImport>().Add(new DatasetImport
            {
                Dataset = dataset,
                Publisher = file.Synthetic ? SyntheticPublisher : Publisher,
                Source = Path.GetFileName(file.File),
                Vintage = vintage,
                Licence = Licence,
                ContentSha256 = file.ContentSha256,
                ImportedAt = clock.GetUtcNow(),
                RowCount = rows.Count,
                Summary = $"{communes} communes, {file.Rows.Count} lignes, {distinctChanges.Count} codes rattachés à une commune actuelle" +
                          (file.Synthetic ? $" ; {SyntheticNotice}" : ""),
            });
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
            progress?.Report(new ImportProgress("Ma connexion internet", rows.Count, rows.Count));
        });

        LogImported(file.Family, file.Date, communes, rows.Count, distinctChanges.Count);
        return new ConnexionImportReport(false, file.Family, file.Date, communes, rows.Count, distinctChanges);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Ma connexion internet {Family} of {Date} imported: {Communes} communes, {Rows} counts, {Changes} code changes")]
    private partial void LogImported(ConnexionFamily family, DateOnly date, int communes, int rows, int changes);
}
