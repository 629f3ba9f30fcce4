using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Scoran.Accounts;
using Scoran.Core.Audit;
using Scoran.Funding;
using Scoran.Funding.Editing;
using Scoran.Funding.Model;
using Scoran.Web.Shared;

namespace Scoran.Web.Funding.Manage;

/// <summary>
/// Creates or edits a scheme through <see cref="FundingService.SaveSchemeAsync(string, SchemeInput, FundingActor, CancellationToken)"/>,
/// the very validation and save of <c>PUT /api/funding/schemes/{id}</c>; its errors (keyed by the API's field names) land on the matching inputs.
/// </summary>
[Authorize(Policy = ScoranPolicies.ManageFunding)]
public sealed class EditModel(FundingService funding, Microsoft.EntityFrameworkCore.DbContext db, Microsoft.AspNetCore.Identity.UserManager<ScoranUser> users) : PageModel
{
    public AidScheme? Existing { get; private set; }
    public List<AuditEntry> History { get; private set; } = [];

    [BindProperty] public string? NewId { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Backer { get; set; }
    [BindProperty] public string? Programme { get; set; }
    [BindProperty] public AidType AidType { get; set; }
    [BindProperty] public SchemeStatus Status { get; set; }
    [BindProperty] public List<string> Beneficiaries { get; set; } = [];
    [BindProperty] public string? Perimeter { get; set; }
    [BindProperty] public List<string> Themes { get; set; } = [];
    [BindProperty] public string? RatePercent { get; set; }
    [BindProperty] public string? CeilingEuros { get; set; }
    [BindProperty] public CeilingPeriod CeilingPeriod { get; set; }
    [BindProperty] public string? BonusPercentPoints { get; set; }
    [BindProperty] public string? BonusCondition { get; set; }
    [BindProperty] public string? FloorEuros { get; set; }
    [BindProperty] public string? MaxPublicAidPercent { get; set; }
    [BindProperty] public DateOnly? OpensOn { get; set; }
    [BindProperty] public DateOnly? ClosesOn { get; set; }
    [BindProperty] public string? Source { get; set; }
    [BindProperty] public string? Contact { get; set; }
    [BindProperty] public string? Conditions { get; set; }
    [BindProperty] public string? Documents { get; set; }

    public async Task<IActionResult> OnGetAsync(string? id, CancellationToken ct)
    {
        if (id is null) { Source = "Saisie manuelle"; return Page(); }
        if (!await LoadAsync(id, ct)) return NotFound();
        var i = SchemeEditing.From(Existing!);
        (Name, Backer, Programme, AidType, Status, Beneficiaries, Themes) = (i.Name, i.Backer, i.Programme, i.AidType ?? AidType.Grant, i.Status ?? SchemeStatus.Open, i.Beneficiaries ?? [], i.Themes ?? []);
        Perimeter = string.Join("\n", i.Perimeter ?? []);
        (RatePercent, CeilingEuros, BonusPercentPoints, FloorEuros, MaxPublicAidPercent) = (Number(i.RatePercent), Number(i.CeilingEuros), Number(i.BonusPercentPoints), Number(i.FloorEuros), Number(i.MaxPublicAidPercent));
        (CeilingPeriod, BonusCondition, OpensOn, ClosesOn, Source, Contact) = (i.CeilingPeriod ?? CeilingPeriod.Total, i.BonusCondition, i.OpensOn, i.ClosesOn, i.Source, i.Contact);
        Conditions = string.Join("\n", i.Conditions ?? []);
        Documents = string.Join("\n", i.Documents ?? []);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? id, CancellationToken ct)
    {
        if (id is not null && !await LoadAsync(id, ct)) return NotFound();
        var schemeId = id ?? NewId?.Trim() ?? "";
        var parsed = new Dictionary<string, string[]>();
        var input = new SchemeInput(Name, Backer, Programme, AidType, Status, Beneficiaries, Lines(Perimeter, true), Themes,
            Decimal(nameof(RatePercent), RatePercent, parsed), Decimal(nameof(CeilingEuros), CeilingEuros, parsed), CeilingPeriod, Decimal(nameof(BonusPercentPoints), BonusPercentPoints, parsed),
            BonusCondition, Decimal(nameof(FloorEuros), FloorEuros, parsed), Decimal(nameof(MaxPublicAidPercent), MaxPublicAidPercent, parsed), OpensOn, ClosesOn, Source, Contact, Lines(Conditions), Lines(Documents));
        foreach (var key in ModelState.Where(m => m.Value?.Errors.Count > 0).Select(m => m.Key).ToList())
        {
            // A value model binding could not read (a date, a list choice): worded in French like the other fields.
            ModelState.Remove(key);
            ModelState.AddModelError(key, key is nameof(OpensOn) or nameof(ClosesOn) ? "Date invalide (jj/mm/aaaa)." : "Valeur invalide.");
        }

        var errors = parsed.Count > 0 || !ModelState.IsValid ? SchemeEditing.Validate(schemeId, input) : null;
        if (errors is null)
        {
            if (id is null && await funding.SchemeAsync(schemeId, ct) is not null) errors = new() { ["id"] = [$"Un dispositif « {schemeId} » existe déjà : modifiez-le depuis la liste."] };
            else
            {
                var result = await funding.SaveSchemeAsync(schemeId, input, await FundingApi.ActorAsync(User, users), ct);
                if (result.Scheme is not null) return Redirect($"/financements/gestion/dispositif/{Uri.EscapeDataString(schemeId)}?enregistre=1");
                errors = result.Errors;
                if (result.Forbidden) Response.StatusCode = StatusCodes.Status403Forbidden;
            }
        }

        foreach (var (key, messages) in errors.Concat(parsed))
        {
            foreach (var m in messages) ModelState.AddModelError(key == "id" ? nameof(NewId) : char.ToUpperInvariant(key[0]) + key[1..], m);
        }

        if (Response.StatusCode != StatusCodes.Status403Forbidden) Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public bool Saved => Request.Query["enregistre"] == "1";

    private async Task<bool> LoadAsync(string id, CancellationToken ct)
    {
        Existing = await funding.SchemeAsync(id, ct);
        if (Existing is null) return false;
        History = await AuditTrail.HistoryAsync(db, FundingAudit.Scheme, id, ct);
        return true;
    }

    private static string? Number(decimal? d) => d is { } v ? (v / 1.0000000000000000000000000000m).ToString(Display.French) : null;

    private static decimal? Decimal(string field, string? text, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (FundingApi.ParseDecimal(text) is { } d) return d;
        errors[field] = [$"« {text} » n'est pas un nombre (ex. 50, 12,5 ou 150 000)."];
        return null;
    }

    /// <summary>One item a line; perimeter keys may also be separated by « ; » or « , » (conditions may contain them).</summary>
    private static List<string> Lines(string? text, bool keys = false) =>
        (text ?? "").Split(keys ? ['\n', '\r', ';', ',', ' '] : ['\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
