using Microsoft.Extensions.DependencyInjection;
using Scoran.Data;
using Scoran.Resources.Actors;
using Scoran.Resources.Agenda;
using Scoran.Resources.Contributions;
using Scoran.Resources.Documents;
using Scoran.Resources.Projects;
using Scoran.Resources.Search;
using Scoran.Testing;

namespace Scoran.Resources.Tests;

/// <summary>Agenda periods, the one search and its facets, and moderation's rejections, on a real database of each engine.</summary>
public abstract class AgendaAndSearchTests(DatabaseProvider provider)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    private static ServiceProvider Services(TestDatabase database)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddScoranTestData(database.Storage);
        services.AddResources();
        services.AddSingleton<TimeProvider>(new FixedClock(Now));
        return services.BuildServiceProvider();
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private static AgendaEvent Event(string title, DateTime parisStart, string theme, string territory) => new()
    {
        Uid = Guid.NewGuid().ToString("N"), Title = title, StartsAt = ParisTime.ToInstant(parisStart), EndsAt = ParisTime.ToInstant(parisStart.AddHours(2)),
        Themes = TagList.Store([theme]), Territories = TagList.Store([territory]), UpdatedAt = Now, Place = "Besançon",
    };

    [Fact]
    public async Task Upcoming_and_archive_split_at_the_end_of_the_event_in_paris_time()
    {
        TestDatabase.RequireEngine(provider);
        await using var database = await TestDatabase.CreateAsync(provider, "resagenda");
        await using var sp = Services(database);
        await using var scope = sp.CreateAsyncScope();
        var moderation = scope.ServiceProvider.GetRequiredService<ModerationService>();
        // Now is 13:00 in Paris (UTC+1 in November): the event from 12:00 to 14:00 is still on.
        await moderation.CreateAsync(Event("En cours", new DateTime(2026, 11, 30, 12, 0, 0), "a", "25"), ResourceEntryTypes.Event, "t", true, Token);
        await moderation.CreateAsync(Event("Fini à midi", new DateTime(2026, 11, 30, 10, 0, 0), "a", "25"), ResourceEntryTypes.Event, "t", true, Token);
        await moderation.CreateAsync(Event("L'an dernier", new DateTime(2025, 6, 1, 10, 0, 0), "a", "25"), ResourceEntryTypes.Event, "t", true, Token);
        await moderation.CreateAsync(Event("Demain", new DateTime(2026, 12, 1, 10, 0, 0), "b", "39"), ResourceEntryTypes.Event, "t", true, Token);
        await moderation.CreateAsync(Event("Proposé", new DateTime(2026, 12, 2, 10, 0, 0), "b", "39"), ResourceEntryTypes.Event, "t", false, Token);

        var agenda = scope.ServiceProvider.GetRequiredService<AgendaQueries>();
        Assert.Equal(["En cours", "Demain"], (await agenda.UpcomingAsync(new AgendaFilter(), Token)).Select(e => e.Title));
        Assert.Equal(["Fini à midi", "L'an dernier"], (await agenda.PastAsync(new AgendaFilter(), Token)).Select(e => e.Title));
        Assert.Equal(["Demain"], (await agenda.UpcomingAsync(new AgendaFilter(Territory: "39"), Token)).Select(e => e.Title));
        Assert.Equal(["Fini à midi", "L'an dernier"], (await agenda.PastAsync(new AgendaFilter(Theme: "a"), Token)).Select(e => e.Title));
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 11, 0, 0, TimeSpan.Zero), ParisTime.ToInstant(new DateTime(2026, 11, 30, 12, 0, 0)));
        Assert.Equal(new DateTimeOffset(2026, 7, 1, 10, 0, 0, TimeSpan.Zero), ParisTime.ToInstant(new DateTime(2026, 7, 1, 12, 0, 0)));
    }

    [Fact]
    public async Task One_search_finds_every_kind_of_published_entry_with_facets_that_keep_alternatives()
    {
        TestDatabase.RequireEngine(provider);
        await using var database = await TestDatabase.CreateAsync(provider, "ressearch");
        await using var sp = Services(database);
        await using (var scope = sp.CreateAsyncScope())
        {
            var moderation = scope.ServiceProvider.GetRequiredService<ModerationService>();
            await moderation.CreateAsync(new Actor { Name = "Réseau des médiateurs", Type = ActorType.Association, Themes = ";médiation;", Territories = ";25;" }, ResourceEntryTypes.Actor, "t", true, Token);
            await moderation.CreateAsync(new Actor { Name = "Médiateurs cachés", Type = ActorType.Association, Themes = ";médiation;", Territories = ";25;" }, ResourceEntryTypes.Actor, "t", false, Token);
            await moderation.CreateAsync(new Project { Title = "Bus numérique", Summary = "Des médiateurs itinérants", Themes = ";médiation;", Territories = ";39;" }, ResourceEntryTypes.Project, "t", true, Token);
            await moderation.CreateAsync(Event("Rencontre des médiateurs", new DateTime(2026, 12, 5, 9, 0, 0), "médiation", "21"), ResourceEntryTypes.Event, "t", true, Token);
            var bytes = ResourceTestFiles.Pdf("Charte des mediateurs numeriques");
            await scope.ServiceProvider.GetRequiredService<DocumentLibrary>().UploadAsync(
                new DocumentDescription("Charte", DocumentCategory.Guide, "CC BY 4.0", "Région", new DateOnly(2026, 1, 1), Themes: "charte", Territories: "25"),
                "charte.pdf", new MemoryStream(bytes), bytes.Length, "t", true, Token);
            await moderation.CreateAsync(new Actor { Name = "Opérateur sans rapport", Type = ActorType.Operateur }, ResourceEntryTypes.Actor, "t", true, Token);
        }

        await using var search = sp.CreateAsyncScope();
        var engine = search.ServiceProvider.GetRequiredService<ResourceSearch>();
        var all = await engine.SearchAsync(new ResourceQuery("médiateurs"), Token);
        Assert.Equal(["Bus numérique", "Charte", "Rencontre des médiateurs", "Réseau des médiateurs"], all.Hits.Select(h => h.Title).Order(StringComparer.Ordinal));
        // Title matches rank above body matches.
        Assert.Contains(all.Hits.Take(2).Select(h => h.Title), t => t is "Réseau des médiateurs" or "Rencontre des médiateurs");
        Assert.Equal("Bus numérique", all.Hits.Where(h => h.Type != "document").Last().Title);
        Assert.Equal(4, all.Types.Sum(t => t.Count));
        Assert.Contains(new FacetValue("médiation", 3), all.Themes);
        Assert.Contains(new FacetValue("25", 2), all.Territories);

        var in25 = await engine.SearchAsync(new ResourceQuery("médiateurs", Territory: "25"), Token);
        Assert.Equal(["Charte", "Réseau des médiateurs"], in25.Hits.Select(h => h.Title).Order(StringComparer.Ordinal));
        // The territory facet still lists the other territories, counted without the territory filter.
        Assert.Equal(["21", "25", "39"], in25.Territories.Select(t => t.Value).Order(StringComparer.Ordinal));
        Assert.Equal([new FacetValue("actor", 1), new FacetValue("document", 1)], in25.Types.OrderBy(t => t.Value, StringComparer.Ordinal));

        var actorsOnly = await engine.SearchAsync(new ResourceQuery(null, Type: "actor"), Token);
        Assert.Equal(["Opérateur sans rapport", "Réseau des médiateurs"], actorsOnly.Hits.Select(h => h.Title).Order(StringComparer.Ordinal));
        Assert.Empty((await engine.SearchAsync(new ResourceQuery("cachés"), Token)).Hits);
    }

    [Fact]
    public async Task A_rejected_proposal_stays_invisible_and_a_treated_proposal_cannot_be_treated_twice()
    {
        TestDatabase.RequireEngine(provider);
        await using var database = await TestDatabase.CreateAsync(provider, "resreject");
        await using var sp = Services(database);
        await using var scope = sp.CreateAsyncScope();
        var moderation = scope.ServiceProvider.GetRequiredService<ModerationService>();
        var contribution = await moderation.CreateAsync(new Project { Title = "Projet douteux" }, ResourceEntryTypes.Project, "contrib", false, Token);
        Assert.True(await moderation.RejectAsync(contribution.Id, "editeur", "doublon", Token));
        Assert.False(await moderation.PublishAsync(contribution.Id, "editeur", null, Token));
        Assert.Empty(await scope.ServiceProvider.GetRequiredService<ProjectDirectory>().ListAsync(new ProjectFilter(), Token));
        Assert.Equal(PublicationStatus.Rejected, (await moderation.FindAsync(ResourceEntryTypes.Project, contribution.EntryId, Token))!.Status);
        var history = await Scoran.Core.Audit.AuditTrail.HistoryAsync(scope.ServiceProvider.GetRequiredService<ScoranDbContext>(), "resources.project", contribution.EntryId.ToString(System.Globalization.CultureInfo.InvariantCulture), Token);
        Assert.Equal(["proposed", "rejected"], history.Select(h => h.Action));
        Assert.Equal("doublon", history[^1].Comment);
    }
}

public sealed class SqliteAgendaAndSearchTests() : AgendaAndSearchTests(DatabaseProvider.Sqlite);

public sealed class PostgresAgendaAndSearchTests() : AgendaAndSearchTests(DatabaseProvider.Postgres);
