using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Scoran.Testing;

namespace Scoran.Web.Tests.Api;

/// <summary>
/// (Part of MobileApiTests, same fixture.) Antenna sites per commune over the API and downloads, on the mobile web fixture (the invented
/// L93 extract, 2018T1: in Côte-d'Or Orange has 2 sites — Dijon with 2G/3G/4G, Clémencey with
/// nothing flagged —, SFR 1 in Dijon without 4G, Bouygues 1 in Beaune with 2G/4G).
/// </summary>
public abstract partial class MobileApiTests
{

    [Fact]
    public async Task Communes_get_their_site_counts_for_the_chosen_operator_and_technology_with_zeros_and_the_source()
    {
        var client = Client();

        var all = await client.GetFromJsonAsync<JsonElement>("/api/observatory/mobile/departement/21/antennes/communes", Token);
        var orange4G = await client.GetFromJsonAsync<JsonElement>("/api/observatory/mobile/departement/21/antennes/communes?operateur=orange&technologie=4G", Token);
        var sfr4G = await client.GetFromJsonAsync<JsonElement>("/api/observatory/mobile/departement/21/antennes/communes?operateur=SFR&technologie=4g", Token);
        var children = await client.GetFromJsonAsync<JsonElement>("/api/territories/departement/21/children?kind=commune", Token);

        Assert.Equal(("2018T1", 4, 2), (all.GetProperty("vintage").GetString(), all.GetProperty("sites").GetInt32(), all.GetProperty("max").GetInt32()));
        Assert.Equal(children.GetArrayLength(), all.GetProperty("communes").GetArrayLength());
        Assert.Equal(3, all.GetProperty("communes").EnumerateArray().Count(c => c.GetProperty("sites").GetInt32() > 0));
        Assert.Equal(2, all.GetProperty("communes").EnumerateArray().Single(c => c.GetProperty("code").GetString() == "21231").GetProperty("sites").GetInt32());
        Assert.Equal(("orange", "Orange", "4G", 1), (orange4G.GetProperty("operator").GetString(), orange4G.GetProperty("operatorName").GetString(), orange4G.GetProperty("technology").GetString(), orange4G.GetProperty("sites").GetInt32()));
        Assert.Equal("21231", orange4G.GetProperty("communes").EnumerateArray().Single(c => c.GetProperty("sites").GetInt32() > 0).GetProperty("code").GetString());
        Assert.Equal(0, sfr4G.GetProperty("sites").GetInt32());
        Assert.Contains("millésime 2018T1, Licence Ouverte 2.0", all.GetProperty("source").GetProperty("line").GetString());
        Assert.DoesNotContain("latitude", all.GetRawText(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_bad_operator_or_technology_is_a_400_naming_the_field_and_the_route_is_in_the_openapi_document()
    {
        var client = Client();

        var response = await client.GetAsync("/api/observatory/mobile/departement/21/antennes/communes?operateur=zorglub&technologie=6G", Token);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Token);
        var openApi = await client.GetStringAsync("/openapi/v1.json", Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.True(problem.GetProperty("errors").TryGetProperty("operateur", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("technologie", out _));
        Assert.Contains("/api/observatory/mobile/{kind}/{code}/antennes/communes", openApi);
        Assert.Contains("/api/observatory/mobile/{kind}/{code}/antennes.csv", openApi);
        Assert.Contains("/api/observatory/mobile/{kind}/{code}/antennes.xlsx", openApi);
    }

    [Fact]
    public async Task The_downloads_carry_source_vintage_and_licence_and_counts_only()
    {
        var client = Client();

        var csv = await client.GetAsync("/api/observatory/mobile/departement/21/antennes.csv", Token);
        var xlsx = await client.GetAsync("/api/observatory/mobile/departement/21/antennes.xlsx", Token);
        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/observatoire/mobile/departement/21", Token));

        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var text = (await csv.Content.ReadAsStringAsync(Token)).TrimStart('\uFEFF');
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("# Source : Arcep — « Mon réseau mobile » (sites mobiles", lines[0]);
        Assert.EndsWith("; millésime 2018T1 ; licence Licence Ouverte 2.0", lines[0]);
        Assert.Equal("code_commune;commune;operateur;technologie;sites;millesime", lines[2]);
        Assert.Contains("21231;Dijon;Orange;4G;1;2018T1", lines);
        Assert.Equal(3 + 11, lines.Length);
        Assert.Equal("antennes-departement-21-2018T1.csv", csv.Content.Headers.ContentDisposition!.FileNameStar ?? csv.Content.Headers.ContentDisposition.FileName);
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
        var bytes = await xlsx.Content.ReadAsByteArrayAsync(Token);
        Assert.Equal((byte)'P', bytes[0]);
        // The page offers the layer (with its French legend) and the downloads.
        Assert.Contains("Sites d'antennes mobiles par commune", page);
        Assert.Contains("Légende : nombre de sites d'antennes de l'opérateur et de la technologie choisis dans la commune", page);
        Assert.Contains("/api/observatory/mobile/departement/21/antennes.xlsx", page);
        Assert.DoesNotContain("data-testid=\"mobile-antennas-synthetic\"", page);
    }
}

