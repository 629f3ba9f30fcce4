using Scoran.Territories.Queries;
using Scoran.Territories.Geography;
using System.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Scoran.Territories.Model;

namespace Scoran.Observatory.Measurements;

/// <summary>Who submits: the contributor token (trusted campaign), the installation id, or the client address.</summary>
public sealed record SubmissionContext(string? ContributorToken, string? IdempotencyKey, string ClientAddress);

public sealed record StoredItem(int Index, string Id, bool New, string? CommuneCode, string? Campaign);

/// <summary>Result of one submission: either field-level errors (nothing stored) or each item's fate.</summary>
public sealed record IngestionResult(IReadOnlyDictionary<string, string[]>? Errors, IReadOnlyList<StoredItem> Items)
{
    public int NewCount => Items.Count(i => i.New);
    public int AlreadyStoredCount => Items.Count(i => !i.New);
}

/// <summary>
/// Validates and stores crowdsourced measurements: all-or-nothing per request, one transaction,
/// idempotent through the unique client key (a retried item is reported "already stored").
/// </summary>
public sealed class MeasurementIngestion(DbContext db, CommuneLocator locator, TimeProvider clock, IOptions<MeasurementOptions> options, ILogger<MeasurementIngestion> logger)
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> WalSet = new();
    private MeasurementOptions Options => options.Value;

    public async Task<IngestionResult> SubmitAsync(IReadOnlyList<MeasurementSubmission> items, bool batch, SubmissionContext context, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var errors = new Dictionary<string, List<string>>();
        if (items.Count == 0)
        {
            errors["items"] = ["Au moins une mesure attendue."];
        }
        else if (items.Count > Options.MaximumBatch)
        {
            errors["items"] = [$"{Options.MaximumBatch} mesures au plus par envoi."];
        }

        if (context.IdempotencyKey is { } header && (header.Length is 0 or > 80 || header.Any(char.IsControl)))
        {
            errors["Idempotency-Key"] = ["Clé d'idempotence de 1 à 80 caractères attendue."];
        }

        string? tokenContributor = null;
        ContributorToken? token = null;
        if (context.ContributorToken is { } secret)
        {
            var hash = MeasurementRules.Hash("token", secret);
            token = await db.Set<ContributorToken>().AsNoTracking().SingleOrDefaultAsync(t => t.TokenHash == hash, cancellationToken);
            if (token is null || token.RevokedAt is not null)
            {
                errors["contributorToken"] = ["Jeton de contributeur inconnu ou révoqué."];
            }
            else
            {
                tokenContributor = "t" + MeasurementRules.Hash("contributor", hash)[..40];
            }
        }

        if (errors.Count > 0)
        {
            return Fail(errors);
        }

        var outlines = await locator.OutlineCountAsync(db, cancellationToken);
        var campaignCodes = items.Select(i => i.Campaign).OfType<string>().Distinct().ToList();
        var campaigns = campaignCodes.Count == 0
            ? new Dictionary<string, MeasurementCampaign>()
            : await db.Set<MeasurementCampaign>().AsNoTracking().Where(c => campaignCodes.Contains(c.Code)).ToDictionaryAsync(c => c.Code, cancellationToken);
        var rows = new List<Measurement>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var prefix = batch ? $"items[{i}]." : "";
            var before = errors.Count;
            MeasurementRules.Validate(item, prefix, now, Options, errors);
            if (errors.Count > before || item.Lat is not { } lat || item.Lon is not { } lon)
            {
                continue;
            }

            string? commune = null;
            if (outlines > 0)
            {
                commune = await locator.LocateAsync(db, lat, lon, cancellationToken);
                if (commune is null)
                {
                    errors[prefix + "lat"] = ["Position hors de toute commune française connue de la plateforme."];
                    continue;
                }
            }
            else if (!MeasurementRules.InFranceBox(lat, lon))
            {
                errors[prefix + "lat"] = ["Position hors de France (métropole et départements d'outre-mer)."];
                continue;
            }

            if (item.Campaign is { } code && await CampaignErrorAsync(campaigns.GetValueOrDefault(code), item, commune, token, cancellationToken) is { } campaignError)
            {
                errors[prefix + "campaign"] = [campaignError];
                continue;
            }

            var key = item.Id is { } id ? "i:" + id
                : context.IdempotencyKey is { } requestKey ? $"h:{requestKey}:{i}"
                : "s:" + Guid.NewGuid().ToString("N");
            var contributor = tokenContributor
                ?? (item.InstallationId is { Length: > 0 } installation ? "i" + MeasurementRules.Hash("installation", installation)[..40]
                    : "a" + MeasurementRules.Hash("address", context.ClientAddress)[..40]);
            rows.Add(new Measurement
            {
                ClientKey = key,
                MeasuredAt = item.Time!.Value.ToUniversalTime(),
                ReceivedAt = now,
                Latitude = lat,
                Longitude = lon,
                AccuracyMeters = item.Accuracy,
                OperatorCode = item.Operator!,
                Technology = MeasurementRules.NormaliseTechnology(item.Technology!),
                Rsrp = item.Rsrp,
                Rsrq = item.Rsrq,
                Sinr = item.Sinr,
                Rssi = item.Rssi,
                DownloadMbps = item.DownloadMbps,
                UploadMbps = item.UploadMbps,
                LatencyMs = item.LatencyMs,
                Indoor = item.Indoor,
                AppVersion = item.AppVersion,
                Device = item.Device,
                ContributorId = contributor,
                CommuneCode = commune,
                CellId = MeasurementGrid.CellOf(lat, lon),
                CampaignCode = item.Campaign,
            });
        }

        if (errors.Count > 0)
        {
            return Fail(errors);
        }

        return new IngestionResult(null, await StoreAsync(rows, cancellationToken));
    }

    private async Task<string?> CampaignErrorAsync(MeasurementCampaign? campaign, MeasurementSubmission item, string? commune, ContributorToken? token, CancellationToken cancellationToken)
    {
        if (campaign is null)
        {
            return "Campagne inconnue.";
        }

        if (token?.CampaignCode is { } tokenCampaign && tokenCampaign != campaign.Code)
        {
            return $"Ce jeton de contributeur est réservé à la campagne {tokenCampaign}.";
        }

        if (item.Time < campaign.StartsAt || item.Time > campaign.EndsAt)
        {
            return $"Mesure hors de la période de la campagne ({campaign.StartsAt:yyyy-MM-dd} – {campaign.EndsAt:yyyy-MM-dd}).";
        }

        if (campaign.OperatorList.Count > 0 && !campaign.OperatorList.Contains(item.Operator!))
        {
            return $"Opérateur non mesuré par cette campagne ({campaign.Operators}).";
        }

        if (!TerritoryKinds.TryParse(campaign.TerritoryKind, out var kind))
        {
            return "Territoire de la campagne invalide.";
        }

        if (kind == TerritoryKind.Commune ? commune != campaign.TerritoryCode
            : commune is null || !await new TerritoryQueries(db).ContainsCommuneAsync(kind, campaign.TerritoryCode, commune, cancellationToken))
        {
            return "Position hors du territoire de la campagne.";
        }

        return null;
    }

    /// <summary>
    /// Inserts the items not stored yet, in one transaction. Two clients retrying the same item at
    /// once both see it missing, one insert wins, the other hits the unique constraint: then the
    /// whole request is re-run against what is now stored.
    /// </summary>
    private async Task<IReadOnlyList<StoredItem>> StoreAsync(List<Measurement> rows, CancellationToken cancellationToken)
    {
        await EnableWalAsync(cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            var keys = rows.Select(r => r.ClientKey).Distinct().ToList();
            var existing = (await db.Set<Measurement>().AsNoTracking().Where(m => keys.Contains(m.ClientKey)).Select(m => m.ClientKey).ToListAsync(cancellationToken)).ToHashSet();
            var seen = new HashSet<string>(existing);
            var result = new List<StoredItem>(rows.Count);
            var fresh = new List<Measurement>();
            for (var i = 0; i < rows.Count; i++)
            {
                var row = rows[i];
                var isNew = seen.Add(row.ClientKey);
                if (isNew)
                {
                    fresh.Add(row);
                }

                result.Add(new StoredItem(i, row.ClientKey[2..], isNew, row.CommuneCode, row.CampaignCode));
            }

            if (fresh.Count == 0)
            {
                return result;
            }

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            db.Set<Measurement>().AddRange(fresh);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                db.ChangeTracker.Clear();
                return result;
            }
            catch (DbUpdateException e) when (attempt < 5)
            {
                logger.LogInformation("Concurrent submission of the same measurements ({Message}); retrying against what is stored.", e.InnerException?.Message ?? e.Message);
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
                rows = rows.Select(r => Copy(r)).ToList();
            }
        }
    }

    // EF keeps the generated id on a failed insert: insert fresh instances on retry.
    private static Measurement Copy(Measurement m) => new()
    {
        ClientKey = m.ClientKey, MeasuredAt = m.MeasuredAt, ReceivedAt = m.ReceivedAt, Latitude = m.Latitude, Longitude = m.Longitude,
        AccuracyMeters = m.AccuracyMeters, OperatorCode = m.OperatorCode, Technology = m.Technology, Rsrp = m.Rsrp, Rsrq = m.Rsrq,
        Sinr = m.Sinr, Rssi = m.Rssi, DownloadMbps = m.DownloadMbps, UploadMbps = m.UploadMbps, LatencyMs = m.LatencyMs,
        Indoor = m.Indoor, AppVersion = m.AppVersion, Device = m.Device, ContributorId = m.ContributorId, CommuneCode = m.CommuneCode,
        CellId = m.CellId, CampaignCode = m.CampaignCode,
    };

    /// <summary>SQLite: write-ahead logging lets page reads run while measurements are written (persistent on the file).</summary>
    private async Task EnableWalAsync(CancellationToken cancellationToken)
    {
        if (db.Database.ProviderName?.Contains("Sqlite", StringComparison.Ordinal) == true && WalSet.TryAdd(db.Database.GetConnectionString() ?? "", true))
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }

    private static IngestionResult Fail(Dictionary<string, List<string>> errors) =>
        new(errors.ToDictionary(e => e.Key, e => e.Value.ToArray()), []);
}
