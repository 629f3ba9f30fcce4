using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Scoran.Core.Audit;
using Scoran.Core.Text;
using Scoran.Resources.Accessibility;

namespace Scoran.Resources.Places;

/// <summary>
/// An editor's decision on a pair of places proposed as the same place from two sources: merged
/// (the dropped record is hidden from lists, search, nearest places and indicators, never deleted)
/// or distinct (not proposed again). Keyed by source and source identifier, so decisions survive
/// re-imports, which replace a source's rows.
/// </summary>
public sealed class PlaceDuplicateDecision
{
    public long Id { get; init; }
    public required string KeepSource { get; init; }
    public required string KeepSourceId { get; init; }
    public required string OtherSource { get; init; }
    public required string OtherSourceId { get; init; }
    /// <summary>"merged" (the other record is hidden) or "distinct".</summary>
    public required string Decision { get; init; }
    public required string DecidedBy { get; init; }
    public required DateTimeOffset DecidedAt { get; init; }
}

public sealed class PlaceDuplicateDecisionConfiguration : IEntityTypeConfiguration<PlaceDuplicateDecision>
{
    public void Configure(EntityTypeBuilder<PlaceDuplicateDecision> builder)
    {
        builder.ToTable("inclusion_place_duplicates");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).HasColumnName("id").ValueGeneratedOnAdd();
        builder.Property(x => x.KeepSource).HasColumnName("keep_source").HasMaxLength(64);
        builder.Property(x => x.KeepSourceId).HasColumnName("keep_source_id").HasMaxLength(128);
        builder.Property(x => x.OtherSource).HasColumnName("other_source").HasMaxLength(64);
        builder.Property(x => x.OtherSourceId).HasColumnName("other_source_id").HasMaxLength(128);
        builder.Property(x => x.Decision).HasColumnName("decision").HasMaxLength(16);
        builder.Property(x => x.DecidedBy).HasColumnName("decided_by").HasMaxLength(256);
        builder.Property(x => x.DecidedAt).HasColumnName("decided_at");
        builder.HasIndex(x => new { x.OtherSource, x.OtherSourceId });
    }
}

/// <summary>Two places that may be the same, with why they were proposed.</summary>
public sealed record DuplicateCandidate(InclusionPlace A, InclusionPlace B, double Meters, double NameSimilarity, bool SameAddress);

/// <summary>
/// Finds places of two different sources that are probably the same place, and records the
/// editor's decision. A pair is proposed when the two are within <see cref="MaxMeters"/> and either
/// their names share at least half their words (Jaccard index of the accent-free words) or their
/// addresses are equal once normalised.
/// </summary>
public sealed class PlaceDuplicates(DbContext db, TimeProvider clock)
{
    public const double MaxMeters = 300;
    public const double MinNameSimilarity = 0.5;

    /// <summary>Places hidden because an editor merged them into another.</summary>
    public static IQueryable<InclusionPlace> Visible(DbContext db) =>
        db.Set<InclusionPlace>().AsNoTracking().Where(p => !db.Set<PlaceDuplicateDecision>()
            .Any(d => d.Decision == "merged" && d.OtherSource == p.Source && d.OtherSourceId == p.SourceId));

    public async Task<IReadOnlyList<DuplicateCandidate>> CandidatesAsync(CancellationToken cancellationToken = default)
    {
        var places = await Visible(db).OrderBy(p => p.Id).ToListAsync(cancellationToken);
        var decided = (await db.Set<PlaceDuplicateDecision>().AsNoTracking().ToListAsync(cancellationToken))
            .SelectMany(d => new[] { (d.KeepSource, d.KeepSourceId, d.OtherSource, d.OtherSourceId), (d.OtherSource, d.OtherSourceId, d.KeepSource, d.KeepSourceId) })
            .ToHashSet();
        // One degree of latitude is 111 km: sorting by latitude bounds the pairs to compare.
        var byLatitude = places.OrderBy(p => p.Latitude).ToList();
        var window = MaxMeters / 111_000 * 1.01;
        var result = new List<DuplicateCandidate>();
        for (var i = 0; i < byLatitude.Count; i++)
        {
            var a = byLatitude[i];
            for (var j = i + 1; j < byLatitude.Count && byLatitude[j].Latitude - a.Latitude <= window; j++)
            {
                var b = byLatitude[j];
                if (a.Source == b.Source || decided.Contains((a.Source, a.SourceId, b.Source, b.SourceId)))
                {
                    continue;
                }

                var meters = NearestPlaceIndex.Haversine(a.Latitude, a.Longitude, b.Latitude, b.Longitude);
                if (meters > MaxMeters)
                {
                    continue;
                }

                var similarity = NameSimilarity(a.Name, b.Name);
                var sameAddress = SearchText.Normalize(a.Address).Length > 0 && SearchText.Normalize(a.Address) == SearchText.Normalize(b.Address);
                if (similarity >= MinNameSimilarity || sameAddress)
                {
                    var (first, second) = a.Id < b.Id ? (a, b) : (b, a);
                    result.Add(new DuplicateCandidate(first, second, meters, similarity, sameAddress));
                }
            }
        }

        return result.OrderBy(c => c.A.Id).ThenBy(c => c.B.Id).ToList();
    }

    /// <summary>Jaccard index of the names' accent-free words, ignoring the generic words every name has.</summary>
    public static double NameSimilarity(string a, string b)
    {
        static HashSet<string> Words(string s) => SearchText.Normalize(s).Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.Length > 2 && w is not ("france" or "services" or "service" or "des" or "les" or "espace"))
            .ToHashSet();
        var x = Words(a);
        var y = Words(b);
        var union = x.Union(y).Count();
        return union == 0 ? 0 : (double)x.Intersect(y).Count() / union;
    }

    /// <summary>Records the decision on a pair (merged: <paramref name="other"/> is hidden behind <paramref name="keep"/>), audited in the same SaveChanges.</summary>
    public async Task DecideAsync(long keep, long other, bool merge, string author, CancellationToken cancellationToken = default)
    {
        var pair = await db.Set<InclusionPlace>().AsNoTracking().Where(p => p.Id == keep || p.Id == other).ToListAsync(cancellationToken);
        var k = pair.SingleOrDefault(p => p.Id == keep) ?? throw new InvalidOperationException("lieu introuvable");
        var o = pair.SingleOrDefault(p => p.Id == other) ?? throw new InvalidOperationException("lieu introuvable");
        var decision = new PlaceDuplicateDecision
        {
            KeepSource = k.Source, KeepSourceId = k.SourceId, OtherSource = o.Source, OtherSourceId = o.SourceId,
            Decision = merge ? "merged" : "distinct", DecidedBy = author, DecidedAt = clock.GetUtcNow(),
        };
        db.Set<PlaceDuplicateDecision>().Add(decision);
        AuditTrail.Record(db, clock, author, "resources.place", $"{o.Source}:{o.SourceId}", merge ? "merged" : "kept-distinct",
            new { place = o.Name, o.Address, o.CommuneName }, new { keep = $"{k.Source}:{k.SourceId}", keepName = k.Name }, merge ? $"fusionné avec {k.Name}" : $"distinct de {k.Name}");
        await db.SaveChangesAsync(cancellationToken);
    }
}
