using Microsoft.Extensions.DependencyInjection;
using Scoran.Territories.Model;
using Scoran.Territories.Queries;
using Scoran.Testing;

namespace Scoran.Territories.Tests.Queries;

public abstract class TerritoryQueriesTests(ImportedTerritories imported)
{
    private Task<T> QueryAsync<T>(Func<TerritoryQueries, Task<T>> query)
    {
        imported.RequireAvailable();
        return imported.Database.WithScopeAsync(sp => query(sp.GetRequiredService<TerritoryQueries>()));
    }

    [Theory]
    [InlineData("besancon", SearchMatch.Name)]
    [InlineData("Besançon", SearchMatch.Name)]
    [InlineData("BESANÇ", SearchMatch.Name)]
    [InlineData("25000", SearchMatch.PostalCode)]
    [InlineData("25056", SearchMatch.Code)]
    public async Task Besancon_is_found_by_name_postal_code_and_insee_code(string query, SearchMatch matchedOn)
    {
        var hits = await QueryAsync(q => q.SearchAsync(query, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(("25056", matchedOn), (hits[0].Territory.Code, hits[0].MatchedOn));
    }

    [Fact]
    public async Task Hyphens_and_apostrophes_are_ignored()
    {
        var hits = await QueryAsync(q => q.SearchAsync("saint claude", TerritoryKind.Commune, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Contains(hits, h => h.Territory.Code == "39478" && h.Territory.Name == "Saint-Claude");
    }

    [Fact]
    public async Task An_epci_is_found_without_its_legal_form_prefix()
    {
        var hits = await QueryAsync(q => q.SearchAsync("grand besancon", cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal("242500361", hits[0].Territory.Code);
    }

    [Fact]
    public async Task Prefix_search_is_ordered_exact_then_larger_territories_then_population()
    {
        var hits = await QueryAsync(q => q.SearchAsync("doubs", cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal((TerritoryKind.Departement, "25"), (hits[0].Territory.Kind, hits[0].Territory.Code));
        var communes = hits.Where(h => h.Territory.Kind == TerritoryKind.Commune).Select(h => h.Territory.Population ?? 0).ToList();
        Assert.Equal(communes.OrderDescending(), communes);
    }

    [Fact]
    public async Task Territories_of_the_served_region_come_first()
    {
        string[] bfc = ["21", "25", "39", "58", "70", "71", "89", "90"];

        var regional = await QueryAsync(q => q.SearchAsync("saint", TerritoryKind.Commune, 20, "27", TestContext.Current.CancellationToken));
        var national = await QueryAsync(q => q.SearchAsync("saint", TerritoryKind.Commune, 20, cancellationToken: TestContext.Current.CancellationToken));

        Assert.All(regional, h => Assert.Contains(h.Territory.DepartementCode, bfc));
        Assert.Equal("42218", national[0].Territory.Code);
    }

    [Theory]
    [InlineData("25010", "25223", CommuneCodeStatus.Delegated)]
    [InlineData("39369", "39010", CommuneCodeStatus.Associated)]
    [InlineData("21019", "21060", CommuneCodeStatus.Former)]
    [InlineData("75101", "75056", CommuneCodeStatus.MunicipalArrondissement)]
    [InlineData("25056", "25056", CommuneCodeStatus.Current)]
    public async Task Any_commune_code_resolves_to_the_current_commune(string code, string current, CommuneCodeStatus status)
    {
        var resolved = await QueryAsync(q => q.ResolveCommuneAsync(code, TestContext.Current.CancellationToken));

        Assert.Equal((current, status), (resolved!.Commune.Code, resolved.Status));
    }

    [Fact]
    public async Task An_unknown_code_resolves_to_nothing()
    {
        Assert.Null(await QueryAsync(q => q.ResolveCommuneAsync("00000", TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task A_commune_page_knows_its_parents_and_postal_codes()
    {
        var besancon = await QueryAsync(q => q.GetAsync(TerritoryKind.Commune, "25056", TestContext.Current.CancellationToken));

        Assert.Equal(118_489, besancon!.Population);
        Assert.Equal(["region:27", "departement:25", "epci:242500361"], besancon.Ancestors.Select(a => $"{a.Kind.ToSlug()}:{a.Code}"));
        Assert.Equal(["25000"], besancon.PostalCodes);
        Assert.True(besancon.HasContour);
    }

    [Fact]
    public async Task The_region_has_eight_departements_and_its_communes_sum_to_its_population()
    {
        var departements = await QueryAsync(q => q.ChildrenAsync(TerritoryKind.Region, "27", TerritoryKind.Departement, TestContext.Current.CancellationToken));
        var communes = await QueryAsync(q => q.ChildrenAsync(TerritoryKind.Region, "27", TerritoryKind.Commune, TestContext.Current.CancellationToken));
        var region = await QueryAsync(q => q.GetAsync(TerritoryKind.Region, "27", TestContext.Current.CancellationToken));

        Assert.Equal(["21", "25", "39", "58", "70", "71", "89", "90"], departements.Select(d => d.Code));
        Assert.Equal(3_685, communes.Count);
        Assert.Equal(region!.Population, communes.Sum(c => c.Population));
        Assert.Equal(region.Population, departements.Sum(d => d.Population));
    }

    [Fact]
    public async Task Commune_outlines_of_the_region_form_one_feature_collection()
    {
        var bytes = await QueryAsync(q => q.ContoursGeoJsonAsync(TerritoryKind.Region, "27", TerritoryKind.Commune, TestContext.Current.CancellationToken));
        using var json = System.Text.Json.JsonDocument.Parse(bytes);

        Assert.Equal("FeatureCollection", json.RootElement.GetProperty("type").GetString());
        Assert.Equal(3_685, json.RootElement.GetProperty("features").GetArrayLength());
    }
}

public sealed class SqliteTerritoryQueriesTests(SqliteImportedTerritories imported) : TerritoryQueriesTests(imported);

public sealed class PostgresTerritoryQueriesTests(PostgresImportedTerritories imported) : TerritoryQueriesTests(imported);
