using System.Text.RegularExpressions;
using Scoran.Funding.Model;

namespace Scoran.Funding.Editing;

/// <summary>What a person may set on a scheme, from <c>PUT /api/funding/schemes/{id}</c> or the management form.</summary>
public sealed record SchemeInput(string? Name, string? Backer, string? Programme, AidType? AidType, SchemeStatus? Status, List<string>? Beneficiaries, List<string>? Perimeter, List<string>? Themes,
    decimal? RatePercent, decimal? CeilingEuros, CeilingPeriod? CeilingPeriod, decimal? BonusPercentPoints, string? BonusCondition, decimal? FloorEuros, decimal? MaxPublicAidPercent,
    DateOnly? OpensOn, DateOnly? ClosesOn, string? Source, string? Contact, List<string>? Conditions, List<string>? Documents);

/// <summary>
/// The one rule set for a scheme written by a person: the API and the management pages both go
/// through <see cref="Validate"/> and <see cref="Build"/>, so a form can never accept what the API refuses.
/// Error keys are the API's camelCase field names.
/// </summary>
public static partial class SchemeEditing
{
    public static Dictionary<string, string[]> Validate(string id, SchemeInput i)
    {
        var e = new Dictionary<string, string[]>();
        if (!IdPattern().IsMatch(id ?? "")) e["id"] = ["Identifiant : 3 à 120 lettres minuscules, chiffres et tirets."];
        if (string.IsNullOrWhiteSpace(i.Name)) e["name"] = ["Le nom est obligatoire."];
        if (string.IsNullOrWhiteSpace(i.Backer)) e["backer"] = ["Le financeur est obligatoire."];
        if (string.IsNullOrWhiteSpace(i.Source)) e["source"] = ["La source est obligatoire (document, lignes, date)."];
        if (i.RatePercent is < 0 or > 100) e["ratePercent"] = ["Le taux est un pourcentage entre 0 et 100."];
        if (i.CeilingEuros is < 0) e["ceilingEuros"] = ["Le plafond ne peut être négatif."];
        if (i.FloorEuros is < 0) e["floorEuros"] = ["Le plancher ne peut être négatif."];
        if (i.BonusPercentPoints is < 0 or > 100) e["bonusPercentPoints"] = ["Le bonus est un nombre de points entre 0 et 100."];
        if (i.MaxPublicAidPercent is < 0 or > 100) e["maxPublicAidPercent"] = ["La limite de cumul est un pourcentage entre 0 et 100."];
        if (i.OpensOn is { } o && i.ClosesOn is { } c && c < o) e["closesOn"] = ["La clôture précède l'ouverture."];
        if (i.Beneficiaries?.FirstOrDefault(b => !BeneficiaryTypes.Labels.ContainsKey(b)) is { } bad) e["beneficiaries"] = [$"Type inconnu : {bad}."];
        if (i.Themes?.FirstOrDefault(t => !FundingThemes.Labels.ContainsKey(t)) is { } badTheme) e["themes"] = [$"Thème inconnu : {badTheme}."];
        if (i.Perimeter?.FirstOrDefault(p => !PerimeterPattern().IsMatch(p)) is { } badPerimeter) e["perimeter"] = [$"Périmètre invalide : {badPerimeter} (FR, region:27, departement:39, epci:…, commune:…)."];
        return e;
    }

    /// <summary>
    /// The scheme as saved: input fields replace the stored ones; what the input does not carry
    /// (description, eligible costs, imported wording, URL, notes, calendar flags, catalogue) is kept from <paramref name="existing"/>.
    /// </summary>
    public static AidScheme Build(string id, SchemeInput input, AidScheme? existing) => new()
    {
        Id = id, Name = input.Name!.Trim(), Backer = input.Backer!.Trim(), Programme = Blank(input.Programme), AidType = input.AidType ?? AidType.Grant, Status = input.Status ?? SchemeStatus.Open,
        Beneficiaries = Clean(input.Beneficiaries), Perimeter = Clean(input.Perimeter), Themes = Clean(input.Themes), RatePercent = input.RatePercent, CeilingEuros = input.CeilingEuros,
        CeilingPeriod = input.CeilingPeriod ?? CeilingPeriod.Total, BonusPercentPoints = input.BonusPercentPoints, BonusCondition = Blank(input.BonusCondition), FloorEuros = input.FloorEuros,
        MaxPublicAidPercent = input.MaxPublicAidPercent, OpensOn = input.OpensOn, ClosesOn = input.ClosesOn, Source = input.Source!.Trim(), Contact = Blank(input.Contact),
        Conditions = Clean(input.Conditions), Documents = Clean(input.Documents), Catalogue = existing?.Catalogue, Description = existing?.Description, EligibleCosts = existing?.EligibleCosts ?? [],
        AidTypeText = existing?.AidTypeText, BeneficiariesText = existing?.BeneficiariesText, RateBase = existing?.RateBase, Url = existing?.Url, Notes = existing?.Notes, SourceDate = existing?.SourceDate,
        Recurring = existing?.Recurring ?? false, CallForProjects = existing?.CallForProjects ?? false,
    };

    /// <summary>The input that reproduces a stored scheme, for pre-filling the form.</summary>
    public static SchemeInput From(AidScheme s) => new(s.Name, s.Backer, s.Programme, s.AidType, s.Status, [.. s.Beneficiaries], [.. s.Perimeter], [.. s.Themes], s.RatePercent, s.CeilingEuros,
        s.CeilingPeriod, s.BonusPercentPoints, s.BonusCondition, s.FloorEuros, s.MaxPublicAidPercent, s.OpensOn, s.ClosesOn, s.Source, s.Contact, [.. s.Conditions], [.. s.Documents]);

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static List<string> Clean(List<string>? values) => (values ?? []).Select(v => v.Trim()).Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).ToList();

    [GeneratedRegex("^[a-z0-9-]{3,120}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^(FR|(region|departement|epci|commune):[0-9AB]{2,9})$")]
    private static partial Regex PerimeterPattern();
}

/// <summary>Outcome of a save: the stored scheme, or field errors (nothing written).</summary>
public sealed record SchemeSaveResult(AidScheme? Scheme, Dictionary<string, string[]> Errors, bool Created = false, bool Forbidden = false);
