using System.Globalization;
using System.Text;
using Scoran.Core.Imports;
using Scoran.Steering.Model;

namespace Scoran.Steering.Exchange;

/// <summary>
/// The strategy tree as one table (CSV with « ; », or the « Arborescence » sheet of the XLSX):
/// a first row of level « strategie » names the strategy, then one row per node, parents first.
/// Lists (partners, territories, themes) are separated by « | ». Budgets, milestones, indicators
/// and reviews travel in the JSON document and the XLSX export, not in this table.
/// </summary>
public static class StrategyCsv
{
    public static readonly string[] Header = ["code", "parent", "niveau", "intitule", "description", "position", "poids", "porteur", "partenaires", "territoires", "themes", "statut", "avancement"];

    private static readonly Dictionary<string, NodeLevel> Levels = new(StringComparer.OrdinalIgnoreCase)
    {
        ["principe"] = NodeLevel.Principle, ["enjeu"] = NodeLevel.Enjeu, ["axe"] = NodeLevel.Enjeu, ["defi"] = NodeLevel.Defi, ["sous-axe"] = NodeLevel.Defi,
        ["orientation"] = NodeLevel.Orientation, ["theme"] = NodeLevel.Orientation, ["action"] = NodeLevel.Action,
    };

    private static readonly Dictionary<string, ActionStatus> Statuses = new(StringComparer.OrdinalIgnoreCase)
    {
        ["prevue"] = ActionStatus.Planned, ["en-cours"] = ActionStatus.InProgress, ["realisee"] = ActionStatus.Done, ["abandonnee"] = ActionStatus.Abandoned,
    };

    public static string LevelName(NodeLevel level) => level switch
    {
        NodeLevel.Principle => "principe",
        NodeLevel.Enjeu => "enjeu",
        NodeLevel.Defi => "defi",
        NodeLevel.Orientation => "orientation",
        _ => "action",
    };

    public static string StatusName(ActionStatus status) => Statuses.First(s => s.Value == status).Key;

    public static IEnumerable<string[]> Rows(StrategyDocument document)
    {
        yield return Header;
        yield return [document.Code, "", "strategie", document.Title, document.Issuer ?? "", "", "", "", "", "", "", "", ""];
        foreach (var n in document.Nodes)
        {
            yield return
            [
                n.Code, n.ParentCode ?? "", LevelName(n.Level), n.Title, n.Description ?? "", n.Position.ToString(CultureInfo.InvariantCulture),
                n.Weight?.ToString(CultureInfo.InvariantCulture) ?? "", n.Porteur ?? "", string.Join(" | ", n.Partners), string.Join(" | ", n.Territories),
                string.Join(" | ", n.Themes), StatusName(n.Status), n.Progress?.ToString(CultureInfo.InvariantCulture) ?? "",
            ];
        }
    }

    public static string Write(StrategyDocument document)
    {
        var text = new StringBuilder();
        foreach (var row in Rows(document))
        {
            text.Append(string.Join(';', row.Select(Quote))).Append("\r\n");
        }

        return text.ToString();
    }

    /// <summary>Reads a strategy CSV; the apostrophe that protects formula-like cells on export is removed (<see cref="Scoran.Core.Text.CsvText.Restore"/>).</summary>
    public static StrategyDocument Read(string file, string text) => FromRows(file, Parse(text).Select(r => (r.Line, r.Cells.Select(Scoran.Core.Text.CsvText.Restore).ToArray())).ToList());

