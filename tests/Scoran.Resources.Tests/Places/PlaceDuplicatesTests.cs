using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scoran.Core.Audit;
using Scoran.Data;
using Scoran.Resources.Places;
using Scoran.Testing;

namespace Scoran.Resources.Tests.Places;

/// <summary>The same place from two sources: proposed as a pair, merged only by an editor's decision, which is audited and survives a re-import.</summary>
public abstract class PlaceDuplicatesTests(DatabaseProvider provider)
{
    private static CancellationToken T => TestContext.Current.CancellationToken;

    [Fact]
    public void Names_are_compared_on_their_distinctive_words()
    {
        Assert.Equal(1, PlaceDuplicates.NameSimilarity("France services de Montbard", "Espace France Services - MONTBARD"));
        Assert.Equal(0, PlaceDuplicates.NameSimilarity("France services de Montbard", "France services de Semur"));
        // {mediatheque, montbard} and {montbard, numerique}: one shared word out of three.
        Assert.Equal(1.0 / 3, PlaceDuplicates.NameSimilarity("Médiathèque de Montbard", "Montbard numérique"), 12);
    }

    [Fact]
    public async Task A_pair_from_two_sources_is_proposed_merged_by_decision_and_hidden_until_then_visible()
    {
        TestDatabase.RequireEngine(provider);
        await using var database = await TestDatabase.CreateAsync(provider, "placesdup");
        var services = new ServiceCollection().AddLogging().AddScoranTestData(database.Storage);
        Scoran.Territories.TerritoriesModule.AddTerritories(services);
        services.AddResources();
        await using var sp = services.BuildServiceProvider();

        var folder = SharedData.ArtifactsFolder("places-files");
        var csv = Path.Combine(folder, $"{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(csv, string.Join(',', PlaceFiles.MediationNumeriqueColumns) + "\n" +
            "a,0,France services de Montbard,Montbard,21500,,2 rue Carnot,,47.6237,4.3378,,,,,,,,,,,2024-01-01,,,,,,,,,,,\n" +
            "b,0,Médiathèque Jacques Prévert,Montbard,21500,,10 rue Piron,,47.6240,4.3380,,,,,,,,,,,2024-01-01,,,,,,,,,,,\n", new UTF8Encoding(false), T);
        var json = Path.Combine(folder, $"{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(json, """
            [{"source":"reseau","id":"x1","nom":"Espace France Services - MONTBARD","date_maj":"2024-02-01","adresse":"2, rue Carnot","latitude":47.6238,"longitude":4.3379},
             {"source":"reseau","id":"x2","nom":"Tiers-lieu de Dijon","date_maj":"2024-02-01","adresse":"1 place","latitude":47.32,"longitude":5.04}]
            """, new UTF8Encoding(false), T);
        await using (var scope = sp.CreateAsyncScope())
        {
            var importer = scope.ServiceProvider.GetRequiredService<PlaceImporter>();
            await importer.ImportAsync(await PlaceFiles.ReadAsync(csv, cancellationToken: T), cancellationToken: T);
            await importer.ImportAsync(await PlaceFiles.ReadAsync(json, cancellationToken: T), cancellationToken: T);
        }

        long keep, other;
        await using (var scope = sp.CreateAsyncScope())
        {
            var duplicates = scope.ServiceProvider.GetRequiredService<PlaceDuplicates>();
            var pair = Assert.Single(await duplicates.CandidatesAsync(T));
            Assert.Equal(("a", "reseau:x1"), (pair.A.SourceId, pair.B.SourceId));
            Assert.InRange(pair.Meters, 1, 30);
            // Nothing is hidden before a decision.
            Assert.Equal(4, (await scope.ServiceProvider.GetRequiredService<PlaceQueries>().ListAsync(new PlaceFilter(), T)).Count);
            (keep, other) = (pair.A.Id, pair.B.Id);
            await duplicates.DecideAsync(keep, other, merge: true, "editeur@region.invalid", T);
        }

        await using (var scope = sp.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ScoranDbContext>();
            var queries = scope.ServiceProvider.GetRequiredService<PlaceQueries>();
            Assert.Equal(["a", "b", "reseau:x2"], (await queries.ListAsync(new PlaceFilter(), T)).Select(p => p.SourceId).Order());
            Assert.Empty(await queries.SearchAsync("MONTBARD espace", 10, T));
            Assert.Empty(await scope.ServiceProvider.GetRequiredService<PlaceDuplicates>().CandidatesAsync(T));
            var audit = Assert.Single(await db.Set<AuditEntry>().Where(a => a.EntityType == "resources.place").ToListAsync(T));
            Assert.Equal(("editeur@region.invalid", "merged", "data-inclusion:reseau:x1"), (audit.Author, audit.Action, audit.EntityId));
        }

        // Re-importing the merged source (new row ids) keeps the decision: it is keyed by source identifiers.
        await using (var scope = sp.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<PlaceImporter>().ImportAsync(await PlaceFiles.ReadAsync(json, cancellationToken: T), force: true, cancellationToken: T);
            Assert.Equal(3, (await scope.ServiceProvider.GetRequiredService<PlaceQueries>().ListAsync(new PlaceFilter(), T)).Count);
        }
    }
}

public sealed class SqlitePlaceDuplicatesTests() : PlaceDuplicatesTests(DatabaseProvider.Sqlite);

public sealed class PostgresPlaceDuplicatesTests() : PlaceDuplicatesTests(DatabaseProvider.Postgres);
