using Scoran.Funding.Editing;
using Scoran.Funding.Model;

namespace Scoran.Funding.Tests;

/// <summary>The one rule set of schemes written by a person (API and management form).</summary>
public sealed class SchemeEditingTests
{
    private static SchemeInput Valid => new("Nom", "Région", null, AidType.Grant, SchemeStatus.Open, ["commune"], ["region:27"], ["tiers-lieux"], 50m, 150_000m, CeilingPeriod.Total,
        null, null, null, null, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), "Source", null, ["Condition ; avec point-virgule"], []);

    [Fact]
    public void A_valid_input_has_no_error_and_keeps_what_the_input_does_not_carry()
    {
        Assert.Empty(SchemeEditing.Validate("bfc-test", Valid));
        var existing = new AidScheme { Id = "bfc-test", Name = "Ancien", Backer = "Région", Source = "x", Description = "Objet", EligibleCosts = ["études"], Recurring = true, CallForProjects = true, Url = "https://example.org", Catalogue = "schemes-bfc" };
        var built = SchemeEditing.Build("bfc-test", Valid with { Name = "  Nom  " }, existing);
        Assert.Equal(("Nom", "Objet", "https://example.org", "schemes-bfc", true, true), (built.Name, built.Description, built.Url, built.Catalogue, built.Recurring, built.CallForProjects));
        Assert.Equal(["études"], built.EligibleCosts);
        Assert.Equal(["Condition ; avec point-virgule"], built.Conditions);
        // The form is pre-filled from the stored scheme: reading it back gives the input that was saved.
        var back = SchemeEditing.From(built);
        Assert.Equal((50m, 150_000m, new DateOnly(2026, 12, 31), "Source"), (back.RatePercent, back.CeilingEuros, back.ClosesOn, back.Source));
        Assert.Equal(["commune"], back.Beneficiaries);
        Assert.Equal(["region:27"], back.Perimeter);
        Assert.Equal(["tiers-lieux"], back.Themes);
        Assert.Empty(SchemeEditing.Validate("bfc-test", back));
    }

    [Theory]
    [InlineData("id", "Bad Id")]
    [InlineData("name", null)]
    [InlineData("ratePercent", null)]
    [InlineData("closesOn", null)]
    [InlineData("perimeter", null)]
    [InlineData("beneficiaries", null)]
    [InlineData("themes", null)]
    [InlineData("ceilingEuros", null)]
    public void Each_rule_names_its_field(string field, string? id)
    {
        var input = field switch
        {
            "name" => Valid with { Name = " " },
            "ratePercent" => Valid with { RatePercent = 100.01m },
            "closesOn" => Valid with { ClosesOn = new DateOnly(2025, 12, 31) },
            "perimeter" => Valid with { Perimeter = ["departement:3"] },
            "beneficiaries" => Valid with { Beneficiaries = ["martien"] },
            "themes" => Valid with { Themes = ["cuisine"] },
            "ceilingEuros" => Valid with { CeilingEuros = -0.01m },
            _ => Valid,
        };
        var errors = SchemeEditing.Validate(id ?? "bfc-test", input);
        Assert.Equal([field], errors.Keys);
    }
}
