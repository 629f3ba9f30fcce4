using Microsoft.EntityFrameworkCore;
using Scoran.Core.Imports;

namespace Scoran.Observatory.Eligibility;

public sealed record TechnologyEligibility(string Code, string Label, bool Wired, string? DownloadClass, string? DownloadSpeed, double? MinMbps, double? MaxMbps);

public sealed record EligibilitySource(string Vintage, string Publisher, string Licence, string Files, bool Synthetic, string? Notice);

/// <summary>What is available at one building, in the words the page shows.</summary>
public sealed record EligibilityAtBuilding(
    string BuildingId,
    string Address,
    string CommuneCode,
    double Latitude,
    double Longitude,
    double DistanceMeters,
    int Premises,
    IReadOnlyList<TechnologyEligibility> Technologies,
    string? BestDownloadClass,
    string BestDownloadSpeed,
    string FtthStatus,
    bool WiredBroadband,
    IReadOnlyList<string> Solutions,
    bool Saturated,
    EligibilitySource Source);

public sealed record AddressMatch(string BuildingId, string Address, string CommuneCode, double Latitude, double Longitude);

public sealed record AddressSearchResult(string Query, IReadOnlyList<AddressMatch> Matches, EligibilityAtBuilding? Best);

/// <summary>Answers for a point or an address from the snapshot in memory; commune sums from the database.</summary>
public sealed class EligibilityQueries(EligibilityStore store, DbContext db)
{
    public const string SyntheticNotice = "Données de démonstration synthétiques : immeubles générés autour d'adresses réelles, éligibilités inventées.";

    public bool Available => store.Current is not null;

    public EligibilityAtBuilding? AtPoint(double latitude, double longitude)
    {
        var index = store.Current;
        return index?.Nearest(latitude, longitude) is { } nearest ? Describe(index, nearest.Building, nearest.DistanceMeters) : null;
    }

    public AddressSearchResult? Search(string query, int limit = 10)
    {
        var index = store.Current;
        if (index is null)
        {
            return null;
        }

        var found = index.SearchAddress(query, limit);
        var matches = found.Select(b => new AddressMatch(index.Snapshot.Ids[b], index.Snapshot.Addresses[b], index.Snapshot.Communes[index.Snapshot.Commune[b]],
            index.Latitude(b), index.Longitude(b))).ToList();
        return new AddressSearchResult(query, matches, found.Count > 0 ? Describe(index, found[0], 0) : null);
    }

    public static EligibilityAtBuilding Describe(EligibilityIndex index, int building, double distance)
    {
        var s = index.Snapshot;
        var mask = s.TechMask[building];
        var technologies = new List<TechnologyEligibility>();
        foreach (var t in EligibilityCodes.Technologies)
        {
            if ((mask & (1 << (int)t.Technology)) == 0)
            {
                continue;
            }

            var rank = s.TechClass[building * EligibilityCodes.TechnologyCount + (int)t.Technology];
            var c = EligibilityCodes.Class(rank);
            technologies.Add(new TechnologyEligibility(t.Code, t.Label, t.Wired, c?.Code, c?.Label ?? "débit non précisé", c?.MinMbps, c?.MaxMbps));
        }

        var best = EligibilityCodes.Class(s.BestClass(building));
        var wired = (mask & EligibilityCodes.WiredMask) != 0;
        var fo = (mask & (1 << (int)Technology.Fo)) != 0;
        var solutions = new List<string>();
        if (!wired)
        {
            foreach (var t in technologies.Where(t => !t.Wired))
            {
                solutions.Add($"{t.Label} : {t.DownloadSpeed}");
            }

            if (technologies.All(t => t.Code != "SAT"))
            {
                solutions.Add("Satellite : offres disponibles sur tout le territoire métropolitain, avec une aide possible du dispositif « Cohésion numérique des territoires ».");
            }

            solutions.Add("Aucun réseau filaire (DSL, câble, fibre) : signalez l'adresse à la collectivité pour le suivi des zones blanches.");
        }

        return new EligibilityAtBuilding(
            s.Ids[building],
            s.Addresses[building],
            s.Communes[s.Commune[building]],
            index.Latitude(building),
            index.Longitude(building),
            Math.Round(distance, 1),
            s.Premises[building],
            technologies,
            best?.Code,
            best?.Label ?? "aucune technologie recensée",
            fo ? "raccordable à la fibre (FttH)" : "non raccordable à la fibre (FttH)",
            wired,
            solutions,
            (s.Flags[building] & 1) != 0,
            Source(s));
    }

    public static EligibilitySource Source(EligibilitySnapshot s) => new(
        s.Vintage,
        s.Synthetic ? "Scoran — données de démonstration synthétiques (format Arcep)" : EligibilityImporter.Publisher,
        s.Synthetic ? "Licence Ouverte 2.0 (données synthétiques)" : EligibilityImporter.Licence,
        s.Source,
        s.Synthetic,
        s.Synthetic ? SyntheticNotice : null);

    /// <summary>Sums of the current release for a commune, or null when the commune is not in it.</summary>
    public async Task<EligibilityCommuneStat?> CommuneAsync(string code, CancellationToken cancellationToken = default)
    {
        var vintage = store.Current?.Snapshot.Vintage
            ?? await db.Set<DatasetImport>().AsNoTracking().Where(i => i.Dataset == EligibilityImporter.Dataset)
                .OrderByDescending(i => i.ImportedAt).Select(i => i.Vintage).FirstOrDefaultAsync(cancellationToken);
        if (vintage is null)
        {
            return null;
        }

        return await db.Set<EligibilityCommuneStat>().AsNoTracking()
            .FirstOrDefaultAsync(s => s.Vintage == vintage && s.CommuneCode == code, cancellationToken);
    }
}
