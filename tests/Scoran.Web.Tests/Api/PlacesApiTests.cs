using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Scoran.Data;
using Scoran.Resources.Accessibility;
using Scoran.Resources.Places;
using Scoran.Territories.Import;
using Scoran.Testing;

namespace Scoran.Web.Tests.Api;

/// <summary>A database of its own: territories, BFC outlines and the real France Services list (the shared fixture does not load places).</summary>
public abstract class PlacesWebDatabase(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase? _database;

    public DatabaseProvider Provider { get; } = provider;

    public TestDatabase Database => _database ?? throw new InvalidOperationException("not initialised");

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider, "placesweb", TestTemplates.FranceWithBfcOutlines);
        var places = await PlaceFiles.ReadAsync(Path.Combine(SharedData.Root, "data", "inclusion", "france-services", "liste-fs-20221201.csv"));
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddScoranTestData(database.Storage);
        Scoran.Territories.TerritoriesModule.AddTerritories(services);
        Scoran.Resources.ResourcesModule.AddResources(services);
        await using var provider_ = services.BuildServiceProvider();
        await using var scope = provider_.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<PlaceImporter>().ImportAsync(places);
        return database;
    }

    public async ValueTask InitializeAsync()
    {
        if (Provider == DatabaseProvider.Postgres && TestDatabase.PostgresUnavailableReason is not null)
        {
            return;
        }

        _database = await CreateAsync(Provider);
    }

    public async ValueTask DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}

public sealed class SqlitePlacesWebDatabase() : PlacesWebDatabase(DatabaseProvider.Sqlite);

public sealed class PostgresPlacesWebDatabase() : PlacesWebDatabase(DatabaseProvider.Postgres);