    /// <summary>Builds the document from table rows (line numbers kept for the errors); all-or-nothing.</summary>
    public static StrategyDocument FromRows(string file, IReadOnlyList<(long Line, string[] Cells)> rows)
    {
        var errors = new List<ImportError>();
        if (rows.Count == 0 || !rows[0].Cells.Select(c => c.Trim().ToLowerInvariant()).Take(Header.Length).SequenceEqual(Header))
        {
            throw new ImportRejectedException([new ImportError(file, rows.Count == 0 ? null : rows[0].Line, null, $"en-tête attendu : {string.Join(";", Header)}")]);
        }

        string? code = null, title = null, issuer = null;
        var nodes = new List<NodeDocument>();
        foreach (var (line, raw) in rows.Skip(1))
        {
            if (raw.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            var cells = raw.Concat(Enumerable.Repeat("", Header.Length)).Take(Header.Length).Select(c => c.Trim()).ToArray();
            void Error(int column, string reason) => errors.Add(new ImportError(file, line, column + 1, reason));
            if (cells[2].Equals("strategie", StringComparison.OrdinalIgnoreCase))
            {
                (code, title, issuer) = (cells[0], cells[3], cells[4] == "" ? null : cells[4]);
                continue;
            }

            if (!Levels.TryGetValue(cells[2], out var level))
            {
                Error(2, $"niveau « {cells[2]} » inconnu (strategie, principe, enjeu/axe, defi/sous-axe, orientation/theme, action)");
            }

            int position = 0;
            if (cells[5] != "" && !int.TryParse(cells[5], NumberStyles.Integer, CultureInfo.InvariantCulture, out position))
            {
                Error(5, $"position « {cells[5]} » : nombre entier attendu");
            }

            decimal? weight = null, progress = null;
            if (cells[6] != "")
            {
                weight = Decimal(cells[6]);
                if (weight is null or < 0)
                {
                    Error(6, $"poids « {cells[6]} » : nombre positif attendu");
                }
            }

            if (cells[12] != "")
            {
                progress = Decimal(cells[12]);
                if (progress is null or < 0 or > 100)
                {
                    Error(12, $"avancement « {cells[12]} » : pourcentage entre 0 et 100 attendu");
                }
            }

            var status = ActionStatus.Planned;
            if (cells[11] != "" && !Statuses.TryGetValue(cells[11], out status))
            {
                Error(11, $"statut « {cells[11]} » inconnu (prevue, en-cours, realisee, abandonnee)");
            }

            if (cells[0] == "")
            {
                Error(0, "code manquant");
            }

            if (cells[3] == "")
            {
                Error(3, "intitulé manquant");
            }

            nodes.Add(new NodeDocument
            {
                Code = cells[0], ParentCode = cells[1] == "" ? null : cells[1], Level = level, Title = cells[3], Description = cells[4] == "" ? null : cells[4],
                Position = position, Weight = weight, Porteur = cells[7] == "" ? null : cells[7], Partners = List(cells[8]), Territories = List(cells[9]), Themes = List(cells[10]),
                Status = status, Progress = progress,
            });
        }

        if (code is null || string.IsNullOrWhiteSpace(title))
        {
            errors.Add(new ImportError(file, null, null, "aucune ligne de niveau « strategie » (code et intitulé de la stratégie)"));
        }

        if (errors.Count > 0)
        {
            throw new ImportRejectedException(errors);
        }

        var document = new StrategyDocument { Code = code!, Title = title!, Issuer = issuer, Nodes = nodes, Source = file };
        StrategyStore.Validate(document, file);
        return document;
    }

    private static List<string> List(string cell) => cell.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    private static decimal? Decimal(string text) =>
        decimal.TryParse(text.Replace(',', '.').Replace(" ", "").Replace("\u00a0", ""), NumberStyles.Number, CultureInfo.InvariantCulture, out var d) ? d : null;

    private static string Quote(string cell) => Scoran.Core.Text.CsvText.Minimal(cell);

    /// <summary>RFC 4180 with « ; »: quoted cells may hold separators, quotes and line breaks.</summary>
    public static IReadOnlyList<(long Line, string[] Cells)> Parse(string text, char separator = ';')
    {
        var rows = new List<(long, string[])>();
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        long line = 1, start = 1;
        var i = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    if (c == '\n')
                    {
                        line++;
                    }

                    cell.Append(c);
                }
            }
            else if (c == '"' && cell.Length == 0)
            {
                quoted = true;
            }
            else if (c == separator)
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else if (c == '\n' || c == '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                cells.Add(cell.ToString());
                cell.Clear();
                rows.Add((start, cells.ToArray()));
                cells.Clear();
                line++;
                start = line;
            }
            else
            {
                cell.Append(c);
            }
        }

        if (cell.Length > 0 || cells.Count > 0)
        {
            cells.Add(cell.ToString());
            rows.Add((start, cells.ToArray()));
        }

        return rows;
    }
}
