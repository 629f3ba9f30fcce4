using System.Security.Cryptography;
using Scoran.Core.Imports;
using Scoran.Observatory.Model;

namespace Scoran.Observatory.Import.Arcep;

/// <summary>One commune (or municipal arrondissement) row of the 2020+ layout.</summary>
public sealed record FtthWideRow(
    string Code,
    long Line,
    string? Name,
    long? Housing,
    long? Businesses,
    long? BestPremisesEstimate,
    long? PremisesUnderConstruction,
    bool? VeryDense,
    bool? Rural,
    bool? Mountain,
    IReadOnlyDictionary<Quarter, long> ConnectablePremises);

/// <summary>A file of the 2020+ layout, read and validated.</summary>
public sealed record FtthWideLayoutFile(
    string File,
    string? Sheet,
    string CodeColumn,
    string EstimateColumn,
    IReadOnlyList<Quarter> Quarters,
    IReadOnlyList<FtthWideRow> Rows,
    string ContentSha256)
{
    /// <summary>1-based column of the code, for errors found after reading (unknown commune).</summary>
    public int CodeColumnNumber { get; init; } = 1;

    /// <summary>A release is named after its latest quarter ("2025T4"), like the 2017–2019 ones.</summary>
    public string Name => FtthLongLayoutRelease.Key(Quarters.Max());
}

/// <summary>
/// Arcep's 2020+ FttH layout ("wide" format), CSV export or XLSX workbook: one row per commune,
/// the premises estimate (<c>Meilleure estimation des locaux…</c>) and one column per quarter
/// (<c>^T[1-4] \d{4}$</c>) of connectable premises. The header is found by its content, since the
/// number of title lines has varied; optional columns are used when present.
/// </summary>
public static class FtthWideLayout
{
    public const string SheetName = "Communes";
    public const string EstimatePrefix = "Meilleure estimation des locaux";
    public const string UnderConstructionPrefix = "Estimation locaux en cours";
    public static readonly IReadOnlyList<string> CodeColumns = ["Code commune", "Code arrondissement"];

    public static async Task<FtthWideLayoutFile> ReadAsync(string file, CancellationToken cancellationToken = default)
    {
        var errors = new List<ImportError>();
        var result = await ReadAsync(file, errors, cancellationToken);
        if (errors.Count > 0 || result is null)
        {
            throw new ImportRejectedException(errors);
        }

        return result;
    }

