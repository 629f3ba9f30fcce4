using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scoran.Accounts;
using Scoran.Core.Audit;
using Scoran.Data;
using Scoran.Funding;
using Scoran.Funding.Editing;
using Scoran.Funding.Model;
using Scoran.Testing;
using Scoran.Web.Tests.Api;

namespace Scoran.Web.Tests.Pages;

/// <summary>
/// The scheme management pages (/financements/gestion): who may use them, that a refused or invalid post changes
/// nothing, and that an edit made there is what the finder computes with at once — on both engines.
/// </summary>
public abstract class FundingManagementTests(DatabaseProvider provider)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;
    private const string TiersLieux = "bfc-usages-innovants-projets-et-tiers-lieux";
    private const string Cize = "/api/funding/finder?beneficiaire=commune&territoire=39153&theme=tiers-lieux&montant=200000&nonEligibles=true";

    /// <summary>The form fields that reproduce <paramref name="s"/>, as a browser would post them.</summary>
    private static List<KeyValuePair<string, string>> Form(AidScheme s, Action<Dictionary<string, string>>? change = null)
    {
        var i = SchemeEditing.From(s);
        var single = new Dictionary<string, string>
        {
            ["Name"] = i.Name ?? "", ["Backer"] = i.Backer ?? "", ["Programme"] = i.Programme ?? "", ["AidType"] = i.AidType.ToString()!, ["Status"] = i.Status.ToString()!,
            ["Perimeter"] = string.Join("\n", i.Perimeter!), ["RatePercent"] = i.RatePercent?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
            ["CeilingEuros"] = i.CeilingEuros?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "", ["CeilingPeriod"] = i.CeilingPeriod.ToString()!,
            ["BonusPercentPoints"] = i.BonusPercentPoints?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "", ["BonusCondition"] = i.BonusCondition ?? "",
            ["FloorEuros"] = i.FloorEuros?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "", ["MaxPublicAidPercent"] = i.MaxPublicAidPercent?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
            ["OpensOn"] = i.OpensOn?.ToString("yyyy-MM-dd") ?? "", ["ClosesOn"] = i.ClosesOn?.ToString("yyyy-MM-dd") ?? "", ["Source"] = i.Source ?? "", ["Contact"] = i.Contact ?? "",
            ["Conditions"] = string.Join("\n", i.Conditions!), ["Documents"] = string.Join("\n", i.Documents!),
        };
        change?.Invoke(single);
        var fields = single.ToList();
        fields.AddRange(i.Beneficiaries!.Select(b => KeyValuePair.Create("Beneficiaries", b)));
        fields.AddRange(i.Themes!.Select(t => KeyValuePair.Create("Themes", t)));
        return fields;
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, List<KeyValuePair<string, string>> fields, bool token = true)
    {
        // The token is the account's, whatever the form: read it from the management list.
        if (token) fields.Add(KeyValuePair.Create("__RequestVerificationToken", await TestAccounts.AntiforgeryTokenAsync(client, "/financements/gestion")));
        return await client.PostAsync(url, new FormUrlEncodedContent(fields), Token);
    }

    private static Task<AidScheme> SchemeAsync(FundingDatabase f, string id) =>
        f.WithScopeAsync(async sp => (await sp.GetRequiredService<FundingService>().SchemeAsync(id, Token))!);

    private static Task<List<AuditEntry>> HistoryAsync(FundingDatabase f, string id) =>
        f.WithScopeAsync(sp => AuditTrail.HistoryAsync(sp.GetRequiredService<ScoranDbContext>(), FundingAudit.Scheme, id, Token));

    private static async Task<JsonElement> FinderLineAsync(HttpClient client, string id) =>
        (await client.GetFromJsonAsync<JsonElement>(Cize, Token)).EnumerateArray().Single(r => r.GetProperty("id").GetString() == id);

    [Fact]
    public async Task Only_funding_managers_edit_schemes_invalid_or_forged_posts_change_nothing_and_an_edit_reaches_the_finder_at_once()
    {
        TestDatabase.RequireEngine(provider);
        await using var f = await FundingDatabase.CreateAsync(provider);
        var original = await SchemeAsync(f, TiersLieux);
        Assert.Equal(50m, original.RatePercent);
        var imported = (await HistoryAsync(f, TiersLieux)).Count; // the catalogue import's own entries
        var url = $"/financements/gestion/dispositif/{TiersLieux}";

        // Anonymous: pages send to the sign-in form, the API answers 401; a project holder gets access denied / 403.
        var anonymous = f.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var toLogin = await anonymous.GetAsync("/financements/gestion", Token);
        Assert.Equal(HttpStatusCode.Redirect, toLogin.StatusCode);
        Assert.Contains("/compte/connexion", toLogin.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.PostAsync(url, new FormUrlEncodedContent(Form(original, d => d["RatePercent"] = "99")), Token)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PutAsJsonAsync($"/api/funding/schemes/{TiersLieux}", new { name = "x", backer = "x", source = "x" }, Token)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync($"/api/funding/schemes/{TiersLieux}/archive", null, Token)).StatusCode);
        var holder = await f.SignedInAsync(await f.AccountAsync("Commune de Cize", ScoranRoles.ProjectHolder));
        var denied = await holder.GetAsync(url, Token);
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.Contains("/compte/acces-refuse", denied.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.Forbidden, (await holder.PutAsJsonAsync($"/api/funding/schemes/{TiersLieux}", new { name = "x", backer = "x", source = "x" }, Token)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await holder.PostAsync($"/api/funding/schemes/{TiersLieux}/archive", null, Token)).StatusCode);

        // A funding agent without the form's antiforgery token: refused.
        var agentEmail = await f.AccountAsync("Région Bourgogne-Franche-Comté", ScoranRoles.FundingAgent);
        var agent = await f.SignedInAsync(agentEmail);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(agent, url, Form(original, d => d["RatePercent"] = "99"), token: false)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await agent.PostAsync($"/financements/gestion?handler=Archive&id={TiersLieux}", new FormUrlEncodedContent([]), Token)).StatusCode);

        // Invalid input: French errors on the fields, the API's same rules, nothing written.
        var invalid = await PostAsync(agent, url, Form(original, d => { d["RatePercent"] = "150"; d["CeilingEuros"] = "beaucoup"; d["Name"] = " "; d["Perimeter"] = "lune:1"; }));
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var html = WebUtility.HtmlDecode(await invalid.Content.ReadAsStringAsync(Token));
        Assert.Contains("Le taux est un pourcentage entre 0 et 100.", html);
        Assert.Contains("« beaucoup » n'est pas un nombre", html);
        Assert.Contains("Le nom est obligatoire.", html);
        Assert.Contains("Périmètre invalide : lune:1", html);
        var problem = await agent.PutAsJsonAsync($"/api/funding/schemes/{TiersLieux}", new { name = original.Name, backer = original.Backer, source = original.Source, ratePercent = 150 }, Token);
        Assert.Equal(HttpStatusCode.BadRequest, problem.StatusCode);
        Assert.Equal("Le taux est un pourcentage entre 0 et 100.", (await problem.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("errors").GetProperty("ratePercent")[0].GetString());
        var unchanged = await SchemeAsync(f, TiersLieux);
        Assert.Equal((50m, original.Name, original.UpdatedAt), (unchanged.RatePercent, unchanged.Name, unchanged.UpdatedAt));
        Assert.Equal(imported, (await HistoryAsync(f, TiersLieux)).Count);
        Assert.Equal(100_000m, (await FinderLineAsync(anonymous, TiersLieux)).GetProperty("maxAmount").GetDecimal());

        // A valid edit: 60 % (French decimal input) is what the finder and the scheme page use right away; audited by the agent.
        var saved = await PostAsync(agent, url, Form(original, d => d["RatePercent"] = "60,0"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var edited = await SchemeAsync(f, TiersLieux);
        Assert.Equal(60m, edited.RatePercent);
        Assert.Equal(original.Description, edited.Description);
        Assert.Equal(original.EligibleCosts, edited.EligibleCosts);
        Assert.Equal(original.Beneficiaries, edited.Beneficiaries);
        var line = await FinderLineAsync(anonymous, TiersLieux);
        Assert.True(line.GetProperty("eligible").GetBoolean());
        Assert.Equal(120_000m, line.GetProperty("maxAmount").GetDecimal());
        var history = (await HistoryAsync(f, TiersLieux)).Skip(imported).ToList();
        Assert.Equal(("updated", agentEmail), (history.Single().Action, history.Single().Author));
        Assert.Contains("\"ratePercent\":50", history.Single().BeforeJson);
        Assert.Contains("\"ratePercent\":60", history.Single().AfterJson);
        var page = WebUtility.HtmlDecode(await agent.GetStringAsync(url, Token));
        Assert.Contains("data-verb=\"updated\">Modification", page);
        Assert.Contains("value=\"60\"", page);

        // Archive: kept in the management list, never eligible; unarchive gives back the status it had.
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(agent, $"/financements/gestion?handler=Archive&id={TiersLieux}", [])).StatusCode);
        Assert.Equal(SchemeStatus.Historical, (await SchemeAsync(f, TiersLieux)).Status);
        Assert.False((await FinderLineAsync(anonymous, TiersLieux)).GetProperty("eligible").GetBoolean());
        Assert.Contains(TiersLieux, await agent.GetStringAsync("/financements/gestion?statut=Historical", Token));
        Assert.Equal(HttpStatusCode.OK, (await agent.PostAsync($"/api/funding/schemes/{TiersLieux}/unarchive", null, Token)).StatusCode);
        Assert.Equal(SchemeStatus.Open, (await SchemeAsync(f, TiersLieux)).Status);
        Assert.Equal(["updated", "archived", "unarchived"], (await HistoryAsync(f, TiersLieux)).Skip(imported).Select(h => h.Action));

        // Create: a new scheme from the form, found by the finder; an existing identifier is refused.
        var created = await PostAsync(agent, "/financements/gestion/dispositif", Form(original, d => { d["NewId"] = "bfc-test-creation"; d["Name"] = "Dispositif de test"; d["RatePercent"] = "25"; d["CeilingEuros"] = "10 000"; }));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal(10_000m, (await FinderLineAsync(anonymous, "bfc-test-creation")).GetProperty("maxAmount").GetDecimal());
        var duplicate = await PostAsync(agent, "/financements/gestion/dispositif", Form(original, d => { d["NewId"] = TiersLieux; d["RatePercent"] = "1"; }));
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.Equal(60m, (await SchemeAsync(f, TiersLieux)).RatePercent);
    }
}

public sealed class SqliteFundingManagementTests() : FundingManagementTests(DatabaseProvider.Sqlite);

public sealed class PostgresFundingManagementTests() : FundingManagementTests(DatabaseProvider.Postgres);
