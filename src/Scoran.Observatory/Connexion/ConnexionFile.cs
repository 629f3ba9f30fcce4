using System.Globalization;
using System.Security.Cryptography;
using Scoran.Core.Imports;
using Scoran.Observatory.Import.Arcep;

namespace Scoran.Observatory.Connexion;

/// <summary>One data row of a commune file: the commune as written in the file and its counts by column.</summary>
public sealed record ConnexionRow(long Line, string CommuneCode, string PremisesType, IReadOnlyDictionary<string, long> Counts);

/// <summary>A commune file of « Ma connexion internet », read and validated, ready to replace its date and family.</summary>
public sealed record ConnexionFile(string File, ConnexionFamily Family, DateOnly Date, IReadOnlyList<ConnexionRow> Rows, string ContentSha256, bool Synthetic);

/// <summary>
/// Reads the commune files of Arcep's « Ma connexion internet » statistics (schema of
/// data.arcep.fr, fixe/statistiques): the family is told by the header, never by the file name,
/// because downloads get renamed. Every problem is reported with its line and column.
/// </summary>
public static class ConnexionFiles
{
    public static readonly IReadOnlyList<string> CommonColumns = ["code_insee", "nom_com", "code_dep", "code_reg", "nbr", "type", "date"];

    public static readonly IReadOnlyDictionary<ConnexionFamily, IReadOnlyList<string>> Measures = new Dictionary<ConnexionFamily, IReadOnlyList<string>>
    {
        [ConnexionFamily.Debit] = ["inel_hd", "elig_cd_1", "elig_cd_2", "elig_cd_3", "elig_cd_4", "elig_cd_5", "elig_cd_6"],
        [ConnexionFamily.Techno] = ["elig_ftth", "elig_coax", "elig_cu", "elig_thdr", "elig_4gf", "elig_hdr", "elig_sat"],
        [ConnexionFamily.MeilleureTechno] = ["nbr_elig_8", "elig_ftth", "elig_coax", "elig_cu_30", "elig_thdr", "elig_cu_8", "elig_4gf", "elig_hdr", "elig_sat"],
    };

    public static readonly IReadOnlySet<string> PremisesTypes = new HashSet<string>(["all", "log", "loc"], StringComparer.Ordinal);

    /// <summary>File names Arcep gives each family, used as the default download name.</summary>
    public static string ArcepFileName(ConnexionFamily family) => family switch
    {
        ConnexionFamily.Debit => "commune_debit.csv",
        ConnexionFamily.Techno => "commune_techno.csv",
        _ => "commune_meilleure_techno.csv",
    };

    /// <summary>Marker in a file name telling Scoran's generated demonstration files apart from Arcep's.</summary>
    public const string SyntheticMarker = "synthetique";

    public static async Task<ConnexionFile> ReadAsync(string file, bool? synthetic = null, CancellationToken cancellationToken = default)
    {
        var errors = new List<ImportError>();
        var table = await ArcepTable.ReadAsync(file, "code_insee", errors, cancellationToken);
        if (table is null)
        {
            throw new ImportRejectedException(errors);
        }

        var family = Detect(table.Header);
        if (family is null)
        {
            throw new ImportRejectedException([new ImportError(file, table.HeaderLine, null,
                "famille de fichier non reconnue : l'en-tête doit contenir elig_cd_1 … elig_cd_6 (commune_debit), " +
                "elig_ftth … elig_sat (commune_techno) ou nbr_elig_8 (commune_meilleure_techno)")]);
        }

        if (family == ConnexionFamily.Debit && Path.GetFileName(file).Contains("dsl", StringComparison.OrdinalIgnoreCase))
        {
            // commune_dsl has the same columns as commune_debit but counts DSL only: importing it as speeds would understate them.
            throw new ImportRejectedException([new ImportError(file, null, null, "fichier commune_dsl (DSL seul) : seul commune_debit (toutes technologies) est importé")]);
        }

        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var name in CommonColumns.Concat(Measures[family.Value]))
        {
            var index = table.ColumnOf(name);
            if (index < 0)
            {
                errors.Add(new ImportError(file, table.HeaderLine, null, $"colonne « {name} » absente de l'en-tête"));
            }

            columns[name] = index;
        }

