using Scoran.Core;

namespace Scoran.Benchmarks;

/// <summary>
/// Paths into the clone and into the shared/ data folder checked out beside it, found the same
/// way as tests/Scoran.Testing/SharedData.cs (BenchmarkDotNet runs each case from a generated
/// project under bin/, which is still below the repository root).
/// </summary>
public static class BenchPaths
{
    public static string RepositoryRoot { get; } = RepositoryLayout.FindRoot(AppContext.BaseDirectory, Directory.GetCurrentDirectory())
        ?? throw new InvalidOperationException("Scoran.slnx not found above " + AppContext.BaseDirectory);

    /// <summary>decoupage-administratif 6.0.0: the whole of France (régions, départements, EPCI, communes).</summary>
    public static string Territories =>
        Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "data", "territoires", "decoupage-administratif-6.0.0"));

    /// <summary>The BFC outlines shipped with Scoran (eight commune files, the départements and the région).</summary>
    public static string BfcContours => Path.Combine(RepositoryRoot, "data", "contours", "bfc");

    public static IReadOnlyList<string> BfcContourFiles() =>
        Directory.EnumerateFiles(BfcContours, "*.geojson", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>A scratch folder under artifacts/ (ignored by git).</summary>
    public static string ArtifactsFolder(string name)
    {
        var folder = Path.Combine(RepositoryRoot, "artifacts", name);
        Directory.CreateDirectory(folder);
        return folder;
    }
}
