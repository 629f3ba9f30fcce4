using Microsoft.EntityFrameworkCore;
using Scoran.Core.Audit;

namespace Scoran.Observatory.Measurements;

/// <summary>A contributor token as listed to data managers: never the clear token nor its hash.</summary>
public sealed record ContributorTokenView(long Id, string Label, string? CampaignCode, string IssuedBy, DateTimeOffset IssuedAt, DateTimeOffset? RevokedAt)
{
    public bool Revoked => RevokedAt is not null;
}

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
}
