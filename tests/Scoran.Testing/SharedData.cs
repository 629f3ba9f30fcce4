using Scoran.Core;

namespace Scoran.Testing;

/// <summary>
/// Paths into the clone and into the project's shared/ folder (real public data, checked out
/// beside the repository). Tests read reference data from there, never from copies.
/// </summary>
public static class SharedData
{
    public static string RepositoryRoot { get; } = RepositoryLayout.FindRoot(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException("Scoran.slnx not found above " + AppContext.BaseDirectory);

    public static string Root { get; } = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"));

    public static string Territories => Path.Combine(Root, "data", "territoires", "decoupage-administratif-6.0.0");

    public static string GeoFrance => Path.Combine(Root, "data", "geo", "france-geojson");

    /// <summary>The SYNTHETIC « Ma connexion internet » demonstration files shipped in data/arcep/connexion-demo.</summary>
    public static IReadOnlyList<string> ConnexionDemoFiles() =>
        Directory.GetFiles(Path.Combine(RepositoryRoot, "data", "arcep", "connexion-demo"), "*.csv").Order(StringComparer.Ordinal).ToList();

    /// <summary>The hand-checkable « Ma connexion internet » fixture (tests/Scoran.Testing/Connexion, totals in its README).</summary>
    public static string ConnexionFixture(string family) => Path.Combine(RepositoryRoot, "tests", "Scoran.Testing", "Connexion", $"commune_{family}.csv");

    /// <summary>The eight BFC commune files plus the BFC département and région outlines.</summary>
    public static IReadOnlyList<string> BfcContourFiles() =>
        Directory.EnumerateFiles(Path.Combine(GeoFrance, "departements"), "communes-*.geojson", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Path.Combine(GeoFrance, "regions", "bourgogne-franche-comte"), "*.geojson")
                .Where(f => !Path.GetFileName(f).StartsWith("arrondissements", StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>A scratch folder under artifacts/ (kept after the run for inspection, ignored by git).</summary>
    public static string ArtifactsFolder(string name)
    {
        var folder = Path.Combine(RepositoryRoot, "artifacts", name);
        Directory.CreateDirectory(folder);
        return folder;
    }
}
