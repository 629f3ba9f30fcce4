using Scoran.Funding.Import;
using Scoran.Funding.Model;
using Scoran.Funding.Rules;
using Scoran.Testing;

namespace Scoran.Funding.Tests;

/// <summary>The finder on the shipped catalogue, with a Jura commune's nesting written out by hand.</summary>
public sealed class FinderTests
{
    internal static List<AidScheme> Shipped() =>
        SchemeCatalogImporter.ReadRegional(File.ReadAllBytes(Path.Combine(SharedData.RepositoryRoot, "data", "funding", "schemes-bfc.json")), "schemes-bfc.json");

    // A Jura commune (39) of the région 27, in some EPCI.
    private static readonly FundingTerritory Jura = new("commune:39001", "Abergement-la-Ronce (commune 39001, 800 hab.)",
        new HashSet<string> { "FR", "commune:39001", "epci:200071751", "departement:39", "region:27" });

    private static readonly DateOnly Today = new(2026, 11, 30);

    [Fact]
    public void A_Jura_commune_equipping_a_tiers_lieu_for_200000_euros_gets_the_Region_scheme_at_50_percent_under_its_ceiling()
    {
        var results = Finder.Run(Shipped(), new FinderQuery("commune", "39001", "tiers-lieux", 200_000m), Jura, Today);

        var region = Assert.Single(results, r => r.Scheme.Id == "bfc-usages-innovants-projets-et-tiers-lieux");
        Assert.True(region.Eligible, string.Join("; ", region.Reasons));
        Assert.Equal(100_000m, region.Grant!.Amount);
        Assert.Equal("50 % × 200 000 € = 100 000 € ≤ plafond 150 000 €", region.Grant.Explanation.Replace('\u202f', ' ').Replace('\u00a0', ' '));
        Assert.Equal("Région Bourgogne-Franche-Comté", region.Scheme.Backer);
        // Sorted by amount: the Région's tiers-lieux scheme is the largest eligible one.
        Assert.Equal(region, results.First(r => r.Eligible));
    }

    [Fact]
    public void Ineligible_schemes_say_why()
    {
        var results = Finder.Run(Shipped(), new FinderQuery("commune", "39001", "tiers-lieux", 200_000m), Jura, Today);

        var cd21 = results.Single(r => r.Scheme.Id == "cd21-cheques-du-numerique-parents-connectes");
        Assert.False(cd21.Eligible);
        Assert.Contains(cd21.Reasons, r => r.StartsWith("hors périmètre", StringComparison.Ordinal));
        var fsn = results.Single(r => r.Scheme.Id == "fsn-bourgogne-2015-yonne");
        Assert.Contains("dispositif historique, clos", fsn.Reasons);
        var lycees = results.Single(r => r.Scheme.Id == "ppun-dotation-supports-pedagogiques-lycees");
        Assert.Contains(lycees.Reasons, r => r.StartsWith("bénéficiaire non éligible", StringComparison.Ordinal));
    }

    [Fact]
    public void A_ceiling_caps_the_amount_and_the_explanation_says_so()
    {
        var scheme = Shipped().Single(s => s.Id == "bfc-usages-innovants-projets-et-tiers-lieux");
        var grant = GrantRules.Compute(scheme, 400_000.01m);
        Assert.Equal(150_000m, grant.Amount);
        Assert.True(grant.CappedByCeiling);
        Assert.Contains("plafonné à 150", grant.Explanation);
    }

    [Fact]
    public void A_bonus_adds_percentage_points_and_a_per_year_ceiling_multiplies_by_the_years()
    {
        var shipped = Shipped();
        var smart = shipped.Single(s => s.Id == "bfc-territoires-intelligents-durables");
        Assert.Equal(40_000m, GrantRules.Compute(smart, 100_000m).Amount);
        Assert.Equal(50_000m, GrantRules.Compute(smart, 100_000m, bonus: true).Amount);
        var animator = shipped.Single(s => s.Id == "bfc-usages-innovants-animateur");
        Assert.Equal(CeilingPeriod.PerYear, animator.CeilingPeriod);
        Assert.Equal(50_000m, GrantRules.Compute(animator, 100_000m, units: 1).Amount);
        Assert.Equal(80_000m, GrantRules.Compute(animator, 100_000m, units: 2).Amount);
    }

    [Fact]
    public void Amounts_are_rounded_down_to_the_cent()
    {
        var scheme = new AidScheme { Id = "x", Name = "x", Backer = "x", Source = "test", RatePercent = 33.33m, Status = SchemeStatus.Open };
        Assert.Equal(333.29m, GrantRules.Compute(scheme, 999.99m).Amount); // 333.2966… → 333.29
    }

    [Fact]
    public void The_Aides_territoires_export_is_read_with_its_quoted_multiline_fields()
    {
        var schemes = SchemeCatalogImporter.ReadAidesTerritoires(File.ReadAllBytes(Path.Combine(SharedData.RepositoryRoot, "data", "funding", "aides-territoires_periurbain.csv")), "aides-territoires_periurbain.csv");
        Assert.Equal(274, schemes.Count);
        var first = schemes[0];
        Assert.Equal("Conseil départemental du Morbihan", first.Backer);
        Assert.Equal(["commune", "epci", "pays-petr"], first.Beneficiaries);
        Assert.Empty(first.Perimeter);
        Assert.All(schemes, s => Assert.StartsWith("at-", s.Id));
    }

    [Fact]
    public void A_bad_closing_date_is_rejected_with_file_line_and_column()
    {
        var csv = "Nom,Lien,Financeurs,Bénéficiaire,Types d'aides,AAP/AMI,Récurrence,Descriptif,Date Clôture\nAide,https://x/aides/a/,État,Communes,Subvention,,Permanente,\"Desc,\nsur deux lignes\",31/02/2024\n";
        var e = Assert.Throws<Scoran.Core.Imports.ImportRejectedException>(() => SchemeCatalogImporter.ReadAidesTerritoires(System.Text.Encoding.UTF8.GetBytes(csv), "at.csv"));
        var error = Assert.Single(e.Errors);
        Assert.Equal(("at.csv", 2L, 9L), (error.File, error.Line, error.Column));
    }
}