    public static async Task<FtthWideLayoutFile?> ReadAsync(string file, List<ImportError> errors, CancellationToken cancellationToken = default)
    {
        // The long layout's commune sheet also has "Code commune": a wide header is the one without "Champ".
        var table = await ArcepTable.ReadAsync(file, CodeColumns, errors, cancellationToken, SheetName,
            header => !header.Any(h => string.Equals(h, "Champ", StringComparison.OrdinalIgnoreCase)));
        if (table is null)
        {
            return null;
        }

        var where = table.Sheet is null ? string.Empty : $"feuille « {table.Sheet} », ";
        string Column(int index) => $"{where}colonne « {table.Header[index]} » ({ArcepTable.ColumnLetter(index)})";

        var code = CodeColumns.Select(table.ColumnOf).First(i => i >= 0);
        var estimate = table.IndexOf(h => h.StartsWith(EstimatePrefix, StringComparison.OrdinalIgnoreCase));
        var underConstruction = table.IndexOf(h => h.StartsWith(UnderConstructionPrefix, StringComparison.OrdinalIgnoreCase));
        var quarters = table.Header
            .Select((h, i) => (Ok: Quarter.TryParse(h, out var q), Quarter: q, Index: i))
            .Where(x => x.Ok)
            .ToList();
        if (estimate < 0)
        {
            errors.Add(new ImportError(file, table.HeaderLine, null,
                $"{where}colonne « {EstimatePrefix}… » absente : ce n'est pas un fichier au format 2020+ (pour le format 2017-2019, utilisez arcep-ftth)"));
        }

        if (quarters.Count == 0)
        {
            errors.Add(new ImportError(file, table.HeaderLine, null, $"{where}aucune colonne de trimestre (« T1 2021 »…) dans l'en-tête"));
        }

        var duplicates = quarters.GroupBy(q => q.Quarter).Where(g => g.Count() > 1).ToList();
        foreach (var duplicate in duplicates)
        {
            errors.Add(new ImportError(file, table.HeaderLine, duplicate.Skip(1).First().Index + 1, $"{Column(duplicate.Skip(1).First().Index)} en double"));
        }

        if (estimate < 0 || quarters.Count == 0 || duplicates.Count > 0)
        {
            return null;
        }

        var housing = table.ColumnOf("Logements");
        var businesses = table.ColumnOf("Établissements");
        var veryDense = table.IndexOf(h => h.StartsWith("Zone très dense", StringComparison.OrdinalIgnoreCase) || h.StartsWith("Zones très denses", StringComparison.OrdinalIgnoreCase));
        var rural = table.ColumnOf("Commune rurale");
        var mountain = table.ColumnOf("Commune de montagne");
        var name = table.IndexOf(h => h.StartsWith("Nom commune", StringComparison.OrdinalIgnoreCase) || h.StartsWith("Nom arrondissement", StringComparison.OrdinalIgnoreCase));
        var width = table.Header.Count;
        var rows = new List<FtthWideRow>();
        var seen = new Dictionary<string, long>();
        foreach (var row in table.Rows)
        {
            var cells = row.Fields;
            if (cells.Count < width)
            {
                errors.Add(new ImportError(file, row.Line, cells.Count + 1, $"{where}ligne incomplète : {cells.Count} champs au lieu de {width} (fichier tronqué ?)"));
                continue;
            }

            var territory = cells[code].Trim();
            if (territory.Length is > 0 and < 5 && territory.All(char.IsAsciiDigit))
            {
                // A code typed as a number in the workbook loses its leading zero (1001 for 01001).
                territory = territory.PadLeft(5, '0');
            }

            if (territory.Length == 0)
            {
                errors.Add(new ImportError(file, row.Line, code + 1, $"{Column(code)} vide"));
                continue;
            }

            if (seen.TryGetValue(territory, out var first))
            {
                errors.Add(new ImportError(file, row.Line, code + 1, $"{Column(code)} : {territory} apparaît deux fois (déjà ligne {first})"));
                continue;
            }

            seen[territory] = row.Line;
            long? Count(int index)
            {
                if (index < 0)
                {
                    return null;
                }

                if (ArcepNumber.TryParseCount(cells[index], out var value) && value is null or >= 0)
                {
                    return value;
                }

                errors.Add(new ImportError(file, row.Line, index + 1, $"{Column(index)} : nombre invalide pour {territory} : « {cells[index].Trim()} »"));
                return null;
            }

            bool? Flag(int index)
            {
                if (index < 0)
                {
                    return null;
                }

                var text = cells[index].Trim();
                if (text.ToLowerInvariant() is "oui" or "x" or "vrai" or "true")
                {
                    return true;
                }

                if (text.ToLowerInvariant() is "" or "non" or "faux" or "false")
                {
                    return false;
                }

                if (ArcepNumber.TryParseCount(text, out var value))
                {
                    return value > 0;
                }

                errors.Add(new ImportError(file, row.Line, index + 1, $"{Column(index)} : indicateur invalide pour {territory} : « {text} » (1/0, oui/non attendus)"));
                return null;
            }

            var values = new Dictionary<Quarter, long>();
            foreach (var (_, quarter, index) in quarters)
            {
                if (Count(index) is { } value)
                {
                    values[quarter] = value;
                }
            }

            rows.Add(new FtthWideRow(
                territory, row.Line, name >= 0 ? cells[name].Trim() : null,
                Count(housing), Count(businesses), Count(estimate), Count(underConstruction),
                Flag(veryDense), Flag(rural), Flag(mountain), values));
        }

        if (errors.Count > 0)
        {
            return null;
        }

        var sha = Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(file, cancellationToken)));
        return new FtthWideLayoutFile(file, table.Sheet, table.Header[code], table.Header[estimate],
            quarters.Select(q => q.Quarter).Order().ToList(), rows, sha)
        {
            CodeColumnNumber = code + 1,
        };
    }
}
