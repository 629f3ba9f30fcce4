using Microsoft.EntityFrameworkCore;
using Scoran.Core.Audit;

namespace Scoran.Observatory.Measurements;

/// <summary>A contributor token as listed to data managers: never the clear token nor its hash.</summary>
public sealed record ContributorTokenView(long Id, string Label, string? CampaignCode, string IssuedBy, DateTimeOffset IssuedAt, DateTimeOffset? RevokedAt)
{
    public bool Revoked => RevokedAt is not null;
}

/// <summary>The outcome of a reactivation: the token, or why it stays revoked (French, for the page and the API).</summary>
public sealed record TokenReactivation(ContributorTokenView Token, string? Error);

public sealed partial class MeasurementCampaigns
{
    /// <summary>Every token, the most recent first.</summary>
    public async Task<IReadOnlyList<ContributorTokenView>> TokensAsync(CancellationToken cancellationToken = default)
    {
        // Projected without the hash: what a manager sees cannot be replayed against the ingestion.
        var tokens = await db.Set<ContributorToken>().AsNoTracking()
            .Select(t => new ContributorTokenView(t.Id, t.Label, t.CampaignCode, t.IssuedBy, t.IssuedAt, t.RevokedAt))
            .ToListAsync(cancellationToken);
        // Sorted in memory: SQLite cannot order by a DateTimeOffset column.
        return tokens.OrderByDescending(t => t.IssuedAt).ThenByDescending(t => t.Id).ToList();
    }

    /// <summary>
    /// Revokes a token: from then on the ingestion refuses it. Revoking twice changes nothing and
    /// records nothing more; null when no token has this id.
    /// </summary>
    public async Task<ContributorTokenView?> RevokeTokenAsync(long id, string author, CancellationToken cancellationToken = default)
    {
        var token = await db.Set<ContributorToken>().SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (token is null)
        {
            return null;
        }

        if (token.RevokedAt is null)
        {
            token.RevokedAt = clock.GetUtcNow();
            // Same entity id as the issue entry (hash prefix), so the token's history reads as one.
            AuditTrail.Record(db, clock, author, "observatory.measurement-token", token.TokenHash[..12], "revoked",
                new { token.Label, token.CampaignCode, RevokedAt = (DateTimeOffset?)null }, new { token.Label, token.CampaignCode, token.RevokedAt });
            await db.SaveChangesAsync(cancellationToken);
        }

        return new ContributorTokenView(token.Id, token.Label, token.CampaignCode, token.IssuedBy, token.IssuedAt, token.RevokedAt);
    }

    /// <summary>
    /// Reactivates a revoked token: the ingestion accepts it again. A token of a campaign that is
    /// over stays revoked (its measurements would be refused anyway, and a token handed back
    /// after the end should not look usable): issue a new one. Reactivating an active token
    /// changes nothing and records nothing; null when no token has this id.
    /// </summary>
    public async Task<TokenReactivation?> ReactivateTokenAsync(long id, string author, CancellationToken cancellationToken = default)
    {
        var token = await db.Set<ContributorToken>().SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (token is null)
        {
            return null;
        }

        if (token.RevokedAt is { } revokedAt)
        {
            if (token.CampaignCode is { } code && await db.Set<MeasurementCampaign>().AsNoTracking().SingleOrDefaultAsync(c => c.Code == code, cancellationToken) is { } campaign
                && campaign.EndsAt < clock.GetUtcNow())
            {
                return new TokenReactivation(View(token),
                    $"Le jeton « {token.Label} » ne peut pas être réactivé : la campagne {campaign.Code} est terminée depuis le " +
                    $"{campaign.EndsAt.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("fr-FR"))}. Émettez un nouveau jeton pour une campagne en cours.");
            }

            token.RevokedAt = null;
            AuditTrail.Record(db, clock, author, "observatory.measurement-token", token.TokenHash[..12], "reactivated",
                new { token.Label, token.CampaignCode, RevokedAt = (DateTimeOffset?)revokedAt }, new { token.Label, token.CampaignCode, RevokedAt = (DateTimeOffset?)null });
            await db.SaveChangesAsync(cancellationToken);
        }

        return new TokenReactivation(View(token), null);
    }

    private static ContributorTokenView View(ContributorToken token) =>
        new(token.Id, token.Label, token.CampaignCode, token.IssuedBy, token.IssuedAt, token.RevokedAt);
}
