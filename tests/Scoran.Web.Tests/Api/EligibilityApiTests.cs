using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Scoran.Accounts;
using Scoran.Data;
using Scoran.Observatory.Eligibility;
using Scoran.Territories.Import;
using Scoran.Testing;

namespace Scoran.Web.Tests.Api;

/// <summary>
/// A database of its own (the shared import is read-only) with the territories, the BFC outlines
/// and the shipped synthetic eligibility demo pair.
/// </summary>
public abstract class EligibilityDatabase(DatabaseProvider provider) : IAsyncLifetime
{
    public static string DemoBuildings => Path.Combine(SharedData.RepositoryRoot, "data", "arcep", "eligibilite-demo", "immeubles-demo-bfc.csv");

    public static string DemoEligibility => Path.Combine(SharedData.RepositoryRoot, "data", "arcep", "eligibilite-demo", "eligibilite-demo-bfc.csv");

    private TestDatabase? _database;

    public DatabaseProvider Provider => provider;

    public TestDatabase Database
    {
        get
        {
            TestDatabase.RequireEngine(provider);
            return _database!;
        }
    }

    public static async Task<TestDatabase> WithTerritoriesAsync(DatabaseProvider provider, bool contours)
    {
        var database = await TestDatabase.CreateAsync(provider, "eligweb", TestTemplates.France);
        await database.WithScopeAsync(async sp =>
        {
            if (contours)
            {
                await sp.GetRequiredService<ContoursImporter>().ImportAsync(await ContoursImporter.ReadAsync(SharedData.BfcContourFiles()), "shared/data/geo/france-geojson");
            }
        });
        return database;
    }

    public async ValueTask InitializeAsync()
    {
        if (provider == DatabaseProvider.Postgres && TestDatabase.PostgresUnavailableReason is not null)
        {
            return;
        }

        _database = await WithTerritoriesAsync(provider, contours: provider == DatabaseProvider.Sqlite);
        await _database.WithScopeAsync(sp => sp.GetRequiredService<EligibilityImporter>().ImportAsync(DemoBuildings, DemoEligibility));
    }

    public async ValueTask DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}

public sealed class SqliteEligibilityDatabase() : EligibilityDatabase(DatabaseProvider.Sqlite);

public sealed class PostgresEligibilityDatabase() : EligibilityDatabase(DatabaseProvider.Postgres);

