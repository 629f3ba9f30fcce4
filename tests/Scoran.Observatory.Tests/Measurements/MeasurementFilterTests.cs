using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Scoran.Data;
using Scoran.Observatory.Measurements;
using Scoran.Territories.Import;
using Scoran.Territories.Model;
using Scoran.Testing;

namespace Scoran.Observatory.Tests.Measurements;

/// <summary>
/// The operator / technology filter of the summary (<see cref="MeasurementQueries.FilteredSummaryAsync"/>):
/// filtering must give exactly the summary of a database holding only the filtered rows, k counted
/// on them. The expected figures come from the in-memory reference run, inside a transaction rolled
/// back afterwards, on the same random rows with every other row deleted.
/// </summary>
public abstract class MeasurementFilterTests(DatabaseProvider provider)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    // About 25 rows per commune from 14 contributors: published overall, and around k = 5 once filtered.
    private const int Rows = 150;

    [Fact]
    public async Task A_filtered_summary_equals_the_summary_of_the_filtered_rows_alone()
    {
        TestDatabase.RequireEngine(provider);
        await using var database = await TestDatabase.CreateAsync(provider, "measfilterq", TestTemplates.France);
        var start = new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
        string[] communes = ["21231", "21054", "21166", "25056", "58194", "69123"];
        await database.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<ScoranDbContext>();
            db.AddRange(MeasurementAggregationTests.RandomMeasurements(7, Rows, communes, start));
            await db.SaveChangesAsync(Token);
        });

        await using var scope = database.Services().CreateAsyncScope();
        var sql = scope.ServiceProvider.GetRequiredService<MeasurementQueries>();
        var db = scope.ServiceProvider.GetRequiredService<ScoranDbContext>();
        var reference = new InMemoryMeasurementQueries(db, scope.ServiceProvider.GetRequiredService<IOptions<MeasurementOptions>>());
        static string Json(object? value) => JsonSerializer.Serialize(value);

        (string? Operator, string? Technology)[] filters = [("20801", null), ("20815", null), (null, "5G"), (null, "aucune"), ("20810", "4G")];
        (TerritoryKind?, string?)[] places = [(null, null), (TerritoryKind.Region, "27"), (TerritoryKind.Departement, "21")];
        var actual = new Dictionary<string, string>();
        // All the SQL answers first: its hand-written commands do not join an EF transaction.
        foreach (var (op, tech) in filters)
        {
            foreach (var (kind, code) in places)
            {
                actual[$"{op}|{tech}|{kind}|{code}"] = Json(await sql.FilteredSummaryAsync(kind, code, op, tech, cancellationToken: Token));
            }
        }

        var (filteredPublished, masked) = (0, 0);
        var full = await sql.SummaryAsync(TerritoryKind.Region, "27", cancellationToken: Token);
        Assert.Equal(Json(full), Json(await sql.FilteredSummaryAsync(TerritoryKind.Region, "27", null, null, cancellationToken: Token)));
        foreach (var (op, tech) in filters)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(Token);
            await db.Set<Measurement>().Where(m => (op != null && m.OperatorCode != op) || (tech != null && m.Technology != tech)).ExecuteDeleteAsync(Token);
            foreach (var (kind, code) in places)
            {
                var expected = await reference.SummaryAsync(kind, code, cancellationToken: Token);
                Assert.Equal(Json(expected), actual[$"{op}|{tech}|{kind}|{code}"]);
                if (kind == TerritoryKind.Region)
                {
                    // Communes published overall but masked in this filter's view: the case the rule is for.
                    masked += full.Communes.Count(c => expected.Communes.All(e => e.CommuneCode != c.CommuneCode));
                    filteredPublished += expected.PublishedCommunes;
                }
            }

            await transaction.RollbackAsync(Token);
        }

        Assert.True(masked > 0, "some communes published overall are masked by a filter");
        Assert.True(filteredPublished > 0, "some communes are published under a filter");
        Assert.Equal(Rows, await db.Set<Measurement>().CountAsync(Token));
    }
}

public sealed class SqliteMeasurementFilterTests() : MeasurementFilterTests(DatabaseProvider.Sqlite);

public sealed class PostgresMeasurementFilterTests() : MeasurementFilterTests(DatabaseProvider.Postgres);
