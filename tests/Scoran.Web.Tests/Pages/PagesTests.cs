using System.Net;
using Scoran.Testing;

namespace Scoran.Web.Tests.Pages;

/// <summary>Server-rendered pages, read as HTML (the browser tests drive them for real).</summary>
public abstract class PagesTests(ImportedTerritories imported) : ApplicationTests(imported)
{
    private async Task<string> GetHtmlAsync(string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await Client.GetAsync(url, TestContext.Current.CancellationToken);
        Assert.Equal(expected, response.StatusCode);
        // Compare text as a reader sees it: the encoder may still write some characters as entities.
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Home_page_presents_the_region_and_its_departements()
    {
        var html = await GetHtmlAsync("/");

        Assert.Contains("<html lang=\"fr\">", html);
        Assert.Contains("Bourgogne-Franche-Comté", html);
        Assert.Contains("href=\"/territoires/departement/90\"", html);
        Assert.Contains("2\u202f802\u202f670", html);
    }

    [Theory]
    [InlineData("/pilotage", "Pilotage de la stratégie")]
    [InlineData("/ressources", "Ressources du numérique régional")]
    [InlineData("/financements", "Financer un projet numérique")]
    public async Task Every_capability_has_its_entry_page_and_none_is_announced_as_to_come(string url, string heading)
    {
        var html = await GetHtmlAsync(url);

        Assert.Contains(heading, html);
        Assert.DoesNotContain("À venir", html);
    }

    [Fact]
    public async Task The_observatory_shows_the_region_ftth_figures_with_their_source()
    {
        var html = await GetHtmlAsync("/observatoire");

        Assert.Contains("244 643", html);
        Assert.Contains("publication T1 2018", html);
        Assert.Contains("Licence Ouverte 2.0", html);
        Assert.Contains("href=\"/observatoire/departement/25?trimestre=20181\"", html);
        Assert.Contains("SCORAN BFC : fibre (FttH) pour 100 % des locaux en 2025", html);
        Assert.Contains("En retard", html);
    }

    [Fact]
    public async Task The_observatory_breakdown_downloads_as_csv_with_its_provenance()
    {
        var csv = await Client.GetStringAsync("/api/observatory/ftth/region/27/breakdown.csv?trimestre=20174", TestContext.Current.CancellationToken);
        var lines = csv.TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.StartsWith("# Source : Arcep", lines[0]);
        Assert.Equal("niveau;code;nom;trimestre;locaux_raccordables;locaux;taux", lines[1].TrimEnd('\r'));
        Assert.Equal(8, lines.Length - 2);
        Assert.StartsWith("departement;21;\"Côte-d'Or\";T4 2017;75561;", lines[2]);
    }

    [Fact]
    public async Task The_commune_layer_downloads_as_geojson_with_values_and_source()
    {
        var response = await Client.GetAsync("/api/observatory/ftth/departement/90/communes.geojson?trimestre=20181", TestContext.Current.CancellationToken);
        var layer = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        var features = layer.GetProperty("features").EnumerateArray().ToList();

        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("Arcep", layer.GetProperty("source").GetString());
        Assert.All(features, f => Assert.Equal("T1 2018", f.GetProperty("properties").GetProperty("trimestre").GetString()));
        // Territoire de Belfort, T1 2018, as published in ftthDepartements.csv.
        Assert.Equal(12_080, features.Sum(f => f.GetProperty("properties").GetProperty("locaux_raccordables").GetInt64()));
    }

    [Theory]
    [InlineData("/api/observatory/ftth/commune/25056/breakdown.csv")]
    [InlineData("/api/observatory/ftth/commune/25056/communes.geojson")]
    [InlineData("/api/observatory/ftth/departement/99/breakdown")]
    public async Task Downloads_without_anything_to_break_down_are_a_404_problem(string url)
    {
        var response = await Client.GetAsync(url, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_commune_page_has_breadcrumb_population_and_postal_code()
    {
        var html = await GetHtmlAsync("/territoires/commune/25056");

        Assert.Contains("aria-label=\"Fil d'Ariane\"", html);
        Assert.Contains("href=\"/territoires/epci/242500361\"", html);
        Assert.Contains("118\u202f489", html);
        Assert.Contains("25000", html);
    }

    [Fact]
    public async Task An_old_commune_code_redirects_to_the_current_commune()
    {
        var client = CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync("/territoires/commune/25010", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("/territoires/commune/25223", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task An_unknown_territory_gets_a_french_404_page()
    {
        var html = await GetHtmlAsync("/territoires/commune/99999", HttpStatusCode.NotFound);

        Assert.Contains("Page introuvable", html);
    }

    [Fact]
    public async Task The_commitments_page_compares_each_commitment_with_deployment()
    {
        var html = await GetHtmlAsync("/observatoire/engagements");

        Assert.Contains("Engagements des opérateurs — Bourgogne-Franche-Comté", html);
        Assert.Contains("au T1 2018 (publication 2018T1)", html);
        Assert.Contains("Orange (FRTE)", html);
        Assert.Contains("SFR (SFR0)", html);
        Assert.Contains("href=\"/observatoire/engagements/departement/21\"", html);
        Assert.Contains("href=\"/api/observatory/commitments/region/27/engagements.csv\"", html);
        Assert.Contains("Dans les temps", html);
    }

    [Fact]
    public async Task The_releases_page_says_when_only_one_release_is_imported()
    {
        var html = await GetHtmlAsync("/observatoire/publications/departement/25");

        Assert.Contains("Une seule publication est importée (2018T1)", html);
        Assert.DoesNotContain("data-testid=\"quarters\"", html);
    }

    [Theory]
    [InlineData("/observatoire/engagements/region/99")]
    [InlineData("/observatoire/publications/pays/27")]
    public async Task Unknown_territories_of_the_new_pages_are_404(string url) => await GetHtmlAsync(url, HttpStatusCode.NotFound);

    [Fact]
    public async Task Sources_page_links_the_dcat_catalogue()
    {
        var html = await GetHtmlAsync("/donnees");

        Assert.Contains("href=\"/catalogue.jsonld\"", html);
    }

    [Fact]
    public async Task Sources_page_lists_the_imports_with_their_licence()
    {
        var html = await GetHtmlAsync("/donnees");

        Assert.Contains("Licence Ouverte 2.0", html);
        Assert.Contains("@etalab/decoupage-administratif@6.0.0", html);
    }
}

public sealed class SqlitePagesTests(SqliteImportedTerritories imported) : PagesTests(imported);

public sealed class PostgresPagesTests(PostgresImportedTerritories imported) : PagesTests(imported);
