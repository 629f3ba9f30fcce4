namespace Scoran.Territories.Queries;

/// <summary>
/// Commune codes of a file brought onto today's communes, in memory for a whole import: a current
/// code is itself, a former, delegated or associated code or a municipal arrondissement is the
/// commune it now belongs to, anything else is unknown (null). Loaded by
/// <see cref="TerritoryQueries.CommuneResolverAsync"/>.
/// </summary>
public sealed class CommuneCodeResolver(IReadOnlySet<string> current, IReadOnlyDictionary<string, string> aliases)
{
    /// <summary>Number of current communes loaded (0: no territories imported yet).</summary>
    public int CurrentCount => current.Count;

    /// <summary>Today's commune for <paramref name="code"/>, or null when the code is unknown.</summary>
    public string? Resolve(string code) => current.Contains(code) ? code : aliases.GetValueOrDefault(code);
}
