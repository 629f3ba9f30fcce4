using System.Text.Json;
using System.Text.Json.Nodes;
using Scoran.Core.Imports;

namespace Scoran.Steering.Exchange;

/// <summary>Reads any strategy file Scoran accepts: its own JSON document, its CSV or XLSX tree, or a reference extraction.</summary>
public static class StrategyFiles
{
    public static async Task<StrategyDocument> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        var file = Path.GetFileName(path);
        if (!File.Exists(path))
        {
            throw new ImportRejectedException([new ImportError(file, null, null, "fichier introuvable")]);
        }

        if (path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            return StrategyCsv.Read(file, await File.ReadAllTextAsync(path, cancellationToken));
        }

        if (path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            return StrategyXlsx.Read(file, await File.ReadAllBytesAsync(path, cancellationToken));
        }

        var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
        return IsScoranDocument(bytes) ? ReadJson(file, bytes) : await ReferenceStrategyReader.ReadAsync(path, cancellationToken);
    }

    public static bool IsScoranDocument(byte[] bytes)
    {
        try
        {
            return JsonNode.Parse(bytes)?["format"]?.GetValue<string>()?.StartsWith("scoran-strategie/", StringComparison.Ordinal) == true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    public static StrategyDocument ReadJson(string file, byte[] bytes)
    {
        try
        {
            var document = JsonSerializer.Deserialize<StrategyDocument>(bytes, StrategyDocument.Json) ?? throw new JsonException("document vide");
            if (document.Format != StrategyDocument.CurrentFormat)
            {
                throw new ImportRejectedException([new ImportError(file, null, null, $"format « {document.Format} » non pris en charge (attendu : {StrategyDocument.CurrentFormat})")]);
            }

            return document;
        }
        catch (JsonException e)
        {
            throw new ImportRejectedException([new ImportError(file, e.LineNumber + 1, e.BytePositionInLine + 1, $"JSON invalide : {e.Message}")]);
        }
    }

    public static byte[] WriteJson(StrategyDocument document) => JsonSerializer.SerializeToUtf8Bytes(document, StrategyDocument.Json);
}
