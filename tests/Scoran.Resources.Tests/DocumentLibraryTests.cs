using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scoran.Core.Audit;
using Scoran.Data;
using Scoran.Resources.Contributions;
using Scoran.Resources.Documents;
using Scoran.Testing;

namespace Scoran.Resources.Tests;

/// <summary>Upload checks, text extraction and French full-text search, on a real database of each engine.</summary>
public abstract class DocumentLibraryTests(DatabaseProvider provider)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static DocumentDescription Guide(string title) =>
        new(title, DocumentCategory.Guide, "Licence Ouverte 2.0", "Région (test)", new DateOnly(2026, 6, 1), Themes: "inclusion numérique", Territories: "25");

    internal static ServiceProvider Services(TestDatabase database, long maxBytes = 20L * 1024 * 1024, Action<ResourcesOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddScoranTestData(database.Storage);
        services.AddResources();
        services.Configure<ResourcesOptions>(o =>
        {
            o.MaxUploadBytes = maxBytes;
            configure?.Invoke(o);
        });
        return services.BuildServiceProvider();
    }

    private static async Task<UploadOutcome> UploadAsync(IServiceProvider sp, string title, string fileName, byte[] bytes, bool publish = true)
    {
        await using var scope = sp.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DocumentLibrary>()
            .UploadAsync(Guide(title), fileName, new MemoryStream(bytes), bytes.Length, "editeur@test.invalid", publish, Token);
    }

    private static async Task<IReadOnlyList<DocumentMatch>> SearchAsync(IServiceProvider sp, string words)
    {
        await using var scope = sp.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DocumentSearchIndex>().SearchAsync(words, ct: Token);
    }

    [Fact]
    public async Task Uploaded_files_of_each_format_are_found_by_a_word_of_their_text_with_an_excerpt()
    {
        TestDatabase.RequireEngine(provider);
        await using var database = await TestDatabase.CreateAsync(provider, "resdocs");
        await using var sp = Services(database);

        Assert.Null((await UploadAsync(sp, "Guide PDF", "guide.pdf", ResourceTestFiles.Pdf("Accompagner les usagers", "La mutualisation des conseillers numériques réduit les coûts."))).Refusal);
        Assert.Null((await UploadAsync(sp, "Modèle DOCX", "modele.docx", ResourceTestFiles.Docx("Convention de partenariat", "Article 1 : la gouvernance du réseau d'initiative publique."))).Refusal);
        Assert.Null((await UploadAsync(sp, "Note ODT", "note.odt", ResourceTestFiles.Odt("Étude sur la couverture en téléphonie des vallées."))).Refusal);

        var pdf = await SearchAsync(sp, "mutualisation");
        var hit = Assert.Single(pdf);
        Assert.Contains(DocumentSearchIndex.MarkStart + "mutualisation" + DocumentSearchIndex.MarkEnd, hit.Snippet, StringComparison.OrdinalIgnoreCase);
        Assert.Single(await SearchAsync(sp, "gouvernance"));
        Assert.Single(await SearchAsync(sp, "téléphonie vallées"));
        Assert.Empty(await SearchAsync(sp, "mutualisation gouvernance"));
        // Accents typed or not, the same words are found.
        Assert.Single(await SearchAsync(sp, "telephonie"));
    }

    [Fact]
    public async Task A_title_match_ranks_above_a_body_match()
    {
        TestDatabase.RequireEngine(provider);
        await using var database = await TestDatabase.CreateAsync(provider, "resrank");
        await using var sp = Services(database);
        var inBody = await UploadAsync(sp, "Note générale", "a.pdf", ResourceTestFiles.Pdf("Une ligne sur la fibre optique."));
        var inTitle = await UploadAsync(sp, "Guide de la fibre", "b.pdf", ResourceTestFiles.Pdf("Le raccordement des locaux et la fibre."));

        var hits = await SearchAsync(sp, "fibre");
        Assert.Equal([inTitle.Document!.Id, inBody.Document!.Id], hits.Select(h => h.DocumentId));
    }

    [Fact]
    public async Task Executables_renamed_files_and_oversized_files_are_refused_with_a_clear_message_and_nothing_is_stored()
    {
        TestDatabase.RequireEngine(provider);
        await using var database = await TestDatabase.CreateAsync(provider, "resrefuse");
        await using var sp = Services(database, maxBytes: 2000);

        var exe = await UploadAsync(sp, "Programme", "guide.pdf", ResourceTestFiles.Executable());
        Assert.Null(exe.Document);
        Assert.Contains("exécutable", exe.Refusal);
        var big = await UploadAsync(sp, "Trop gros", "gros.pdf", ResourceTestFiles.Pdf(string.Concat(Enumerable.Repeat("texte ", 600))));
        Assert.Contains("trop volumineux", big.Refusal);
        Assert.Contains("taille maximale", big.Refusal);
        var renamed = await UploadAsync(sp, "Renommé", "guide.docx", ResourceTestFiles.Pdf("bonjour"));
        Assert.Contains("son contenu est un PDF", renamed.Refusal);
        var text = await UploadAsync(sp, "Texte", "notes.pdf", Encoding.UTF8.GetBytes("juste du texte"));
        Assert.Contains("n'est pas un PDF, DOCX, ODT ou XLSX valide", text.Refusal);

        await using var scope = sp.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ScoranDbContext>();
        Assert.Equal(0, await db.Set<ResourceDocument>().CountAsync(Token));
        Assert.Equal(0, await db.Set<DocumentVersion>().CountAsync(Token));
    }

    /// <summary>Security review F8: a DOCX whose word/document.xml is 60 MB (a few hundred KB zipped) is refused before extraction, nothing stored.</summary>
    [Fact]
    public async Task F8_a_zip_bomb_docx_is_refused_before_extraction_and_nothing_is_stored()
    {
        TestDatabase.RequireEngine(provider);
        await using var database = await TestDatabase.CreateAsync(provider, "resbomb");
        await using var sp = Services(database);
        var bomb = ResourceTestFiles.DocxBomb(60L * 1024 * 1024);
        Assert.True(bomb.Length < 1024 * 1024, $"bomb is {bomb.Length} bytes");

        var outcome = await UploadAsync(sp, "Bombe", "bombe.docx", bomb, publish: false);
        Assert.Null(outcome.Document);
        Assert.Contains("décompressé dépasse 50 Mo", outcome.Refusal);
        Assert.Contains("n'a pas été enregistré", outcome.Refusal);

        await using var scope = sp.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ScoranDbContext>();
        Assert.Equal(0, await db.Set<ResourceDocument>().CountAsync(Token));
        Assert.Equal(0, await db.Set<DocumentVersion>().CountAsync(Token));
        var folder = scope.ServiceProvider.GetRequiredService<DocumentLibrary>().Folder;
        Assert.True(!Directory.Exists(folder) || Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Length == 0);
    }

    /// <summary>Security review F11 (part): files of the hashed upload store are 0600 in 0700 folders, never world-readable.</summary>
    [Fact]
    public async Task F11_stored_upload_files_and_their_folders_are_readable_by_the_application_user_only()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Unix file modes only.
        }

        TestDatabase.RequireEngine(provider);
        await using var database = await TestDatabase.CreateAsync(provider, "resmode");
        await using var sp = Services(database);
        var outcome = await UploadAsync(sp, "Guide", "guide.pdf", ResourceTestFiles.Pdf("Un guide."));
        Assert.Null(outcome.Refusal);

        await using var scope = sp.CreateAsyncScope();
        var library = scope.ServiceProvider.GetRequiredService<DocumentLibrary>();
        var path = library.PathOf(Assert.Single(outcome.Document!.Versions));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        var owner = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        Assert.Equal(owner, File.GetUnixFileMode(Path.GetDirectoryName(path)!));
    }

    /// <summary>F8: the extraction time limit and the text cut are settings.</summary>
    [Fact]
    public async Task F8_extraction_past_the_time_limit_is_refused_and_long_text_is_cut()
    {
        TestDatabase.RequireEngine(provider);
        await using var database = await TestDatabase.CreateAsync(provider, "resslow");
        await using (var slow = Services(database, configure: o => o.ExtractionTimeout = TimeSpan.Zero))
        {
            var outcome = await UploadAsync(slow, "Lent", "lent.pdf", ResourceTestFiles.Pdf("Un texte ordinaire."));
            Assert.Null(outcome.Document);
            Assert.Contains("a dépassé 0 s", outcome.Refusal);
        }

        var text = TextExtractor.Extract(DocumentFileFormat.Docx, new MemoryStream(ResourceTestFiles.Docx(new string('a', 5000), new string('b', 5000))),
            new ExtractionLimits(50L * 1024 * 1024, 6000, TimeSpan.FromSeconds(20)));
        Assert.Equal(6000, text.Length);
    }

    [Fact]
    public async Task A_new_version_keeps_the_old_one_and_search_follows_the_current_text()
    {
        TestDatabase.RequireEngine(provider);
        await using var database = await TestDatabase.CreateAsync(provider, "resversion");
        await using var sp = Services(database);
        var first = await UploadAsync(sp, "Guide des subventions", "guide.pdf", ResourceTestFiles.Pdf("Premier texte sur les dotations."));
        await using (var scope = sp.CreateAsyncScope())
        {
            var bytes = ResourceTestFiles.Pdf("Second texte sur les redevances.");
            var outcome = await scope.ServiceProvider.GetRequiredService<DocumentLibrary>()
                .AddVersionAsync(first.Document!.Id, "guide-v2.pdf", new MemoryStream(bytes), bytes.Length, "editeur@test.invalid", "mise à jour 2026", Token);
            Assert.Null(outcome.Refusal);
        }

        Assert.Empty(await SearchAsync(sp, "dotations"));
        Assert.Single(await SearchAsync(sp, "redevances"));
        await using (var scope = sp.CreateAsyncScope())
        {
            var library = scope.ServiceProvider.GetRequiredService<DocumentLibrary>();
            var document = await library.PublishedAsync(first.Document!.Id, Token);
            Assert.Equal([1, 2], document!.Versions.OrderBy(v => v.Number).Select(v => v.Number));
            Assert.All(document.Versions, v => Assert.True(File.Exists(library.PathOf(v))));
            Assert.DoesNotContain(Path.Combine("src", "Scoran.Web", "wwwroot"), library.Folder, StringComparison.Ordinal);
            var history = await AuditTrail.HistoryAsync(scope.ServiceProvider.GetRequiredService<ScoranDbContext>(), "resources.document", first.Document.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Token);
            Assert.Equal(["created", "version-added"], history.Select(h => h.Action));
        }
    }

    [Fact]
    public async Task A_contributor_s_document_is_not_searchable_until_an_editor_publishes_it()
    {
        TestDatabase.RequireEngine(provider);
        await using var database = await TestDatabase.CreateAsync(provider, "resmoddoc");
        await using var sp = Services(database);
        var proposed = await UploadAsync(sp, "Proposition", "p.pdf", ResourceTestFiles.Pdf("Le maillage des tiers-lieux."), publish: false);
        Assert.Empty(await SearchAsync(sp, "maillage"));

        await using (var scope = sp.CreateAsyncScope())
        {
            var moderation = scope.ServiceProvider.GetRequiredService<ModerationService>();
            var pending = Assert.Single(await moderation.PendingAsync(Token));
            Assert.Equal(proposed.Document!.Id, pending.EntryId);
            Assert.True(await moderation.PublishAsync(pending.Id, "editeur@test.invalid", null, Token));
        }

        Assert.Single(await SearchAsync(sp, "maillage"));
    }
}

