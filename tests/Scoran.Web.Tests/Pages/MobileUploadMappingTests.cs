using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scoran.Accounts;
using Scoran.Core.Imports;
using Scoran.Data;
using Scoran.Observatory.Mobile;
using Scoran.Territories.Import;
using Scoran.Testing;

namespace Scoran.Web.Tests.Pages;

/// <summary>
/// A data manager uploads a mobile coverage file of a layout Scoran does not ship, with their own
/// mapping JSON, from /admin/imports. On a database of its own (territories only): the import
/// replaces a vintage other tests would read.
/// </summary>
public abstract class MobileUploadMappingTests(DatabaseProvider provider)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private const string Mapping = """
        {
          "id": "ma-region-4g-v1",
          "label": "Couverture 4G de notre observatoire, une colonne par opérateur",
          "dataset": "coverage",
          "columns": { "commune": ["Code commune"], "population": ["Population"] },
          "defaults": { "technology": "4G", "level": "bonne couverture", "area_km2": "0" },
          "operatorColumns": [
            { "column": "Orange 4G pop", "operator": "orange", "measure": "population_covered" },
            { "column": "SFR 4G pop", "operator": "sfr", "measure": "population_covered" }
          ]
        }
        """;

    private const string Coverage = "Code commune;Population;Orange 4G pop;SFR 4G pop\n21231;156000;150000;140000\n25056;119000;;100000\n";

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string? token, string mapping, string mappingName = "mon-format.json")
    {
        var form = new MultipartFormDataContent { { new StringContent("arcep-mobile"), "kind" } };
        if (token is not null)
        {
            form.Add(new StringContent(token), "__RequestVerificationToken");
        }

        var data = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(Coverage));
        data.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(data, "arcep-mobile-couverture", "couverture-observatoire_2025T4.csv");
        var json = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(mapping));
        json.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        form.Add(json, "arcep-mobile-mapping", mappingName);
        return await client.PostAsync("/admin/imports", form, Token);
    }

    [Fact]
    public async Task A_file_uploaded_with_its_own_mapping_is_imported_and_an_invalid_mapping_is_refused_naming_the_field_with_nothing_changed()
    {
        TestDatabase.RequireEngine(provider);
        await using var database = await TestDatabase.CreateAsync(provider, "mobileupload", TestTemplates.France);
        await using var factory = new ScoranAppFactory(database.Storage);
        async Task<(int Rows, int Imports)> StoredAsync()
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ScoranDbContext>();
            return (await db.Set<MobileCoverage>().CountAsync(Token), await db.Set<DatasetImport>().CountAsync(i => i.Dataset == MobileImporter.CoverageDataset, Token));
        }

        // Without an account: refused before anything is read.
        var anonymous = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var refusedAnonymous = await PostAsync(anonymous, null, Mapping);
        Assert.NotEqual(HttpStatusCode.OK, refusedAnonymous.StatusCode);
        Assert.Equal((0, 0), await StoredAsync());

        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var email = await TestAccounts.CreateAsync(factory.Services, ScoranRoles.DataManager);
        Assert.Equal(HttpStatusCode.Redirect, (await TestAccounts.SignInAsync(client, email)).StatusCode);
        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/admin/imports", Token));
        Assert.Contains("<label for=\"arcep-mobile-mapping\">Mapping de colonnes JSON (facultatif", page);

        // An invalid mapping: a French error naming the field, and nothing imported.
        var invalid = await PostAsync(client, await TestAccounts.AntiforgeryTokenAsync(client, "/admin/imports"), Mapping.Replace("\"operator\": \"sfr\"", "\"operator\": \"Zorglub\""));
        var invalidHtml = WebUtility.HtmlDecode(await invalid.Content.ReadAsStringAsync(Token));
        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        Assert.Contains("mapping ma-region-4g-v1 invalide : « operatorColumns[1].operator » : opérateur inconnu « Zorglub »", invalidHtml);
        Assert.Contains("mon-format.json", invalidHtml);
        Assert.Equal((0, 0), await StoredAsync());

        var broken = await PostAsync(client, await TestAccounts.AntiforgeryTokenAsync(client, "/admin/imports"), """{ "id": "x", "label": "x", "columns": { "commune": "Code commune" } }""");
        var brokenHtml = WebUtility.HtmlDecode(await broken.Content.ReadAsStringAsync(Token));
        Assert.Contains("champ « dataset » manquant ou inconnu", brokenHtml);
        Assert.Contains("champ « columns.commune » : liste non vide de noms de colonnes attendue", brokenHtml);
        Assert.Equal((0, 0), await StoredAsync());

        // The same file with a valid mapping: read through it, imported, with provenance.
        var imported = await PostAsync(client, await TestAccounts.AntiforgeryTokenAsync(client, "/admin/imports"), Mapping);
        var importedHtml = WebUtility.HtmlDecode(await imported.Content.ReadAsStringAsync(Token));
        Assert.Contains("Fichier couverture mobile par commune, millésime 2025T4 importé : 2 communes, 3 lignes.", importedHtml);
        Assert.Contains("Colonnes lues selon le mapping « ma-region-4g-v1 ».", importedHtml);
        Assert.Equal((3, 1), await StoredAsync());
    }
}

public sealed class SqliteMobileUploadMappingTests() : MobileUploadMappingTests(DatabaseProvider.Sqlite);

public sealed class PostgresMobileUploadMappingTests() : MobileUploadMappingTests(DatabaseProvider.Postgres);
