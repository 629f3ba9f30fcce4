using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scoran.Accounts;
using Scoran.Data;
using Scoran.Observatory.Model;
using Scoran.Territories.Import;
using Scoran.Testing;

namespace Scoran.Web.Tests.Pages;

/// <summary>
/// The 2020+ workbook uploaded from /admin/imports. It runs on a database of its own: importing a
/// newer release into the shared one would change what every other test reads as "latest".
/// </summary>
public abstract partial class WideUploadTests(DatabaseProvider provider)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_data_manager_uploads_the_2020_workbook_and_the_release_is_stored_with_its_notes()
    {
        TestDatabase.RequireEngine(provider);
        await using var database = await TestDatabase.CreateAsync(provider, "wideupload", TestTemplates.France);
        await using var factory = new ScoranAppFactory(database.Storage);
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var email = await TestAccounts.CreateAsync(factory.Services, ScoranRoles.DataManager);
        var signIn = await TestAccounts.SignInAsync(client, email);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/admin/imports", Token));
        Assert.Contains("Arcep — déploiement FttH par commune (format 2020+)", page);
        Assert.Contains("accept=\".csv,.xlsx\"", page);

        var workbook = WideFixture.Write(WideFormat.Xlsx);
        var form = new MultipartFormDataContent
        {
            { new StringContent("arcep-ftth-2020"), "kind" },
            { new StringContent(await TestAccounts.AntiforgeryTokenAsync(client, "/admin/imports")), "__RequestVerificationToken" },
        };
        var content = new ByteArrayContent(await File.ReadAllBytesAsync(workbook, Token));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        form.Add(content, "arcep-ftth-2020-fichier", "2020t4-obs-hd-thd-deploiement.xlsx");
        var response = await client.PostAsync("/admin/imports", form, Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Token));
        Assert.Matches(@"Publication 2020T4 importée : \d+ communes, 5 trimestres", html);
        Assert.Contains("21513 → 21178", html);
        Assert.Contains("taux > 100 %", html);
        Assert.Contains("RIP par défaut", html);

        // Belfort's connectable premises exceed the estimate at T4 2020: the raw rate is shown and flagged.
        var belfort = WebUtility.HtmlDecode(await client.GetStringAsync("/observatoire/commune/90010", Token));
        Assert.Contains("Le nombre de locaux raccordables dépasse le nombre de locaux estimé", belfort);
        Assert.Contains("locaux (meilleure estimation d'Arcep)", belfort);

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ScoranDbContext>();
        var stored = await db.Set<FtthCommuneQuarter>().Where(q => q.Release == "2020T4" && q.Quarter == 20204).SumAsync(q => q.ConnectablePremises, Token);
        Assert.Equal(WideFixture.Communes.Sum(c => c.Connectable[^1]), stored);
        var estimate = await db.Set<FtthCommuneProfile>().Where(p => p.Release == "2020T4").SumAsync(p => p.BestPremisesEstimate, Token);
        Assert.Equal(WideFixture.Communes.Sum(c => c.Estimate), estimate);
    }


}

public sealed class SqliteWideUploadTests() : WideUploadTests(DatabaseProvider.Sqlite);

public sealed class PostgresWideUploadTests() : WideUploadTests(DatabaseProvider.Postgres);
