using Scoran.Observatory.Model;
using Scoran.Core.Imports;

namespace Scoran.Observatory.Import.Arcep;

/// <summary>
/// What Arcep's 2018 "Informations à l'échelle de la commune" sheet says of a commune: its
/// housing and business premises (the denominator of coverage at the time) and its zoning.
/// </summary>
public sealed record CommuneInformation(
    string Code,
    string Name,
    string DepartementCode,
    string RegionCode,
    long Housing,
    long Businesses,
    bool VeryDenseZone,
    string? L3313Commitment,
    string? PrivateIntentions,
    bool Rural,
    bool Mountain,
    IReadOnlyList<string> InfrastructureOperators,
    long Line)
{
    /// <summary>Premises (locaux) = housing + business premises.</summary>
    public long Premises => Housing + Businesses;

    /// <summary>Neither very dense nor under an L.33-13 commitment: the public-initiative (RIP) zone.</summary>
    public FtthZone Zone => VeryDenseZone ? FtthZone.VeryDense : L3313Commitment is not null ? FtthZone.PrivateCommitment : FtthZone.PublicInitiative;
}

public static class CommuneInformationFile
{
    private static readonly string[] Required =
    [
        "Code commune", "Nom commune", "Code région", "Code département", "Logements", "Établissements",
        "Zones très denses", "Engagements L. 33-13", "Intentions privées hors engagement L. 33-13", "Commune rurale", "Commune de montagne",
    ];

    public static async Task<IReadOnlyList<CommuneInformation>> ReadAsync(string file, List<ImportError> errors, CancellationToken cancellationToken = default)
    {
        // In the workbook, the deployment sheet has "Code commune" too: the information sheet is the one with the premises.
        var table = await ArcepTable.ReadAsync(file, ["Code commune"], errors, cancellationToken,
            acceptHeader: header => header.Contains("Logements", StringComparer.OrdinalIgnoreCase));
        if (table is null)
        {
            return [];
        }

        var missing = Required.Where(c => table.ColumnOf(c) < 0).ToList();
        if (missing.Count > 0)
        {
            errors.Add(new ImportError(file, table.HeaderLine, null, $"colonne(s) absente(s) : {string.Join(", ", missing.Select(m => $"« {m} »"))}"));
            return [];
        }

        int Col(string name) => table.ColumnOf(name);
        var operatorsColumn = table.IndexOf(h => h.StartsWith("OI ", StringComparison.Ordinal));
        var result = new List<CommuneInformation>();
        foreach (var row in table.Rows)
        {
            var cells = row.Fields;
            if (cells.Count < Required.Length)
            {
                errors.Add(new ImportError(file, row.Line, cells.Count + 1, $"ligne incomplète : {cells.Count} champs (fichier tronqué ?)"));
                continue;
            }

            long Count(string column)
            {
                var index = Col(column);
                if (ArcepNumber.TryParseCount(cells[index], out var value) && value is >= 0)
                {
                    return value ?? 0;
                }

                errors.Add(new ImportError(file, row.Line, index + 1, $"« {column} » n'est pas un nombre : « {cells[index].Trim()} »"));
                return 0;
            }

            string? Label(string column)
            {
                var value = cells[Col(column)].Trim();
                return value is "" or "-" ? null : value;
            }

            result.Add(new CommuneInformation(
                cells[Col("Code commune")].Trim(),
                cells[Col("Nom commune")].Trim(),
                cells[Col("Code département")].Trim(),
                cells[Col("Code région")].Trim(),
                Count("Logements"),
                Count("Établissements"),
                Count("Zones très denses") > 0,
                Label("Engagements L. 33-13"),
                Label("Intentions privées hors engagement L. 33-13"),
                Count("Commune rurale") > 0,
                Count("Commune de montagne") > 0,
                operatorsColumn >= 0 && operatorsColumn < cells.Count
                    ? cells[operatorsColumn].Split('-', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    : [],
                row.Line));
        }

        return result;
    }
}
