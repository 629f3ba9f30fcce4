using System.Globalization;
using System.Text;
using Scoran.Core.Imports;
using Scoran.Observatory.Import.Arcep;
using Sylvan.Data.Csv;

namespace Scoran.Observatory.Commitments;

/// <summary>A commitment as read from a file, before its commune code is brought onto today's communes.</summary>
public sealed record CommitmentRow(
    string CommuneCode,
    string OperatorCode,
    string OperatorName,
    CommitmentZone Zone,
    long? TargetPremises,
    decimal? TargetShare,
    DateOnly Deadline,
    string? LegalBasis,
    string LegalStatus,
    string Source,
    bool Partial,
    long Line);

/// <summary>
/// The AMII commitments accepted by the Government in 2018 under article L. 33-13 of the CPCE,
/// derived from the column « Engagements L. 33-13 » of Arcep's commune sheet (T1 2018).
/// Arcep's summary of the accepted proposals: by the end of 2020, 100 % of premises
/// « raccordables ou raccordables sur demande » with at most 8 % on demand, i.e. at least 92 %
/// raccordables (Orange and SFR); and for Orange 100 % raccordables by the end of 2022.
/// Only « raccordables » is published per commune, so the 92 % part is what can be checked.
/// </summary>
public static class L3313Commitments
{
    public const string Register = "arcep-l3313-2018";
    public const string SourceLabel = "Arcep, engagements des opérateurs en zones AMII (art. L. 33-13 CPCE), zonage de l'observatoire T1 2018";
    public const string SourceUrl = "https://www.arcep.fr/la-regulation/grands-dossiers-reseaux-fixes/la-fibre/engagements-operateurs-zones-amii.html";
    public static readonly DateOnly EndOf2020 = new(2020, 12, 31);
    public static readonly DateOnly EndOf2022 = new(2022, 12, 31);
    public const decimal ConnectableShare2020 = 0.92m;

    public static string OperatorName(string code) => code switch
    {
        "FRTE" => "Orange",
        "SFR0" => "SFR",
        "FRTE-SFR0" => "Orange et SFR (commune partagée)",
        _ => code,
    };

    /// <summary>
    /// Parses a cell such as "FRTE", "SFR0", "FRTE partielle" or "FRTE-SFR0" into the operator
    /// code and whether the commitment covers only part of the commune; null when the cell is
    /// not an operator code.
    /// </summary>
    public static (string Code, bool Partial)? Parse(string cell)
    {
        var text = cell.Trim();
        var partial = text.EndsWith("partielle", StringComparison.OrdinalIgnoreCase);
        if (partial)
        {
            text = text[..^"partielle".Length].Trim();
        }

        var parts = text.Split('-', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return parts.Length > 0 && parts.All(p => p.Length == 4 && p.All(char.IsAsciiLetterOrDigit))
            ? (string.Join("-", parts.Order(StringComparer.Ordinal)), partial)
            : null;
    }

    /// <summary>The commitments of each commune of the sheet that carries one; a cell that is no operator code is an error.</summary>
    public static IReadOnlyList<CommitmentRow> From(string file, IReadOnlyList<CommuneInformation> communes, int commitmentColumn, List<ImportError> errors)
    {
        var rows = new List<CommitmentRow>();
        foreach (var commune in communes.Where(c => c.L3313Commitment is not null))
        {
            if (Parse(commune.L3313Commitment!) is not var (code, partial))
            {
                errors.Add(new ImportError(file, commune.Line, commitmentColumn + 1, $"« Engagements L. 33-13 » n'est pas un code d'opérateur : « {commune.L3313Commitment} »"));
                continue;
            }

            rows.AddRange(ForCommune(commune.Code, code, partial, commune.Line));
        }

        return rows;
    }

    public static IEnumerable<CommitmentRow> ForCommune(string commune, string code, bool partial, long line)
    {
        const string Accepted = "accepté";
        var basis = code.Contains("FRTE", StringComparison.Ordinal)
            ? "CPCE art. L. 33-13 ; arrêté du 26 juillet 2018 (Orange)" + (code.Contains("SFR0", StringComparison.Ordinal) ? " ; arrêté de 2018 (SFR)" : "")
            : "CPCE art. L. 33-13 ; arrêté de 2018 (SFR)";
        yield return new CommitmentRow(commune, code, OperatorName(code), CommitmentZone.Amii, null, ConnectableShare2020, EndOf2020,
            basis, Accepted, SourceLabel, partial, line);
        if (code == "FRTE")
        {
            yield return new CommitmentRow(commune, code, OperatorName(code), CommitmentZone.Amii, null, 1m, EndOf2022,
                basis, Accepted, SourceLabel, partial, line);
        }
    }
}

/// <summary>
/// Scoran's own CSV of commitments, for those a région or a syndicat mixte records (AMEL
/// agreements, RIP delegation contracts…). UTF-8 (or Latin-1), semicolon or comma, one header:
/// <c>code_commune;code_operateur;nom_operateur;zone;locaux;part;echeance;base_legale;statut;source</c>.
/// Exactly one of <c>locaux</c> (premises) and <c>part</c> (percent, "92" or "92,5 %") per row;
/// <c>echeance</c> as AAAA-MM-JJ; <c>base_legale</c> and <c>statut</c> may be empty.
/// </summary>
public static class CommitmentCsv
{
    public static readonly string[] Columns = ["code_commune", "code_operateur", "nom_operateur", "zone", "locaux", "part", "echeance", "base_legale", "statut", "source"];