/// <summary>/api/eligibility by point and by address, its validation, the commune sums, and the upload from the administration page.</summary>
public abstract partial class EligibilityApiTests(EligibilityDatabase data) : IAsyncLifetime
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;
    private ScoranAppFactory? _factory;

    private HttpClient Client => (_factory ??= new ScoranAppFactory(data.Database.Storage)).CreateClient();

    private async Task<JsonElement> GetJsonAsync(string url, HttpStatusCode expected = HttpStatusCode.OK, string mediaType = "application/json")
    {
        var response = await Client.GetAsync(url, Token);
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Token);
    }

    [Fact]
    public async Task A_point_returns_the_nearest_building_with_its_technologies_speeds_and_provenance()
    {
        // The France Services of Is-sur-Tille (real address, 20 place Général Leclerc), a few metres away.
        var answer = await GetJsonAsync("/api/eligibility?lat=47.52165&lon=5.11300");
        var building = answer.GetProperty("building");

        Assert.Equal("IMB/21317/S/0012800", building.GetProperty("buildingId").GetString());
        Assert.Equal("20 Place Général Leclerc, Is-sur-Tille", building.GetProperty("address").GetString());
        Assert.Equal("21317", building.GetProperty("communeCode").GetString());
        Assert.InRange(building.GetProperty("distanceMeters").GetDouble(), 1, 20);
        var technologies = building.GetProperty("technologies").EnumerateArray().Select(t => t.GetProperty("code").GetString()).ToList();
        Assert.Contains("CU", technologies);
        Assert.Equal(technologies.Contains("FO") ? "raccordable à la fibre (FttH)" : "non raccordable à la fibre (FttH)", building.GetProperty("ftthStatus").GetString());
        var source = building.GetProperty("source");
        Assert.True(source.GetProperty("synthetic").GetBoolean());
        Assert.Equal("demo", source.GetProperty("vintage").GetString());
        Assert.Contains("synthétiques", source.GetProperty("notice").GetString());

        // The answer is the brute-force nearest of the snapshot the application holds.
        var index = _factory!.Services.GetRequiredService<EligibilityStore>().Current!;
        var exact = index.BruteForceNearest(47.52165, 5.11300)!.Value;
        Assert.Equal(index.Snapshot.Ids[exact.Building], building.GetProperty("buildingId").GetString());
    }

    [Fact]
    public async Task An_address_returns_the_matches_then_the_eligibility_of_the_best()
    {
        var answer = await GetJsonAsync("/api/eligibility?q=" + Uri.EscapeDataString("22 PLACE GENERAL LECLERC is sur tille"));

        Assert.Equal("22 Place Général Leclerc, Is-sur-Tille", answer.GetProperty("building").GetProperty("address").GetString());
        var matches = answer.GetProperty("matches").EnumerateArray().Select(m => m.GetProperty("address").GetString()).ToList();
        Assert.Equal(9, matches.Count);
        Assert.Equal("22 Place Général Leclerc, Is-sur-Tille", matches[0]);
    }

    [Fact]
    public async Task A_building_without_wired_broadband_lists_the_solutions()
    {
        var index = (await GetStoreAsync()).Current!;
        var building = Enumerable.Range(0, index.Count).First(i => (index.Snapshot.TechMask[i] & EligibilityCodes.WiredMask) == 0);
        var lat = index.Latitude(building).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var lon = index.Longitude(building).ToString(System.Globalization.CultureInfo.InvariantCulture);

        var answer = (await GetJsonAsync($"/api/eligibility?lat={lat}&lon={lon}")).GetProperty("building");

        Assert.False(answer.GetProperty("wiredBroadband").GetBoolean());
        Assert.Equal("non raccordable à la fibre (FttH)", answer.GetProperty("ftthStatus").GetString());
        Assert.Contains(answer.GetProperty("solutions").EnumerateArray(), s => s.GetString()!.StartsWith("Satellite", StringComparison.Ordinal));
    }

    private async Task<EligibilityStore> GetStoreAsync()
    {
        await GetJsonAsync("/api/eligibility?lat=47&lon=5");
        return _factory!.Services.GetRequiredService<EligibilityStore>();
    }

    [Theory]
    [InlineData("/api/eligibility", "q")]
    [InlineData("/api/eligibility?lat=47.3", "lon")]
    [InlineData("/api/eligibility?lat=91&lon=5", "lat")]
    [InlineData("/api/eligibility?lat=abc&lon=5", "lat")]
    [InlineData("/api/eligibility?lat=47&lon=5,2", "lon")]
    [InlineData("/api/eligibility?q=ab", "q")]
    [InlineData("/api/eligibility?q=rue&lat=47&lon=5", "q")]
    [InlineData("/api/eligibility/communes/2123", "code")]
    public async Task Invalid_requests_are_refused_with_a_validation_problem(string url, string field)
    {
        var problem = await GetJsonAsync(url, HttpStatusCode.BadRequest, "application/problem+json");
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task An_unknown_address_is_a_404_problem_and_commune_sums_come_from_the_table()
    {
        var missing = await GetJsonAsync("/api/eligibility?q=" + Uri.EscapeDataString("rue qui n'existe nulle part"), HttpStatusCode.NotFound, "application/problem+json");
        Assert.Equal("Adresse introuvable", missing.GetProperty("title").GetString());

        var commune = await GetJsonAsync("/api/eligibility/communes/21317");
        var stats = commune.GetProperty("statistics");
        var lines = File.ReadLines(EligibilityDatabase.DemoBuildings).Skip(1).Select(l => l.Split(';')).Where(f => f[4] == "21317").ToList();
        Assert.Equal(lines.Count, stats.GetProperty("buildings").GetInt32());
        Assert.Equal(lines.Sum(f => long.Parse(f[5], System.Globalization.CultureInfo.InvariantCulture)), stats.GetProperty("premises").GetInt64());
        Assert.True(commune.GetProperty("source").GetProperty("synthetic").GetBoolean());
        await GetJsonAsync("/api/eligibility/communes/75056", HttpStatusCode.NotFound, "application/problem+json");
    }

    [Fact]
    public async Task The_openapi_document_describes_the_eligibility_routes()
    {
        var document = await Client.GetStringAsync("/openapi/v1.json", Token);
        Assert.Contains("\"/api/eligibility\"", document);
        Assert.Contains("\"/api/eligibility/communes/{code}\"", document);
    }

    [Fact]
    public async Task The_page_answers_an_address_without_javascript_and_says_the_data_are_synthetic()
    {
        var html = WebUtility.HtmlDecode(await Client.GetStringAsync("/observatoire/eligibilite?q=" + Uri.EscapeDataString("20 place général leclerc is-sur-tille"), Token));
        Assert.Contains("data-testid=\"eligibility-result\"", html);
        Assert.Contains("<h2 id=\"resultat\">20 Place Général Leclerc, Is-sur-Tille</h2>", html);
        Assert.Contains("Données de démonstration synthétiques", html);

        var invalid = WebUtility.HtmlDecode(await Client.GetStringAsync("/observatoire/eligibilite?lat=nord&lon=5", Token));
        Assert.Contains("Coordonnées invalides", invalid);
    }

    [Fact]
    public async Task A_data_manager_uploads_the_pair_from_the_administration_page_and_a_second_upload_changes_nothing()
    {
        // A fresh database: the fixture's already holds this release.
        await using var database = await EligibilityDatabase.WithTerritoriesAsync(data.Database.Provider, contours: false);
        await using var factory = new ScoranAppFactory(database.Storage);
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var email = await TestAccounts.CreateAsync(factory.Services, ScoranRoles.DataManager);
        var signIn = await TestAccounts.SignInAsync(client, email);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/admin/imports", Token));
        Assert.Contains("Arcep — éligibilité à l'immeuble", page);

        async Task<string> UploadAsync()
        {
            var form = new MultipartFormDataContent { { new StringContent(EligibilityImporter.Dataset), "kind" } };
            foreach (var (slot, path) in new[] { ("immeubles", EligibilityDatabase.DemoBuildings), ("eligibilite", EligibilityDatabase.DemoEligibility) })
            {
                var content = new ByteArrayContent(await File.ReadAllBytesAsync(path, Token));
                content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
                form.Add(content, $"{EligibilityImporter.Dataset}-{slot}", Path.GetFileName(path));
            }

            form.Add(new StringContent(await TestAccounts.AntiforgeryTokenAsync(client, "/admin/imports")), "__RequestVerificationToken");
            var response = await client.PostAsync("/admin/imports", form, Token);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Token));
        }

        var buildings = File.ReadLines(EligibilityDatabase.DemoBuildings).Count() - 1;
        Assert.Contains($"Millésime demo importé : {buildings} immeubles", await UploadAsync());
        Assert.Contains("Millésime demo déjà importé à l'identique : rien n'a changé.", await UploadAsync());
        var answer = await client.GetFromJsonAsync<JsonElement>("/api/eligibility?lat=47.5216&lon=5.112966", Token);
        Assert.Equal("IMB/21317/S/0012800", answer.GetProperty("building").GetProperty("buildingId").GetString());
    }



    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _factory?.DisposeAsync() ?? ValueTask.CompletedTask;
}

public sealed class SqliteEligibilityApiTests(SqliteEligibilityDatabase data) : EligibilityApiTests(data), IClassFixture<SqliteEligibilityDatabase>;

public sealed class PostgresEligibilityApiTests(PostgresEligibilityDatabase data) : EligibilityApiTests(data), IClassFixture<PostgresEligibilityDatabase>;
