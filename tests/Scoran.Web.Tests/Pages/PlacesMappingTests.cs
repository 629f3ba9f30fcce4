using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scoran.Accounts;
using Scoran.Core.Audit;
using Scoran.Data;
using Scoran.Resources.Places;
using Scoran.Territories.Import;
using Scoran.Testing;

namespace Scoran.Web.Tests.Pages;

/// <summary>A regional network's own CSV imported through the column-mapping step, by an editor; the mapping is kept for the next file.</summary>
public abstract partial class PlacesMappingTests(DatabaseProvider provider)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private const string Csv = "Identifiant;Nom du lieu;Ville;CP;Insee;Rue;Lat;Lon;Heures\n" +
                               "m1;Espace numérique de Montbard;Montbard;21500;21425;2 rue Carnot;47.6237;4.3378;Tu-Sa 10:00-12:00\n" +
                               "m2;Tiers-lieu de Semur;Semur-en-Auxois;21140;21603;\"1 place\nde l'Hôtel de ville\";47.4914;4.3336;Mo-Fr 14:00-18:00\n";

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string source, string csv)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(await TestAccounts.AntiforgeryTokenAsync(client, "/ressources/lieux/importer")), "__RequestVerificationToken" },
            { new StringContent(source), "SourceName" },
        };
        var content = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(csv));
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(content, "Upload", "lieux-reseau.csv");
        return await client.PostAsync("/ressources/lieux/importer?handler=Upload", form, Token);
    }

    private static async Task<string> ImportAsync(HttpClient client, string html, string source, Dictionary<string, string> mapping)
    {
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = RequestToken().Match(html).Groups[1].Value,
            ["Token"] = UploadToken().Match(html).Groups[1].Value,
            ["SourceName"] = source,
        };
        foreach (var (field, column) in mapping)
        {
            fields[$"Map[{field}]"] = column;
        }

        var response = await client.PostAsync("/ressources/lieux/importer?handler=Import", new FormUrlEncodedContent(fields), Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Token));
    }

    [Fact]
    public async Task An_editor_maps_a_network_file_previews_it_imports_it_and_the_mapping_is_kept()
    {
        TestDatabase.RequireEngine(provider);
        await using var database = await TestDatabase.CreateAsync(provider, "placesmapping", TestTemplates.France);
        await using var factory = new ScoranAppFactory(database.Storage);

        var anonymous = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var refused = await anonymous.GetAsync("/ressources/lieux/importer", Token);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/compte/connexion", refused.Headers.Location!.ToString());

        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync("/ressources/lieux/doublons", Token)).StatusCode);

        var contributor = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        await TestAccounts.SignInAsync(contributor, await TestAccounts.CreateAsync(factory.Services, ScoranRoles.Contributor));
        var forbidden = await contributor.GetAsync("/ressources/lieux/importer", Token);
        Assert.Contains("acces-refuse", forbidden.Headers.Location?.ToString() ?? forbidden.StatusCode.ToString(), StringComparison.OrdinalIgnoreCase);

        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var editor = await TestAccounts.CreateAsync(factory.Services, ScoranRoles.Editor);
        Assert.Equal(HttpStatusCode.Redirect, (await TestAccounts.SignInAsync(client, editor)).StatusCode);

        var upload = await UploadAsync(client, "MedNum BFC", Csv);
        var html = WebUtility.HtmlDecode(await upload.Content.ReadAsStringAsync(Token));
        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        Assert.Contains("Aperçu des 2 premières lignes", html);
        Assert.Contains("Espace numérique de Montbard", html);

        var mapping = new Dictionary<string, string>
        {
            ["id"] = "Identifiant", ["nom"] = "Nom du lieu", ["commune"] = "Ville", ["code_postal"] = "CP", ["code_insee"] = "Insee",
            ["adresse"] = "Rue", ["latitude"] = "Lat", ["longitude"] = "Lon", ["horaires"] = "Heures",
        };
        var done = await ImportAsync(client, html, "MedNum BFC", mapping);
        Assert.Contains("2 lieu(x) importé(s) pour la source « reseau-mednum-bfc »", done);

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ScoranDbContext>();
            var places = await db.Set<InclusionPlace>().Where(p => p.Source == "reseau-mednum-bfc").OrderBy(p => p.SourceId).ToListAsync(Token);
            Assert.Equal(["m1", "m2"], places.Select(p => p.SourceId));
            Assert.Equal(("21", "Tu-Sa 10:00-12:00", 2L), (places[0].DepartementCode, places[0].OpeningHours, places[0].SourceLine));
            Assert.Equal("1 place\nde l'Hôtel de ville", places[1].Address);
            Assert.Equal(mapping.OrderBy(kv => kv.Key).ToList(), (await db.Set<PlaceColumnMapping>().SingleAsync(Token)).Mapping.OrderBy(kv => kv.Key).ToList());
            Assert.Contains(await db.Set<AuditEntry>().Where(a => a.EntityType == "resources.places-mapping").ToListAsync(Token), a => a.Author == editor && a.Action == "created");
        }

        // One source only: no pair to review, and the editor may open the review page.
        Assert.Contains("Aucun doublon proposé", await client.GetStringAsync("/ressources/lieux/doublons", Token));

        // Next file of the same network: the saved mapping is proposed; a bad latitude rejects the whole file, naming line and column.
        var next = WebUtility.HtmlDecode(await (await UploadAsync(client, "MedNum BFC", Csv.Replace("47.4914", "nord"))).Content.ReadAsStringAsync(Token));
        Assert.Contains("Correspondance enregistrée le", next);
        Assert.Matches("<option value=\"Nom du lieu\" selected=\"selected\">", next);
        var rejected = await ImportAsync(client, next, "MedNum BFC", mapping);
        Assert.Contains("Fichier refusé : rien n'a été importé", rejected);
        Assert.Matches(@"<tr><td>3</td><td>7</td><td>latitude : « nord »", rejected);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            Assert.Equal(2, await scope.ServiceProvider.GetRequiredService<ScoranDbContext>().Set<InclusionPlace>().CountAsync(Token));
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex RequestToken();

    [GeneratedRegex("name=\"Token\" value=\"([0-9a-f]{32})\"")]
    private static partial Regex UploadToken();
}

public sealed class SqlitePlacesMappingTests() : PlacesMappingTests(DatabaseProvider.Sqlite);

public sealed class PostgresPlacesMappingTests() : PlacesMappingTests(DatabaseProvider.Postgres);