    public static async Task<IReadOnlyList<CommitmentRow>> ReadAsync(string file, List<ImportError> errors, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(file))
        {
            errors.Add(new ImportError(file, null, null, "fichier introuvable"));
            return [];
        }

        var bytes = await File.ReadAllBytesAsync(file, cancellationToken);
        var text = ArcepTable.Decode(bytes);

        var firstLine = text.Split('\n', 2)[0];
        var delimiter = firstLine.Count(c => c == ';') >= firstLine.Count(c => c == ',') ? ';' : ',';
        await using var reader = await CsvDataReader.CreateAsync(new StringReader(text), new CsvDataReaderOptions { HasHeaders = false, Delimiter = delimiter });
        if (!await reader.ReadAsync(cancellationToken))
        {
            errors.Add(new ImportError(file, 1, null, "fichier vide"));
            return [];
        }

        var header = Enumerable.Range(0, reader.RowFieldCount).Select(i => reader.GetString(i).Trim().ToLowerInvariant()).ToList();
        var missing = Columns.Where(c => !header.Contains(c)).ToList();
        if (missing.Count > 0)
        {
            errors.Add(new ImportError(file, 1, null, $"colonne(s) absente(s) : {string.Join(", ", missing.Select(m => $"« {m} »"))} (en-tête attendu : {string.Join(";", Columns)})"));
            return [];
        }

        var index = Columns.ToDictionary(c => c, c => header.IndexOf(c));
        var rows = new List<CommitmentRow>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var line = reader.RowNumber;
            var cells = Enumerable.Range(0, reader.RowFieldCount).Select(i => reader.GetString(i)).ToList();
            if (cells.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            if (cells.Count < header.Count)
            {
                errors.Add(new ImportError(file, line, cells.Count + 1, $"ligne incomplète : {cells.Count} champs au lieu de {header.Count}"));
                continue;
            }

            var before = errors.Count;
            string Cell(string column) => cells[index[column]].Trim();
            void Error(string column, string reason) => errors.Add(new ImportError(file, line, index[column] + 1, reason));

            var commune = Cell("code_commune");
            if (commune.Length != 5)
            {
                Error("code_commune", $"code commune INSEE à 5 caractères attendu : « {commune} »");
            }

            var operatorCode = Cell("code_operateur");
            if (operatorCode.Length == 0)
            {
                Error("code_operateur", "code opérateur vide");
            }

            var zoneText = Cell("zone");
            if (!Enum.TryParse<CommitmentZone>(zoneText, ignoreCase: true, out var zone) || zoneText.Any(char.IsDigit))
            {
                Error("zone", $"zone inconnue : « {zoneText} » (AMII, AMEL, RIP ou ZTD)");
            }

            long? premises = null;
            decimal? share = null;
            var premisesText = Cell("locaux");
            var shareText = Cell("part");
            if ((premisesText.Length == 0) == (shareText.Length == 0))
            {
                Error("locaux", "indiquez soit un nombre de locaux (« locaux »), soit un pourcentage (« part »), pas les deux ni aucun");
            }
            else if (premisesText.Length > 0)
            {
                if (ArcepNumber.TryParseCount(premisesText, out var count) && count is > 0)
                {
                    premises = count;
                }
                else
                {
                    Error("locaux", $"« locaux » n'est pas un nombre entier positif : « {premisesText} »");
                }
            }
            else if (decimal.TryParse(shareText.TrimEnd('%', ' ', '\u00a0', '\u202f').Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var percent)
                     && percent is > 0 and <= 100)
            {
                share = percent / 100m;
            }
            else
            {
                Error("part", $"« part » n'est pas un pourcentage entre 0 et 100 : « {shareText} »");
            }

            var deadlineText = Cell("echeance");
            if (!DateOnly.TryParseExact(deadlineText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var deadline))
            {
                Error("echeance", $"échéance au format AAAA-MM-JJ attendue : « {deadlineText} »");
            }

            var source = Cell("source");
            if (source.Length == 0)
            {
                Error("source", "source vide : chaque engagement doit dire d'où il vient (convention, arrêté, courrier…)");
            }

            if (errors.Count == before)
            {
                var name = Cell("nom_operateur");
                rows.Add(new CommitmentRow(commune, operatorCode, name.Length > 0 ? name : operatorCode, zone, premises, share, deadline,
                    Cell("base_legale") is { Length: > 0 } basis ? basis : null,
                    Cell("statut") is { Length: > 0 } status ? status : "déclaré",
                    source, false, line));
            }
        }

        if (rows.Count == 0 && errors.Count == 0)
        {
            errors.Add(new ImportError(file, 2, null, "aucun engagement après l'en-tête"));
        }

        return rows;
    }
}
