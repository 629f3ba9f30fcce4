using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Scoran.Testing;

namespace Scoran.Web.Tests.Api;

/// <summary>The /api/territories contract, run against the real application on each engine.</summary>
public abstract class TerritoriesApiTests(ImportedTerritories imported) : ApplicationTests(imported)
{
    private async Task<JsonElement> GetJsonAsync(string url, HttpStatusCode expected = HttpStatusCode.OK, string mediaType = "application/json")
    {
        var response = await Client.GetAsync(url, TestContext.Current.CancellationToken);
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Besancon_is_returned_with_its_population()
    {
        var besancon = await GetJsonAsync("/api/territories/25056");

        Assert.Equal("Besançon", besancon.GetProperty("name").GetString());
        Assert.Equal("commune", besancon.GetProperty("kind").GetString());
        Assert.Equal(118_489, besancon.GetProperty("population").GetInt64());
        Assert.Equal(["27", "25", "242500361"], besancon.GetProperty("ancestors").EnumerateArray().Select(a => a.GetProperty("code").GetString()));
    }

    [Theory]
    [InlineData("25010", "25223", "delegated")]
    [InlineData("21019", "21060", "former")]
    public async Task A_former_commune_code_resolves_to_its_current_commune(string code, string current, string status)
    {
        var resolved = await GetJsonAsync($"/api/territories/resolve/{code}");

        Assert.Equal(current, resolved.GetProperty("commune").GetProperty("code").GetString());
        Assert.Equal(status, resolved.GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("besancon")]
    [InlineData("25000")]
    [InlineData("25056")]
    public async Task Searching_by_name_postal_code_or_insee_code_finds_besancon(string query)
    {
        var hits = await GetJsonAsync($"/api/territories/search?q={query}");

        Assert.Equal("25056", hits[0].GetProperty("territory").GetProperty("code").GetString());
    }

    [Fact]
    public async Task An_ambiguous_code_lists_the_candidates()
    {
        var problem = await GetJsonAsync("/api/territories/27", HttpStatusCode.MultipleChoices, "application/problem+json");

        Assert.Equal(["/api/territories/region/27", "/api/territories/departement/27"],
            problem.GetProperty("candidates").EnumerateArray().Select(c => c.GetProperty("href").GetString()));
    }

    [Theory]
    [InlineData("/api/territories/99999")]
    [InlineData("/api/territories/commune/99999")]
    [InlineData("/api/territories/resolve/99999")]
    [InlineData("/api/territories/commune/99999/children")]
    public async Task Unknown_codes_get_a_404_problem(string url)
    {
        var problem = await GetJsonAsync(url, HttpStatusCode.NotFound, "application/problem+json");

        Assert.Equal(404, problem.GetProperty("status").GetInt32());
        Assert.Contains("99999", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("/api/territories/search", "q")]
    [InlineData("/api/territories/search?q=dijon&kind=pays", "kind")]
    [InlineData("/api/territories/search?q=dijon&limit=0", "limit")]
    [InlineData("/api/territories/region/27/children?kind=region", "kind")]
    [InlineData("/api/territories/commune/25056/contours?level=region", "level")]
    public async Task Invalid_parameters_get_a_400_with_the_field_in_error(string url, string field)
    {
        var problem = await GetJsonAsync(url, HttpStatusCode.BadRequest, "application/problem+json");

        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Children_of_a_departement_are_its_intercommunalities_by_default()
    {
        var children = await GetJsonAsync("/api/territories/departement/25/children");
        var communes = await GetJsonAsync("/api/territories/departement/25/children?kind=commune");

        Assert.All(children.EnumerateArray(), c => Assert.Equal("epci", c.GetProperty("kind").GetString()));
        Assert.Contains(children.EnumerateArray(), c => c.GetProperty("code").GetString() == "242500361");
        Assert.Equal(563, communes.GetArrayLength());
    }

    [Fact]
    public async Task Region_contours_are_a_geojson_collection_of_its_communes()
    {
        var collection = await GetJsonAsync("/api/territories/region/27/contours?level=commune", mediaType: "application/geo+json");
        var first = collection.GetProperty("features")[0];

        Assert.Equal(3_685, collection.GetProperty("features").GetArrayLength());
        Assert.Equal("commune", first.GetProperty("properties").GetProperty("kind").GetString());
        Assert.Contains(first.GetProperty("geometry").GetProperty("type").GetString(), new[] { "Polygon", "MultiPolygon" });
    }

    [Fact]
    public async Task The_openapi_document_describes_the_territories_api()
    {
        var document = await GetJsonAsync("/openapi/v1.json");
        var paths = document.GetProperty("paths");

        Assert.True(paths.TryGetProperty("/api/territories/search", out _));
        Assert.True(paths.TryGetProperty("/api/territories/resolve/{code}", out _));
        Assert.True(paths.TryGetProperty("/api/territories/{code}", out _));
    }

    [Fact]
    public async Task Health_reports_the_database()
    {
        var health = await GetJsonAsync("/health");

        Assert.Equal("Healthy", health.GetProperty("status").GetString());
        Assert.Equal("Healthy", health.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        var live = await GetJsonAsync("/health/live");
        Assert.Equal("Healthy", live.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Sources_state_publisher_vintage_and_licence()
    {
        var sources = await GetJsonAsync("/api/sources");
        var territories = sources.EnumerateArray().Single(s => s.GetProperty("dataset").GetString() == "territories");

        Assert.Equal("Licence Ouverte 2.0", territories.GetProperty("licence").GetString());
        Assert.Contains("COG 2026", territories.GetProperty("vintage").GetString());
    }
}

public sealed class SqliteTerritoriesApiTests(SqliteImportedTerritories imported) : TerritoriesApiTests(imported);

public sealed class PostgresTerritoriesApiTests(PostgresImportedTerritories imported) : TerritoriesApiTests(imported);
