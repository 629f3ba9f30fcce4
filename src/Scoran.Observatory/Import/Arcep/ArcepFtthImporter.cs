// SQL here is assembled only from table and column names that are constants of this file, never from input.
#pragma warning disable EF1002, EF1003

using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Scoran.Core.Bulk;
using Scoran.Core.Imports;
using Scoran.Observatory.Indicators;
using Scoran.Observatory.Model;
using Scoran.Territories.Model;

namespace Scoran.Observatory.Import.Arcep;

/// <summary>One Arcep release in the 2017–2019 layout: deployment per commune and the commune information sheet.</summary>
public sealed record FtthLongLayoutRelease(FtthLongLayoutFile Deployment, IReadOnlyList<CommuneInformation> Communes, string InformationFile, string ContentSha256)
{
    /// <summary>A release is named after its latest quarter ("2018T1").</summary>
    public string Name => Key(Deployment.Quarters.Max());

    public static string Key(Quarter quarter) => $"{quarter.Year}T{quarter.Number}";
}

public sealed record FtthImportReport(
    bool Skipped,
    string Release,
    int Communes,
    int Quarters,
    long Rows,
    IReadOnlyList<CommuneCodeChange> CodeChanges,
    IReadOnlyList<CountDecrease> Decreases,
    IReadOnlyList<string> CommunesWithoutPremises);

/// <summary>
/// Imports Arcep's FttH deployment of the 2017–2019 layout: all-or-nothing per release,
/// idempotent (re-importing a release replaces it, and identical files are skipped), every code
/// brought onto today's communes with the mapping reported, provenance recorded.
/// </summary>
public sealed class ArcepFtthImporter(DbContext db, IBulkWriter bulk, TimeProvider clock, ILogger<ArcepFtthImporter> logger)
{
    public const string Dataset = "arcep-ftth";
    public const string Publisher = "Arcep — observatoire du haut et très haut débit (déploiements)";
    public const string Licence = "Licence Ouverte 2.0";
    public const string DeploymentFileName = "ftthCommunes.csv";
    public const string InformationFileName = "communes.csv";

    /// <summary>Reads and validates both sheets; throws <see cref="ImportRejectedException"/> before anything is written.</summary>
    public static async Task<FtthLongLayoutRelease> ReadAsync(string deploymentFile, string informationFile, CancellationToken cancellationToken = default)
    {
        var errors = new List<ImportError>();
        var deployment = await FtthLongLayout.ReadAsync(deploymentFile, "Code commune", errors, cancellationToken);
        var communes = await CommuneInformationFile.ReadAsync(informationFile, errors, cancellationToken);
        if (errors.Count > 0 || deployment is null)
        {
            throw new ImportRejectedException(errors);
        }

        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(await File.ReadAllBytesAsync(deploymentFile, cancellationToken));
        sha.AppendData(await File.ReadAllBytesAsync(informationFile, cancellationToken));
        return new FtthLongLayoutRelease(deployment, communes, informationFile, Convert.ToHexStringLower(sha.GetHashAndReset()));
    }

