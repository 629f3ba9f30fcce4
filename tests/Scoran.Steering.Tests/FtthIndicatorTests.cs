using Microsoft.Extensions.DependencyInjection;
using Scoran.Data;
using Scoran.Observatory.Import.Arcep;
using Scoran.Observatory.Queries;
using Scoran.Territories.Model;
using Scoran.Testing;

namespace Scoran.Steering.Tests;

/// <summary>The SCORAN indicator E1.R2.I1 is the observatory's own FttH rate of the région, and follows each new release.</summary>
public abstract class FtthIndicatorTests(DatabaseProvider provider)
{
    [Fact]
    public async Task The_FttH_indicator_of_the_region_is_computed_from_the_observatory_and_moves_with_a_new_quarter()
    {
        TestDatabase.RequireEngine(provider);
        await using var database = await TestDatabase.CreateAsync(provider, "steeringftth", TestTemplates.France);
        await database.ImportReferenceAsync();
        var folder = Path.Combine(SharedData.Root, "data", "ftth", "arcep-observatoire-2018T1");

        var before = await database.SteeringScopeAsync(async sp =>
        {
            Assert.Empty((await sp.GetRequiredService<SteeringQueries>().IndicatorAsync("scoran-bfc-2019", "E1.R2.I1", SteeringDatabase.Token))!.Series);
            await sp.GetRequiredService<ArcepFtthImporter>().ImportAsync(await ArcepFtthImporter.ReadAsync(
                Path.Combine(folder, ArcepFtthImporter.DeploymentFileName), Path.Combine(folder, ArcepFtthImporter.InformationFileName), SteeringDatabase.Token), cancellationToken: SteeringDatabase.Token);
            var series = (await sp.GetRequiredService<FtthQueries>().SeriesAsync(TerritoryKind.Region, "27", cancellationToken: SteeringDatabase.Token))!;
            return (Indicator: (await sp.GetRequiredService<SteeringQueries>().IndicatorAsync("scoran-bfc-2019", "E1.R2.I1", SteeringDatabase.Token))!, Observatory: series);
        });

        // Same figure as the observatory: sum of connectable premises over sum of premises, in percent.
        var last = before.Observatory.Points[^1];
        Assert.Equal(before.Observatory.Points.Count, before.Indicator.Series.Count);
        Assert.Equal(Math.Round(last.ConnectablePremises * 100m / last.Premises, 4), before.Indicator.Assessment.Current);
        Assert.Equal(new DateOnly(2018, 3, 31), before.Indicator.Assessment.AsOf);
        Assert.Contains("publication T1 2018", before.Indicator.Series[^1].Source);
        Assert.NotNull(before.Indicator.Assessment.ProjectedAtTargetDate);

        var second = await SecondRelease.WriteAsync();
        var after = await database.SteeringScopeAsync(async sp =>
        {
            await sp.GetRequiredService<ArcepFtthImporter>().ImportAsync(await ArcepFtthImporter.ReadAsync(
                Path.Combine(second, ArcepFtthImporter.DeploymentFileName), Path.Combine(second, ArcepFtthImporter.InformationFileName), SteeringDatabase.Token), cancellationToken: SteeringDatabase.Token);
            return (await sp.GetRequiredService<SteeringQueries>().IndicatorAsync("scoran-bfc-2019", "E1.R2.I1", SteeringDatabase.Token))!;
        });

        Assert.Equal(new DateOnly(2018, 6, 30), after.Assessment.AsOf);
        Assert.NotEqual(before.Indicator.Assessment.Current, after.Assessment.Current);
        // T2 2018 is T1 2018 plus 1 000 premises in Dijon, over the premises of the new release.
        Assert.True(after.Assessment.Current > before.Indicator.Assessment.Current);
        Assert.Contains("publication T2 2018", after.Series[^1].Source);
    }
}

public sealed class SqliteFtthIndicatorTests() : FtthIndicatorTests(DatabaseProvider.Sqlite);

public sealed class PostgresFtthIndicatorTests() : FtthIndicatorTests(DatabaseProvider.Postgres);
