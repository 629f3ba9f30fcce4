using Scoran.Observatory.Eligibility;
using Scoran.Testing;

namespace Scoran.Observatory.Tests.Eligibility;

/// <summary>Synthetic eligibility files generated from the real France Services positions (shared/), under artifacts/.</summary>
internal static class EligibilityFixtures
{
    public static string FranceServices => Path.Combine(SharedData.Root, "data", "inclusion", "france-services", "liste-fs-20221201.csv");

    public static string DemoFolder => Path.Combine(SharedData.RepositoryRoot, "data", "arcep", "eligibilite-demo");

    public static string DemoBuildings => Path.Combine(DemoFolder, "immeubles-demo-bfc.csv");

    public static string DemoEligibility => Path.Combine(DemoFolder, "eligibilite-demo-bfc.csv");

    public static readonly string[] Bfc = ["21", "25", "39", "58", "70", "71", "89", "90"];

    /// <summary>Writes a pair for the given sites into a fresh folder; returns both paths.</summary>
    public static async Task<(string Buildings, string Eligibility)> WriteAsync(IReadOnlyList<DemoSite> sites, string name, int neighbours = 8)
    {
        var folder = Path.Combine(SharedData.ArtifactsFolder("eligibility"), $"{name}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var buildings = Path.Combine(folder, "immeubles.csv");
        var eligibility = Path.Combine(folder, "eligibilite.csv");
        await EligibilityDemoGenerator.WriteAsync(sites, buildings, eligibility, neighbours);
        return (buildings, eligibility);
    }

    /// <summary>An index over a release without a database: every commune code of the file is taken as current.</summary>
    public static EligibilityIndex IndexOf(EligibilityRelease release)
    {
        var communes = release.FileCommunes.Select(c => c.Code).ToList();
        var map = Enumerable.Range(0, communes.Count).Select(i => (ushort)i).ToArray();
        return new EligibilityIndex(EligibilityImporter.BuildSnapshot(release, "test", communes, map));
    }
}
