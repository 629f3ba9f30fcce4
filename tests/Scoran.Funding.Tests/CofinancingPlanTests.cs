using Scoran.Funding.Model;
using Scoran.Funding.Rules;

namespace Scoran.Funding.Tests;

public sealed class CofinancingPlanTests
{
    private static AidScheme Scheme(string id, decimal? rate, decimal? ceiling, decimal? ownCap = null, decimal? bonus = null) => new()
    {
        Id = id, Name = id, Backer = "Financeur " + id, Source = "test", RatePercent = rate, CeilingEuros = ceiling,
        MaxPublicAidPercent = ownCap, BonusPercentPoints = bonus, Status = SchemeStatus.Open,
    };

    [Fact]
    public void Three_schemes_above_80_percent_are_cut_from_the_last_one_and_the_binding_rule_is_named()
    {
        var schemes = new[] { Scheme("region", 50, 150_000), Scheme("etat", 40, null), Scheme("departement", 20, 30_000) }.ToDictionary(s => s.Id);
        var plan = CofinancingPlan.Compute(new PlanRequest(200_000m, [new("region", 200_000m), new("etat", 150_000m), new("departement", 200_000m)]), schemes);

        // 100 000 + 60 000 + 30 000 = 190 000 > 160 000 (80 %): the Département, added last, gives 30 000 back.
        Assert.Equal([100_000m, 60_000m, 0m], plan.Lines.Select(l => l.Amount));
        Assert.Equal([100_000m, 60_000m, 30_000m], plan.Lines.Select(l => l.RuleAmount));
        Assert.Equal(160_000m, plan.PublicAid);
        Assert.Equal(40_000m, plan.SelfFinancing);
        Assert.Equal(20m, plan.SelfFinancingSharePercent);
        Assert.Contains("aides publiques ≤ 80 %", plan.BindingConstraint);
        Assert.Contains(plan.Warnings, w => w.Contains("corrigé"));
    }

    [Fact]
    public void A_schemes_own_cumulation_limit_is_stricter_than_80_percent()
    {
        var schemes = new[] { Scheme("a", 50, null, ownCap: 60), Scheme("b", 30, null) }.ToDictionary(s => s.Id);
        var plan = CofinancingPlan.Compute(new PlanRequest(10_000.03m, [new("a", 10_000.03m), new("b", 10_000.03m)]), schemes);
        Assert.Equal(6_000.01m, plan.PublicCap); // 60 % of 10 000,03 = 6 000,018 → 6 000,01
        Assert.Equal([5_000.01m, 1_000.00m], plan.Lines.Select(l => l.Amount));
        Assert.Contains("règle de cumul de « a »", plan.BindingConstraint);
    }

    /// <summary>
    /// Property test (seeded generator; FsCheck is not among the solution's packages): for random
    /// plans the invariants of docs/funding.md hold exactly to the cent.
    /// </summary>
    [Fact]
    public void Invariants_hold_for_random_plans()
    {
        var random = new Random(20261130);
        for (var run = 0; run < 2000; run++)
        {
            var count = random.Next(1, 6);
            var schemes = Enumerable.Range(0, count).Select(i => Scheme($"s{i}",
                random.Next(5) == 0 ? null : random.Next(1, 10001) / 100m,
                random.Next(3) == 0 ? null : random.Next(1, 50_000_001) / 100m,
                random.Next(6) == 0 ? random.Next(10, 100) : null,
                random.Next(4) == 0 ? random.Next(1, 21) : null)).ToDictionary(s => s.Id);
            var total = random.Next(1, 100_000_001) / 100m + (random.Next(2) == 0 ? 0.001m * random.Next(10) : 0m);
            var request = new PlanRequest(total, schemes.Keys.Select(id => new PlanLineRequest(id, random.Next(0, (int)Math.Min(int.MaxValue, total * 120)) / 100m, random.Next(2) == 0, random.Next(1, 4))).ToList());

            var plan = CofinancingPlan.Compute(request, schemes);
            var again = CofinancingPlan.Compute(request, schemes);

            var totalCents = GrantRules.FloorToCent(total);
            Assert.Equal(totalCents, plan.TotalCost);
            var ownCaps = schemes.Values.Where(s => s.MaxPublicAidPercent is not null).Select(s => s.MaxPublicAidPercent!.Value);
            var capPercent = ownCaps.Append(80m).Min();
            Assert.True(plan.PublicAid <= capPercent / 100m * totalCents, $"run {run}: public {plan.PublicAid} > {capPercent} % of {totalCents}");
            Assert.True(plan.PublicAid <= 0.8m * totalCents);
            Assert.Equal(totalCents, plan.PublicAid + plan.SelfFinancing);
            Assert.Equal(100m, plan.Lines.Sum(l => l.SharePercent) + plan.SelfFinancingSharePercent);
            foreach (var (line, req) in plan.Lines.Zip(request.Lines))
            {
                var s = schemes[line.SchemeId];
                Assert.True(line.Amount >= 0m);
                Assert.Equal(line.Amount, decimal.Round(line.Amount, 2));
                Assert.True(line.Amount <= line.RuleAmount);
                Assert.True(line.EligibleBase <= totalCents);
                if (GrantRules.Rate(s, req.Bonus) is { } rate) Assert.True(line.Amount <= rate / 100m * line.EligibleBase, $"run {run}: {line.Amount} > {rate} % × {line.EligibleBase}");
                if (GrantRules.Ceiling(s, req.Units) is { } ceiling) Assert.True(line.Amount <= ceiling);
                Assert.True(line.SharePercent >= 0m);
            }

            Assert.Equal(System.Text.Json.JsonSerializer.Serialize(plan), System.Text.Json.JsonSerializer.Serialize(again));
        }
    }
}
