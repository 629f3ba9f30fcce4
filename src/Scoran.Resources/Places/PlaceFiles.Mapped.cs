using System.Security.Cryptography;
using Scoran.Core.Imports;
using Sylvan.Data.Csv;

namespace Scoran.Resources.Places;

/// <summary>A regional network's own file, read through a column mapping, and its preview for the mapping step.</summary>
public static partial class PlaceFiles
{
    /// <summary>
    /// Reads a regional network's own CSV through a column mapping (schema field → the file's
    /// column): the rows are then validated exactly as a file of the national schema.
    /// </summary>
    public static async Task<PlaceFile> ReadMappedAsync(string file, string source, IReadOnlyDictionary<string, string> mapping, CancellationToken cancellationToken = default)
    {
        var bytes = await File.ReadAllBytesAsync(file, cancellationToken);
        var errors = new List<ImportError>();
        var unknown = mapping.Keys.Where(k => !MediationNumeriqueColumns.Contains(k)).ToList();
        if (unknown.Count > 0)
        {
            throw new ImportRejectedException([new ImportError(file, null, null, $"champ(s) inconnu(s) du schéma : {string.Join(", ", unknown)}")]);
        }

        var text = Decode(file, bytes, errors);
        var records = errors.Count > 0 ? [] : await ReadMediationNumeriqueAsync(file, text, errors, mapping);
        CheckUniqueIds(file, records, errors);

        if (errors.Count > 0)
        {
            throw new ImportRejectedException(errors);
        }

        return new PlaceFile(file, source, $"Fichier régional « {source} » (correspondance de colonnes)", VintageOf(file), "telle que déclarée par le réseau", records,
            Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }

    /// <summary>The header and first rows of a CSV, for the mapping step's preview.</summary>
    public static async Task<(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows)> PreviewAsync(string file, int rows = 5, CancellationToken cancellationToken = default)
    {
        var errors = new List<ImportError>();
        var text = Decode(file, await File.ReadAllBytesAsync(file, cancellationToken), errors);
        if (errors.Count > 0)
        {
            throw new ImportRejectedException(errors);
        }

        await using var reader = await CsvDataReader.CreateAsync(new StringReader(text), new CsvDataReaderOptions { HasHeaders = true, Delimiter = DelimiterOf(text) });
        var header = Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetName(i).Trim()).ToList();
        var preview = new List<IReadOnlyList<string>>();
        while (preview.Count < rows && await reader.ReadAsync(cancellationToken))
        {
            preview.Add(Enumerable.Range(0, reader.RowFieldCount).Select(reader.GetString).ToList());
        }

        return (header, preview);
    }
}
