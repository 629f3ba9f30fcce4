using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scoran.Core.Audit;
using Scoran.Data;
using Scoran.Observatory.Measurements;
using Scoran.Testing;

namespace Scoran.Cli.Tests;

/// <summary><c>scoran measurements purge|token</c> run as a user would, on a real SQLite file.</summary>
public sealed class MeasurementsCommandTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Purge_strips_old_positions_once_and_a_second_run_purges_nothing()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, "climeaspurge");
        var now = TestClock.Now;
        await database.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<ScoranDbContext>();
            db.AddRange(Enumerable.Range(0, 5).Select(i => new Measurement
            {
                ClientKey = $"cli-{i}", MeasuredAt = now.AddDays(-i * 30), ReceivedAt = now.AddDays(-i * 30), Latitude = 47.32, Longitude = 5.04, Device = "Pixel",
                OperatorCode = "20801", Technology = "4G", ContributorId = "c", CommuneCode = "21231", CellId = MeasurementGrid.CellOf(47.32, 5.04),
            }));
            return await db.SaveChangesAsync(Token);
        });
        var connection = database.Storage.ConnectionString!;

        // Received 0, 30, 60, 90 and 120 days ago: with --jours 45, the last three go.
        var first = await ScoranProgram.RunAsync("measurements", "purge", "--jours", "45", "--connection", connection);
        var second = await ScoranProgram.RunAsync("measurements", "purge", "--jours", "45", "--connection", connection);
        // Default retention (90 days): the 120-day row is already purged, nothing new.
        var byDefault = await ScoranProgram.RunAsync("measurements", "purge", "--connection", connection);

        Assert.Equal((0, "3 mesure(s) purgée(s) de leur position brute."), (first.ExitCode, first.Output.Trim()));
        Assert.Equal((0, "0 mesure(s) purgée(s) de leur position brute."), (second.ExitCode, second.Output.Trim()));
        Assert.Equal((0, "0 mesure(s) purgée(s) de leur position brute."), (byDefault.ExitCode, byDefault.Output.Trim()));
        var kept = await database.WithScopeAsync(sp => sp.GetRequiredService<ScoranDbContext>().Set<Measurement>().Where(m => m.Latitude != null && !m.Purged)
            .OrderBy(m => m.ClientKey).Select(m => m.ClientKey).ToListAsync(Token));
        Assert.Equal(["cli-0", "cli-1"], kept);
        var audit = await database.WithScopeAsync(sp => AuditTrail.HistoryAsync(sp.GetRequiredService<ScoranDbContext>(), "observatory.measurements", "retention", Token));
        Assert.Single(audit);
    }

    [Theory]
    [InlineData("-3", "--jours doit être un nombre de jours positif ou nul.")]
    [InlineData("trois", "trois")]
    public async Task Purge_with_a_bad_number_of_days_changes_nothing(string days, string message)
    {
        var database = $"Data Source={Path.Combine(SharedData.ArtifactsFolder("cli"), $"{Guid.NewGuid():N}.db")}";
        var result = await ScoranProgram.RunAsync("measurements", "purge", "--jours", days, "--connection", database);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(message, result.Error);
    }

    [Fact]
    public async Task Token_prints_a_new_secret_each_time_keeps_only_its_hash_and_refuses_an_unknown_campaign()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, "climeastoken");
        var connection = database.Storage.ConnectionString!;

        var first = await ScoranProgram.RunAsync("measurements", "token", "--libelle", "Équipe mesures 21", "--connection", connection);
        var second = await ScoranProgram.RunAsync("measurements", "token", "--libelle", "Équipe mesures 21", "--connection", connection);
        var unknown = await ScoranProgram.RunAsync("measurements", "token", "--libelle", "Équipe", "--campagne", "nulle-part", "--connection", connection);
        var missing = await ScoranProgram.RunAsync("measurements", "token", "--connection", connection);
        var empty = await ScoranProgram.RunAsync("measurements", "token", "--libelle", " ", "--connection", connection);

        Assert.Equal(0, first.ExitCode);
        Assert.Matches("^sct_[0-9a-f]{48}$", first.Output.Trim());
        Assert.NotEqual(first.Output, second.Output);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("campagne inconnue : nulle-part", unknown.Error);
        Assert.NotEqual(0, missing.ExitCode);
        Assert.Contains("--libelle", missing.Error);
        Assert.Equal(2, empty.ExitCode);
        var hashes = await database.WithScopeAsync(sp => sp.GetRequiredService<ScoranDbContext>().Set<ContributorToken>().Select(t => t.TokenHash).ToListAsync(Token));
        string[] expected = [MeasurementRules.Hash("token", first.Output.Trim()), MeasurementRules.Hash("token", second.Output.Trim())];
        Assert.Equal(expected.Order(StringComparer.Ordinal), hashes.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(hashes, x => x.Contains(first.Output.Trim(), StringComparison.Ordinal));
    }
}
