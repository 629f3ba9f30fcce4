using System.IO.Compression;
using Scoran.Core.Uploads;
using Scoran.Resources.Documents;
using Scoran.Resources.Projects;

namespace Scoran.Resources.Tests;

/// <summary>The shared upload checks of Scoran.Core (documents, project images, funding attachments all go through them).</summary>
public sealed class UploadPolicyTests
{
    private static readonly byte[] Png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R'];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0];
    private static readonly byte[] WebP = [.. "RIFF"u8, 26, 0, 0, 0, .. "WEBPVP8 "u8];
    private static readonly byte[] Svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"u8.ToArray();

    private static readonly UploadPolicy Documents = new(1 << 20, [UploadType.Pdf, UploadType.Docx, UploadType.Odt, UploadType.Xlsx]);
    private static readonly UploadPolicy Images = new(1 << 20, [UploadType.Png, UploadType.Jpeg, UploadType.WebP], ExtensionMustMatch: false);

    private static UploadCheck Check(UploadPolicy policy, string name, byte[] bytes) => policy.Check(name, bytes.Length, new MemoryStream(bytes));

    private static byte[] Ods()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var writer = new StreamWriter(zip.CreateEntry("mimetype", CompressionLevel.NoCompression).Open()))
            {
                writer.Write(UploadType.Ods.ContentType);
            }

            zip.CreateEntry("content.xml");
        }

        return buffer.ToArray();
    }

    [Fact]
    public void Every_type_is_recognised_from_its_content_whatever_its_name()
    {
        Assert.Equal(UploadType.Pdf, UploadSniffer.Sniff(new MemoryStream(ResourceTestFiles.Pdf("x"))));
        Assert.Equal(UploadType.Docx, UploadSniffer.Sniff(new MemoryStream(ResourceTestFiles.Docx("x"))));
        Assert.Equal(UploadType.Odt, UploadSniffer.Sniff(new MemoryStream(ResourceTestFiles.Odt("x"))));
        Assert.Equal(UploadType.Ods, UploadSniffer.Sniff(new MemoryStream(Ods())));
        Assert.Equal(UploadType.Png, UploadSniffer.Sniff(new MemoryStream(Png)));
        Assert.Equal(UploadType.Jpeg, UploadSniffer.Sniff(new MemoryStream(Jpeg)));
        Assert.Equal(UploadType.WebP, UploadSniffer.Sniff(new MemoryStream(WebP)));
        Assert.Null(UploadSniffer.Sniff(new MemoryStream(Svg)));
        Assert.Null(UploadSniffer.Sniff(new MemoryStream("PK\u0003\u0004 not a zip"u8.ToArray())));
    }

    [Fact]
    public void Sniffing_leaves_the_stream_at_its_start_for_the_next_reader()
    {
        var content = new MemoryStream(ResourceTestFiles.Docx("x"));
        Assert.True(Documents.Check("a.docx", content.Length, content).Accepted);
        Assert.Equal(0, content.Position);
    }

    [Theory]
    [InlineData("programme.pdf")]
    [InlineData("photo.png")]
    public void Executables_are_refused_under_any_name_and_policy(string name)
    {
        Assert.Equal(UploadRefusal.Executable, Check(Documents, name, ResourceTestFiles.Executable()).Refusal);
        Assert.Equal(UploadRefusal.Executable, Check(Images, name, ResourceTestFiles.Executable()).Refusal);
        Assert.Equal(UploadRefusal.Executable, Check(Documents, name, [0x7f, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1]).Refusal);
        Assert.Equal(UploadRefusal.Executable, Check(Documents, name, "#!/bin/sh\nrm -rf /\n"u8.ToArray()).Refusal);
        Assert.Equal(UploadRefusal.Executable, Check(Documents, name, [0xCF, 0xFA, 0xED, 0xFE, 7, 0, 0, 1]).Refusal);
    }

    [Fact]
    public void Size_is_checked_before_the_content_is_read()
    {
        Assert.Equal(UploadRefusal.Empty, Documents.Check("a.pdf", 0, Stream.Null).Refusal);
        // Stream.Null would sniff as nothing: a refusal for size proves the content was not looked at.
        Assert.Equal(UploadRefusal.TooLarge, Documents.Check("a.pdf", (1 << 20) + 1, Stream.Null).Refusal);
        Assert.True(new UploadPolicy(Png.Length, Images.Allowed, false).Check("a.png", Png.Length, new MemoryStream(Png)).Accepted);
    }

    [Fact]
    public void Only_the_allowed_types_pass_and_the_extension_must_agree_where_the_policy_says_so()
    {
        Assert.Equal(UploadRefusal.NotAllowed, Check(Documents, "a.pdf", Png).Refusal);
        Assert.Equal(UploadRefusal.NotAllowed, Check(Documents, "a.ods", Ods()).Refusal);
        Assert.Equal(UploadRefusal.NotAllowed, Check(Images, "a.svg", Svg).Refusal);
        Assert.Equal(UploadRefusal.NotAllowed, Check(Images, "a.png", ResourceTestFiles.Pdf("x")).Refusal);

        var mismatch = Check(Documents, "a.odt", ResourceTestFiles.Docx("x"));
        Assert.Equal((UploadType.Docx, UploadRefusal.ExtensionMismatch), (mismatch.Type, mismatch.Refusal));
        Assert.Equal(UploadType.Pdf, Check(Documents, "RAPPORT.PDF", ResourceTestFiles.Pdf("x")).Type);

        // Images are served under the type found, so a misnamed one passes as what it is.
        var image = Check(Images, "photo.png", Jpeg);
        Assert.Equal((UploadType.Jpeg, (UploadRefusal?)null), (image.Type, image.Refusal));
    }

    [Fact]
    public void Type_by_extension_reads_jpeg_as_jpg_and_knows_nothing_else()
    {
        Assert.Equal(UploadType.Jpeg, UploadType.ByExtension("photo.JPEG"));
        Assert.Equal(UploadType.Jpeg, UploadType.ByExtension("photo.jpg"));
        Assert.Equal(UploadType.Xlsx, UploadType.ByExtension("plan.xlsx"));
        Assert.Null(UploadType.ByExtension("setup.exe"));
        Assert.Null(UploadType.ByExtension("sans-extension"));
    }

    [Fact]
    public void Sizes_read_in_french_units()
    {
        Assert.Equal("19,5 ko", UploadPolicy.SizeLabel(20_000));
        Assert.Equal("20 Mo", UploadPolicy.SizeLabel(20L * 1024 * 1024));
        Assert.Equal("1,5 Mo", UploadPolicy.SizeLabel(1024 * 1024 * 3 / 2));
    }

    [Fact]
    public async Task The_store_keeps_one_copy_per_content_under_its_hash_outside_any_web_root()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"scoran-uploads-{Guid.NewGuid():N}");
        try
        {
            var bytes = ResourceTestFiles.Pdf("x");
            var first = await UploadStore.SaveByHashAsync(folder, bytes, ".pdf", TestContext.Current.CancellationToken);
            var second = await UploadStore.SaveByHashAsync(folder, bytes, ".pdf", TestContext.Current.CancellationToken);
            Assert.Equal(first, second);
            Assert.Equal(64, first.Sha256.Length);
            Assert.Equal($"{first.Sha256[..2]}/{first.Sha256}.pdf", first.RelativePath);
            Assert.Equal(bytes, await File.ReadAllBytesAsync(Path.Combine(folder, first.RelativePath), TestContext.Current.CancellationToken));
            Assert.Single(Directory.GetFiles(folder, "*", SearchOption.AllDirectories));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Each_capability_keeps_its_own_french_wording_of_the_shared_refusals()
    {
        Assert.Equal("Le fichier « a.odt » a l'extension « .odt » mais son contenu est un DOCX : renommez-le ou déposez le bon fichier.",
            UploadInspector.Inspect("a.odt", 10, new MemoryStream(ResourceTestFiles.Docx("x")), 1 << 20).Refusal);
        Assert.Equal("Le fichier « x.png » n'est pas un PDF, DOCX, ODT ou XLSX valide (contenu non reconnu).",
            UploadInspector.Inspect("x.png", Png.Length, new MemoryStream(Png), 1 << 20).Refusal);
        Assert.Equal("Le fichier « a.pdf » est trop volumineux (1 Mo) : la taille maximale est de 19,5 ko.",
            UploadInspector.Inspect("a.pdf", 1 << 20, Stream.Null, 20_000).Refusal);
        Assert.Equal("Le fichier « a.exe.png » n'est pas une image PNG, JPEG ou WebP.",
            ImageInspector.Inspect("a.exe.png", new MemoryStream(ResourceTestFiles.Executable()), 208, 1 << 20).Refusal);
        Assert.Equal("L'image « a.png » est trop volumineuse (1 Mo) : la taille maximale est de 19,5 ko.",
            ImageInspector.Inspect("a.png", Stream.Null, 1 << 20, 20_000).Refusal);
        Assert.Equal(("image/webp", ".webp", (string?)null), ImageInspector.Inspect("a.png", new MemoryStream(WebP), WebP.Length, 1 << 20));
    }
}
