using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Scoran.Accounts;
using Scoran.Data;
using Scoran.Funding;
using Scoran.Funding.Editing;
using Scoran.Funding.Model;
using Scoran.Testing;
using Scoran.Web.Tests.Api;

namespace Scoran.Web.Tests.Security;

/// <summary>
/// Security review F1: a funding agent acts only on the schemes whose backer IS its organisation (exact normalised
/// identity, not a substring); changing a backer needs an administrator; a grant above the request needs an audited override.
/// </summary>
public abstract class FundingBoundaryTests(DatabaseProvider provider)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;
    private const string MicroFolies = "bfc-micro-folies";
    private const string Etat = "etat-nouveaux-lieux-nouveaux-liens";

    private static Task<AidScheme> SchemeAsync(FundingDatabase f, string id) =>
        f.WithScopeAsync(async sp => (await sp.GetRequiredService<FundingService>().SchemeAsync(id, Token))!);

    [Fact]
    public async Task F1_agent_of_another_backer_cannot_rewrite_archive_or_instruct_and_a_grant_above_the_request_needs_an_audited_override()
    {
        TestDatabase.RequireEngine(provider);
        await using var f = await FundingDatabase.CreateAsync(provider);
        var original = await SchemeAsync(f, MicroFolies);
        Assert.Equal("Région Bourgogne-Franche-Comté", original.Backer);

        // A project holder files a dossier on a Région scheme.
        var holder = await f.SignedInAsync(await f.AccountAsync("Commune de Cize", ScoranRoles.ProjectHolder));
        var created = await holder.PostAsJsonAsync("/api/funding/dossiers", new { schemeId = MicroFolies, projectTitle = "Micro-folie de test (sec)", projectCost = 100_000m, requestedAmount = 40_000m }, Token);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.OK, (await holder.PostAsJsonAsync($"/api/funding/dossiers/{id}/status", new { status = "depose" }, Token)).StatusCode);

        // The agent of « Département du Jura » rewrites the Région's scheme (backer containing its organisation, 100 %, no ceiling): 403, nothing written.
        var jura = await f.SignedInAsync(await f.AccountAsync("Département du Jura", ScoranRoles.FundingAgent));
        Assert.Equal(0, (await jura.GetFromJsonAsync<JsonElement>("/api/funding/dossiers", Token)).GetArrayLength());
        var takeover = SchemeEditing.From(original) with { Backer = "Région Bourgogne-Franche-Comté et Département du Jura", RatePercent = 100m, CeilingEuros = null };
        var put = await jura.PutAsJsonAsync($"/api/funding/schemes/{MicroFolies}", takeover, Token);
        Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);
        Assert.Equal("application/problem+json", put.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Forbidden, (await jura.PutAsJsonAsync($"/api/funding/schemes/{MicroFolies}", SchemeEditing.From(original) with { RatePercent = 100m }, Token)).StatusCode);
        var unchanged = await SchemeAsync(f, MicroFolies);
        Assert.Equal((original.Backer, original.RatePercent, original.CeilingEuros), (unchanged.Backer, unchanged.RatePercent, unchanged.CeilingEuros));
        Assert.Equal(0, (await jura.GetFromJsonAsync<JsonElement>("/api/funding/dossiers", Token)).GetArrayLength());
        Assert.Equal(HttpStatusCode.BadRequest, (await jura.PostAsJsonAsync($"/api/funding/dossiers/{id}/status", new { status = "accuse-reception" }, Token)).StatusCode);
        var etatStatus = (await SchemeAsync(f, Etat)).Status;
        Assert.NotEqual(SchemeStatus.Historical, etatStatus);
        Assert.Equal(HttpStatusCode.Forbidden, (await jura.PostAsync($"/api/funding/schemes/{Etat}/archive", null, Token)).StatusCode);
        Assert.Equal(etatStatus, (await SchemeAsync(f, Etat)).Status);
        // Nor through the management page.
        var pageToken = await TestAccounts.AntiforgeryTokenAsync(jura, "/financements/gestion");
        var pageArchive = await jura.PostAsync($"/financements/gestion?handler=Archive&id={Etat}",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = pageToken }), Token);
        Assert.NotEqual(HttpStatusCode.OK, pageArchive.StatusCode);
        Assert.DoesNotContain("fait=archive", pageArchive.Headers.Location?.ToString() ?? "");
        Assert.Equal(etatStatus, (await SchemeAsync(f, Etat)).Status);
        // It may not create a scheme for another backer either.
        Assert.Equal(HttpStatusCode.Forbidden, (await jura.PutAsJsonAsync("/api/funding/schemes/sec-faux-dispositif", SchemeEditing.From(original), Token)).StatusCode);

        // An agent whose organisation is "e" sees no dossier (substring match is gone).
        var e = await f.SignedInAsync(await f.AccountAsync("e", ScoranRoles.FundingAgent));
        Assert.Equal(0, (await e.GetFromJsonAsync<JsonElement>("/api/funding/dossiers", Token)).GetArrayLength());

        // Normalised identity: « Département de la Côte-d'Or » (straight apostrophe, other case) is the backer « Département de la Côte-d’Or ».
        var cd21 = await f.SignedInAsync(await f.AccountAsync("département de la cote-d'or", ScoranRoles.FundingAgent));
        Assert.Equal(HttpStatusCode.OK, (await cd21.PostAsync("/api/funding/schemes/cd21-cheques-du-numerique-parents-connectes/archive", null, Token)).StatusCode);

        // The Région's own agent edits its scheme but may not change its backer.
        var regionEmail = await f.AccountAsync("Région Bourgogne-Franche-Comté", ScoranRoles.FundingAgent);
        var region = await f.SignedInAsync(regionEmail);
        Assert.Equal(HttpStatusCode.OK, (await region.PutAsJsonAsync($"/api/funding/schemes/{MicroFolies}", SchemeEditing.From(original) with { RatePercent = 35m }, Token)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await region.PutAsJsonAsync($"/api/funding/schemes/{MicroFolies}", SchemeEditing.From(original) with { Backer = "Département du Jura" }, Token)).StatusCode);
        Assert.Equal(original.Backer, (await SchemeAsync(f, MicroFolies)).Backer);

        // A grant above the requested 40 000 € is refused without the explicit override, and without a justification.
        Assert.Equal(HttpStatusCode.OK, (await region.PostAsJsonAsync($"/api/funding/dossiers/{id}/status", new { status = "accuse-reception" }, Token)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await region.PostAsJsonAsync($"/api/funding/dossiers/{id}/status", new { status = "instruction" }, Token)).StatusCode);
        var over = await region.PostAsJsonAsync($"/api/funding/dossiers/{id}/status", new { status = "accorde", amount = 100_000m }, Token);
        Assert.Equal(HttpStatusCode.BadRequest, over.StatusCode);
        Assert.Contains("montant demandé", (await over.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("errors").GetProperty("amount")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await region.PostAsJsonAsync($"/api/funding/dossiers/{id}/status", new { status = "accorde", amount = 100_000m, exceedRequest = true }, Token)).StatusCode);
        var granted = await region.PostAsJsonAsync($"/api/funding/dossiers/{id}/status", new { status = "accorde", amount = 45_000m, exceedRequest = true, comment = "Surcoût validé en commission du 3 décembre" }, Token);
        Assert.Equal(HttpStatusCode.OK, granted.StatusCode);
        Assert.Equal(45_000m, (await granted.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("grantedAmount").GetDecimal());
        var history = await f.WithScopeAsync(sp => sp.GetRequiredService<FundingService>().HistoryAsync(id, Token));
        var audited = history.Last();
        Assert.Equal((FundingAudit.GrantAboveRequest, regionEmail, "Surcoût validé en commission du 3 décembre"), (audited.Action, audited.Author, audited.Comment));

        // An administrator changes the backer.
        var admin = await f.SignedInAsync(await f.AccountAsync("Région Bourgogne-Franche-Comté", ScoranRoles.Administrator));
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/funding/schemes/{MicroFolies}", SchemeEditing.From(original) with { Backer = "Département du Jura" }, Token)).StatusCode);
        Assert.Equal("Département du Jura", (await SchemeAsync(f, MicroFolies)).Backer);
    }
}

public sealed class SqliteFundingBoundaryTests() : FundingBoundaryTests(DatabaseProvider.Sqlite);

public sealed class PostgresFundingBoundaryTests() : FundingBoundaryTests(DatabaseProvider.Postgres);
