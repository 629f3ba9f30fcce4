using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Scoran.Core.Audit;
using Scoran.Core.Imports;
using Scoran.Steering.Model;

namespace Scoran.Steering.Exchange;

public sealed record BarometreImportReport(string Strategy, int IndicatorsCreated, int ValuesAdded, int ValuesAlreadyThere);

/// <summary>
/// The régional file of the « Baromètre des résultats de l'action publique » (Etalab/DINUM,
/// Licence Ouverte 2.0): real time series loaded as imported values of indicators of a strategy,
/// each value with its source. Indicators are created under code « BARO.&lt;id_indicateur&gt; »,
/// labelled as coming from the baromètre, never mixed with the strategy's own indicators.
/// </summary>
public sealed class BarometreImporter(DbContext db, TimeProvider clock)
{
    public const string Source = "Baromètre des résultats de l'action publique (Etalab/DINUM, Licence Ouverte 2.0), fichier régional";

    private static readonly string[] Header = ["mesure", "indicateur", "id_indicateur", "code_region", "libelle_region", "date", "valeur", "unite"];

    public sealed record Row(string Measure, string Title, string Id, string Region, DateOnly Date, decimal Value, string Unit);

    public static IReadOnlyList<Row> Read(string file, string text)
    {
        var rows = StrategyCsv.Parse(text, ',');
        if (rows.Count == 0 || !rows[0].Cells.Select(c => c.Trim()).SequenceEqual(Header))
        {
            throw new ImportRejectedException([new ImportError(file, 1, null, $"en-tête attendu : {string.Join(",", Header)}")]);
        }

        var errors = new List<ImportError>();
        var result = new List<Row>();
        foreach (var (line, cells) in rows.Skip(1).Where(r => r.Cells.Any(c => c != "")))
        {
            if (cells.Length != Header.Length)
            {
                errors.Add(new ImportError(file, line, null, $"{cells.Length} colonnes au lieu de {Header.Length}"));
                continue;
            }

            if (!DateOnly.TryParseExact(cells[5], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                errors.Add(new ImportError(file, line, 6, $"date « {cells[5]} » : AAAA-MM-JJ attendu"));
            }

            if (!decimal.TryParse(cells[6], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                errors.Add(new ImportError(file, line, 7, $"valeur « {cells[6]} » : nombre décimal attendu"));
            }

            result.Add(new Row(cells[0].Trim(), cells[1].Trim(), cells[2].Trim(), cells[3].Trim(), date, value, cells[7].Trim()));
        }

        if (errors.Count > 0)
        {
            throw new ImportRejectedException(errors);
        }

        return result;
    }

    /// <summary>Adds the values not already stored (same indicator, date and source): re-running changes nothing.</summary>
    public async Task<BarometreImportReport> ImportAsync(string strategyCode, IReadOnlyList<Row> rows, string file, string author, CancellationToken cancellationToken = default)
    {
        var strategy = await db.Set<Strategy>().FirstOrDefaultAsync(s => s.Code == strategyCode, cancellationToken)
            ?? throw new ImportRejectedException([new ImportError(file, null, null, $"stratégie « {strategyCode} » inconnue : chargez-la d'abord (scoran strategy import)")]);
        var source = $"{Source} {file}";
        int created = 0, added = 0, present = 0;
        foreach (var series in rows.GroupBy(r => r.Id))
        {
            var code = $"BARO.{series.Key}";
            var indicator = await db.Set<Indicator>().Include(i => i.Values).FirstOrDefaultAsync(i => i.StrategyId == strategy.Id && i.Code == code, cancellationToken);
            var first = series.First();
            if (indicator is null)
            {
                indicator = new Indicator
                {
                    StrategyId = strategy.Id, Code = code, Title = $"{first.Title} (Baromètre des résultats)", Objective = first.Measure,
                    // Fibre coverage serves the infrastructure enjeu; France Services and SME digitalisation the transformation one.
                    NodeCode = series.Key.Contains("fibre", StringComparison.Ordinal) ? "E1" : "E2",
                    Unit = first.Unit.StartsWith('%') ? "%" : first.Unit, Direction = IndicatorDirection.HigherIsBetter, Kind = IndicatorKind.Manual,
                    DataSource = Source, Licence = "Licence Ouverte 2.0", Vintage = series.Max(r => r.Date).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    Definition = $"Série régionale ({first.Region}) « {first.Title} » du Baromètre des résultats de l'action publique, mesure « {first.Measure} », unité « {first.Unit} ».",
                };
                db.Add(indicator);
                created++;
            }

            foreach (var row in series.OrderBy(r => r.Date))
            {
                if (indicator.Values.Any(v => v.Date == row.Date && v.Source == source))
                {
                    present++;
                    continue;
                }

                indicator.Values.Add(new IndicatorValue { Date = row.Date, Value = row.Value, Source = source, Author = "import" });
                added++;
            }
        }

        if (added > 0 || created > 0)
        {
            AuditTrail.Record(db, clock, author, "steering.strategy", strategy.Code, "values-imported", null, new { File = file, IndicatorsCreated = created, ValuesAdded = added });
        }

        await db.SaveChangesAsync(cancellationToken);
        return new BarometreImportReport(strategy.Code, created, added, present);
    }
}
