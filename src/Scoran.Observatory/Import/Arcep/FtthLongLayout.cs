using Scoran.Core.Imports;
using Scoran.Observatory.Model;

namespace Scoran.Observatory.Import.Arcep;

/// <summary>One file of the 2017–2019 layout, read and validated.</summary>
public sealed record FtthLongLayoutFile(string File, IReadOnlyList<Quarter> Quarters, IReadOnlyList<FtthDeploymentRow> Rows);

/// <summary>
/// The 2017–2019 Arcep FttH layout ("long" format): <c>Code …, Champ, T3 2017, T4 2017, …</c>,
/// one row per territory and field. Only <c>Locaux Raccordables</c> is a count; <c>Catégorie</c>
/// is a coverage class derived from it, and the région sheets' mutualisation shares are
/// percentages, so both are left out rather than mistaken for counts.
/// </summary>
public static class FtthLongLayout
{
    public const string ConnectableField = "Locaux Raccordables";

    public static async Task<FtthLongLayoutFile?> ReadAsync(string file, string codeColumn, List<ImportError> errors, CancellationToken cancellationToken = default)
    {
        // In the workbook, the commune information sheet has "Code commune" too: the deployment sheet is the one with "Champ".
        var table = await ArcepTable.ReadAsync(file, [codeColumn], errors, cancellationToken,
            acceptHeader: header => header.Contains("Champ", StringComparer.OrdinalIgnoreCase));
        if (table is null)
        {
            return null;
        }

        var code = table.ColumnOf(codeColumn);
        var field = table.ColumnOf("Champ");
        var quarters = table.Header
            .Select((h, i) => (Ok: Quarter.TryParse(h, out var q), Quarter: q, Index: i))
            .Where(x => x.Ok)
            .ToList();
        if (field < 0)
        {
            errors.Add(new ImportError(file, table.HeaderLine, null, "colonne « Champ » absente : ce n'est pas un fichier au format long 2017-2019"));
        }

        if (quarters.Count == 0)
        {
            errors.Add(new ImportError(file, table.HeaderLine, null, "aucune colonne de trimestre (« T1 2018 »…) dans l'en-tête"));
        }

        if (field < 0 || quarters.Count == 0)
        {
            return null;
        }

        var width = table.Header.Count;
        var rows = new List<FtthDeploymentRow>();
        var seen = new Dictionary<string, long>();
        foreach (var row in table.Rows)
        {
            var cells = row.Fields;
            if (cells.Count < width)
            {
                errors.Add(new ImportError(file, row.Line, cells.Count + 1, $"ligne incomplète : {cells.Count} champs au lieu de {width} (fichier tronqué ?)"));
                continue;
            }

            if (!string.Equals(cells[field].Trim(), ConnectableField, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var territory = cells[code].Trim();
            if (territory.Length == 0)
            {
                errors.Add(new ImportError(file, row.Line, code + 1, $"« {codeColumn} » vide"));
                continue;
            }

            if (seen.TryGetValue(territory, out var first))
            {
                errors.Add(new ImportError(file, row.Line, code + 1, $"{territory} apparaît deux fois (déjà ligne {first})"));
                continue;
            }

            seen[territory] = row.Line;
            var values = new Dictionary<Quarter, long>();
            foreach (var (_, quarter, index) in quarters)
            {
                if (!ArcepNumber.TryParseCount(cells[index], out var value) || value is < 0)
                {
                    errors.Add(new ImportError(file, row.Line, index + 1, $"nombre de locaux raccordables invalide pour {territory} au {quarter} : « {cells[index].Trim()} »"));
                    continue;
                }

                if (value is not null)
                {
                    values[quarter] = value.Value;
                }
            }

            rows.Add(new FtthDeploymentRow(territory, row.Line, values));
        }

        return new FtthLongLayoutFile(file, quarters.Select(q => q.Quarter).ToList(), rows);
    }
}