/// <summary>/api/resources/places and /api/resources/accessibility over the real France Services list, and the pages that show them.</summary>
public abstract class PlacesApiTests(PlacesWebDatabase data) : IAsyncDisposable
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;
    private ScoranAppFactory? _factory;

    private HttpClient Client
    {
        get
        {
            TestDatabase.RequireEngine(data.Provider);
            return (_factory ??= new ScoranAppFactory(data.Database.Storage)).CreateClient();
        }
    }

    private async Task<JsonElement> GetJsonAsync(string url, HttpStatusCode expected = HttpStatusCode.OK, string mediaType = "application/json")
    {
        var response = await Client.GetAsync(url, Token);
        var body = await response.Content.ReadAsStringAsync(Token);
        Assert.True(expected == response.StatusCode, $"{url}: {response.StatusCode} {body}");
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(body).RootElement;
    }

    [Fact]
    public async Task The_nearest_place_to_Autun_is_its_France_Services_at_the_exact_distance_from_the_commune_point()
    {
        var json = await GetJsonAsync("/api/resources/places/nearest?commune=Autun&n=3");
        Assert.Equal("Autun (71014)", json.GetProperty("commune").GetString());
        var places = json.GetProperty("places");
        Assert.Equal(3, places.GetArrayLength());
        var first = places[0];
        Assert.Equal("71014", first.GetProperty("place").GetProperty("communeCode").GetString());
        var expected = NearestPlaceIndex.Haversine(json.GetProperty("latitude").GetDouble(), json.GetProperty("longitude").GetDouble(),
            first.GetProperty("place").GetProperty("latitude").GetDouble(), first.GetProperty("place").GetProperty("longitude").GetDouble());
        Assert.Equal(Math.Round(expected, 1), first.GetProperty("distanceMeters").GetDouble());
        Assert.True(places[1].GetProperty("distanceMeters").GetDouble() >= first.GetProperty("distanceMeters").GetDouble());

        // By postal code and INSEE code: the same commune point.
        var byPostal = await GetJsonAsync("/api/resources/places/nearest?commune=71400&n=1");
        Assert.Equal(first.GetProperty("place").GetProperty("id").GetInt64(), byPostal.GetProperty("places")[0].GetProperty("place").GetProperty("id").GetInt64());
        // Saturday 15:00: every answer is open then.
        var saturday = await GetJsonAsync("/api/resources/places/nearest?commune=71014&jour=samedi&heure=15:00&n=5");
        foreach (var p in saturday.GetProperty("places").EnumerateArray())
        {
            Assert.True(OpeningHours.TryParse(p.GetProperty("place").GetProperty("openingHours").GetString(), out var hours, out _));
            Assert.True(hours!.IsOpen(DayOfWeek.Saturday, new TimeOnly(15, 0)));
        }
    }

    [Theory]
    [InlineData("/api/resources/places/nearest?lat=abc&lon=5", "lat")]
    [InlineData("/api/resources/places/nearest", "lat")]
    [InlineData("/api/resources/places/nearest?commune=Atlantide-sur-Mer", "commune")]
    [InlineData("/api/resources/places/nearest?commune=Autun&jour=funday", "jour")]
    [InlineData("/api/resources/places/nearest?commune=Autun&heure=25:00&jour=lundi", "heure")]
    [InlineData("/api/resources/places/nearest?commune=Autun&n=0", "n")]
    [InlineData("/api/resources/accessibility/far-areas?km=0", "km")]
    public async Task Bad_queries_get_a_problem_naming_the_field(string url, string field)
    {
        var json = await GetJsonAsync(url, HttpStatusCode.BadRequest, "application/problem+json");
        Assert.True(json.GetProperty("errors").TryGetProperty(field, out _), json.ToString());
    }

    [Fact]
    public async Task Lists_filter_by_region_departement_label_and_text_and_export_in_both_schemas()
    {
        Assert.Equal(216, (await GetJsonAsync("/api/resources/places?region=27")).GetArrayLength());
        Assert.Equal(3, (await GetJsonAsync("/api/resources/places?departement=90")).GetArrayLength());
        Assert.Equal(216, (await GetJsonAsync("/api/resources/places?region=27&label=France%20Services")).GetArrayLength());
        Assert.Equal(0, (await GetJsonAsync("/api/resources/places?region=27&label=Tiers-lieu")).GetArrayLength());
        var giromagny = await GetJsonAsync("/api/resources/places?q=giromagny");
        Assert.Equal("France services Giromagny", Assert.Single(giromagny.EnumerateArray()).GetProperty("name").GetString());

        var geo = await GetJsonAsync("/api/resources/places/geojson?region=27", mediaType: "application/geo+json");
        Assert.Equal(216, geo.GetProperty("features").GetArrayLength());

        var csv = await Client.GetStringAsync("/api/resources/places/export/mediation-numerique.csv?departement=90", Token);
        var lines = csv.TrimEnd('\n').Split('\n');
        Assert.Equal(string.Join(',', PlaceFiles.MediationNumeriqueColumns), lines[0]);
        Assert.Equal(4, lines.Length);
        var structures = await GetJsonAsync("/api/resources/places/export/data-inclusion.json?departement=90");
        Assert.Equal(3, structures.GetArrayLength());
        Assert.Equal("france-service", structures[0].GetProperty("reseaux_porteurs")[0].GetString());

        await GetJsonAsync("/api/resources/places/999999999", HttpStatusCode.NotFound, "application/problem+json");
    }

    [Fact]
    public async Task Accessibility_per_departement_sums_to_the_region()
    {
        var json = await GetJsonAsync("/api/resources/accessibility/departements");
        var departements = json.GetProperty("departements").EnumerateArray().ToList();
        Assert.Equal(["21", "25", "39", "58", "70", "71", "89", "90"], departements.Select(d => d.GetProperty("code").GetString()));
        var region = json.GetProperty("region");
        Assert.Equal(216, region.GetProperty("places").GetInt32());
        Assert.Equal(departements.Sum(d => d.GetProperty("population").GetInt64()), region.GetProperty("population").GetInt64());
        Assert.Equal(2653, json.GetProperty("placesInIndex").GetInt32());

        var belfort = await GetJsonAsync("/api/resources/accessibility/departement/90");
        Assert.Equal(3, belfort.GetProperty("places").GetInt32());
        var commune = await GetJsonAsync("/api/resources/accessibility/commune/71014");
        Assert.Equal(1, commune.GetProperty("places").GetInt32());
        await GetJsonAsync("/api/resources/accessibility/departement/75", HttpStatusCode.NotFound, "application/problem+json");

        var far = await GetJsonAsync("/api/resources/accessibility/far-areas?km=10", mediaType: "application/geo+json");
        Assert.All(far.GetProperty("features").EnumerateArray(), f => Assert.True(f.GetProperty("properties").GetProperty("distanceKm").GetDouble() >= 10)); // rounded to 10 m
        Assert.NotEmpty(far.GetProperty("features").EnumerateArray());
    }

    [Fact]
    public async Task Pages_show_the_places_the_guided_search_and_the_indicators()
    {
        var list = await Client.GetStringAsync("/ressources/lieux", Token);
        Assert.Contains("<strong>216</strong> lieu(x)", list);
        var find = await Client.GetStringAsync("/ressources/lieux/trouver?ou=Autun", Token);
        Assert.Contains("Lieux les plus proches de Autun (71014)", find);
        Assert.Contains("France services Laboratoire social d’Autun", find);
        var unknown = await Client.GetStringAsync("/ressources/lieux/trouver?ou=Atlantide", Token);
        Assert.Contains("introuvable dans la région", unknown);
        var accessibility = await Client.GetStringAsync("/ressources/accessibilite", Token);
        Assert.Contains("Indicateurs par département", accessibility);
        Assert.Contains("Territoire de Belfort (90)", accessibility);

        var openapi = await Client.GetStringAsync("/openapi/v1.json", Token);
        Assert.Contains("/api/resources/places/nearest", openapi);
        Assert.Contains("/api/resources/accessibility/departements", openapi);
    }

    public async ValueTask DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
    }
}

public sealed class SqlitePlacesApiTests(SqlitePlacesWebDatabase data) : PlacesApiTests(data), IClassFixture<SqlitePlacesWebDatabase>;

public sealed class PostgresPlacesApiTests(PostgresPlacesWebDatabase data) : PlacesApiTests(data), IClassFixture<PostgresPlacesWebDatabase>;
