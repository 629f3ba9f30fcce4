namespace Scoran.Core;

/// <summary>
/// Finds the root of a Scoran clone (the folder holding Scoran.slnx). Running from a clone is the
/// supported way to run Scoran, so defaults such as node_modules/ and data/contours/ are found
/// from there whatever the working directory.
/// </summary>
public static class RepositoryLayout
{
    public const string SolutionFile = "Scoran.slnx";

    /// <summary>The first clone root above any of the start folders (defaults: working directory, then the binaries' folder).</summary>
    public static string? FindRoot(params string[] starts)
    {
        foreach (var start in starts.Length > 0 ? starts : [Directory.GetCurrentDirectory(), AppContext.BaseDirectory])
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, SolutionFile)))
                {
                    return dir.FullName;
                }
            }
        }

        return null;
    }
}
