using System.Security.Cryptography;

namespace Scoran.Core.Uploads;

/// <summary>
/// Keeps accepted uploads in a folder outside the web root (see <see cref="ScoranFiles"/>):
/// they are served only through a page or an endpoint that checks who may read them.
/// </summary>
public static class UploadStore
{
    /// <summary>Copies an upload to memory, to be checked, hashed and written once it passes (callers bound its size first).</summary>
    public static async Task<MemoryStream> BufferAsync(Stream content, CancellationToken ct = default)
    {
        var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, ct);
        buffer.Position = 0;
        return buffer;
    }

    public static string Sha256(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>
    /// Stores <paramref name="bytes"/> under their SHA-256 (« ab/abcd….pdf »), so the same file
    /// uploaded twice is kept once; answers the hash and the path relative to <paramref name="folder"/>, with '/'.
    /// </summary>
    public static async Task<(string Sha256, string RelativePath)> SaveByHashAsync(string folder, byte[] bytes, string extension, CancellationToken ct = default)
    {
        var sha = Sha256(bytes);
        var relative = Path.Combine(sha[..2], sha + extension);
        var path = Path.Combine(folder, relative);
        CreatePrivateDirectory(folder);
        CreatePrivateDirectory(Path.GetDirectoryName(path)!);
        if (!File.Exists(path))
        {
            // F11: uploads are readable by the application's user only (0600 in 0700 folders), never world-readable.
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            try
            {
                await using var file = new FileStream(path, options);
                await file.WriteAsync(bytes, ct);
            }
            catch (IOException) when (File.Exists(path))
            {
                // The same content was stored at the same moment by another request.
            }
        }

        return (sha, relative.Replace('\\', '/'));
    }

    /// <summary>Creates a folder that only the application's user may read, list or enter (0700 on Unix).</summary>
    public static void CreatePrivateDirectory(string folder)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
        }
        else if (!Directory.Exists(folder))
        {
            Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }
}
