using Microsoft.Extensions.DependencyInjection;
using Scoran.Data;
using Scoran.Observatory.Import.Arcep;
using Scoran.Observatory.Model;
using Scoran.Observatory.Queries;
using Scoran.Territories.Import;
using Scoran.Territories.Model;
using Scoran.Testing;

namespace Scoran.Observatory.Tests.Queries;

/// <summary>
/// Only one real release exists here, so a second one ("2018T2") is made from a copy of the
/// real files with known changes, imported through the real importer; the diff must find
/// exactly those changes and nothing else.
/// </summary>
public abstract class ReleaseDiffTests(DatabaseProvider provider)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_diff_between_two_releases_lists_exactly_the_changes_made()
    {
        TestDatabase.RequireEngine(provider);
        await using var database = await TestDatabase.CreateAsync(provider, "diff", TestTemplates.France);
        var second = await SecondRelease.WriteAsync();
        await database.WithScopeAsync(async sp =>
        {
            await SecondRelease.ImportBothAsync(sp, second);
        });

        var (releases, diff, doubs, unchanged) = await database.WithScopeAsync(async sp =>
        {
            var ftth = sp.GetRequiredService<FtthQueries>();
            var diffs = sp.GetRequiredService<ReleaseDiffQueries>();
            return (await ftth.ReleasesAsync(Token),
                await diffs.DiffAsync(TerritoryKind.Region, "27", "2018T1", "2018T2", Token),
                await diffs.DiffAsync(TerritoryKind.Departement, "25", "2018T1", "2018T2", Token),
                await diffs.DiffAsync(TerritoryKind.Departement, "89", "2018T1", "2018T2", Token));
        });

        Assert.Equal(["2018T2", "2018T1"], releases);
        // BFC, as stored from the real release: 194 000 / 220 000 / 245 000 rounded (exact 193 …, 219 873, 244 643).
        var t4 = diff.Quarters.Single(q => q.Quarter == new Quarter(2017, 4));
        Assert.Equal(219_873, t4.Before);
        Assert.Equal(219_923, t4.After);
        Assert.True(t4.Restated);
        Assert.Equal([new Quarter(2017, 3), new Quarter(2018, 1)], diff.Quarters.Where(q => q.Before is not null && !q.Restated).Select(q => q.Quarter));
        var t2 = Assert.Single(diff.QuartersAdded);
        Assert.Equal(new Quarter(2018, 2), t2.Quarter);
        Assert.Equal(244_643 + 1_000, t2.ConnectablePremises);
        Assert.Equal(1_000, t2.AddedSincePreviousQuarter);

        var restated = Assert.Single(diff.Restated);
        Assert.Equal(("25056", new Quarter(2017, 4), 35_099L, 35_149L), (restated.Code, restated.Quarter, restated.Before, restated.After));
        var revised = Assert.Single(diff.PremisesRevised);
        Assert.Equal(("90010", 80L), (revised.Code, revised.Change));
        var zone = Assert.Single(diff.ZoneChanges);
        Assert.Equal(("25002", FtthZone.PublicInitiative, FtthZone.PrivateCommitment), (zone.Code, zone.Before, zone.After));
        Assert.Equal(["25001"], diff.CommunesRemoved.Select(c => c.Code));
        Assert.Empty(diff.CommunesAdded);
        // Abbans-Dessous had 105 housing and 2 business premises in the real sheet.
        Assert.Equal(diff.PremisesBefore + 80 - (105 + 2), diff.PremisesAfter);

        // The same changes, seen from a département: only its own.
        Assert.Single(doubs.Restated);
        Assert.Empty(doubs.PremisesRevised);
        Assert.Empty(unchanged.Restated);
        Assert.Empty(unchanged.ZoneChanges);
        Assert.Empty(unchanged.CommunesRemoved);
        Assert.All(unchanged.Quarters.Where(q => q.Before is not null), q => Assert.False(q.Restated));
    }
}

public sealed class SqliteReleaseDiffTests() : ReleaseDiffTests(DatabaseProvider.Sqlite);

public sealed class PostgresReleaseDiffTests() : ReleaseDiffTests(DatabaseProvider.Postgres);
