using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Scoran.Accounts;
using Scoran.Funding;
using Scoran.Funding.Dossiers;
using Scoran.Funding.Editing;
using Scoran.Funding.Model;
using Scoran.Funding.Rules;
using Scoran.Web.Shared;

namespace Scoran.Web.Funding;

/// <summary>/api/funding: schemes, finder, co-financing plan and its exports, dossiers; plus the Atom feed of saved searches.</summary>
public static class FundingApi
{
    public static IEndpointRouteBuilder MapFundingApi(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/funding").WithTags("Financements");
        g.MapGet("/schemes", async (FundingService s, CancellationToken ct) => TypedResults.Ok((await s.SchemesAsync(ct)).Select(Summary)))
            .WithName("ListFundingSchemes").WithSummary("Catalogue des dispositifs d'aide (régionaux, nationaux, Aides-territoires).");
        g.MapGet("/schemes/{id}", async Task<Results<Ok<AidScheme>, NotFound>> (string id, FundingService s, CancellationToken ct) =>
                await s.SchemeAsync(id, ct) is { } scheme ? TypedResults.Ok(scheme) : TypedResults.NotFound())
            .WithName("GetFundingScheme").WithSummary("Un dispositif avec ses règles financières, son périmètre et sa source.");
        g.MapPut("/schemes/{id}", SaveSchemeAsync).RequireAuthorization(ScoranPolicies.ManageFunding)
            .WithName("PutFundingScheme").WithSummary("Crée ou modifie un dispositif (administrateur, agent d'un financeur) ; tracé dans le journal d'audit.")
            .ProducesValidationProblem();
        g.MapPost("/schemes/{id}/archive", (string id, ClaimsPrincipal user, UserManager<ScoranUser> users, FundingService s, CancellationToken ct) => ArchiveAsync(id, true, user, users, s, ct)).RequireAuthorization(ScoranPolicies.ManageFunding)
            .WithName("ArchiveFundingScheme").WithSummary("Archive un dispositif (statut historique : conservé, jamais éligible) ; tracé dans le journal d'audit.");
        g.MapPost("/schemes/{id}/unarchive", (string id, ClaimsPrincipal user, UserManager<ScoranUser> users, FundingService s, CancellationToken ct) => ArchiveAsync(id, false, user, users, s, ct)).RequireAuthorization(ScoranPolicies.ManageFunding)
            .WithName("UnarchiveFundingScheme").WithSummary("Désarchive un dispositif : il reprend le statut qu'il avait avant l'archivage.");
        g.MapGet("/finder", FinderAsync).WithName("FindFundingSchemes")
            .WithSummary("Dispositifs éligibles pour ?beneficiaire=commune&territoire=39001&theme=tiers-lieux&montant=200000 avec le montant maximal et la règle qui le fixe ; &nonEligibles=true ajoute les autres avec leurs motifs.")
            .ProducesValidationProblem();
        g.MapPost("/plan", PlanAsync).WithName("ComputeFundingPlan")
            .WithSummary("Plan de cofinancement : taux, plafonds et bonus de chaque dispositif, puis aides publiques ≤ 80 % et limites de cumul ; montants arrondis au centime inférieur.")
            .ProducesValidationProblem();
        g.MapGet("/plan.csv", (HttpRequest r, FundingService s, CancellationToken ct) => ExportAsync(r, s, false, ct)).WithName("ExportFundingPlanCsv")
            .WithSummary("Le plan en CSV, depuis la même requête que la page /financements/plan (cout=, d1=, a1=, b1=, u1=…).").Produces(200, contentType: "text/csv").ProducesValidationProblem();
        g.MapGet("/plan.xlsx", (HttpRequest r, FundingService s, CancellationToken ct) => ExportAsync(r, s, true, ct)).WithName("ExportFundingPlanXlsx")
            .WithSummary("Le plan en classeur XLSX.").Produces(200, contentType: XlsxType).ProducesValidationProblem();
        g.MapGet("/dossiers", async (ClaimsPrincipal user, UserManager<ScoranUser> users, FundingService s, CancellationToken ct) =>
                TypedResults.Ok((await s.DossiersAsync(await ActorAsync(user, users), ct)).Select(DossierView)))
            .RequireAuthorization(ScoranPolicies.FileDossiers).WithName("ListFundingDossiers").WithSummary("Les dossiers visibles : les siens (porteur), ceux des dispositifs de son financeur (agent).");
        g.MapPost("/dossiers", CreateDossierAsync).RequireAuthorization(ScoranPolicies.FileDossiers)
            .WithName("CreateFundingDossier").WithSummary("Crée un dossier en brouillon.").ProducesValidationProblem();
        g.MapPost("/dossiers/{id:long}/status", MoveAsync).RequireAuthorization(ScoranPolicies.FileDossiers)
            .WithName("MoveFundingDossier").WithSummary("Fait avancer un dossier (depose, accuse-reception, instruction, accorde, refuse, verse, clos) ; les passages interdits sont refusés.").ProducesValidationProblem();
        g.MapGet("/reminders", async Task<IResult> (FundingService s, CancellationToken ct, int jours = 180) => jours is < 0 or > FundingLimits.MaxReminderDays
                ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["jours"] = [$"Un nombre de jours entre 0 et {FundingLimits.MaxReminderDays}."] })
                : TypedResults.Ok((await s.RemindersAsync(jours, ct)).Select(x => new { x.Dossier.Id, x.Deadline, x.Dossier.SchemeId, x.Dossier.ProjectTitle })))
            .RequireAuthorization(ScoranPolicies.ManageFunding).WithName("FundingReminders").WithSummary("Dossiers dont l'échéance d'achèvement (3 ans) tombe dans ?jours=180.");

        app.MapGet("/financements/recherches/{token}/atom", async Task<IResult> (string token, HttpRequest request, FundingService s, CancellationToken ct) =>
        {
            if (await s.SavedSearchAsync(token, ct) is not { } search) return TypedResults.NotFound();
            var query = FinderQueryFrom(QueryHelpers(search.Query));
            var feed = FundingService.AtomFeed(search, await s.FindAsync(query, ct), new Uri(Scoran.Web.Security.PublicBaseUrl.Of(request) + "/"));
            return TypedResults.Text(feed.Declaration + "\n" + feed.Root, "application/atom+xml; charset=utf-8");
        }).WithTags("Financements").WithName("FundingSavedSearchFeed").WithSummary("Flux Atom 1.0 des dispositifs éligibles d'une recherche enregistrée.");
        return app;
    }

    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static object Summary(AidScheme s) => new
    {
        s.Id, s.Name, s.Backer, AidType = s.AidType, Status = s.Status, s.Beneficiaries, s.Perimeter, s.Themes, s.RatePercent, s.CeilingEuros, CeilingPeriod = s.CeilingPeriod, s.ClosesOn, s.Catalogue, s.Source,
    };

    public static object DossierView(FundingDossier d) => new
    {
        d.Id, d.SchemeId, d.ProjectTitle, d.ProjectCost, d.RequestedAmount, Status = d.Status.Slug(), d.SubmittedOn, d.AcknowledgedOn, EligibleInvoicesFrom = d.AcknowledgedOn, d.DecidedOn, d.GrantedAmount, d.PaidAmount, d.Deadline, d.HolderEmail,
    };

    public static async Task<FundingActor> ActorAsync(ClaimsPrincipal user, UserManager<ScoranUser> users)
    {
        var account = await users.GetUserAsync(user);
        return new FundingActor(account?.Email ?? user.Identity?.Name ?? "", account?.Organisation, user.IsInRole(ScoranRoles.Administrator), user.IsInRole(ScoranRoles.FundingAgent));
    }

    private static Dictionary<string, string?> QueryHelpers(string query) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(query).ToDictionary(k => k.Key, k => (string?)k.Value.ToString());

    public static FinderQuery FinderQueryFrom(IReadOnlyDictionary<string, string?> q)
    {
        decimal? amount = ParseDecimal(q.GetValueOrDefault("montant"));
        AidType? type = Enum.TryParse<AidType>(q.GetValueOrDefault("type"), true, out var t) ? t : null;
        return new FinderQuery(Blank(q.GetValueOrDefault("beneficiaire")), Blank(q.GetValueOrDefault("territoire")), Blank(q.GetValueOrDefault("theme")), amount,
            q.GetValueOrDefault("bonus") is "on" or "true", Blank(q.GetValueOrDefault("texte")), type, Blank(q.GetValueOrDefault("financeur")), q.GetValueOrDefault("tri") ?? "montant");
    }

    public static Dictionary<string, string[]> ValidateFinder(IReadOnlyDictionary<string, string?> q)
    {
        var errors = new Dictionary<string, string[]>();
        if (Blank(q.GetValueOrDefault("montant")) is { } m && (ParseDecimal(m) is not { } d || d < 0 || d > FundingLimits.MaxAmount)) errors["montant"] = ["Montant invalide : un nombre positif d'euros, ex. 200000 ou 200 000,50."];
        if (Blank(q.GetValueOrDefault("beneficiaire")) is { } b && !BeneficiaryTypes.Labels.ContainsKey(b)) errors["beneficiaire"] = ["Type de bénéficiaire inconnu : " + string.Join(", ", BeneficiaryTypes.Labels.Keys)];
        if (Blank(q.GetValueOrDefault("theme")) is { } th && !FundingThemes.Labels.ContainsKey(th)) errors["theme"] = ["Thème inconnu : " + string.Join(", ", FundingThemes.Labels.Keys)];
        if (Blank(q.GetValueOrDefault("territoire")) is { } c && !System.Text.RegularExpressions.Regex.IsMatch(c, "^[0-9AB]{2,9}$")) errors["territoire"] = ["Code de territoire invalide (code INSEE ou SIREN)."];
        return errors;
    }

    public static decimal? ParseDecimal(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var t = text.Replace(" ", "").Replace("\u00a0", "").Replace("\u202f", "").Replace("€", "").Replace(',', '.');
        return decimal.TryParse(t, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var d) ? d : null;
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// <summary>Plan request from the page's GET query: cout=, then d1..d8 (scheme), a1..a8 (base), b1..b8 (bonus), u1..u8 (years or FTE).</summary>
    public static (PlanRequest? Request, Dictionary<string, string[]> Errors) PlanFromQuery(IQueryCollection q)
    {
        var errors = new Dictionary<string, string[]>();
        var total = ParseDecimal(q["cout"]);
        if (total is not { } tc || tc <= 0) errors["cout"] = ["Indiquez le coût total du projet (nombre positif)."];
        else if (tc > FundingLimits.MaxAmount) errors["cout"] = [FundingLimits.AmountMessage("Coût total")];
        var lines = new List<PlanLineRequest>();
        for (var i = 1; i <= 8; i++)
        {
            var id = q[$"d{i}"].ToString();
            if (string.IsNullOrWhiteSpace(id)) continue;
            var @base = Blank(q[$"a{i}"]) is null ? total : ParseDecimal(q[$"a{i}"]);
            if (@base is not { } b || b < 0 || b > FundingLimits.MaxAmount) { errors[$"a{i}"] = [$"Ligne {i} : assiette invalide (entre 0 et {FundingLimits.MaxAmount:0} €)."]; continue; }
            var units = ParseDecimal(q[$"u{i}"]) ?? 1m;
            if (units <= 0 || units > FundingLimits.MaxUnits) { errors[$"u{i}"] = [$"Ligne {i} : nombre d'années ou d'ETP invalide."]; continue; }
            lines.Add(new PlanLineRequest(id.Trim(), b, q[$"b{i}"] == "on", units));
        }

        if (lines.Count == 0 && errors.Count == 0) errors["d1"] = ["Choisissez au moins un dispositif."];
        if (lines.Select(l => l.SchemeId).Distinct().Count() != lines.Count) errors["d1"] = ["Un même dispositif figure deux fois."];
        return (errors.Count == 0 ? new PlanRequest(total!.Value, lines) : null, errors);
    }

    private static async Task<Results<Ok<IEnumerable<FinderResultView>>, ValidationProblem>> FinderAsync(HttpRequest request, FundingService s, CancellationToken ct)
    {
        var q = request.Query.ToDictionary(k => k.Key, k => (string?)k.Value.ToString());
        var errors = ValidateFinder(q);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var all = q.GetValueOrDefault("nonEligibles") is "true" or "on";
        var results = await s.FindAsync(FinderQueryFrom(q), ct);
        return TypedResults.Ok(results.Where(r => all || r.Eligible).Select(r => new FinderResultView(r.Scheme.Id, r.Scheme.Name, r.Scheme.Backer, r.Eligible, r.Reasons, r.Grant?.Amount, r.Grant?.Explanation)));
    }

    public sealed record FinderResultView(string Id, string Name, string Backer, bool Eligible, IReadOnlyList<string> Reasons, decimal? MaxAmount, string? Explanation);

    private static async Task<Results<Ok<Plan>, ValidationProblem>> PlanAsync([FromBody] PlanRequest? body, FundingService s, CancellationToken ct)
    {
        // Bounds and nulls (security review F13): FundingLimits.Validate, shared with the service.
        var errors = FundingLimits.Validate(body);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        try
        {
            return TypedResults.Ok(await s.PlanAsync(body!, ct));
        }
        catch (FundingRuleException e)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [e.Field] = [e.Message] });
        }
    }

    private static async Task<IResult> ExportAsync(HttpRequest request, FundingService s, bool xlsx, CancellationToken ct)
    {
        var (plan, errors) = PlanFromQuery(request.Query);
        if (plan is null) return TypedResults.ValidationProblem(errors);
        try
        {
            var computed = await s.PlanAsync(plan, ct);
            return xlsx
                ? TypedResults.File(PlanExport.Xlsx(computed), XlsxType, "plan-de-financement.xlsx")
                : CsvFile.Result(PlanExport.Csv(computed), "plan-de-financement.csv");
        }
        catch (FundingRuleException e)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [e.Field] = [e.Message] });
        }
    }

    /// <summary>The same rule set and save as the management pages (<see cref="SchemeEditing"/>, <see cref="FundingService.SaveSchemeAsync(string, SchemeInput, FundingActor, CancellationToken)"/>); another backer's scheme: 403.</summary>
    private static async Task<Results<Ok<AidScheme>, ValidationProblem, ProblemHttpResult>> SaveSchemeAsync(string id, [FromBody] SchemeInput input, ClaimsPrincipal user, UserManager<ScoranUser> users, FundingService s, CancellationToken ct)
    {
        var result = await s.SaveSchemeAsync(id, input, await ActorAsync(user, users), ct);
        if (result.Forbidden) return Forbidden(string.Join(" ", result.Errors.Values.SelectMany(v => v)));
        return result.Scheme is { } saved ? TypedResults.Ok(saved) : TypedResults.ValidationProblem(result.Errors);
    }

    private static async Task<Results<Ok<AidScheme>, NotFound, ProblemHttpResult>> ArchiveAsync(string id, bool archive, ClaimsPrincipal user, UserManager<ScoranUser> users, FundingService s, CancellationToken ct)
    {
        try
        {
            return await s.ArchiveAsync(id, archive, await ActorAsync(user, users), ct) is { } scheme ? TypedResults.Ok(scheme) : TypedResults.NotFound();
        }
        catch (FundingForbiddenException e)
        {
            return Forbidden(e.Message);
        }
    }

    /// <summary>403 problem+json with the French reason (organisation boundary, security review F1).</summary>
    private static ProblemHttpResult Forbidden(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status403Forbidden, title: "Action réservée à un autre financeur ou à un administrateur");

    public sealed record DossierInput(string? SchemeId, string? ProjectTitle, decimal ProjectCost, decimal RequestedAmount);

    private static async Task<Results<Created<object>, ValidationProblem>> CreateDossierAsync([FromBody] DossierInput input, ClaimsPrincipal user, UserManager<ScoranUser> users, FundingService s, CancellationToken ct)
    {
        try
        {
            var d = await s.CreateDossierAsync(await ActorAsync(user, users), input.SchemeId ?? "", input.ProjectTitle ?? "", input.ProjectCost, input.RequestedAmount, ct);
            return TypedResults.Created($"/api/funding/dossiers/{d.Id}", DossierView(d));
        }
        catch (FundingRuleException e)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [e.Field] = [e.Message] });
        }
    }

    /// <param name="ExceedRequest">Explicit, audited override to grant more than the requested amount (a comment is then required).</param>
    public sealed record MoveInput(string? Status, DateOnly? Date, decimal? Amount, string? Comment, bool ExceedRequest = false);

    private static async Task<Results<Ok<object>, ValidationProblem>> MoveAsync(long id, [FromBody] MoveInput input, ClaimsPrincipal user, UserManager<ScoranUser> users, FundingService s, CancellationToken ct)
    {
        if (DossierStatuses.FromSlug(input.Status) is not { } to)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["status"] = ["Statut inconnu : " + string.Join(", ", Enum.GetValues<DossierStatus>().Select(x => x.Slug()))] });
        try
        {
            return TypedResults.Ok(DossierView(await s.MoveAsync(await ActorAsync(user, users), id, to, input.Date, input.Amount, input.Comment, ct, input.ExceedRequest)));
        }
        catch (FundingRuleException e)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [e.Field] = [e.Message] });
        }
    }
}