        if (errors.Count > 0)
        {
            throw new ImportRejectedException(errors);
        }

        var counted = new[] { "nbr" }.Concat(Measures[family.Value]).ToList();
        var rows = new List<ConnexionRow>();
        var seen = new Dictionary<(string, string), long>();
        DateOnly? date = null;
        foreach (var row in table.Rows)
        {
            string Field(string name) => columns[name] < row.Fields.Count ? row.Fields[columns[name]].Trim() : "";
            void Error(string name, string reason) => errors.Add(new ImportError(file, row.Line, columns[name] + 1, reason));

            var code = Field("code_insee");
            if (code.Length == 4 && code.All(char.IsAsciiDigit))
            {
                // A spreadsheet dropped the leading zero of an Ain–Ardèche code.
                code = "0" + code;
            }

            if (code.Length != 5)
            {
                Error("code_insee", $"code commune invalide : « {code} » (5 caractères attendus)");
                continue;
            }

            var type = Field("type").ToLowerInvariant();
            if (!PremisesTypes.Contains(type))
            {
                Error("type", $"type de locaux inconnu : « {type} » (all, log ou loc attendu)");
                continue;
            }

            if (!DateOnly.TryParseExact(Field("date"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var rowDate))
            {
                Error("date", $"date invalide : « {Field("date")} » (AAAA-MM-JJ attendu)");
                continue;
            }

            if (date is null)
            {
                date = rowDate;
            }
            else if (date != rowDate)
            {
                Error("date", $"date {rowDate:yyyy-MM-dd} différente de celle des lignes précédentes ({date:yyyy-MM-dd}) : un fichier = une date");
                continue;
            }

            if (seen.TryGetValue((code, type), out var first))
            {
                Error("code_insee", $"commune {code} (type {type}) déjà présente ligne {first}");
                continue;
            }

            seen[(code, type)] = row.Line;
            var counts = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var name in counted)
            {
                if (TryParseCount(Field(name), out var value))
                {
                    counts[name] = value;
                }
                else
                {
                    Error(name, $"nombre de locaux invalide : « {Field(name)} » (entier positif ou nul attendu)");
                }
            }

            rows.Add(new ConnexionRow(row.Line, code, type, counts));
        }

        if (errors.Count > 0)
        {
            throw new ImportRejectedException(errors);
        }

        var sha = Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(file, cancellationToken)));
        return new ConnexionFile(file, family.Value, date!.Value, rows, sha,
            synthetic ?? Path.GetFileName(file).Contains(SyntheticMarker, StringComparison.OrdinalIgnoreCase));
    }

    public static ConnexionFamily? Detect(IReadOnlyList<string> header)
    {
        bool Has(string name) => header.Any(h => string.Equals(h, name, StringComparison.OrdinalIgnoreCase));
        if (Has("nbr_elig_8"))
        {
            return ConnexionFamily.MeilleureTechno;
        }

        if (Has("elig_cd_6"))
        {
            return ConnexionFamily.Debit;
        }

        return Has("elig_ftth") ? ConnexionFamily.Techno : null;
    }

    // Counts may come as "1234", "1 234" or "1234.0" (a spreadsheet's float export); an empty cell
    // is a count the publisher did not give, which Arcep's files use for zero.
    private static bool TryParseCount(string text, out long value)
    {
        value = 0;
        if (text.Length == 0)
        {
            return true;
        }

        if (ArcepNumber.TryParseCount(text, out var parsed))
        {
            value = parsed ?? 0;
            return true;
        }

        if (decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d) && d == decimal.Truncate(d))
        {
            value = (long)d;
            return true;
        }

        return false;
    }
}
