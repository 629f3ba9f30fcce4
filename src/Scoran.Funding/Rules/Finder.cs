using Scoran.Funding.Model;

namespace Scoran.Funding.Rules;

/// <summary>What the finder is asked: « je suis un(e) … à …, mon projet porte sur …, il coûte … ».</summary>
public sealed record FinderQuery(string? Beneficiary, string? TerritoryCode, string? Theme, decimal? Amount, bool Bonus = false, string? Text = null, AidType? AidType = null, string? Backer = null, string Sort = "montant");

/// <summary>A territory and every territory containing it, as perimeter keys ("commune:39300", "departement:39", "region:27", "FR").</summary>
public sealed record FundingTerritory(string Key, string Name, IReadOnlySet<string> Keys);

public sealed record FinderResult(AidScheme Scheme, bool Eligible, IReadOnlyList<string> Reasons, GrantComputation? Grant);

/// <summary>
/// Eligibility is a conjunction: status open, call not closed, beneficiary listed, territory inside
/// the perimeter (perimeters nest: a scheme open to a département or a région applies to every
/// commune and EPCI inside it), theme among the scheme's, base not below its floor. Every failed
/// test is a reason shown to the user.
/// </summary>
public static class Finder
{
    public static IReadOnlyList<FinderResult> Run(IEnumerable<AidScheme> schemes, FinderQuery query, FundingTerritory? scope, DateOnly today)
    {
        var results = new List<FinderResult>();
        foreach (var s in schemes)
        {
            if (!string.IsNullOrWhiteSpace(query.Text) && !(s.Name + " " + s.Backer + " " + s.Description).Contains(query.Text.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (query.AidType is { } type && s.AidType != type)
            {
                continue;
            }

            if (!string.IsNullOrWhiteSpace(query.Backer) && !s.Backer.Contains(query.Backer.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var reasons = new List<string>();
            if (s.Status == SchemeStatus.Historical) reasons.Add("dispositif historique, clos");
            if (s.Status == SchemeStatus.Announced) reasons.Add("mesure annoncée, règles d'attribution non publiées");
            if (s.ClosesOn is { } close && close < today) reasons.Add($"appel clos le {close:dd/MM/yyyy}");
            if (s.OpensOn is { } open && open > today) reasons.Add($"appel ouvert à partir du {open:dd/MM/yyyy}");
            if (!string.IsNullOrEmpty(query.Beneficiary) && !s.Beneficiaries.Contains(query.Beneficiary))
            {
                reasons.Add(s.Beneficiaries.Count == 0 ? "bénéficiaires non précisés" : $"bénéficiaire non éligible (réservé à : {string.Join(", ", s.Beneficiaries.Select(b => BeneficiaryTypes.Labels.GetValueOrDefault(b, b)))})");
            }

            if (scope is not null && !s.Perimeter.Any(scope.Keys.Contains))
            {
                reasons.Add(s.Perimeter.Count == 0 ? "périmètre non précisé" : $"hors périmètre ({scope.Name} n'est pas dans {string.Join(", ", s.Perimeter)})");
            }

            if (!string.IsNullOrEmpty(query.Theme) && !s.Themes.Contains(query.Theme))
            {
                reasons.Add($"thème différent ({string.Join(", ", s.Themes.Select(t => FundingThemes.Labels.GetValueOrDefault(t, t)))})");
            }

            if (query.Amount is { } amount && s.FloorEuros is { } floor && amount < floor)
            {
                reasons.Add($"dépense inférieure au plancher de {GrantRules.Euros(floor)}");
            }

            var grant = query.Amount is { } a && a > 0 ? GrantRules.Compute(s, a, query.Bonus) : null;
            results.Add(new FinderResult(s, reasons.Count == 0, reasons, grant));
        }

        return query.Sort switch
        {
            "nom" => results.OrderBy(r => r.Scheme.Name, StringComparer.Create(new System.Globalization.CultureInfo("fr-FR"), true)).ToList(),
            "cloture" => results.OrderBy(r => r.Scheme.ClosesOn ?? DateOnly.MaxValue).ThenBy(r => r.Scheme.Id, StringComparer.Ordinal).ToList(),
            _ => results.OrderByDescending(r => r.Grant?.Amount ?? -1m).ThenBy(r => r.Scheme.Id, StringComparer.Ordinal).ToList(),
        };
    }
}
