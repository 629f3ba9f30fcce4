using System.Text.Json;
using System.Text.RegularExpressions;

namespace Scoran.Observatory.Import.Arcep;

/// <summary>The publisher's file chosen from a data.gouv.fr dataset: its address and the quarter it covers.</summary>
public sealed record ArcepFtthResource(string Title, Uri Url, int Year, int QuarterNumber);

/// <summary>
/// Fetches the current 2020+ FttH workbook. Given the data.gouv.fr API address of Arcep's
/// dataset (the default), it picks the latest <c>YYYYtN-obs-hd-thd-deploiement*.xlsx</c> resource;
/// given the address of a file (.xlsx or .csv), it fetches that file.
/// </summary>
public static partial class ArcepFtthDownload
{
    /// <summary>"Le marché du haut et très haut débit fixe (déploiements)" on data.gouv.fr, API view.</summary>
    public const string DatasetApiUrl = "https://www.data.gouv.fr/api/1/datasets/le-marche-du-haut-et-tres-haut-debit-fixe-deploiements/";

    [GeneratedRegex(@"(20\d{2})\s*[tq]([1-4])-obs-hd-thd-deploiement[^/]*\.xlsx$", RegexOptions.IgnoreCase)]
    private static partial Regex WorkbookName();

    /// <summary>The latest deployment workbook listed in a data.gouv.fr dataset document, or null.</summary>
    public static ArcepFtthResource? LatestWorkbook(JsonDocument dataset, Uri datasetUrl)
    {
        if (!dataset.RootElement.TryGetProperty("resources", out var resources) || resources.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var candidates = new List<ArcepFtthResource>();
        foreach (var resource in resources.EnumerateArray())
        {
            var title = resource.TryGetProperty("title", out var t) ? t.GetString() ?? "" : "";
            var url = resource.TryGetProperty("url", out var u) ? u.GetString() ?? "" : "";
            var match = WorkbookName().Match(title) is { Success: true } byTitle ? byTitle : WorkbookName().Match(url);
            if (!match.Success || !Uri.TryCreate(datasetUrl, url, out var address))
            {
                continue;
            }

            candidates.Add(new ArcepFtthResource(title, address, int.Parse(match.Groups[1].Value), match.Groups[2].Value[0] - '0'));
        }

        return candidates.OrderByDescending(c => (c.Year * 10) + c.QuarterNumber).FirstOrDefault();
    }

    /// <summary>
    /// Downloads the file into <paramref name="folder"/> and returns its path. Throws
    /// <see cref="HttpRequestException"/> when the address cannot be reached (offline),
    /// <see cref="InvalidDataException"/> when the dataset lists no deployment workbook.
    /// </summary>
    public static async Task<(string Path, ArcepFtthResource? Resource)> DownloadAsync(HttpClient http, Uri url, string folder, CancellationToken cancellationToken = default)
    {
        ArcepFtthResource? resource = null;
        var file = url;
        var extension = Path.GetExtension(url.AbsolutePath).ToLowerInvariant();
        if (extension is not (".xlsx" or ".csv"))
        {
            await using var json = await http.GetStreamAsync(url, cancellationToken);
            using var dataset = await JsonDocument.ParseAsync(json, cancellationToken: cancellationToken);
            resource = LatestWorkbook(dataset, url)
                ?? throw new InvalidDataException($"{url} ne liste aucun classeur « AAAAtN-obs-hd-thd-deploiement….xlsx »");
            file = resource.Url;
        }

        Directory.CreateDirectory(folder);
        var name = Path.GetFileName(file.AbsolutePath);
        var path = Path.Combine(folder, string.IsNullOrWhiteSpace(name) ? "arcep-ftth.xlsx" : name);
        using var response = await http.GetAsync(file, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.EnsureSuccessStatusCode();
        await using (var target = File.Create(path))
        {
            await response.Content.CopyToAsync(target, cancellationToken);
        }

        return (path, resource);
    }
}
