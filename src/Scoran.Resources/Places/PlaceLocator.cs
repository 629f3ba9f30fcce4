using Scoran.Territories.Geography;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Scoran.Resources.Accessibility;
using Scoran.Territories.Model;
using Scoran.Territories.Queries;

namespace Scoran.Resources.Places;

/// <summary>Where a person is: a commune's home point, found from what they typed.</summary>
public sealed record PersonLocation(string CommuneCode, string CommuneName, double Latitude, double Longitude, string Description);

/// <summary>
/// Turns « where » into a point: a postal code (its most populated commune), an INSEE code
/// (current or former) or a commune name, answered by the commune's representative point — the same
/// home point as the accessibility indicators, so « the nearest place to my commune » and the
/// indicators agree. Only communes with an outline have a point (the BFC communes shipped).
/// </summary>
public sealed partial class PlaceLocator(DbContext db, TerritoryQueries territories, CommunePointsStore store)
{
    public async Task<PersonLocation?> LocateAsync(string text, string? preferredRegion = null, CancellationToken cancellationToken = default)
    {
        var points = (await store.GetAsync(db, cancellationToken)).ToDictionary(p => p.Code);
        var trimmed = text.Trim();
        var candidates = new List<string>();
        if (FiveChars().IsMatch(trimmed))
        {
            // Five digits are a postal code more often than an INSEE code for the people who type them
            // (71400 is Autun's postal code and another commune's INSEE code): postal codes first.
            var byPostal = await territories.CommunesOfPostalCodeAsync(trimmed, cancellationToken);
            candidates.AddRange(byPostal.Where(points.ContainsKey).OrderByDescending(c => points[c].Population).ThenBy(c => c, StringComparer.Ordinal));
            var resolved = await territories.ResolveCommuneAsync(trimmed, cancellationToken);
            if (resolved is not null)
            {
                candidates.Add(resolved.Commune.Code);
            }
        }

        if (candidates.Count == 0)
        {
            var hits = await territories.SearchAsync(trimmed, TerritoryKind.Commune, 10, preferredRegion, cancellationToken);
            candidates.AddRange(hits.Select(h => h.Territory.Code));
        }

        var code = candidates.FirstOrDefault(points.ContainsKey);
        if (code is null)
        {
            return null;
        }

        var point = points[code];
        return new PersonLocation(point.Code, point.Name, point.Latitude, point.Longitude, $"{point.Name} ({point.Code})");
    }

    [GeneratedRegex("^[0-9][0-9AB][0-9]{3}$", RegexOptions.IgnoreCase)]
    private static partial Regex FiveChars();
}
