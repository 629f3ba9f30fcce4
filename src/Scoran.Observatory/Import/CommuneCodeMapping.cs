using Scoran.Territories.Queries;
using Microsoft.EntityFrameworkCore;
using Scoran.Core.Imports;
using Scoran.Territories.Model;

namespace Scoran.Observatory.Import;

/// <summary>A code of the file that is no longer a current commune, and the commune it now belongs to.</summary>
public sealed record CommuneCodeChange(string FileCode, string CurrentCode);

/// <summary>
/// Brings commune-level counts of an older vintage onto today's communes: each code resolves to
/// its current commune and the counts of merged communes are added up, so no premises are lost
/// or counted twice. A code that resolves to nothing is an error, never silently dropped.
/// </summary>
public static class CommuneCodeMapping
{
    /// <summary>
    /// Today's commune for a code of <paramref name="file"/>: itself when current, else the commune a
    /// former, delegated or associated code now belongs to, else null. Refuses the file when no
    /// territories are loaded, since every code would then look unknown.
    /// </summary>
    public static async Task<Func<string, string?>> LoadResolverAsync(DbContext db, string file, CancellationToken cancellationToken)
    {
        var resolver = await new TerritoryQueries(db).CommuneResolverAsync(cancellationToken);
        if (resolver.CurrentCount == 0)
        {
            throw new ImportRejectedException([new ImportError(file, null, null,
                "aucune commune en base : importez d'abord les territoires (scoran territories import)")]);
        }

        return resolver.Resolve;
    }

    public static IReadOnlyDictionary<string, TValue> ToCurrentCommunes<TValue>(
        string file,
        IEnumerable<(string Code, long Line, TValue Value)> rows,
        Func<string, string?> resolve,
        Func<TValue, TValue, TValue> add,
        List<CommuneCodeChange> changes,
        List<ImportError> errors)
    {
        var result = new Dictionary<string, TValue>();
        foreach (var (code, line, value) in rows)
        {
            var current = resolve(code);
            if (current is null)
            {
                errors.Add(new ImportError(file, line, 1, $"code commune inconnu : « {code} » (ni commune actuelle, ni ancienne commune)"));
                continue;
            }

            if (current != code)
            {
                changes.Add(new CommuneCodeChange(code, current));
            }

            result[current] = result.TryGetValue(current, out var existing) ? add(existing, value) : value;
        }

        return result;
    }
}
