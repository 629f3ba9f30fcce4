using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Scoran.Core.Imports;
using Scoran.Core.Text;
using Scoran.Territories.Model;

namespace Scoran.Territories.Import;

/// <summary>Everything one vintage of the official geography says, validated, ready to be stored.</summary>
public sealed record TerritorySet(
    IReadOnlyList<Territory> Territories,
    IReadOnlyList<PostalCode> PostalCodes,
    IReadOnlyList<CommuneAlias> Aliases,
    IReadOnlyList<string> Warnings,
    string Source,
    string Vintage,
    string ContentSha256);

/// <summary>
/// Reads the data folder of the npm package <c>@etalab/decoupage-administratif</c>
/// (INSEE COG, DGCL EPCI composition, La Poste postal codes): regions.json, departements.json,
/// epci.json and communes.json. Nothing is returned unless every file is valid.
/// </summary>
public static partial class DecoupageAdministratifSource
{
    public const string Publisher = "INSEE (COG, populations légales), DGCL (EPCI), La Poste (codes postaux) — compilé par Etalab";
    public const string Licence = "Licence Ouverte 2.0";
    public static readonly string[] FileNames = ["regions.json", "departements.json", "epci.json", "communes.json"];

    [GeneratedRegex("^[0-9]{2,3}$")]
    private static partial Regex RegionCodePattern();

    [GeneratedRegex("^([0-9]{2}|2A|2B|9[78][0-9])$")]
    private static partial Regex DepartementCodePattern();

    [GeneratedRegex("^[0-9]{9}$")]
    private static partial Regex SirenPattern();

    [GeneratedRegex("^([0-9]{2}|2A|2B)[0-9]{3}$")]
    private static partial Regex CommuneCodePattern();

    [GeneratedRegex("^[0-9]{5}$")]
    private static partial Regex PostalCodePattern();

    [GeneratedRegex(@"^decoupage-administratif-([0-9]+\.[0-9]+\.[0-9]+)$")]
    private static partial Regex FolderVersion();

    [GeneratedRegex("^(cc|ca|cu|metropole|communaute (de communes|d agglomeration|urbaine)) (de |du |des |d )?")]
    private static partial Regex EpciPrefix();

    /// <summary>The data folder of the package as installed by <c>npm ci</c> at the repository root.</summary>
    public static string DefaultFolder(string repositoryRoot) =>
        Path.Combine(repositoryRoot, "node_modules", "@etalab", "decoupage-administratif", "data");

    public static async Task<TerritorySet> ReadAsync(string folder, CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(folder))
        {
            throw new ImportRejectedException([new ImportError(folder, null, null,
                "dossier introuvable (lancez « npm ci » à la racine du dépôt ou indiquez --from <dossier>)")]);
        }

        var errors = new List<ImportError>();
        var bytes = new Dictionary<string, byte[]>();
        foreach (var name in FileNames)
        {
            var path = Path.Combine(folder, name);
            if (!File.Exists(path))
            {
                errors.Add(new ImportError(path, null, null, "fichier manquant"));
                continue;
            }

            bytes[name] = await File.ReadAllBytesAsync(path, cancellationToken);
        }

        if (errors.Count > 0)
        {
            throw new ImportRejectedException(errors);
        }

        var set = Parse(folder, bytes, errors);
        if (errors.Count > 0)
        {
            throw new ImportRejectedException(errors);
        }

