using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Scoran.Observatory.Import.Arcep;
using Xunit;

namespace Scoran.Testing;

/// <summary>
/// Only one real Arcep release exists here: a second one ("2018T2") is made from a copy of the
/// real files with known changes, for the tests of what changes between releases.
/// </summary>
public static class SecondRelease
{
    private static readonly string Folder = Path.Combine(SharedData.Root, "data", "ftth", "arcep-observatoire-2018T1");
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>
    /// Writes the 2018T2 release: a T2 2018 column equal to T1 2018 except Dijon (+1 000);
    /// Besançon's T4 2017 restated (+50); Belfort's housing revised (27 420 → 27 500);
    /// Abbans-Dessus moved under an SFR L.33-13 commitment; Abbans-Dessous left out.
    /// </summary>
    public static async Task<string> WriteAsync()
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

    public static async Task ImportBothAsync(IServiceProvider sp, string secondFolder)
    {
        var importer = sp.GetRequiredService<ArcepFtthImporter>();
        await importer.ImportAsync(await ArcepFtthImporter.ReadAsync(
            Path.Combine(Folder, ArcepFtthImporter.DeploymentFileName), Path.Combine(Folder, ArcepFtthImporter.InformationFileName), Token), cancellationToken: Token);
        await importer.ImportAsync(await ArcepFtthImporter.ReadAsync(
            Path.Combine(secondFolder, ArcepFtthImporter.DeploymentFileName), Path.Combine(secondFolder, ArcepFtthImporter.InformationFileName), Token), cancellationToken: Token);
    }
}
