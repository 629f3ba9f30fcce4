using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scoran.Data;
using Scoran.Funding.Model;
using Scoran.Testing;

namespace Scoran.Web.Tests.Security;

/// <summary>Security review F10: anonymous saved searches are validated, capped at 2 KB, re-encoded for the redirect and rate-limited per address.</summary>
public abstract class SavedSearchLimitTests(DatabaseProvider provider)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task F10_huge_or_header_breaking_saved_searches_are_refused_and_saving_is_rate_limited()
    {
        TestDatabase.RequireEngine(provider);
        await using var database = await TestDatabase.CreateAsync(provider, "secsaved");
        await using var factory = new ScoranAppFactory(database.Storage, new Dictionary<string, string> { ["Scoran:SavedSearches:PerMinute"] = "4" });
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var token = await TestAccounts.AntiforgeryTokenAsync(client, "/financements/recherche");

        Task<HttpResponseMessage> SaveAsync(string query) => client.PostAsync("/financements/recherche?handler=Save", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["query"] = query,
        }), Token);

        Assert.Equal(HttpStatusCode.BadRequest, (await SaveAsync("texte=" + new string('A', 300_000))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await SaveAsync("texte=a\r\nSet-Cookie: x=1")).StatusCode);
        var ok = await SaveAsync("beneficiaire=commune&montant=200000&inconnu=x&texte=tiers lieux");
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.StartsWith("/financements/recherche?beneficiaire=commune&montant=200000&texte=tiers%20lieux&enregistree=", ok.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync("beneficiaire=commune")).StatusCode);
        // Fifth POST of the minute from this address, with a limit of 4.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await SaveAsync("beneficiaire=commune")).StatusCode);

        await using var scope = factory.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<ScoranDbContext>().Set<SavedSearch>().AsNoTracking().ToListAsync(Token);
        Assert.Equal(["beneficiaire=commune", "beneficiaire=commune&montant=200000&texte=tiers%20lieux"], stored.Select(s => s.Query).Order(StringComparer.Ordinal));
    }
}

public sealed class SqliteSavedSearchLimitTests() : SavedSearchLimitTests(DatabaseProvider.Sqlite);

public sealed class PostgresSavedSearchLimitTests() : SavedSearchLimitTests(DatabaseProvider.Postgres);
