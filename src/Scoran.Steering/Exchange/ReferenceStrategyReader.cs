using System.Globalization;
using System.Text.Json.Nodes;
using Scoran.Core.Imports;
using Scoran.Steering.Indicators;
using Scoran.Steering.Model;

namespace Scoran.Steering.Exchange;

/// <summary>
/// Turns the reference extractions shipped in data/strategy (SCORAN BFC 2019, PPUN 2021; see the
/// README there) into <see cref="StrategyDocument"/>s. Titles are taken verbatim; the English
/// context summaries of the extraction are not imported, being paraphrase rather than source text.
/// </summary>
public static class ReferenceStrategyReader
{
    public const string ScoranFile = "scoran-bfc-2019.json";
    public const string PpunFile = "ppun-bfc-2021.json";

    /// <summary>The SCORAN indicator wired to the observatory: E1.R2 « Le taux de locaux raccordables au FttH ».</summary>
    public const string FtthIndicatorRow = "E1.R2";

    public static async Task<StrategyDocument> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        var file = Path.GetFileName(path);
        JsonNode root;
        try
        {
            await using var stream = File.OpenRead(path);
            root = await JsonNode.ParseAsync(stream, cancellationToken: cancellationToken) ?? throw new FormatException("document vide");
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or FormatException)
        {
            throw new ImportRejectedException([new ImportError(file, null, null, $"JSON illisible : {e.Message}")]);
        }

        if (root["enjeux"] is JsonArray)
        {
            return ReadScoran(root, file);
        }

        if (root["axes"] is JsonArray)
        {
            return ReadPpun(root, file);
        }

