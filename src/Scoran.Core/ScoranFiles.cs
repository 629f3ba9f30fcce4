namespace Scoran.Core;

/// <summary>
/// The folder where capabilities keep data files that do not belong in the database (large
/// read-only snapshots loaded in memory). It sits next to the SQLite file, or under var/ for
/// PostgreSQL, and never under wwwroot: nothing in it is served as is.
/// </summary>
public sealed record ScoranFiles(string Root)
{
    /// <summary>A sub-folder of <see cref="Root"/>, created if needed.</summary>
    public string Folder(string name)
    {
        var folder = Path.Combine(Root, name);
        // F11: not world-readable (0700 on Unix) when created here.
        Uploads.UploadStore.CreatePrivateDirectory(Root);
        Uploads.UploadStore.CreatePrivateDirectory(folder);
        return folder;
    }
}
