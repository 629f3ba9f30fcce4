namespace Scoran.Funding.Rules;

/// <summary>
/// Bounds of what a person may submit to the funding calculations (security review F13): beyond them the decimal arithmetic
/// overflows or a date leaves the calendar, which used to answer 500. Every entry point checks them and answers 400.
/// </summary>
public static class FundingLimits
{
    /// <summary>Largest amount in euros (cost, base, request, grant): 1 000 milliards d'euros.</summary>
    public const decimal MaxAmount = 1_000_000_000_000m;

    /// <summary>Largest number of years or full-time equivalents on a plan line.</summary>
    public const decimal MaxUnits = 1_000m;

    /// <summary>Lines of a co-financing plan (the page offers 8).</summary>
    public const int MaxPlanLines = 8;

    /// <summary>Horizon of the reminders, in days (about 100 years).</summary>
    public const int MaxReminderDays = 36_500;

    public static string AmountMessage(string what) => $"{what} : un nombre d'euros entre 0 et {MaxAmount:#,0} €.".Replace('\u00a0', ' ');

    /// <summary>Field errors of a plan request, keyed like the API's JSON (<c>totalCost</c>, <c>lines[0].eligibleBase</c>…); empty when it can be computed.</summary>
    public static Dictionary<string, string[]> Validate(PlanRequest? plan)
    {
        var errors = new Dictionary<string, string[]>();
        if (plan is null)
        {
            errors["body"] = ["Corps JSON attendu : { totalCost, lines: [{ schemeId, eligibleBase }] }."];
            return errors;
        }

        if (plan.TotalCost <= 0) errors["totalCost"] = ["Le coût total doit être positif."];
        else if (plan.TotalCost > MaxAmount) errors["totalCost"] = [AmountMessage("Coût total")];
        if (plan.Lines is null || plan.Lines.Count == 0) errors["lines"] = ["Au moins un dispositif."];
        else if (plan.Lines.Count > MaxPlanLines) errors["lines"] = [$"Au plus {MaxPlanLines} dispositifs par plan."];
        for (var i = 0; i < Math.Min(plan.Lines?.Count ?? 0, MaxPlanLines); i++)
        {
            var line = plan.Lines![i];
            if (line is null) { errors[$"lines[{i}]"] = ["Ligne vide."]; continue; }
            if (string.IsNullOrWhiteSpace(line.SchemeId)) errors[$"lines[{i}].schemeId"] = ["Indiquez le dispositif (schemeId)."];
            if (line.EligibleBase < 0) errors[$"lines[{i}].eligibleBase"] = ["L'assiette ne peut être négative."];
            else if (line.EligibleBase > MaxAmount) errors[$"lines[{i}].eligibleBase"] = [AmountMessage("Assiette")];
            if (line.Units <= 0) errors[$"lines[{i}].units"] = ["Nombre d'années ou d'ETP positif."];
            else if (line.Units > MaxUnits) errors[$"lines[{i}].units"] = [$"Au plus {MaxUnits:0} années ou ETP."];
        }

        return errors;
    }
}
