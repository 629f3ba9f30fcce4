using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scoran.Core.Audit;
using Scoran.Data;
using Scoran.Funding;
using Scoran.Funding.Dossiers;
using Scoran.Resources.Tests;
using Scoran.Testing;

namespace Scoran.Web.Tests.Api;

/// <summary>
/// Pieces joined to a funding dossier go through the shared upload checks: type by content (a
/// renamed program is refused), size, and storage under a name of ours in a folder outside wwwroot.
/// </summary>
public abstract class FundingAttachmentTests(DatabaseProvider provider)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_real_pdf_is_kept_under_our_name_and_renamed_programs_or_misnamed_files_are_refused()
    {
        TestDatabase.RequireEngine(provider);
        await using var f = await FundingDatabase.CreateAsync(provider);
        var holder = new FundingActor("porteur@cize.test", "Commune de Cize", IsAdministrator: false, IsAgent: false);
        var folder = Path.Combine(Path.GetTempPath(), $"scoran-funding-{Guid.NewGuid():N}");
        try
        {
            var dossier = await f.WithScopeAsync(sp => sp.GetRequiredService<FundingService>()
                .CreateDossierAsync(holder, "bfc-usages-innovants-projets-et-tiers-lieux", "Tiers-lieu de Cize", 200_000m, 100_000m, Token));

            async Task<string> RefusalAsync(string name, byte[] bytes, long? size = null)
            {
                var refused = await Assert.ThrowsAsync<FundingRuleException>(() => f.WithScopeAsync(sp => sp.GetRequiredService<FundingService>()
                    .AttachAsync(holder, dossier.Id, name, "application/octet-stream", new MemoryStream(bytes), size ?? bytes.Length, folder, Token)));
                Assert.Equal("file", refused.Field);
                return refused.Message;
            }

            Assert.Equal("Le fichier « devis.pdf » est un programme exécutable : les exécutables sont refusés.", await RefusalAsync("devis.pdf", ResourceTestFiles.Executable()));
            Assert.Equal("Le fichier n'est pas un PDF.", await RefusalAsync("devis.pdf", ResourceTestFiles.Docx("x")));
            Assert.Equal("Le fichier n'est pas un PNG (contenu non reconnu).", await RefusalAsync("plan.png", ResourceTestFiles.Pdf("x")));
            Assert.Equal("Types acceptés : .pdf, .png, .jpg, .odt, .ods, .docx, .xlsx", await RefusalAsync("setup.exe", ResourceTestFiles.Executable()));
            Assert.Equal("Fichier vide ou de plus de 10 Mo.", await RefusalAsync("gros.pdf", ResourceTestFiles.Pdf("x"), FundingService.MaxDocumentBytes + 1));
            Assert.Equal("Fichier vide ou de plus de 10 Mo.", await RefusalAsync("vide.pdf", [], 0));
            Assert.False(Directory.Exists(folder) && Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Any(), "a refused file must not be written");

            var pdf = ResourceTestFiles.Pdf("Devis du mobilier");
            var doc = await f.WithScopeAsync(sp => sp.GetRequiredService<FundingService>()
                .AttachAsync(holder, dossier.Id, "pieces/devis.pdf", "text/plain", new MemoryStream(pdf), pdf.Length, folder, Token));
            Assert.Equal(("devis.pdf", "application/pdf", (long)pdf.Length), (doc.FileName, doc.ContentType, doc.Size));
            // F11: the shared hashed upload store (ab/<sha256>.pdf), the file 0600 and its folders 0700.
            var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf));
            Assert.Equal($"{sha[..2]}/{sha}.pdf", doc.StoredName);
            Assert.Equal(pdf, await File.ReadAllBytesAsync(Path.Combine(folder, doc.StoredName), Token));
            Assert.Equal(sha, doc.Sha256);
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(folder, doc.StoredName)));
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));
            }

            var audit = await f.WithScopeAsync(sp => sp.GetRequiredService<ScoranDbContext>().Set<AuditEntry>()
                .Where(a => a.EntityId == dossier.Id.ToString() && a.Action == "document-attached").CountAsync(Token));
            Assert.Equal(1, audit);
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}

public sealed class SqliteFundingAttachmentTests() : FundingAttachmentTests(DatabaseProvider.Sqlite);

public sealed class PostgresFundingAttachmentTests() : FundingAttachmentTests(DatabaseProvider.Postgres);