        throw new ImportRejectedException([new ImportError(file, null, null, "ni « enjeux » (SCORAN) ni « axes » (PPUN) : ce n'est pas une stratégie de référence")]);
    }

    private static StrategyDocument ReadScoran(JsonNode root, string file)
    {
        var nodes = new List<NodeDocument>();
        var position = 0;
        foreach (var p in root["principles"]!.AsArray())
        {
            nodes.Add(new NodeDocument
            {
                Code = S(p!["code"])!, Level = NodeLevel.Principle, Title = S(p["title"])!, Description = S(p["description"]), Position = position++,
                Themes = p["themes"] is JsonArray themes ? themes.Select(t => S(t)!).ToList() : [],
            });
        }

        position = 0;
        foreach (var e in root["enjeux"]!.AsArray())
        {
            nodes.Add(new NodeDocument { Code = S(e!["code"])!, Level = NodeLevel.Enjeu, Title = S(e["title"])!, Description = S(e["description"]), Position = position++, SourceLine = S(e["source_line"]) });
            var d = 0;
            foreach (var defi in e["defis"]!.AsArray())
            {
                nodes.Add(new NodeDocument { Code = S(defi!["code"])!, ParentCode = S(e["code"]), Level = NodeLevel.Defi, Title = S(defi["title"])!, Position = d++, SourceLine = S(defi["source_line"]) });
                var o = 0;
                foreach (var orientation in defi["orientations"]!.AsArray())
                {
                    nodes.Add(new NodeDocument
                    {
                        Code = S(orientation!["code"])!, ParentCode = S(defi["code"]), Level = NodeLevel.Orientation, Title = S(orientation["title"])!,
                        Position = o++, SourceLine = S(orientation["source_line"]),
                    });
                    var a = 0;
                    foreach (var action in orientation["actions"]!.AsArray())
                    {
                        nodes.Add(new NodeDocument
                        {
                            Code = S(action!["code"])!, ParentCode = S(orientation["code"]), Level = NodeLevel.Action, Title = S(action["title"])!,
                            // The sub-items are the source's own wording of what the action contains.
                            Description = action["sub_items"] is JsonArray items && items.Count > 0 ? string.Join("\n", items.Select(i => S(i))) : null,
                            Position = a++, SourceLine = S(action["source_line"]),
                        });
                    }
                }
            }
        }

        var indicators = new List<IndicatorDocument>();
        foreach (var row in root["indicators"]!.AsArray().GroupBy(i => S(i!["objective_row"])!))
        {
            var rank = 1;
            foreach (var i in row)
            {
                var code = $"{row.Key}.I{rank++}";
                var title = S(i!["indicator"])!;
                var targetText = S(i["target_value"]);
                var computed = row.Key == FtthIndicatorRow;
                indicators.Add(new IndicatorDocument
                {
                    Code = code,
                    Title = title,
                    Objective = S(i["objective"]),
                    NodeCode = S(i["enjeu"]),
                    Unit = computed || title.Contains("taux", StringComparison.OrdinalIgnoreCase) || targetText?.Contains('%') == true ? "%" : "nombre",
                    // The only measures where less is better are the distances to a place of mediation or a tiers-lieu.
                    Direction = title.Contains("distance", StringComparison.OrdinalIgnoreCase) ? IndicatorDirection.LowerIsBetter : IndicatorDirection.HigherIsBetter,
                    Kind = computed ? IndicatorKind.Computed : IndicatorKind.Manual,
                    Computation = computed ? ComputedIndicators.FtthRegion("27") : null,
                    Definition = computed ? "Locaux raccordables en fibre jusqu'à l'abonné (FttH) de la région, divisés par le nombre de locaux de la région, " +
                                            "tous deux sommés sur les communes d'une même publication Arcep (jamais une moyenne de taux)." : null,
                    DataSource = i["data_needed"] is JsonArray data ? string.Join("\n", data.Select(x => S(x))) : null,
                    TargetText = targetText,
                    TargetValue = targetText?.StartsWith("100 %", StringComparison.Ordinal) == true ? 100m : null,
                    TargetDate = TargetDate(S(i["target_date"])),
                });
            }
        }

        return new StrategyDocument
        {
            Code = S(root["id"])!,
            Title = S(root["title"])!,
            ShortTitle = S(root["short_title"]),
            Issuer = S(root["issuer"]),
            Date = S(root["date"]),
            Source = $"{file} (extraction de {S(root["source_document"]?["seed_file"])})",
            Nodes = nodes,
            Indicators = indicators,
        };
    }

    private static StrategyDocument ReadPpun(JsonNode root, string file)
    {
        var nodes = new List<NodeDocument>();
        var position = 0;
        foreach (var axis in root["axes"]!.AsArray())
        {
            nodes.Add(new NodeDocument { Code = S(axis!["code"])!, Level = NodeLevel.Enjeu, Title = S(axis["title"])!, Description = S(axis["intro_first_sentence"]), Position = position++, SourceLine = S(axis["source_line"]) });
            var s = 0;
            foreach (var sub in axis["sub_axes"]!.AsArray())
            {
                nodes.Add(new NodeDocument { Code = S(sub!["code"])!, ParentCode = S(axis["code"]), Level = NodeLevel.Defi, Title = S(sub["title"])!, Position = s++, SourceLine = S(sub["source_line"]) });
                var t = 0;
                foreach (var theme in sub["themes"]!.AsArray())
                {
                    // Themes without a heading of their own are named by their « priorités » heading (README, PPUN ambiguity 3).
                    var title = S(theme!["title"]) ?? S(theme["priorities_heading"]) ?? $"Thème {S(theme["code"])}";
                    nodes.Add(new NodeDocument { Code = S(theme["code"])!, ParentCode = S(sub["code"]), Level = NodeLevel.Orientation, Title = title, Position = t++, SourceLine = S(theme["priorities_source_line"]) });
                    var a = 0;
                    foreach (var action in theme["actions"]!.AsArray())
                    {
                        nodes.Add(new NodeDocument
                        {
                            Code = S(action!["code"])!, ParentCode = S(theme["code"]), Level = NodeLevel.Action, Title = S(action["title"])!,
                            Description = S(action["description"]), Position = a++, SourceLine = S(action["source_line"]),
                        });
                    }
                }
            }
        }

        return new StrategyDocument
        {
            Code = S(root["id"])!,
            Title = S(root["title"])! + (S(root["subtitle"]) is { } subtitle ? " – " + subtitle : ""),
            ShortTitle = "PPUN BFC",
            Issuer = S(root["issuer"]),
            Date = S(root["date"]),
            Source = $"{file} (extraction de {S(root["source_document"]?["seed_file"])})",
            Nodes = nodes,
        };
    }

    /// <summary>"2025" → 31/12/2025; "2020/2022" → the later year, the deadline the strategy finally sets.</summary>
    private static DateOnly? TargetDate(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var years = text.Split('/', '-', ' ').Select(y => int.TryParse(y, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0).Where(y => y > 1900).ToList();
        return years.Count == 0 ? null : new DateOnly(years.Max(), 12, 31);
    }

    private static string? S(JsonNode? node) => node switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v => v.ToJsonString(),
        _ => node.ToJsonString(),
    };
}
