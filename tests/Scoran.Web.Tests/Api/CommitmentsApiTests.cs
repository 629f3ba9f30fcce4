using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Scoran.Testing;

namespace Scoran.Web.Tests.Api;

/// <summary>Commitments, release diffs and the DCAT-AP catalogue over the shared import (one release, the 2018 L.33-13 commitments).</summary>
public abstract class CommitmentsApiTests(ImportedTerritories imported) : ApplicationTests(imported)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private async Task<JsonElement> GetJsonAsync(string url, HttpStatusCode expected = HttpStatusCode.OK, string mediaType = "application/json")
    {
        var response = await Client.GetAsync(url, Token);
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Token);
    }

    [Fact]
    public async Task Bfc_commitments_come_with_statuses_gaps_and_sums_per_operator()
    {
        var report = await GetJsonAsync("/api/observatory/commitments/region/27");
        var rows = report.GetProperty("commitments").EnumerateArray().ToList();
        var byOperator = report.GetProperty("byOperator").EnumerateArray().ToList();

        Assert.Equal(20181, report.GetProperty("asOf").GetProperty("key").GetInt32());
        var dijon2020 = rows.Single(r => r.GetProperty("communeCode").GetString() == "21231" && r.GetProperty("deadline").GetString() == "2020-12-31");
        Assert.Equal(87_630, dijon2020.GetProperty("targetPremises").GetInt64());
        Assert.Equal(26_482, dijon2020.GetProperty("gap").GetInt64());
        Assert.Equal("onTime", dijon2020.GetProperty("status").GetString());
        Assert.Equal(rows.Sum(r => r.GetProperty("targetPremises").GetInt64()), byOperator.Sum(o => o.GetProperty("targetPremises").GetInt64()));
        Assert.Contains(byOperator, o => o.GetProperty("key").GetString() == "SFR0" && o.GetProperty("commitments").GetInt32() == 2);

        var sfr = await GetJsonAsync("/api/observatory/commitments/region/27?operateur=SFR0");
        Assert.Equal(2, sfr.GetProperty("commitments").GetArrayLength());
    }

    [Fact]
    public async Task Commitments_download_as_csv_with_their_sources()
    {
        var response = await Client.GetAsync("/api/observatory/commitments/departement/21/engagements.csv", Token);
        var lines = (await response.Content.ReadAsStringAsync(Token)).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("engagements-departement-21.csv", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        Assert.StartsWith("# Sources : Arcep / Gouvernement", lines[0]);
        Assert.Contains("Licence Ouverte 2.0", lines[0]);
        Assert.StartsWith("code_commune;commune;code_operateur;", lines[1]);
        Assert.Contains(lines, l => l.StartsWith("21231;\"Dijon\";FRTE;\"Orange\";AMII;2020-12-31;0.92;95249;87630;61148;26482;", StringComparison.Ordinal));
        Assert.All(lines.Skip(2), l => Assert.Matches("^21", l));
    }

    [Theory]
    [InlineData("/api/observatory/commitments/region/99", HttpStatusCode.NotFound)]
    [InlineData("/api/observatory/commitments/region/27?operateur=FR%20TE", HttpStatusCode.BadRequest)]
    [InlineData("/api/observatory/commitments/region/27/engagements.csv?operateur=%3Cscript%3E", HttpStatusCode.BadRequest)]
    [InlineData("/api/observatory/releases/region/27/diff", HttpStatusCode.NotFound)]
    [InlineData("/api/observatory/releases/region/27/diff?de=2018-1", HttpStatusCode.BadRequest)]
    [InlineData("/api/observatory/releases/commune/99999/diff", HttpStatusCode.NotFound)]
    public async Task Bad_requests_are_problem_details(string url, HttpStatusCode expected)
    {
        var response = await Client.GetAsync(url, Token);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task With_a_single_release_the_diff_says_there_is_nothing_to_compare()
    {
        var releases = await GetJsonAsync("/api/observatory/releases");
        var problem = await GetJsonAsync("/api/observatory/releases/region/27/diff", HttpStatusCode.NotFound, "application/problem+json");

        Assert.Equal(["2018T1"], releases.EnumerateArray().Select(r => r.GetString()));
        Assert.Contains("Une seule publication", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task The_catalogue_is_dcat_ap_json_ld_and_every_download_answers()
    {
        var response = await Client.GetAsync("/api/catalog", Token);
        Assert.Equal("application/ld+json", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync(Token);
        var catalog = JsonDocument.Parse(text).RootElement;

        var context = catalog.GetProperty("@context");
        Assert.Equal("http://www.w3.org/ns/dcat#", context.GetProperty("dcat").GetString());
        Assert.Equal("http://purl.org/dc/terms/", context.GetProperty("dct").GetString());
        // Every compact IRI used as a key or a type must expand through the context.
        var prefixes = context.EnumerateObject().Select(p => p.Name).ToHashSet();
        Assert.All(CompactIris(catalog), iri => Assert.Contains(iri.Split(':')[0], prefixes));

        Assert.Equal("dcat:Catalog", catalog.GetProperty("@type").GetString());
        foreach (var mandatory in new[] { "dct:title", "dct:description", "dct:publisher", "dcat:dataset" })
        {
            Assert.True(catalog.TryGetProperty(mandatory, out _), $"catalogue without {mandatory}");
        }

        var datasets = catalog.GetProperty("dcat:dataset").EnumerateArray().ToList();
        Assert.Equal(["arcep-connexion:debit", "arcep-connexion:meilleure_techno", "arcep-connexion:techno", "arcep-ftth", "contours", "engagements:arcep-l3313-2018", "territories"],
            datasets.Select(d => d.GetProperty("dct:identifier").GetString()).Order(StringComparer.Ordinal));
        var urls = new List<(string Url, string MediaType)>();
        foreach (var dataset in datasets)
        {
            Assert.Equal("dcat:Dataset", dataset.GetProperty("@type").GetString());
            Assert.Equal("fr", dataset.GetProperty("dct:title").GetProperty("@language").GetString());
            Assert.False(string.IsNullOrWhiteSpace(dataset.GetProperty("dct:description").GetProperty("@value").GetString()));
            Assert.True(dataset.TryGetProperty("dct:publisher", out _));
            Assert.True(dataset.TryGetProperty("dct:spatial", out _));
            Assert.True(dataset.TryGetProperty("dct:modified", out _));
            Assert.Equal("https://www.etalab.gouv.fr/licence-ouverte-open-licence/", dataset.GetProperty("dct:license").GetProperty("@id").GetString());
            foreach (var distribution in dataset.GetProperty("dcat:distribution").EnumerateArray())
            {
                Assert.Equal("dcat:Distribution", distribution.GetProperty("@type").GetString());
                Assert.StartsWith("http://publications.europa.eu/resource/authority/file-type/", distribution.GetProperty("dct:format").GetProperty("@id").GetString());
                Assert.True(distribution.TryGetProperty("dcat:accessURL", out _));
                var mediaType = distribution.GetProperty("dcat:mediaType").GetProperty("@id").GetString()!.Replace("https://www.iana.org/assignments/media-types/", "");
                urls.Add((distribution.GetProperty("dcat:downloadURL").GetProperty("@id").GetString()!, mediaType));
            }
        }

        var ftth = datasets.Single(d => d.GetProperty("dct:identifier").GetString() == "arcep-ftth");
        Assert.Equal("2017-07-01", ftth.GetProperty("dct:temporal").GetProperty("dcat:startDate").GetProperty("@value").GetString());
        Assert.Equal("2018-03-31", ftth.GetProperty("dct:temporal").GetProperty("dcat:endDate").GetProperty("@value").GetString());
        Assert.Contains(urls, u => u.MediaType == "text/csv");
        Assert.Contains(urls, u => u.MediaType == "application/geo+json");
        foreach (var (url, mediaType) in urls)
        {
            var download = await Client.GetAsync(new Uri(url).PathAndQuery, Token);
            Assert.True(download.StatusCode == HttpStatusCode.OK, $"{url} answered {download.StatusCode}");
            Assert.Equal(mediaType, download.Content.Headers.ContentType?.MediaType);
        }

        var alias = await Client.GetAsync("/catalogue.jsonld", Token);
        Assert.Equal("application/ld+json", alias.Content.Headers.ContentType?.MediaType);
        Assert.Equal(datasets.Count, JsonDocument.Parse(await alias.Content.ReadAsStringAsync(Token)).RootElement.GetProperty("dcat:dataset").GetArrayLength());
    }

    [Fact]
    public async Task The_new_endpoints_are_in_the_openapi_document()
    {
        var document = await GetJsonAsync("/openapi/v1.json");
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();

        Assert.Contains("/api/catalog", paths);
        Assert.Contains(paths, p => p.StartsWith("/api/observatory/commitments/", StringComparison.Ordinal) && p.EndsWith("engagements.csv", StringComparison.Ordinal));
        Assert.Contains(paths, p => p.StartsWith("/api/observatory/releases/", StringComparison.Ordinal) && p.EndsWith("/diff", StringComparison.Ordinal));
        Assert.DoesNotContain("/catalogue.jsonld", paths);
    }

    private static IEnumerable<string> CompactIris(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (property.Name == "@context")
                {
                    continue;
                }

                if (!property.Name.StartsWith('@'))
                {
                    yield return property.Name;
                }
                else if (property.Name == "@type" && property.Value.GetString() is { } type)
                {
                    yield return type;
                }

                foreach (var inner in CompactIris(property.Value))
                {
                    yield return inner;
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var inner in element.EnumerateArray().SelectMany(CompactIris))
            {
                yield return inner;
            }
        }
    }
}

public sealed class SqliteCommitmentsApiTests(SqliteImportedTerritories imported) : CommitmentsApiTests(imported);

public sealed class PostgresCommitmentsApiTests(PostgresImportedTerritories imported) : CommitmentsApiTests(imported);
