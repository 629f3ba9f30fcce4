using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Scoran.Data;
using Scoran.Observatory.Commitments;
using Scoran.Observatory.Connexion;
using Scoran.Observatory.Import.Arcep;
using Scoran.Territories.Import;

namespace Scoran.Testing;

/// <summary>
/// A database state built once per test run and engine, then copied for each test that starts from it
/// (a file copy for SQLite, <c>CREATE DATABASE … TEMPLATE</c> for PostgreSQL). Migrating a schema or importing
/// France is done once for the whole run instead of once per test: that was most of the suite's time.
/// </summary>
/// <param name="Name">Short name, part of the template's file or database name.</param>
/// <param name="Fill">What is loaded on top of <paramref name="BasedOn"/>'s state, through the real importers.</param>
/// <param name="BasedOn">The state this one starts from; null for the empty migrated schema.</param>
public sealed record TestTemplate(string Name, Func<TestDatabase, Task>? Fill, TestTemplate? BasedOn);

/// <summary>The templates the suite shares. Tests may write to their copy; the template itself never changes.</summary>
public static class TestTemplates
{
    /// <summary>The empty schema with every migration applied.</summary>
    public static TestTemplate Migrated { get; } = new("migrated", null, null);

    /// <summary>All régions, départements, EPCI and communes of France (shared/ decoupage-administratif 6.0.0), no outline.</summary>
    public static TestTemplate France { get; } = new("france", async database =>
    {
        var set = await DecoupageAdministratifSource.ReadAsync(SharedData.Territories);
        await database.WithScopeAsync(sp => sp.GetRequiredService<TerritoriesImporter>().ImportAsync(set));
    }, Migrated);

    /// <summary><see cref="France"/> plus the BFC commune, département and région outlines.</summary>
    public static TestTemplate FranceWithBfcOutlines { get; } = new("france-bfc", async database =>
    {
        var outlines = await ContoursImporter.ReadAsync(SharedData.BfcContourFiles());
        await database.WithScopeAsync(sp => sp.GetRequiredService<ContoursImporter>().ImportAsync(outlines, BfcOutlinesSource));
    }, France);

    /// <summary>
    /// <see cref="FranceWithBfcOutlines"/> plus Arcep's FttH release of T1 2018, its L. 33-13 commitments and the
    /// SYNTHETIC « Ma connexion internet » demo files: the state <see cref="ImportedTerritories"/> serves.
    /// </summary>
    public static TestTemplate Observatory { get; } = new("observatory", async database =>
    {
        var ftth = Path.Combine(SharedData.Root, "data", "ftth", "arcep-observatoire-2018T1");
        var deployment = await ArcepFtthImporter.ReadAsync(
            Path.Combine(ftth, ArcepFtthImporter.DeploymentFileName), Path.Combine(ftth, ArcepFtthImporter.InformationFileName));
        var commitments = await CommitmentImporter.ReadAsync(Path.Combine(ftth, ArcepFtthImporter.InformationFileName));
        await database.WithScopeAsync(async sp =>
        {
            await sp.GetRequiredService<ArcepFtthImporter>().ImportAsync(deployment);
            await sp.GetRequiredService<CommitmentImporter>().ImportAsync(commitments);
            foreach (var file in SharedData.ConnexionDemoFiles())
            {
                await sp.GetRequiredService<ConnexionImporter>().ImportAsync(await ConnexionFiles.ReadAsync(file));
            }
        });
    }, FranceWithBfcOutlines);

    /// <summary>The source label the outlines of <see cref="FranceWithBfcOutlines"/> are imported under.</summary>
    public const string BfcOutlinesSource = "shared/data/geo/france-geojson";

    private static readonly ConcurrentDictionary<(DatabaseProvider, string), Lazy<Task>> Built = new();

    /// <summary>
    /// Identifies this build of the code that makes templates, so a run never copies a template made by another
    /// build: scoran.sh sets <c>SCORAN_TEST_RUN</c> per run; otherwise the assemblies' version identifiers.
    /// </summary>
    internal static string RunKey { get; } = ComputeRunKey();

    private static string ComputeRunKey()
    {
        var run = Environment.GetEnvironmentVariable("SCORAN_TEST_RUN");
        var material = !string.IsNullOrWhiteSpace(run) ? run : string.Join("|",
            new[] { typeof(TestTemplates), typeof(ScoranDbContext), typeof(TerritoriesImporter), typeof(ArcepFtthImporter) }
                .Select(t => t.Assembly.ManifestModule.ModuleVersionId));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(material)))[..12];
    }

    /// <summary>Builds <paramref name="template"/> for this engine unless this run already has it (in any test process).</summary>
    internal static Task EnsureAsync(DatabaseProvider provider, TestTemplate template) =>
        Built.GetOrAdd((provider, template.Name), _ => new Lazy<Task>(() => BuildAsync(provider, template))).Value;

    private static async Task BuildAsync(DatabaseProvider provider, TestTemplate template)
    {
        if (template.BasedOn is { } basedOn)
        {
            await EnsureAsync(provider, basedOn);
        }

        await TestDatabase.BuildTemplateAsync(provider, template);
    }
}