    public async Task<FtthImportReport> ImportAsync(FtthLongLayoutRelease release, bool force = false, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var name = release.Name;
        var vintage = release.Deployment.Quarters.Max().ToString();
        var last = await db.LastContentHashAsync(Dataset, vintage, cancellationToken);
        if (!force && last == release.ContentSha256)
        {
            return new FtthImportReport(true, name, 0, release.Deployment.Quarters.Count, 0, [], [], []);
        }

        var resolve = await CommuneCodeMapping.LoadResolverAsync(db, release.Deployment.File, cancellationToken);

        var errors = new List<ImportError>();
        var changes = new List<CommuneCodeChange>();
        var deployment = CommuneCodeMapping.ToCurrentCommunes(
            release.Deployment.File,
            release.Deployment.Rows.Select(r => (r.Code, r.Line, (IReadOnlyDictionary<Quarter, long>)r.ConnectablePremises)),
            resolve,
            (a, b) => a.Keys.Union(b.Keys).ToDictionary(q => q, q => a.GetValueOrDefault(q) + b.GetValueOrDefault(q)),
            changes,
            errors);
        var profiles = CommuneCodeMapping.ToCurrentCommunes(
            release.InformationFile,
            release.Communes.Select(c => (c.Code, c.Line, (IReadOnlyList<CommuneInformation>)[c])),
            resolve,
            (a, b) => [.. a, .. b],
            [],
            errors);
        if (errors.Count > 0)
        {
            throw new ImportRejectedException(errors);
        }

        var withoutPremises = deployment.Keys.Where(c => !profiles.ContainsKey(c)).Order(StringComparer.Ordinal).ToList();
        var quarterRows = deployment
            .SelectMany(d => d.Value.Select(q => new object?[] { name, d.Key, q.Key.Key, q.Value }))
            .ToList();
        var profileRows = profiles.Select(p => ProfileRow(name, p.Key, p.Value)).ToList();

        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            progress?.Report(new ImportProgress("Déploiement FttH", 0, quarterRows.Count + profileRows.Count));
            await db.Database.ExecuteSqlAsync($"DELETE FROM ftth_commune_quarters WHERE release = {name}", cancellationToken);
            await db.Database.ExecuteSqlAsync($"DELETE FROM ftth_commune_profiles WHERE release = {name}", cancellationToken);
            await bulk.WriteAsync("ftth_commune_quarters", ["release", "commune_code", "quarter", "connectable_premises"], quarterRows, cancellationToken);
            progress?.Report(new ImportProgress("Déploiement FttH", quarterRows.Count, quarterRows.Count + profileRows.Count));
            await bulk.WriteAsync("ftth_commune_profiles",
                ["release", "commune_code", "housing", "businesses", "zone", "l3313_commitment", "private_intentions", "infrastructure_operators", "source_codes"],
                profileRows, cancellationToken);
            progress?.Report(new ImportProgress("Déploiement FttH", quarterRows.Count + profileRows.Count, quarterRows.Count + profileRows.Count));
            db.Set<DatasetImport>().Add(new DatasetImport
            {
                Dataset = Dataset,
                Publisher = Publisher,
                Source = $"{Path.GetFileName(release.Deployment.File)} + {Path.GetFileName(release.InformationFile)} (publication {vintage})",
                Vintage = vintage,
                Licence = Licence,
                ContentSha256 = release.ContentSha256,
                ImportedAt = clock.GetUtcNow(),
                RowCount = quarterRows.Count + profileRows.Count,
                Summary = $"{deployment.Count} communes, trimestres {string.Join(", ", release.Deployment.Quarters)}, " +
                          $"{changes.Count} codes rattachés à une commune actuelle, {withoutPremises.Count} communes sans nombre de locaux",
            });
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
        });

        logger.LogInformation("Arcep FttH release {Release} imported: {Communes} communes, {Rows} rows, {Changes} code changes",
            name, deployment.Count, quarterRows.Count, changes.Count);
        var decreases = QuarterConsistency.Decreases(deployment.Select(d => new FtthDeploymentRow(d.Key, 0, d.Value)));
        return new FtthImportReport(false, name, deployment.Count, release.Deployment.Quarters.Count, quarterRows.Count, changes, decreases, withoutPremises);
    }

    private static object?[] ProfileRow(string release, string commune, IReadOnlyList<CommuneInformation> parts)
    {
        // A commune made of several older ones takes the zoning of its largest part; premises add up.
        var main = parts.OrderByDescending(p => p.Premises).ThenBy(p => p.Code, StringComparer.Ordinal).First();
        string? Join(IEnumerable<string?> values) =>
            values.Where(v => v is not null).Distinct().ToList() is { Count: > 0 } list ? string.Join(" + ", list) : null;
        return
        [
            release, commune, parts.Sum(p => p.Housing), parts.Sum(p => p.Businesses), main.Zone.ToString(),
            Join(parts.Select(p => p.L3313Commitment)), Join(parts.Select(p => p.PrivateIntentions)),
            Join(parts.SelectMany(p => p.InfrastructureOperators).Select(o => (string?)o)) is { } ops ? ops.Replace(" + ", "-") : null,
            parts.Count > 1 ? string.Join(",", parts.Select(p => p.Code).Order(StringComparer.Ordinal)) : null,
        ];
    }
}
