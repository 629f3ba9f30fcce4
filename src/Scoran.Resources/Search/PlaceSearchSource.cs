using Scoran.Resources.Places;

namespace Scoran.Resources.Search;

/// <summary>
/// Digital-inclusion places in the one search. Places come from national files by the thousand,
/// so they answer only a query with words: an empty search lists the directory entries, not
/// every France Services site.
/// </summary>
public sealed class PlaceSearchSource(PlaceQueries places) : IResourceSearchSource
{
    public string Type => "place";

    public string TypeLabel => "Lieux d'inclusion numérique";

    public async Task<IReadOnlyList<ResourceHit>> SearchAsync(string? text, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var found = await places.SearchAsync(text, 50, ct);
        return found.Select((p, rank) => new ResourceHit(Type, "Lieu", p.Id, p.Name, $"/ressources/lieux/{p.Id}",
                $"{p.Address}, {p.PostalCode} {p.CommuneName}".Trim(),
                p.Labels.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                p.DepartementCode is { } d ? [d] : [],
                // PlaceQueries already orders by relevance; keep that order below the text-scored entries' best.
                1.0 / (rank + 1)))
            .ToList();
    }
}