public sealed class SqliteDocumentLibraryTests() : DocumentLibraryTests(DatabaseProvider.Sqlite);

public sealed class PostgresDocumentLibraryTests() : DocumentLibraryTests(DatabaseProvider.Postgres);

public sealed class UploadInspectorTests
{
    [Fact]
    public void Office_formats_are_told_apart_by_their_entries()
    {
        Assert.Equal(DocumentFileFormat.Docx, UploadInspector.Inspect("a.docx", 10, new MemoryStream(ResourceTestFiles.Docx("x")), 1 << 20).Format);
        Assert.Equal(DocumentFileFormat.Odt, UploadInspector.Inspect("a.odt", 10, new MemoryStream(ResourceTestFiles.Odt("x")), 1 << 20).Format);
        Assert.Equal(DocumentFileFormat.Pdf, UploadInspector.Inspect("a.PDF", 10, new MemoryStream(ResourceTestFiles.Pdf("x")), 1 << 20).Format);
        Assert.Null(UploadInspector.Inspect("a.odt", 10, new MemoryStream(ResourceTestFiles.Docx("x")), 1 << 20).Format);
    }

    [Fact]
    public void Elf_and_scripts_are_executables_too()
    {
        Assert.Contains("exécutable", UploadInspector.Inspect("x.pdf", 10, new MemoryStream([0x7f, (byte)'E', (byte)'L', (byte)'F', 1, 1]), 1 << 20).Refusal);
        Assert.Contains("exécutable", UploadInspector.Inspect("x.pdf", 10, new MemoryStream("#!/bin/sh\n"u8.ToArray()), 1 << 20).Refusal);
    }

    [Fact]
    public void Xlsx_text_is_read_from_shared_strings()
    {
        var path = Path.Combine(Path.GetTempPath(), $"scoran-{Guid.NewGuid():N}.xlsx");
        XlsxWriter.Write(path, [("Feuille", [["Financeur", "Montant"], ["FEDER", 120000L]])]);
        try
        {
            var bytes = File.ReadAllBytes(path);
            Assert.Equal(DocumentFileFormat.Xlsx, UploadInspector.Inspect("plan.xlsx", bytes.Length, new MemoryStream(bytes), 1 << 20).Format);
            var text = TextExtractor.Extract(DocumentFileFormat.Xlsx, new MemoryStream(bytes));
            Assert.Contains("FEDER", text);
            Assert.Contains("120000", text);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