        return set;
    }

    internal static TerritorySet Parse(string folder, IReadOnlyDictionary<string, byte[]> files, List<ImportError> errors)
    {
        string PathOf(string name) => Path.Combine(folder, name);
        var regions = JsonArrayFile.Read<RegionRecord>(PathOf("regions.json"), files["regions.json"], errors);
        var departements = JsonArrayFile.Read<DepartementRecord>(PathOf("departements.json"), files["departements.json"], errors);
        var epcis = JsonArrayFile.Read<EpciRecord>(PathOf("epci.json"), files["epci.json"], errors);
        var communes = JsonArrayFile.Read<CommuneRecord>(PathOf("communes.json"), files["communes.json"], errors);
        if (errors.Count > 0)
        {
            return Empty(folder);
        }

        var warnings = new List<string>();
        var territories = new List<Territory>();
        var regionCodes = new HashSet<string>();
        foreach (var (r, at) in regions)
        {
            if (!Require(r.Code, RegionCodePattern(), "code", at, errors) | !RequireName(r.Nom, at, errors))
            {
                continue;
            }

            if (!regionCodes.Add(r.Code!))
            {
                errors.Add(at.Error($"code de région {r.Code} en double"));
                continue;
            }

            territories.Add(NewTerritory(TerritoryKind.Region, r.Code!, r.Nom!, chefLieu: r.ChefLieu));
        }

        var departementRegion = new Dictionary<string, string>();
        foreach (var (d, at) in departements)
        {
            if (!Require(d.Code, DepartementCodePattern(), "code", at, errors) | !RequireName(d.Nom, at, errors))
            {
                continue;
            }

            if (d.Region is null || !regionCodes.Contains(d.Region))
            {
                errors.Add(at.Error($"région « {d.Region} » du département {d.Code} inconnue dans regions.json"));
                continue;
            }

            if (!departementRegion.TryAdd(d.Code!, d.Region))
            {
                errors.Add(at.Error($"code de département {d.Code} en double"));
                continue;
            }

            territories.Add(NewTerritory(TerritoryKind.Departement, d.Code!, d.Nom!, region: d.Region, chefLieu: d.ChefLieu));
        }

        // Communes first pass: current communes, so EPCI members and aliases can be checked.
        var current = new Dictionary<string, Territory>();
        var postalCodes = new HashSet<(string Code, string Commune)>();
        var pendingAliases = new List<(CommuneRecord Record, SourcePosition At)>();
        foreach (var (c, at) in communes)
        {
            if (!Require(c.Code, CommuneCodePattern(), "code", at, errors) | !RequireName(c.Nom, at, errors))
            {
                continue;
            }

            switch (c.Type)
            {
                case "commune-actuelle":
                    if (c.Departement is null || !departementRegion.TryGetValue(c.Departement, out var region))
                    {
                        errors.Add(at.Error($"département « {c.Departement} » de la commune {c.Code} inconnu dans departements.json"));
                        continue;
                    }

                    if (c.Region != region)
                    {
                        errors.Add(at.Error($"la commune {c.Code} indique la région « {c.Region} » mais son département {c.Departement} est en région {region}"));
                        continue;
                    }

                    if (c.Population is < 0)
                    {
                        errors.Add(at.Error($"population négative ({c.Population}) pour la commune {c.Code}"));
                        continue;
                    }

                    var commune = NewTerritory(TerritoryKind.Commune, c.Code!, c.Nom!, region: region, departement: c.Departement, category: c.Type);
                    commune.Population = c.Population;
                    commune.Siren = c.Siren;
                    if (!current.TryAdd(commune.Code, commune))
                    {
                        errors.Add(at.Error($"commune actuelle {c.Code} en double"));
                        continue;
                    }

                    foreach (var postal in c.CodesPostaux ?? [])
                    {
                        if (!PostalCodePattern().IsMatch(postal))
                        {
                            errors.Add(at.Error($"code postal « {postal} » invalide pour la commune {c.Code}"));
                            continue;
                        }

                        postalCodes.Add((postal, commune.Code));
                    }

                    break;
                case "commune-deleguee" or "commune-associee" or "arrondissement-municipal":
                    pendingAliases.Add((c, at));
                    break;
                default:
                    errors.Add(at.Error($"type de commune « {c.Type} » inconnu (attendu commune-actuelle, commune-deleguee, commune-associee ou arrondissement-municipal)"));
                    break;
            }
        }

        var aliases = new Dictionary<string, CommuneAlias>();
        foreach (var (c, at) in pendingAliases)
        {
            var (parent, kind) = c.Type switch
            {
                "commune-deleguee" => (c.ChefLieu, CommuneAliasKind.Delegated),
                "commune-associee" => (c.ChefLieu, CommuneAliasKind.Associated),
                _ => (c.Commune, CommuneAliasKind.MunicipalArrondissement),
            };
            if (parent is null || !current.ContainsKey(parent))
            {
                errors.Add(at.Error($"la {c.Type} {c.Code} est rattachée à « {parent} », qui n'est pas une commune actuelle"));
                continue;
            }

            // The déléguée that carries the commune nouvelle's own code is the commune itself.
            if (c.Code == parent)
            {
                continue;
            }

            if (current.ContainsKey(c.Code!))
            {
                warnings.Add($"{at.File}:{at.Line}: le code {c.Code} ({c.Type}) est aussi une commune actuelle ; il reste attribué à la commune actuelle");
                continue;
            }

            aliases.TryAdd(c.Code!, new CommuneAlias { Code = c.Code!, CurrentCode = parent, Kind = kind, Name = c.Nom });
        }

        foreach (var (c, at) in communes)
        {
            if (c.Type != "commune-actuelle" || c.Code is null || !current.ContainsKey(c.Code))
            {
                continue;
            }

            foreach (var former in c.AnciensCodes ?? [])
            {
                if (!CommuneCodePattern().IsMatch(former))
                {
                    errors.Add(at.Error($"ancien code « {former} » invalide pour la commune {c.Code}"));
                    continue;
                }

                if (current.ContainsKey(former) || former == c.Code)
                {
                    continue;
                }

                if (aliases.TryGetValue(former, out var existing) && existing.CurrentCode != c.Code)
                {
                    warnings.Add($"{at.File}:{at.Line}: l'ancien code {former} est rattaché à {existing.CurrentCode} et à {c.Code} ; {existing.CurrentCode} est conservé");
                    continue;
                }

                aliases.TryAdd(former, new CommuneAlias { Code = former, CurrentCode = c.Code, Kind = CommuneAliasKind.Former });
            }
        }

        var epciByCode = new Dictionary<string, Territory>();
        foreach (var (e, at) in epcis)
        {
            if (!Require(e.Code, SirenPattern(), "code (SIREN)", at, errors) | !RequireName(e.Nom, at, errors))
            {
                continue;
            }

            if (e.Membres is not { Count: > 0 })
            {
                errors.Add(at.Error($"l'EPCI {e.Code} n'a aucun membre"));
                continue;
            }

            var epci = NewTerritory(TerritoryKind.Epci, e.Code!, e.Nom!, category: e.Type);
            epci.Siren = e.Code;
            epci.SearchAlias = EpciAlias(epci.SearchName);
            if (!epciByCode.TryAdd(epci.Code, epci))
            {
                errors.Add(at.Error($"EPCI {e.Code} en double"));
                continue;
            }

            var populationByDepartement = new Dictionary<string, long>();
            foreach (var member in e.Membres)
            {
                if (member.Code is null || !current.TryGetValue(member.Code, out var commune))
                {
                    errors.Add(at.Error($"le membre « {member.Code} » de l'EPCI {e.Code} n'est pas une commune actuelle"));
                    continue;
                }

                if (commune.EpciCode is not null && commune.EpciCode != epci.Code)
                {
                    errors.Add(at.Error($"la commune {commune.Code} appartient à deux EPCI ({commune.EpciCode} et {epci.Code})"));
                    continue;
                }

                commune.EpciCode = epci.Code;
                populationByDepartement[commune.DepartementCode!] =
                    populationByDepartement.GetValueOrDefault(commune.DepartementCode!) + (commune.Population ?? 0);
            }

            // The DGCL's own EPCI population is of an older census vintage than the communes' legal
            // population; summing the members keeps every level of the hierarchy on one vintage.
            epci.Population = populationByDepartement.Values.Sum();

            // An EPCI may straddle départements (and régions): it is filed under the one holding most of its population.
            if (populationByDepartement.Count > 0)
            {
                var main = populationByDepartement.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).First().Key;
                epci.DepartementCode = main;
                epci.RegionCode = departementRegion[main];
            }

            territories.Add(epci);
        }

        territories.AddRange(current.Values);

        // Départements and régions carry the sum of their communes' populations (population municipale).
        var departementPopulation = current.Values.GroupBy(c => c.DepartementCode!).ToDictionary(g => g.Key, g => g.Sum(c => c.Population ?? 0));
        var regionPopulation = current.Values.GroupBy(c => c.RegionCode!).ToDictionary(g => g.Key, g => g.Sum(c => c.Population ?? 0));
        foreach (var territory in territories)
        {
            territory.Population = territory.Kind switch
            {
                TerritoryKind.Departement => departementPopulation.GetValueOrDefault(territory.Code),
                TerritoryKind.Region => regionPopulation.GetValueOrDefault(territory.Code),
                _ => territory.Population,
            };
        }

        var version = PackageVersion(folder);
        return new TerritorySet(
            territories,
            postalCodes.Select(p => new PostalCode { Code = p.Code, CommuneCode = p.Commune }).ToList(),
            aliases.Values.ToList(),
            warnings,
            // Only the folder's name: provenance is public and must not reveal server paths.
            version is null ? $"fichiers du dossier {Path.GetFileName(Path.TrimEndingDirectorySeparator(folder))}" : $"npm @etalab/decoupage-administratif@{version}",
            version is null ? "inconnu" : $"COG {VintageYear(version)} (paquet {version})",
            Hash(files));
    }

    private static TerritorySet Empty(string folder) => new([], [], [], [], folder, "", "");

    private static Territory NewTerritory(TerritoryKind kind, string code, string name,
        string? region = null, string? departement = null, string? category = null, string? chefLieu = null) => new()
    {
        Kind = kind,
        Code = code,
        Name = name.Trim(),
        SearchName = SearchText.Normalize(name),
        RegionCode = kind == TerritoryKind.Region ? code : region,
        DepartementCode = kind == TerritoryKind.Departement ? code : departement,
        Category = category,
        ChefLieuCode = chefLieu,
    };

    private static string? EpciAlias(string searchName)
    {
        var stripped = EpciPrefix().Replace(searchName, string.Empty);
        return stripped.Length > 0 && stripped != searchName ? stripped : null;
    }

    private static bool Require(string? value, Regex pattern, string field, SourcePosition at, List<ImportError> errors)
    {
        if (value is not null && pattern.IsMatch(value))
        {
            return true;
        }

        errors.Add(at.Error(value is null ? $"champ « {field} » manquant" : $"champ « {field} » invalide : « {value} »"));
        return false;
    }

    private static bool RequireName(string? value, SourcePosition at, List<ImportError> errors)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        errors.Add(at.Error("champ « nom » manquant ou vide"));
        return false;
    }

    private static string? PackageVersion(string dataFolder)
    {
        var packageJson = Path.Combine(dataFolder, "..", "package.json");
        if (!File.Exists(packageJson))
        {
            // A copy of the data folder named after its package version (as in shared/data/territoires).
            var named = FolderVersion().Match(Path.GetFileName(Path.TrimEndingDirectorySeparator(dataFolder)));
            return named.Success ? named.Groups[1].Value : null;
        }

        using var document = JsonDocument.Parse(File.ReadAllBytes(packageJson));
        return document.RootElement.TryGetProperty("version", out var v) ? v.GetString() : null;
    }

    // Only the vintages we checked are named; any other version is shown as "?" rather than guessed.
    private static string VintageYear(string version) => version.Split('.')[0] switch
    {
        "6" => "2026",
        _ => "?",
    };

    private static string Hash(IReadOnlyDictionary<string, byte[]> files)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var name in FileNames)
        {
            sha.AppendData(files[name]);
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    private sealed record RegionRecord(string? Code, string? Nom, string? ChefLieu);

    private sealed record DepartementRecord(string? Code, string? Nom, string? Region, string? ChefLieu);

    private sealed record EpciMemberRecord(string? Code);

    private sealed record EpciRecord(string? Code, string? Nom, string? Type, List<EpciMemberRecord>? Membres);

    private sealed record CommuneRecord(
        string? Code, string? Nom, string? Type, string? Departement, string? Region, string? ChefLieu,
        string? Commune, string? Siren, List<string>? CodesPostaux, long? Population, List<string>? AnciensCodes);
}
