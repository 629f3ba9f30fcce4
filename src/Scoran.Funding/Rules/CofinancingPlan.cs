using Scoran.Funding.Model;

namespace Scoran.Funding.Rules;

/// <summary>One scheme stacked on the project, on its own eligible base.</summary>
public sealed record PlanLineRequest(string SchemeId, decimal EligibleBase, bool Bonus = false, decimal Units = 1m);

public sealed record PlanRequest(decimal TotalCost, IReadOnlyList<PlanLineRequest> Lines);

public sealed record PlanLine(string SchemeId, string Funder, string SchemeName, decimal EligibleBase, decimal? Rate, decimal RuleAmount, decimal Amount, decimal SharePercent, string Explanation);

public sealed record Plan(decimal TotalCost, IReadOnlyList<PlanLine> Lines, decimal PublicAid, decimal SelfFinancing, decimal SelfFinancingSharePercent, decimal PublicCap, string? BindingConstraint, IReadOnlyList<string> Warnings);

/// <summary>
/// Co-financing plan. Steps, in this order (documented in docs/funding.md):
/// 1. each line: amount = min(rate × base, ceiling), rounded down to the cent (GrantRules);
///    a base larger than the total cost is reduced to the total cost;
/// 2. public cap = min(80 %, every stacked scheme's own cumulation limit) × total cost, rounded down to the cent;
/// 3. when the sum exceeds the cap, the excess is taken from the lines in REVERSE order of the
///    plan (the funder added last gives way first), each down to zero if needed;
/// 4. shares = amount / total cost, in percent rounded down to 0.01; self-financing's share is
///    100 minus the others, so the shares always add up to exactly 100.
/// The same request always gives the same plan.
/// </summary>
public static class CofinancingPlan
{
    public static Plan Compute(PlanRequest request, IReadOnlyDictionary<string, AidScheme> schemes)
    {
        var total = GrantRules.FloorToCent(request.TotalCost);
        var warnings = new List<string>();
        var computed = new List<(AidScheme Scheme, decimal Base, GrantComputation Grant, decimal Rule)>();
        foreach (var line in request.Lines)
        {
            var scheme = schemes[line.SchemeId];
            var @base = Math.Max(0m, GrantRules.FloorToCent(line.EligibleBase));
            if (@base > total)
            {
                warnings.Add($"{scheme.Name} : assiette de {GrantRules.Euros(@base)} ramenée au coût total du projet ({GrantRules.Euros(total)}).");
                @base = total;
            }

            if (scheme.Status != SchemeStatus.Open)
            {
                warnings.Add($"{scheme.Name} : {scheme.Status.ToFrench()}, montant indicatif.");
            }

            if (scheme.FloorEuros is { } floor && @base < floor)
            {
                warnings.Add($"{scheme.Name} : assiette inférieure au plancher de {GrantRules.Euros(floor)}, aide nulle.");
                computed.Add((scheme, @base, new GrantComputation(0m, scheme.RatePercent, scheme.CeilingEuros, false, "sous le plancher"), 0m));
                continue;
            }

            var grant = GrantRules.Compute(scheme, @base, line.Bonus, line.Units);
            if (grant.Amount is null)
            {
                warnings.Add($"{scheme.Name} : taux et plafond non publiés, aide comptée pour 0 €.");
            }

            computed.Add((scheme, @base, grant, grant.Amount ?? 0m));
        }

        var capPercent = GrantRules.MaxPublicAidPercent;
        var capSource = $"règle générale : aides publiques ≤ {GrantRules.Percent(GrantRules.MaxPublicAidPercent)} du coût total (autofinancement ≥ 20 %)";
        foreach (var c in computed)
        {
            if (c.Scheme.MaxPublicAidPercent is { } own && own < capPercent)
            {
                capPercent = own;
                capSource = $"règle de cumul de « {c.Scheme.Name} » : aides publiques ≤ {GrantRules.Percent(own)} du coût total";
            }
        }

        var cap = GrantRules.FloorToCent(capPercent / 100m * total);
        var amounts = computed.Select(c => c.Rule).ToArray();
        var sum = amounts.Sum();
        string? binding = null;
        if (sum > cap)
        {
            var excess = sum - cap;
            for (var i = amounts.Length - 1; i >= 0 && excess > 0; i--)
            {
                var cut = Math.Min(excess, amounts[i]);
                amounts[i] -= cut;
                excess -= cut;
            }

            binding = $"{capSource} : {GrantRules.Euros(sum)} demandés > {GrantRules.Euros(cap)} ; {GrantRules.Euros(sum - cap)} retirés en partant du dernier financeur du plan.";
            warnings.Add($"Le plan dépassait le plafond d'aides publiques ({GrantRules.Euros(sum)} > {GrantRules.Euros(cap)}) : corrigé.");
        }
        else if (computed.FirstOrDefault(c => c.Grant.CappedByCeiling) is { Scheme: { } capped })
        {
            binding = $"plafond du dispositif « {capped.Name} »";
        }

        var lines = new List<PlanLine>();
        for (var i = 0; i < computed.Count; i++)
        {
            var c = computed[i];
            var share = total == 0 ? 0m : Math.Floor(amounts[i] / total * 10000m) / 100m;
            var explanation = c.Grant.Explanation + (amounts[i] < c.Rule ? $" ; réduit à {GrantRules.Euros(amounts[i])} par le plafond d'aides publiques" : "");
            lines.Add(new PlanLine(c.Scheme.Id, c.Scheme.Backer, c.Scheme.Name, c.Base, c.Grant.Rate, c.Rule, amounts[i], share, explanation));
        }

        var publicAid = amounts.Sum();
        var self = total - publicAid;
        var selfShare = total == 0 ? 0m : 100m - lines.Sum(l => l.SharePercent);
        return new Plan(total, lines, publicAid, self, selfShare, cap, binding, warnings);
    }
}
