using Scoran.Territories.Queries;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Scoran.Core.Imports;
using Scoran.Data;
using Scoran.Observatory.Commitments;
using Scoran.Observatory.Import.Arcep;
using Scoran.Observatory.Queries;
using Scoran.Territories.Import;
using Scoran.Territories.Model;

namespace Scoran.Web;

/// <summary>
/// /api/catalog (and /catalogue.jsonld): a DCAT-AP catalogue in JSON-LD of the datasets this
/// instance publishes, built from <c>dataset_imports</c> so that it lists what is loaded, with
/// every download the pages offer as a distribution.
/// </summary>
public static class CatalogApi
{
    public const string MediaType = "application/ld+json";
    public const string LicenceOuverte = "https://www.etalab.gouv.fr/licence-ouverte-open-licence/";
    private const string FileTypes = "http://publications.europa.eu/resource/authority/file-type/";
    private const string MediaTypes = "https://www.iana.org/assignments/media-types/";

    public static IEndpointRouteBuilder MapCatalogApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/catalog", CatalogAsync).WithTags("Sources").WithName("GetCatalog")
            .WithSummary("Catalogue DCAT-AP (JSON-LD) des jeux de données publiés par cette instance : titre, description, producteur, licence, couverture temporelle et spatiale, distributions (CSV, GeoJSON, JSON).")
            .Produces(200, contentType: MediaType);
        app.MapGet("/catalogue.jsonld", CatalogAsync).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> CatalogAsync(HttpContext http, ScoranDbContext db, FtthQueries ftth, IOptions<ScoranWebOptions> options, CancellationToken cancellationToken)
    {
        var catalog = await BuildAsync(Security.PublicBaseUrl.Of(http.Request), db, ftth, options.Value.DefaultRegion, cancellationToken);
        return TypedResults.Text(catalog.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }), MediaType, System.Text.Encoding.UTF8);
    }

    public static async Task<JsonObject> BuildAsync(string baseUrl, ScoranDbContext db, FtthQueries ftth, string region, CancellationToken cancellationToken)
    {
        var imports = (await db.Set<DatasetImport>().AsNoTracking().ToListAsync(cancellationToken))
            .GroupBy(i => i.Dataset).Select(g => g.OrderByDescending(i => i.ImportedAt).First()).OrderBy(i => i.Dataset, StringComparer.Ordinal).ToList();
        var regionName = await new TerritoryQueries(db).NameAsync(TerritoryKind.Region, region, cancellationToken) ?? region;
        var spatial = new JsonArray
        {
            new JsonObject { ["@id"] = "http://publications.europa.eu/resource/authority/country/FRA" },
            new JsonObject { ["@id"] = $"{baseUrl}/territoires/region/{region}", ["@type"] = "dct:Location", ["skos:prefLabel"] = Fr(regionName) },
        };

        var datasets = new JsonArray();
        foreach (var import in imports)
        {
            if (await DatasetAsync(baseUrl, import, ftth, region, regionName, spatial, cancellationToken) is { } dataset)
            {
                datasets.Add(dataset);
            }
        }

        return new JsonObject
        {
            ["@context"] = new JsonObject
            {
                ["dcat"] = "http://www.w3.org/ns/dcat#",
                ["dct"] = "http://purl.org/dc/terms/",
                ["foaf"] = "http://xmlns.com/foaf/0.1/",
                ["skos"] = "http://www.w3.org/2004/02/skos/core#",
                ["vcard"] = "http://www.w3.org/2006/vcard/ns#",
                ["xsd"] = "http://www.w3.org/2001/XMLSchema#",
                ["owl"] = "http://www.w3.org/2002/07/owl#",
            },
            ["@id"] = $"{baseUrl}/api/catalog",
            ["@type"] = "dcat:Catalog",
            ["dct:title"] = Fr($"Scoran — données de l'observatoire du numérique, {regionName}"),
            ["dct:description"] = Fr("Jeux de données publiés par cette instance de Scoran : territoires, contours, déploiement de la fibre (Arcep) et engagements des opérateurs. Chaque jeu renvoie à ses téléchargements (CSV, GeoJSON, JSON) ; le catalogue reflète les imports réellement chargés."),
            ["dct:publisher"] = Agent($"{baseUrl}/#editeur", $"Région {regionName} — plateforme Scoran"),
            ["dct:language"] = new JsonObject { ["@id"] = "http://publications.europa.eu/resource/authority/language/FRA" },
            ["dct:license"] = Licence("Licence Ouverte 2.0"),
            ["foaf:homepage"] = new JsonObject { ["@id"] = $"{baseUrl}/donnees" },
            ["dct:modified"] = imports.Count == 0 ? null : Date(imports.Max(i => i.ImportedAt)),
            ["dcat:dataset"] = datasets,
        };
    }

    private static async Task<JsonObject?> DatasetAsync(string baseUrl, DatasetImport import, FtthQueries ftth, string region, string regionName, JsonArray spatial, CancellationToken cancellationToken)
    {
        string title, description;
        JsonObject? temporal = null;
        var distributions = new List<(string Title, string Path, string Format)>();
        if (import.Dataset == TerritoriesImporter.Dataset)
        {
            title = "Territoires : régions, départements, EPCI et communes (COG)";
            description = "Codes officiels, noms, populations légales et rattachements des territoires, au code officiel géographique en vigueur.";
            distributions.Add(("La région et ses chiffres (JSON)", $"/api/territories/region/{region}", "JSON"));
            distributions.Add(("Les départements de la région (JSON)", $"/api/territories/region/{region}/children", "JSON"));
            distributions.Add(("Les communes de la région (JSON)", $"/api/territories/region/{region}/children?kind=commune", "JSON"));
        }
        else if (import.Dataset == ContoursImporter.Dataset)
        {
            title = "Contours des territoires (GeoJSON)";
            description = "Contours de la région, de ses départements et de ses communes, en WGS84.";
            distributions.Add(("Contour de la région (GeoJSON)", $"/api/territories/region/{region}/contours", "GEOJSON"));
            distributions.Add(("Contours des départements (GeoJSON)", $"/api/territories/region/{region}/contours?level=departement", "GEOJSON"));
            distributions.Add(("Contours des communes (GeoJSON)", $"/api/territories/region/{region}/contours?level=commune", "GEOJSON"));
        }
        else if (import.Dataset == ArcepFtthImporter.Dataset)
        {
            title = "Déploiement de la fibre optique (FttH) par commune et trimestre";
            description = "Locaux raccordables à la fibre, locaux et taux de couverture par territoire et trimestre, sommes exactes des chiffres communaux publiés par l'Arcep (observatoire du haut et très haut débit, déploiements).";
            var series = await ftth.SeriesAsync(TerritoryKind.Region, region, cancellationToken: cancellationToken);
            if (series is { Points.Count: > 0 })
            {
                var first = series.Points[0].Quarter;
                temporal = Period(new DateOnly(first.Year, first.Number * 3 - 2, 1), series.Points[^1].Quarter.EndDate);
            }

            distributions.Add(("Série trimestrielle de la région (JSON)", $"/api/observatory/ftth/region/{region}", "JSON"));
            distributions.Add(("Couverture par département (CSV)", $"/api/observatory/ftth/region/{region}/breakdown.csv", "CSV"));
            distributions.Add(("Couche des communes avec leurs valeurs (GeoJSON)", $"/api/observatory/ftth/region/{region}/communes.geojson", "GEOJSON"));
        }
        else if (import.Dataset.StartsWith(CommitmentImporter.DatasetPrefix, StringComparison.Ordinal))
        {
            var register = import.Dataset[CommitmentImporter.DatasetPrefix.Length..];
            title = register == L3313Commitments.Register
                ? "Engagements des opérateurs en zone AMII (article L. 33-13), suivi du déploiement"
                : $"Engagements des opérateurs — registre « {register} »";
            description = "Engagements de déploiement de la fibre par commune (opérateur, zone, part ou nombre de locaux, échéance) comparés aux locaux raccordables publiés : statut, écart en locaux au dernier trimestre et projeté à l'échéance.";
            distributions.Add(("Engagements et écarts (JSON)", $"/api/observatory/commitments/region/{region}", "JSON"));
            distributions.Add(("Engagements et écarts (CSV)", $"/api/observatory/commitments/region/{region}/engagements.csv", "CSV"));
        }
        else if (import.Dataset.StartsWith(Scoran.Observatory.Connexion.ConnexionImporter.DatasetPrefix, StringComparison.Ordinal))
        {
            var synthetic = import.Publisher == Scoran.Observatory.Connexion.ConnexionImporter.SyntheticPublisher;
            title = $"Débits et technologies d'accès par commune (« Ma connexion internet », {import.Dataset[Scoran.Observatory.Connexion.ConnexionImporter.DatasetPrefix.Length..]})" +
                    (synthetic ? $" — {Scoran.Observatory.Connexion.ConnexionImporter.SyntheticNotice}" : "");
            description = (synthetic ? "ATTENTION : données de démonstration synthétiques générées par Scoran au format d'Arcep, pas des chiffres réels. " : "") +
                          "Locaux par classe de meilleur débit, par technologie et par meilleure technologie ; indicateurs ≥ 8, ≥ 30, ≥ 100 Mbit/s, ≥ 1 Gbit/s, fibre et locaux sans bon haut débit filaire, sommes exactes des comptes communaux.";
            if (DateOnly.TryParse(import.Vintage, System.Globalization.CultureInfo.InvariantCulture, out var date))
            {
                temporal = Period(date, date);
            }

            distributions.Add(("Débits de la région, comparaison et historique (JSON)", $"/api/observatory/debits/region/{region}", "JSON"));
            distributions.Add(("Débits par département (CSV)", $"/api/observatory/debits/region/{region}/breakdown.csv", "CSV"));
            distributions.Add(("Débits par commune (CSV)", $"/api/observatory/debits/region/{region}/breakdown.csv?level=commune", "CSV"));
            distributions.Add(("Couche des communes avec leurs débits (GeoJSON)", $"/api/observatory/debits/region/{region}/communes.geojson", "GEOJSON"));
        }
        else if (import.Dataset == Scoran.Observatory.Eligibility.EligibilityImporter.Dataset)
        {
            title = "Éligibilité à l'immeuble : technologies et débits par immeuble, sommes par commune";
            description = "Pour chaque immeuble recensé, technologies disponibles, classe de débit maximale et statut FttH ; par commune, locaux par meilleure classe de débit, par technologie et sans réseau filaire." +
                          (import.Publisher.Contains("synthétiques", StringComparison.Ordinal) ? " Données de démonstration synthétiques." : "");
            distributions.Add(("Éligibilité à un point (JSON)", "/api/eligibility?lat=47.32&lon=5.04", "JSON"));
        }
        else
        {
            return null;
        }

        var id = $"{baseUrl}/api/catalog#{Uri.EscapeDataString(import.Dataset)}";
        temporal ??= int.TryParse(import.Vintage, out var year) && year is > 1900 and < 3000
            ? Period(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31))
            : null;
        return new JsonObject
        {
            ["@id"] = id,
            ["@type"] = "dcat:Dataset",
            ["dct:identifier"] = import.Dataset,
            ["dct:title"] = Fr(title),
            ["dct:description"] = Fr($"{description} Source : {import.Source} ({import.Vintage}). {import.Summary}."),
            ["dct:publisher"] = Agent($"{id}-producteur", import.Publisher),
            ["dct:license"] = Licence(import.Licence),
            ["dct:temporal"] = temporal,
            ["dct:spatial"] = spatial.DeepClone(),
            ["dct:modified"] = Date(import.ImportedAt),
            ["dct:provenance"] = new JsonObject { ["@type"] = "dct:ProvenanceStatement", ["dct:description"] = Fr($"Importé le {import.ImportedAt:yyyy-MM-dd} : {import.RowCount} lignes, empreinte SHA-256 {import.ContentSha256}.") },
            ["owl:versionInfo"] = import.Vintage,
            ["dcat:keyword"] = new JsonArray(Fr("numérique"), Fr("observatoire"), Fr(regionName)),
            ["dcat:landingPage"] = new JsonObject { ["@id"] = $"{baseUrl}/donnees" },
            ["dcat:distribution"] = new JsonArray(distributions.Select(d => (JsonNode)Distribution(baseUrl, id, d.Title, d.Path, d.Format, import.Licence)).ToArray()),
        };
    }

    private static JsonObject Distribution(string baseUrl, string datasetId, string title, string path, string format, string licence)
    {
        var (mediaType, fileType) = format switch
        {
            "CSV" => ("text/csv", "CSV"),
            "GEOJSON" => ("application/geo+json", "GEOJSON"),
            _ => ("application/json", "JSON"),
        };
        return new JsonObject
        {
            ["@id"] = $"{datasetId}/{Uri.EscapeDataString(path)}",
            ["@type"] = "dcat:Distribution",
            ["dct:title"] = Fr(title),
            ["dcat:accessURL"] = new JsonObject { ["@id"] = baseUrl + path },
            ["dcat:downloadURL"] = new JsonObject { ["@id"] = baseUrl + path },
            ["dct:format"] = new JsonObject { ["@id"] = FileTypes + fileType },
            ["dcat:mediaType"] = new JsonObject { ["@id"] = MediaTypes + mediaType },
            ["dct:license"] = Licence(licence),
        };
    }

    private static JsonObject Fr(string text) => new() { ["@value"] = text, ["@language"] = "fr" };

    private static JsonObject Agent(string id, string name) => new() { ["@id"] = id, ["@type"] = "foaf:Agent", ["foaf:name"] = Fr(name) };

    private static JsonObject Licence(string licence) => licence.Contains("Licence Ouverte", StringComparison.OrdinalIgnoreCase)
        ? new JsonObject { ["@id"] = LicenceOuverte, ["@type"] = "dct:LicenseDocument", ["dct:identifier"] = "etalab-2.0" }
        : new JsonObject { ["@type"] = "dct:LicenseDocument", ["dct:title"] = Fr(licence) };

    private static JsonObject Date(DateTimeOffset at) => new() { ["@value"] = at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"), ["@type"] = "xsd:dateTime" };

    private static JsonObject Period(DateOnly start, DateOnly end) => new()
    {
        ["@type"] = "dct:PeriodOfTime",
        ["dcat:startDate"] = new JsonObject { ["@value"] = start.ToString("yyyy-MM-dd"), ["@type"] = "xsd:date" },
        ["dcat:endDate"] = new JsonObject { ["@value"] = end.ToString("yyyy-MM-dd"), ["@type"] = "xsd:date" },
    };
}
