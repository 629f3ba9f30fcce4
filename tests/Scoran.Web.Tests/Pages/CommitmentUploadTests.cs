using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scoran.Accounts;
using Scoran.Data;
using Scoran.Observatory.Commitments;
using Scoran.Territories.Import;
using Scoran.Testing;

namespace Scoran.Web.Tests.Pages;

/// <summary>
/// A commitment register uploaded from /admin/imports. On a database of its own: a new register
/// would show up in the catalogue and the commitment reports other tests read from the shared one.
/// </summary>
public abstract partial class CommitmentUploadTests(DatabaseProvider provider)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_register_uploaded_by_a_data_manager_is_recorded_under_its_file_name_with_codes_mapped()
    {
        TestDatabase.RequireEngine(provider);
        await using var database = await TestDatabase.CreateAsync(provider, "commitmentupload", TestTemplates.France);
        await using var factory = new ScoranAppFactory(database.Storage);
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var email = await TestAccounts.CreateAsync(factory.Services, ScoranRoles.DataManager);
        var signIn = await TestAccounts.SignInAsync(client, email);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

        var register = System.Text.Encoding.UTF8.GetBytes(string.Join('\n',
            "code_commune;code_operateur;nom_operateur;zone;locaux;part;echeance;base_legale;statut;source",
            "25462;AXIO;Altitude Infra;AMEL;1 200;;2019-06-30;AMEL (L. 33-13);accepté;Convention AMEL Doubs 2018",
            "21513;AXIO;Altitude Infra;RIP;;50 %;2019-12-31;;;Délégation de service public Côte-d'Or"));
        var form = new MultipartFormDataContent
        {
            { new StringContent("commitments"), "kind" },
            { new StringContent(await TestAccounts.AntiforgeryTokenAsync(client, "/admin/imports")), "__RequestVerificationToken" },
        };
        var content = new ByteArrayContent(register);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(content, "commitments-registre", "engagements-amel-doubs.csv");
        var response = await client.PostAsync("/admin/imports", form, Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Token));
        Assert.Contains("Registre engagements-amel-doubs importé : 2 engagements sur 2 communes.", html);
        Assert.Contains("21513 → 21178", html);
        await using var scope = factory.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<ScoranDbContext>().Set<OperatorCommitment>()
            .Where(c => c.Register == "engagements-amel-doubs").Select(c => c.CommuneCode).OrderBy(c => c).ToListAsync(Token);
        Assert.Equal(["21178", "25462"], stored);
    }


}

public sealed class SqliteCommitmentUploadTests() : CommitmentUploadTests(DatabaseProvider.Sqlite);

public sealed class PostgresCommitmentUploadTests() : CommitmentUploadTests(DatabaseProvider.Postgres);
