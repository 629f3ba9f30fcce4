using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scoran.Data;
using Scoran.Steering.Exchange;
using Scoran.Steering.Model;
using Scoran.Testing;

namespace Scoran.Steering.Tests;

/// <summary>The Baromètre des résultats series load as imported indicator values with their source, once.</summary>
public abstract class BarometreTests(DatabaseProvider provider)
{
    [Fact]
    public async Task The_barometre_series_become_sourced_indicator_values_and_a_second_load_adds_nothing()
    {
        TestDatabase.RequireEngine(provider);
        await using var database = await TestDatabase.CreateAsync(provider, "steeringbaro");
        await database.ImportReferenceAsync();
        var path = Path.Combine(SharedData.Root, "data", "indicateurs", "barometre-resultats", "barometre-resultats-detail-regional-bfc-numerique.csv");
        Assert.Equal(File.ReadAllBytes(path), File.ReadAllBytes(Path.Combine(SteeringDatabase.StrategyFolder, Path.GetFileName(path))));
        var rows = BarometreImporter.Read(Path.GetFileName(path), await File.ReadAllTextAsync(path, SteeringDatabase.Token));

        var first = await database.SteeringScopeAsync(sp => sp.GetRequiredService<BarometreImporter>().ImportAsync("scoran-bfc-2019", rows, Path.GetFileName(path), "système", SteeringDatabase.Token));
        var second = await database.SteeringScopeAsync(sp => sp.GetRequiredService<BarometreImporter>().ImportAsync("scoran-bfc-2019", rows, Path.GetFileName(path), "système", SteeringDatabase.Token));
        var fibre = await database.SteeringScopeAsync(sp => sp.GetRequiredService<SteeringQueries>().IndicatorAsync("scoran-bfc-2019", "BARO.taux-deploiement-fibre", SteeringDatabase.Token));

        Assert.Equal((4, 95, 0), (first.IndicatorsCreated, first.ValuesAdded, first.ValuesAlreadyThere));
        Assert.Equal((0, 0, 95), (second.IndicatorsCreated, second.ValuesAdded, second.ValuesAlreadyThere));
        Assert.NotNull(fibre);
        Assert.Equal(("%", "E1", 20), (fibre.Indicator.Unit, fibre.Indicator.NodeCode, fibre.Series.Count));
        Assert.Equal((new DateOnly(2017, 12, 31), 14.0m), (fibre.Series[0].Date, fibre.Series[0].Value));
        Assert.StartsWith(BarometreImporter.Source, fibre.Series[0].Source);
        Assert.NotNull(fibre.Assessment.SlopePerYear);
        Assert.Equal(17 + 4, await database.SteeringScopeAsync(sp => sp.GetRequiredService<ScoranDbContext>().Set<Indicator>().CountAsync(SteeringDatabase.Token)));
    }

    [Fact]
    public void A_damaged_barometre_file_is_refused_with_line_and_column()
    {
        var text = "mesure,indicateur,id_indicateur,code_region,libelle_region,date,valeur,unite\n" +
                   "m,i,taux-deploiement-fibre,27,BFC,31/12/2020,12.5,%\n" +
                   "m,i,taux-deploiement-fibre,27,BFC,2021-03-31,douze,%\n";
        var refused = Assert.Throws<Scoran.Core.Imports.ImportRejectedException>(() => BarometreImporter.Read("baro.csv", text));
        Assert.Equal(["baro.csv:2:6: date « 31/12/2020 » : AAAA-MM-JJ attendu", "baro.csv:3:7: valeur « douze » : nombre décimal attendu"], refused.Errors.Select(e => e.ToString()));
    }
}

public sealed class SqliteBarometreTests() : BarometreTests(DatabaseProvider.Sqlite);

public sealed class PostgresBarometreTests() : BarometreTests(DatabaseProvider.Postgres);
