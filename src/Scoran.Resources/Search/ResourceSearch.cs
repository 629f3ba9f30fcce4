using Scoran.Core.Text;

namespace Scoran.Resources.Search;

/// <summary>What a person searches: words, and facet values already chosen.</summary>
public sealed record ResourceQuery(string? Text, string? Type = null, string? Theme = null, string? Territory = null);

/// <summary>One result of the single search; <see cref="Snippet"/> may carry ⟦ ⟧ marks around words found.</summary>
public sealed record ResourceHit(
    string Type, string TypeLabel, long Id, string Title, string Url, string? Snippet,
    IReadOnlyList<string> Themes, IReadOnlyList<string> Territories, double Score);

public sealed record FacetValue(string Value, int Count);

public sealed record ResourceSearchResult(
    ResourceQuery Query, IReadOnlyList<ResourceHit> Hits,
    IReadOnlyList<FacetValue> Types, IReadOnlyList<FacetValue> Themes, IReadOnlyList<FacetValue> Territories);

/// <summary>
/// A kind of entry the single search looks through. Each source returns its published entries
/// matching the words (all of them when there are none); <see cref="ResourceSearch"/> adds the
/// facets. Places (part A) plug in by registering one more source.
/// </summary>
public interface IResourceSearchSource
{
    /// <summary>Stable type key of the hits (actor, project, event, document, place…).</summary>
    string Type { get; }

    string TypeLabel { get; }

    Task<IReadOnlyList<ResourceHit>> SearchAsync(string? text, CancellationToken ct);
}

/// <summary>
/// The one search across every source, with facet counts on type, theme and territory. Each
/// facet counts the hits that match the other chosen facets, so choosing a value never hides the
/// alternatives of the same facet.
/// </summary>
public sealed class ResourceSearch(IEnumerable<IResourceSearchSource> sources)
{
    public IReadOnlyList<IResourceSearchSource> Sources { get; } = sources.ToList();

    /// <summary>The search text as searched: at most <see cref="Scoran.Core.Security.InputLimits.MaxSearchWords"/> words and <see cref="Scoran.Core.Security.InputLimits.MaxSearchLength"/> characters.</summary>
    public static string? Bounded(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return text;
        }

        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Take(Scoran.Core.Security.InputLimits.MaxSearchWords);
        var bounded = string.Join(' ', words);
        return bounded.Length > Scoran.Core.Security.InputLimits.MaxSearchLength ? bounded[..Scoran.Core.Security.InputLimits.MaxSearchLength] : bounded;
    }

    /// <summary>True when <paramref name="text"/> is within the search bounds (the API refuses the rest with 400).</summary>
    public static bool IsWithinBounds(string? text) =>
        text is null || (text.Length <= Scoran.Core.Security.InputLimits.MaxSearchLength
                         && text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length <= Scoran.Core.Security.InputLimits.MaxSearchWords);

    public async Task<ResourceSearchResult> SearchAsync(ResourceQuery query, CancellationToken ct = default)
    {
        query = query with { Text = Bounded(query.Text) };
        var all = new List<ResourceHit>();
        foreach (var source in Sources)
        {
            all.AddRange(await source.SearchAsync(query.Text, ct));
        }

        bool TypeOk(ResourceHit h) => string.IsNullOrEmpty(query.Type) || h.Type == query.Type;
        bool ThemeOk(ResourceHit h) => string.IsNullOrEmpty(query.Theme) || h.Themes.Contains(query.Theme, StringComparer.OrdinalIgnoreCase);
        bool TerritoryOk(ResourceHit h) => string.IsNullOrEmpty(query.Territory) || h.Territories.Contains(query.Territory);

        var hits = all.Where(h => TypeOk(h) && ThemeOk(h) && TerritoryOk(h))
            .OrderByDescending(h => h.Score).ThenBy(h => h.Title, StringComparer.Ordinal).ToList();
        var types = Count(all.Where(h => ThemeOk(h) && TerritoryOk(h)).Select(h => h.Type));
        var themes = Count(all.Where(h => TypeOk(h) && TerritoryOk(h)).SelectMany(h => h.Themes));
        var territories = Count(all.Where(h => TypeOk(h) && ThemeOk(h)).SelectMany(h => h.Territories));
        return new(query, hits, types, themes, territories);
    }

    public string TypeLabel(string type) => Sources.FirstOrDefault(s => s.Type == type)?.TypeLabel ?? type;

    private static List<FacetValue> Count(IEnumerable<string> values) =>
        values.GroupBy(v => v, StringComparer.OrdinalIgnoreCase).Select(g => new FacetValue(g.Key, g.Count()))
            .OrderByDescending(f => f.Count).ThenBy(f => f.Value, StringComparer.Ordinal).ToList();

    /// <summary>
    /// Score of a small entry against the words: each word must occur (accent- and case-insensitive)
    /// in the text; a word in the title counts three times. 0 means no match. Null or blank text matches everything with score 1.
    /// </summary>
    public static double Score(string? text, string title, params string?[] body)
    {
        var words = SearchText.Normalize(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return 1;
        }

        var t = " " + SearchText.Normalize(title) + " ";
        var b = " " + SearchText.Normalize(string.Join(' ', body.Where(x => x is not null))) + " ";
        double score = 0;
        foreach (var w in words)
        {
            var inTitle = t.Contains(" " + w, StringComparison.Ordinal);
            var inBody = b.Contains(" " + w, StringComparison.Ordinal);
            if (!inTitle && !inBody)
            {
                return 0;
            }

            score += (inTitle ? 3 : 0) + (inBody ? 1 : 0);
        }

        return score;
    }
}
