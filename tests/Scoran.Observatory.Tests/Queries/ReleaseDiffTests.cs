using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Scoran.Data;
using Scoran.Observatory.Import.Arcep;
using Scoran.Observatory.Model;
using Scoran.Observatory.Queries;
using Scoran.Territories.Import;
using Scoran.Territories.Model;
using Scoran.Testing;

namespace Scoran.Observatory.Tests.Queries;

/// <summary>
/// Only one real release exists here, so a second one ("2018T2") is made from a copy of the
/// real files with known changes, imported through the real importer; the diff must find
/// exactly those changes and nothing else.
/// </summary>
public abstract class ReleaseDiffTests(DatabaseProvider provider)
{
    private static readonly string Folder = Path.Combine(SharedData.Root, "data", "ftth", "arcep-observatoire-2018T1");
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>
    /// Writes the 2018T2 release: a T2 2018 column equal to T1 2018 except Dijon (+1 000);
    /// Besançon's T4 2017 restated (+50); Belfort's housing revised (27 420 → 27 500);
    /// Abbans-Dessus moved under an SFR L.33-13 commitment; Abbans-Dessous left out.
    /// </summary>
    public static async Task<string> WriteSecondReleaseAsync()
    {
        var folder = Path.Combine(SharedData.ArtifactsFolder("releases"), Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var deployment = await File.ReadAllLinesAsync(Path.Combine(Folder, ArcepFtthImporter.DeploymentFileName), Token);
        var output = new List<string>();
        for (var i = 0; i < deployment.Length; i++)
        {
            var line = deployment[i];
            if (i < 4 || line.StartsWith("25001,", StringComparison.Ordinal))
            {
                if (i < 4)
                {
                    output.Add(line + ",");
                }

                continue;
            }

            if (i == 4)
            {
                output.Add(line + ",T2 2018");
                continue;
            }

            var cells = line.Split(',');
            if (cells[0] == "25056" && cells[1] == "Locaux Raccordables")
            {
                cells[3] = (long.Parse(cells[3]) + 50).ToString();
            }

            var t2 = cells[0] == "21231" && cells[1] == "Locaux Raccordables" ? (long.Parse(cells[4]) + 1_000).ToString() : cells[4];
            output.Add(string.Join(",", cells) + "," + t2);
        }

        await File.WriteAllLinesAsync(Path.Combine(folder, ArcepFtthImporter.DeploymentFileName), output, new UTF8Encoding(false), Token);

        var communes = (await File.ReadAllLinesAsync(Path.Combine(Folder, ArcepFtthImporter.InformationFileName), Token))
            .Where(l => !l.StartsWith("25001,", StringComparison.Ordinal))
            .Select(l => l.StartsWith("90010,", StringComparison.Ordinal) ? l.Replace(" 27\u00a0420    ", " 27\u00a0500    ", StringComparison.Ordinal)
                : l.StartsWith("25002,", StringComparison.Ordinal) ? ReplaceField(l, 8, "SFR0 ")
                : l)
            .ToList();
        await File.WriteAllLinesAsync(Path.Combine(folder, ArcepFtthImporter.InformationFileName), communes, new UTF8Encoding(false), Token);
        return folder;
    }

    private static string ReplaceField(string line, int index, string value)
    {
        var cells = line.Split(',');
        cells[index] = value;
        return string.Join(",", cells);
    }

    public static async Task ImportBothReleasesAsync(IServiceProvider sp, string secondFolder)
    {
        var importer = sp.GetRequiredService<ArcepFtthImporter>();
        await importer.ImportAsync(await ArcepFtthImporter.ReadAsync(
            Path.Combine(Folder, ArcepFtthImporter.DeploymentFileName), Path.Combine(Folder, ArcepFtthImporter.InformationFileName), Token), cancellationToken: Token);
        await importer.ImportAsync(await ArcepFtthImporter.ReadAsync(
            Path.Combine(secondFolder, ArcepFtthImporter.DeploymentFileName), Path.Combine(secondFolder, ArcepFtthImporter.InformationFileName), Token), cancellationToken: Token);
    }

    [Fact]
    public async Task The_diff_between_two_releases_lists_exactly_the_changes_made()
    {
        TestDatabase.RequireEngine(provider);
        await using var database = await TestDatabase.CreateAsync(provider, "diff");
        var territories = await DecoupageAdministratifSource.ReadAsync(SharedData.Territories, Token);
        var second = await WriteSecondReleaseAsync();
        await database.WithScopeAsync(async sp =>
        {
            await sp.GetRequiredService<TerritoriesImporter>().ImportAsync(territories, cancellationToken: Token);
            await ImportBothReleasesAsync(sp, second);
        });

        var (releases, diff, doubs, unchanged) = await database.WithScopeAsync(async sp =>
        {
            var ftth = sp.GetRequiredService<FtthQueries>();
            var diffs = sp.GetRequiredService<ReleaseDiffQueries>();
            return (await ftth.ReleasesAsync(Token),
                await diffs.DiffAsync(TerritoryKind.Region, "27", "2018T1", "2018T2", Token),
                await diffs.DiffAsync(TerritoryKind.Departement, "25", "2018T1", "2018T2", Token),
                await diffs.DiffAsync(TerritoryKind.Departement, "89", "2018T1", "2018T2", Token));
        });

        Assert.Equal(["2018T2", "2018T1"], releases);
        // BFC, as stored from the real release: 194 000 / 220 000 / 245 000 rounded (exact 193 …, 219 873, 244 643).
        var t4 = diff.Quarters.Single(q => q.Quarter == new Quarter(2017, 4));
        Assert.Equal(219_873, t4.Before);
        Assert.Equal(219_923, t4.After);
        Assert.True(t4.Restated);
        Assert.Equal([new Quarter(2017, 3), new Quarter(2018, 1)], diff.Quarters.Where(q => q.Before is not null && !q.Restated).Select(q => q.Quarter));
        var t2 = Assert.Single(diff.QuartersAdded);
        Assert.Equal(new Quarter(2018, 2), t2.Quarter);
        Assert.Equal(244_643 + 1_000, t2.ConnectablePremises);
        Assert.Equal(1_000, t2.AddedSincePreviousQuarter);

        var restated = Assert.Single(diff.Restated);
        Assert.Equal(("25056", new Quarter(2017, 4), 35_099L, 35_149L), (restated.Code, restated.Quarter, restated.Before, restated.After));
        var revised = Assert.Single(diff.PremisesRevised);
        Assert.Equal(("90010", 80L), (revised.Code, revised.Change));
        var zone = Assert.Single(diff.ZoneChanges);
        Assert.Equal(("25002", FtthZone.PublicInitiative, FtthZone.PrivateCommitment), (zone.Code, zone.Before, zone.After));
        Assert.Equal(["25001"], diff.CommunesRemoved.Select(c => c.Code));
        Assert.Empty(diff.CommunesAdded);
        // Abbans-Dessous had 105 housing and 2 business premises in the real sheet.
        Assert.Equal(diff.PremisesBefore + 80 - (105 + 2), diff.PremisesAfter);

        // The same changes, seen from a département: only its own.
        Assert.Single(doubs.Restated);
        Assert.Empty(doubs.PremisesRevised);
        Assert.Empty(unchanged.Restated);
        Assert.Empty(unchanged.ZoneChanges);
        Assert.Empty(unchanged.CommunesRemoved);
        Assert.All(unchanged.Quarters.Where(q => q.Before is not null), q => Assert.False(q.Restated));
    }
}

public sealed class SqliteReleaseDiffTests() : ReleaseDiffTests(DatabaseProvider.Sqlite);

public sealed class PostgresReleaseDiffTests() : ReleaseDiffTests(DatabaseProvider.Postgres);
