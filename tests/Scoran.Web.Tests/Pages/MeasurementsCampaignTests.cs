using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scoran.Accounts;
using Scoran.Core.Audit;
using Scoran.Data;
using Scoran.Observatory.Measurements;
using Scoran.Testing;
using Scoran.Web.Tests.Api;

namespace Scoran.Web.Tests.Pages;

/// <summary>A project team defines a campaign on its page, issues a contributor token, and follows the tagged measurements.</summary>
public abstract partial class MeasurementsCampaignTests(DatabaseProvider provider)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [GeneratedRegex("data-testid=\"issued-token\">(sct_[0-9a-f]+)<")]
    private static partial Regex IssuedToken();

    [Fact]
    public async Task A_data_manager_creates_a_campaign_issues_a_token_and_the_campaign_page_counts_the_tagged_measurements()
    {
        TestDatabase.RequireEngine(provider);
        await using var database = await MeasurementsTestData.CreateAsync(provider, "meascampaign");
        await using var factory = new ScoranAppFactory(database.Storage, new Dictionary<string, string> { ["Scoran:Measurements:MinimumContributors"] = "1" });
        var anonymous = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var manager = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var email = await TestAccounts.CreateAsync(factory.Services, ScoranRoles.DataManager);
        Assert.Equal(HttpStatusCode.Redirect, (await TestAccounts.SignInAsync(manager, email)).StatusCode);

        // People without the role see no creation form.
        Assert.DoesNotContain("Nouvelle campagne", await anonymous.GetStringAsync("/observatoire/mesures/campagnes", Token));
        var today = TestClock.Today;
        var form = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await TestAccounts.AntiforgeryTokenAsync(manager, "/observatoire/mesures/campagnes"),
            ["Code"] = "dijon-2026", ["Name"] = "Dijon à pied", ["TerritoryKind"] = "commune", ["TerritoryCode"] = "21231",
            ["StartsOn"] = today.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["EndsOn"] = today.AddDays(6).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Operators"] = "20801, 20820", ["Protocol"] = "Extérieur, à l'arrêt, une mesure par rue.",
        };
        var created = await manager.PostAsync("/observatoire/mesures/campagnes", new FormUrlEncodedContent(form), Token);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal("/observatoire/mesures/campagnes/dijon-2026", created.Headers.Location?.OriginalString);

        // A second campaign with the same code is refused on the form, with the reason.
        form["__RequestVerificationToken"] = await TestAccounts.AntiforgeryTokenAsync(manager, "/observatoire/mesures/campagnes");
        var again = await manager.PostAsync("/observatoire/mesures/campagnes", new FormUrlEncodedContent(form), Token);
        Assert.Contains("Une campagne porte déjà ce code.", WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync(Token)));

        var tokenPage = await manager.PostAsync("/observatoire/mesures/campagnes/dijon-2026?handler=Token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await TestAccounts.AntiforgeryTokenAsync(manager, "/observatoire/mesures/campagnes/dijon-2026"),
            ["TokenLabel"] = "Équipe départementale 21",
        }), Token);
        var secret = IssuedToken().Match(await tokenPage.Content.ReadAsStringAsync(Token)).Groups[1].Value;
        Assert.StartsWith("sct_", secret);

        async Task<HttpResponseMessage> Submit(string? token, object item)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/measurements") { Content = JsonContent.Create(item) };
            if (token is not null)
            {
                request.Headers.Add("X-Contributor-Token", token);
            }

            return await anonymous.SendAsync(request, Token);
        }

        Assert.Equal(HttpStatusCode.OK, (await Submit(secret, MeasurementsTestData.Item("c1", 47.3220, 5.0415, "ignored-with-token", campaign: "dijon-2026"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Submit(secret, MeasurementsTestData.Item("c2", 47.3190, 5.0450, "other", op: "20820", campaign: "dijon-2026"))).StatusCode);
        var wrongOperator = await Submit(secret, MeasurementsTestData.Item("c3", 47.3220, 5.0415, "p", op: "20810", campaign: "dijon-2026"));
        Assert.Contains("campaign", await wrongOperator.Content.ReadAsStringAsync(Token));
        var outside = await Submit(secret, MeasurementsTestData.Item("c4", 47.0260, 4.8400, "p", campaign: "dijon-2026"));
        Assert.Contains("Position hors du territoire de la campagne.", await outside.Content.ReadAsStringAsync(Token));
        var unknownToken = await Submit("sct_inconnu", MeasurementsTestData.Item("c5", 47.3220, 5.0415, "p"));
        Assert.Equal(HttpStatusCode.BadRequest, unknownToken.StatusCode);
        Assert.Contains("contributorToken", await unknownToken.Content.ReadAsStringAsync(Token));

        // Two measurements under one token: one contributor, whatever the installation ids.
        var report = await anonymous.GetFromJsonAsync<JsonElement>("/api/measurements/campaigns/dijon-2026", Token);
        Assert.Equal((2, 1), (report.GetProperty("measurements").GetInt32(), report.GetProperty("contributors").GetInt32()));
        var page = WebUtility.HtmlDecode(await anonymous.GetStringAsync("/observatoire/mesures/campagnes/dijon-2026", Token));
        Assert.Contains("Bouygues Telecom", page);
        Assert.Contains("Dijon (2)", page);
        Assert.Contains("<dt>Territoire</dt><dd>Dijon (commune 21231)</dd>", page);
        // Followed live by a polling script, not by reloading the page.
        Assert.Contains("data-campaign-live=\"/api/measurements/campaigns/dijon-2026/live\" data-running=\"true\"", page);
        Assert.DoesNotContain(secret, page);

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ScoranDbContext>();
        var stored = await db.Set<ContributorToken>().SingleAsync(Token);
        Assert.Equal(MeasurementRules.Hash("token", secret), stored.TokenHash);
        Assert.Equal("dijon-2026", stored.CampaignCode);
        Assert.Equal(email, (await AuditTrail.HistoryAsync(db, "observatory.measurement-campaign", "dijon-2026", Token)).Single().Author);
    }
}

public sealed class SqliteMeasurementsCampaignTests() : MeasurementsCampaignTests(DatabaseProvider.Sqlite);

public sealed class PostgresMeasurementsCampaignTests() : MeasurementsCampaignTests(DatabaseProvider.Postgres);
