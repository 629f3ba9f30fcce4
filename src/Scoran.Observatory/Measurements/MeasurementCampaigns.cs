using Scoran.Territories.Queries;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Scoran.Core.Audit;
using Scoran.Territories.Model;

namespace Scoran.Observatory.Measurements;

public sealed record CampaignDraft(string? Code, string? Name, string? TerritoryKind, string? TerritoryCode, DateOnly? StartsOn, DateOnly? EndsOn, string? Operators, string? Protocol);

/// <summary>Campaigns and contributor tokens, written by data managers; every change goes to the audit trail.</summary>
public sealed partial class MeasurementCampaigns(DbContext db, TimeProvider clock)
{
    [GeneratedRegex("^[A-Za-z0-9-]{2,32}$")]
    private static partial Regex CodePattern();

    public async Task<(MeasurementCampaign? Campaign, IReadOnlyDictionary<string, string[]>? Errors)> CreateAsync(CampaignDraft draft, string author, CancellationToken cancellationToken = default)
    {
        var errors = new Dictionary<string, string[]>();
        if (draft.Code is null || !CodePattern().IsMatch(draft.Code))
        {
            errors["code"] = ["Code de 2 à 32 lettres, chiffres ou tirets attendu."];
        }
        else if (await db.Set<MeasurementCampaign>().AnyAsync(c => c.Code == draft.Code, cancellationToken))
        {
            errors["code"] = ["Une campagne porte déjà ce code."];
        }

        if (string.IsNullOrWhiteSpace(draft.Name) || draft.Name.Length > 200)
        {
            errors["name"] = ["Nom obligatoire (200 caractères au plus)."];
        }

        if (!TerritoryKinds.TryParse(draft.TerritoryKind, out var kind) || draft.TerritoryCode is null ||
            !await new TerritoryQueries(db).ExistsAsync(kind, draft.TerritoryCode.Trim().ToUpper(), cancellationToken))
        {
            errors["territoryCode"] = ["Territoire inconnu (type région, département, EPCI ou commune, et code INSEE ou SIREN)."];
        }

        if (draft.StartsOn is null || draft.EndsOn is null || draft.EndsOn < draft.StartsOn)
        {
            errors["endsOn"] = ["Période attendue : date de début et date de fin, la fin après le début."];
        }

        var operators = (draft.Operators ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (operators.Any(o => !MeasurementRules.Operators.ContainsKey(o)))
        {
            errors["operators"] = ["Codes MCC-MNC français séparés par des virgules attendus (20801, 20810, 20815, 20820), ou vide pour tous."];
        }

        if (draft.Protocol is { Length: > 4000 })
        {
            errors["protocol"] = ["4 000 caractères au plus."];
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var campaign = new MeasurementCampaign
        {
            Code = draft.Code!,
            Name = draft.Name!.Trim(),
            TerritoryKind = kind.ToSlug(),
            TerritoryCode = draft.TerritoryCode!.Trim().ToUpperInvariant(),
            StartsAt = new DateTimeOffset(draft.StartsOn!.Value.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
            // The end date is inclusive: the whole day counts.
            EndsAt = new DateTimeOffset(draft.EndsOn!.Value.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddDays(1).AddTicks(-1),
            Operators = string.Join(",", operators),
            Protocol = draft.Protocol?.Trim() ?? "",
            CreatedBy = author,
            CreatedAt = clock.GetUtcNow(),
        };
        db.Set<MeasurementCampaign>().Add(campaign);
        AuditTrail.Record(db, clock, author, "observatory.measurement-campaign", campaign.Code, "created", null, campaign);
        await db.SaveChangesAsync(cancellationToken);
        return (campaign, null);
    }

    /// <summary>Issues a contributor token; the clear token is returned once and only its hash is stored.</summary>
    public async Task<string> IssueTokenAsync(string label, string? campaignCode, string author, CancellationToken cancellationToken = default)
    {
        var secret = "sct_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var token = new ContributorToken
        {
            TokenHash = MeasurementRules.Hash("token", secret),
            Label = label,
            CampaignCode = campaignCode,
            IssuedBy = author,
            IssuedAt = clock.GetUtcNow(),
        };
        db.Set<ContributorToken>().Add(token);
        AuditTrail.Record(db, clock, author, "observatory.measurement-token", token.TokenHash[..12], "issued", null, new { token.Label, token.CampaignCode });
        await db.SaveChangesAsync(cancellationToken);
        return secret;
    }
}

/// <summary>
/// Raw-data retention: rows received more than N days ago lose their position, accuracy, device
/// and app fields. The commune, grid cell, operator, technology, values and pseudonymous
/// contributor id stay, so every published aggregate (counts, medians, distinct contributors) is
/// unchanged by a purge.
/// </summary>
public sealed class MeasurementRetention(DbContext db, TimeProvider clock, Microsoft.Extensions.Options.IOptions<MeasurementOptions> options)
{
    public async Task<int> PurgeAsync(int? days = null, CancellationToken cancellationToken = default)
    {
        var limit = clock.GetUtcNow().AddDays(-(days ?? options.Value.RetentionDays));
        var purged = await db.Set<Measurement>()
            .Where(m => !m.Purged && m.ReceivedAt < limit)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Latitude, (double?)null)
                .SetProperty(m => m.Longitude, (double?)null)
                .SetProperty(m => m.AccuracyMeters, (double?)null)
                .SetProperty(m => m.Device, (string?)null)
                .SetProperty(m => m.AppVersion, (string?)null)
                .SetProperty(m => m.Purged, true), cancellationToken);
        if (purged > 0)
        {
            AuditTrail.Record(db, clock, "système", "observatory.measurements", "retention", "purged", null, new { Rows = purged, ReceivedBefore = limit });
            await db.SaveChangesAsync(cancellationToken);
        }

        return purged;
    }
}
