using System.Globalization;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Scoran.Accounts;
using Scoran.Observatory.Measurements;

namespace Scoran.Web.Api;

/// <summary>
/// /api/measurements: crowdsourced mobile measurements in (no account needed), aggregates out.
/// Nothing here returns a position: only communes and ~1 km cells with at least k contributors.
/// </summary>
public static class MeasurementsApi
{
    public const string RateLimitPolicy = "measurements";
    public const string TokenHeader = "X-Contributor-Token";
    public const string IdempotencyHeader = "Idempotency-Key";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Options and the per-client rate limit: a named policy beside the global sign-in limiter, not a replacement.</summary>
    public static void AddMeasurements(WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(MeasurementOptions.Section);
        builder.Services.Configure<MeasurementOptions>(section);
        var perMinute = section.GetValue(nameof(MeasurementOptions.RequestsPerMinute), new MeasurementOptions().RequestsPerMinute);
        builder.Services.AddRateLimiter(o => o.AddPolicy(RateLimitPolicy, context =>
            RateLimitPartition.GetFixedWindowLimiter(PartitionKey(context),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = Math.Max(1, perMinute), Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })));
        builder.Services.AddHostedService<MeasurementPurgeService>();
    }

    // Per client address only (security review F3): a value the client chooses (the X-Contributor-Token header, unchecked
    // at this point) would give a fresh budget to every random value.
    private static string PartitionKey(HttpContext context) => "a:" + (context.Connection.RemoteIpAddress?.ToString() ?? "inconnue");

    public static IEndpointRouteBuilder MapMeasurementsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/measurements").WithTags("Mesures mobiles");
        group.MapPost("/", SubmitAsync).WithName("SubmitMeasurements")
            .WithSummary("Dépose une mesure (objet) ou un lot (tableau) de mesures de qualité mobile. Sans compte ; en-tête X-Contributor-Token facultatif (campagnes). " +
                         "Idempotent : champ id par mesure et/ou en-tête Idempotency-Key ; une mesure renvoyée est enregistrée une fois (status alreadyStored).")
            .Accepts<MeasurementSubmission[]>("application/json")
            .Produces<SubmissionResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .WithMetadata(new RequestSizeLimitAttribute(app.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<MeasurementOptions>>().Value.MaximumBodyBytes))
            .RequireRateLimiting(RateLimitPolicy);
        group.MapGet("/communes", CommunesAsync).WithName("GetMeasurementsByCommune")
            .WithSummary("Mesures agrégées par commune (?territoire=region/27, ?de=, ?a= dates ISO) ; les communes de moins de k contributeurs distincts sont masquées. " +
                         "Filtres facultatifs ?operateur=20801, ?technologie=4G : le seuil k s'applique aux mesures retenues par le filtre, commune par commune.")
            .ProducesValidationProblem();
        group.MapGet("/communes.csv", CommunesCsvAsync).WithName("GetMeasurementsByCommuneCsv")
            .WithSummary("Les mêmes agrégats par commune et opérateur en CSV (séparateur ;), avec les mêmes filtres facultatifs.")
            .Produces(200, contentType: "text/csv")
            .ProducesValidationProblem();
        group.MapGet("/cells.geojson", CellsAsync).WithName("GetMeasurementCells")
            .WithSummary("Mailles d'environ 1 km (0,01° × 0,015°) ayant au moins k contributeurs distincts, en GeoJSON (contour de la maille, jamais de position). " +
                         "Filtres facultatifs ?operateur=20801, ?technologie=4G, ?campagne=code : le seuil k s'applique aux mesures retenues par le filtre, maille par maille.")
            .Produces(200, contentType: "application/geo+json")
            .ProducesValidationProblem();
        group.MapGet("/campaigns", async (MeasurementQueries q, Accounts.AuthorDisplay authors, CancellationToken ct) => await authors.CampaignsAsync(await q.CampaignsAsync(ct))).WithName("ListMeasurementCampaigns")
            .WithSummary("Campagnes de mesure.");
        group.MapGet("/campaigns/{code}", CampaignAsync).WithName("GetMeasurementCampaign")
            .WithSummary("Suivi et bilan d'une campagne : mesures par jour et opérateur, médianes par opérateur, communes au-dessus du seuil k.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/campaigns/{code}/live", CampaignLiveAsync).WithName("GetMeasurementCampaignLive")
            .WithSummary("Compteurs d'une campagne pour le suivi en direct : mesures, contributeurs, communes et mailles publiées ou masquées, mesures par jour et opérateur, " +
                         "médianes par opérateur et communes d'au moins k contributeurs distincts ; running indique si la campagne est en cours.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/campaigns/{code}/report.csv", CampaignReportCsvAsync).WithName("GetMeasurementCampaignReportCsv")
            .WithSummary("Bilan de la campagne en CSV (séparateur ;) : médianes par opérateur, communes au-dessus du seuil k, mesures par jour ; source, période, k et date de génération en première ligne.")
            .Produces(200, contentType: "text/csv")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/campaigns/{code}/report.xlsx", CampaignReportXlsxAsync).WithName("GetMeasurementCampaignReportXlsx")
            .WithSummary("Bilan de la campagne en XLSX : une feuille par tableau (opérateurs, communes, jours), source, période, k et date de génération en première ligne.")
            .Produces(200, contentType: XlsxType)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/campaigns", CreateCampaignAsync).WithName("CreateMeasurementCampaign")
            .WithSummary("Crée une campagne (gestionnaire de données).")
            .RequireAuthorization(ScoranPolicies.ManageData)
            .ProducesValidationProblem();
        group.MapPost("/tokens", IssueTokenAsync).WithName("IssueContributorToken")
            .WithSummary("Émet un jeton de contributeur (affiché une seule fois ; seule son empreinte est conservée).")
            .RequireAuthorization(ScoranPolicies.ManageData)
            .ProducesValidationProblem();
        group.MapGet("/tokens", (MeasurementCampaigns campaigns, CancellationToken ct) => campaigns.TokensAsync(ct)).WithName("ListContributorTokens")
            .WithSummary("Jetons de contributeur émis (libellé, campagne, émetteur, dates ; jamais le jeton ni son empreinte) (gestionnaire de données).")
            .RequireAuthorization(ScoranPolicies.ManageData);
        group.MapPost("/tokens/{id:long}/revoke", RevokeTokenAsync).WithName("RevokeContributorToken")
            .WithSummary("Révoque un jeton de contributeur : les mesures envoyées avec lui sont ensuite refusées (gestionnaire de données ; journalisé).")
            .RequireAuthorization(ScoranPolicies.ManageData)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/tokens/{id:long}/reactivate", ReactivateTokenAsync).WithName("ReactivateContributorToken")
            .WithSummary("Réactive un jeton de contributeur révoqué (gestionnaire de données ; journalisé). Refusé (400) pour le jeton d'une campagne terminée.")
            .RequireAuthorization(ScoranPolicies.ManageData)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    public sealed record SubmissionResponse(int Stored, int AlreadyStored, IReadOnlyList<SubmissionItem> Items);

    /// <summary>Status is "stored" (new) or "alreadyStored" (a retry of an item already kept).</summary>
    public sealed record SubmissionItem(int Index, string Id, string Status, string? Commune, string? Campaign);

    private static async Task<IResult> SubmitAsync(HttpRequest request, MeasurementIngestion ingestion, Microsoft.Extensions.Options.IOptions<MeasurementOptions> options, CancellationToken cancellationToken)
    {
        JsonElement body;
        try
        {
            // Security review F3: the body (bounded by the endpoint's size limit) is scanned once with a forward-only
            // reader; a batch beyond the limit is refused before any JSON tree or object is built for it.
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, cancellationToken);
            if (MeasurementBatchScan.ExceedsBatch(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), options.Value.MaximumBatch))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["items"] = [$"{options.Value.MaximumBatch} mesures au plus par envoi."] });
            }

            buffer.Position = 0;
            body = await JsonSerializer.DeserializeAsync<JsonElement>(buffer, Json, cancellationToken);
        }
        catch (JsonException e)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = [$"JSON invalide : {e.Message}"] });
        }

        var batch = body.ValueKind == JsonValueKind.Array;
        var elements = batch ? body.EnumerateArray().ToList() : body.ValueKind == JsonValueKind.Object ? [body] : [];
        if (elements.Count == 0 && !batch)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["Objet mesure ou tableau de mesures attendu."] });
        }

        var items = new List<MeasurementSubmission>(elements.Count);
        var errors = new Dictionary<string, string[]>();
        for (var i = 0; i < elements.Count; i++)
        {
            try
            {
                items.Add(elements[i].Deserialize<MeasurementSubmission>(Json) ?? new MeasurementSubmission());
            }
            catch (JsonException e)
            {
                // "$.rsrp" → "items[3].rsrp": the client sees which item and field has the wrong type.
                var field = e.Path is { Length: > 2 } path ? path[2..] : "item";
                errors[(batch ? $"items[{i}]." : "") + field] = ["Type de valeur invalide pour ce champ."];
                items.Add(new MeasurementSubmission());
            }
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var context = new SubmissionContext(
            request.Headers[TokenHeader].ToString() is { Length: > 0 } token ? token : null,
            request.Headers[IdempotencyHeader].ToString() is { Length: > 0 } key ? key : null,
            request.HttpContext.Connection.RemoteIpAddress?.ToString() ?? "inconnue");
        var result = await ingestion.SubmitAsync(items, batch, context, cancellationToken);
        if (result.Errors is { } invalid)
        {
            return TypedResults.ValidationProblem(invalid, title: "Mesures refusées : rien n'a été enregistré.");
        }

        return TypedResults.Ok(new SubmissionResponse(result.NewCount, result.AlreadyStoredCount,
            result.Items.Select(i => new SubmissionItem(i.Index, i.Id, i.New ? "stored" : "alreadyStored", i.CommuneCode, i.Campaign)).ToList()));
    }

    private static bool TryPeriod(string? from, string? to, out DateTimeOffset? start, out DateTimeOffset? end, out Dictionary<string, string[]> errors)
    {
        errors = [];
        start = end = null;
        if (from is not null)
        {
            if (DateOnly.TryParseExact(from, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && Scoran.Core.Security.InputLimits.IsInRange(d))
            {
                start = new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            }
            else
            {
                errors["de"] = [Scoran.Core.Security.InputLimits.DateMessage];
            }
        }

        if (to is not null)
        {
            if (DateOnly.TryParseExact(to, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && Scoran.Core.Security.InputLimits.IsInRange(d))
            {
                end = new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddDays(1);
            }
            else
            {
                errors["a"] = [Scoran.Core.Security.InputLimits.DateMessage];
            }
        }

        return errors.Count == 0;
    }

    /// <summary>
    /// The operator and technology filter shared by the cells and the communes: unknown values are
    /// field errors (never silently ignored, which would publish the unfiltered figures as filtered).
    /// </summary>
    private static (string? Operator, string? Technology) TryMeasurementFilter(string? operatorCode, string? technology, Dictionary<string, string[]> errors)
    {
        if (operatorCode is { Length: > 0 } && !MeasurementRules.Operators.ContainsKey(operatorCode))
        {
            errors["operateur"] = ["Code MCC-MNC attendu : 20801, 20810, 20815 ou 20820."];
        }

        if (technology is { Length: > 0 } && !MeasurementRules.Technologies.Contains(technology, StringComparer.OrdinalIgnoreCase))
        {
            errors["technologie"] = ["Technologie attendue : 2G, 3G, 4G, 5G ou aucune."];
        }

        return (operatorCode is { Length: > 0 } ? operatorCode : null, technology is { Length: > 0 } ? MeasurementRules.NormaliseTechnology(technology) : null);
    }

    private static async Task<(MeasurementSummary? Summary, Dictionary<string, string[]> Errors)> FilteredSummaryAsync(MeasurementQueries queries,
        string? territory, string? from, string? to, string? operatorCode, string? technology, CancellationToken cancellationToken)
    {
        TryPeriod(from, to, out var start, out var end, out var errors);
        var (op, tech) = TryMeasurementFilter(operatorCode, technology, errors);
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var (kind, code) = MeasurementQueries.ParseTerritory(territory);
        return (await queries.FilteredSummaryAsync(kind, code, op, tech, start, end, cancellationToken), errors);
    }

    private static async Task<Results<Ok<MeasurementSummary>, ValidationProblem>> CommunesAsync(MeasurementQueries queries, CancellationToken cancellationToken,
        [FromQuery(Name = "territoire")] string? territory = null, [FromQuery(Name = "de")] string? from = null, [FromQuery(Name = "a")] string? to = null,
        [FromQuery(Name = "operateur")] string? operatorCode = null, [FromQuery(Name = "technologie")] string? technology = null)
    {
        var (summary, errors) = await FilteredSummaryAsync(queries, territory, from, to, operatorCode, technology, cancellationToken);
        return summary is null ? TypedResults.ValidationProblem(errors) : TypedResults.Ok(summary);
    }

    private static async Task<IResult> CommunesCsvAsync(MeasurementQueries queries, CancellationToken cancellationToken,
        [FromQuery(Name = "territoire")] string? territory = null, [FromQuery(Name = "de")] string? from = null, [FromQuery(Name = "a")] string? to = null,
        [FromQuery(Name = "operateur")] string? operatorCode = null, [FromQuery(Name = "technologie")] string? technology = null)
    {
        var (summary, errors) = await FilteredSummaryAsync(queries, territory, from, to, operatorCode, technology, cancellationToken);
        if (summary is null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var csv = new StringBuilder();
        // The filter is part of the provenance: a file of one operator's figures must say so.
        var filter = string.Join(", ", new[] { operatorCode is { Length: > 0 } ? MeasurementRules.Operators[operatorCode] : null, technology is { Length: > 0 } ? MeasurementRules.NormaliseTechnology(technology) : null }.OfType<string>());
        csv.AppendLine($"# Source : mesures participatives Scoran ; communes d'au moins {summary.MinimumContributors} contributeurs distincts ; {summary.HiddenCommunes} commune(s) masquée(s)" +
                       (filter.Length > 0 ? $" ; filtre : {filter}" : ""));
        csv.AppendLine("code_commune;commune;mesures_commune;contributeurs_commune;code_operateur;operateur;mesures;sans_service;debit_descendant_median_mbps;debit_montant_median_mbps;latence_mediane_ms;rsrp_median_dbm");
        static string N(double? v) => v?.ToString("0.##", CultureInfo.InvariantCulture) ?? "";
        foreach (var c in summary.Communes)
        {
            if (c.Operators.Count == 0)
            {
                // Published commune, each operator below k: listed without operator detail.
                csv.AppendLine(string.Join(";", c.CommuneCode, Scoran.Core.Text.CsvText.Quoted(c.CommuneName), c.Measurements, c.Contributors, "", "", "", "", "", "", "", ""));
            }

            foreach (var o in c.Operators)
            {
                csv.AppendLine(string.Join(";", c.CommuneCode, Scoran.Core.Text.CsvText.Quoted(c.CommuneName), c.Measurements, c.Contributors, o.OperatorCode, o.OperatorName,
                    o.Measurements, o.NoService, N(o.MedianDownloadMbps), N(o.MedianUploadMbps), N(o.MedianLatencyMs), N(o.MedianRsrp)));
            }
        }

        return TypedResults.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray(), "text/csv; charset=utf-8", "mesures-mobiles-communes.csv");
    }

    private static async Task<IResult> CellsAsync(MeasurementQueries queries, CancellationToken cancellationToken, [FromQuery(Name = "territoire")] string? territory = null,
        [FromQuery(Name = "operateur")] string? operatorCode = null, [FromQuery(Name = "technologie")] string? technology = null, [FromQuery(Name = "campagne")] string? campaign = null)
    {
        var errors = new Dictionary<string, string[]>();
        var (op, tech) = TryMeasurementFilter(operatorCode, technology, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var (kind, code) = MeasurementQueries.ParseTerritory(territory);
        var selection = await queries.CellSelectionAsync(kind, code, op, tech, campaign is { Length: > 0 } ? campaign : null, cancellationToken);
        var features = selection.Cells.Select(c => new
        {
            type = "Feature",
            geometry = new
            {
                type = "Polygon",
                coordinates = new[] { new[] { new[] { c.West, c.South }, [c.East, c.South], [c.East, c.North], [c.West, c.North], [c.West, c.South] } },
            },
            properties = new { maille = c.CellId, mesures = c.Measurements, contributeurs = c.Contributors, debitDescendantMedianMbps = c.MedianDownloadMbps },
        });
        // Foreign members (allowed by RFC 7946) tell the map how many cells of the selection stay masked.
        return Results.Bytes(JsonSerializer.SerializeToUtf8Bytes(new { type = "FeatureCollection", features, k = selection.MinimumContributors, maillesMasquees = selection.HiddenCells }, Json),
            "application/geo+json");
    }

    private static async Task<Results<Ok<CampaignReport>, ProblemHttpResult>> CampaignAsync(string code, MeasurementQueries queries, Accounts.AuthorDisplay authors, CancellationToken cancellationToken) =>
        await queries.CampaignReportAsync(code, cancellationToken) is { } report
            ? TypedResults.Ok(report with { Campaign = await authors.CampaignAsync(report.Campaign) })
            : TypedResults.Problem(title: "Campagne inconnue", detail: $"Aucune campagne {code}.", statusCode: StatusCodes.Status404NotFound);

    private static async Task<Results<Created<MeasurementCampaign>, ValidationProblem>> CreateCampaignAsync(CampaignDraft draft, MeasurementCampaigns campaigns, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var (campaign, errors) = await campaigns.CreateAsync(draft, user.Identity?.Name ?? "inconnu", cancellationToken);
        return errors is not null ? TypedResults.ValidationProblem(errors) : TypedResults.Created($"/api/measurements/campaigns/{campaign!.Code}", campaign);
    }

    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static ProblemHttpResult UnknownCampaign(string code) =>
        TypedResults.Problem(title: "Campagne inconnue", detail: $"Aucune campagne {code}.", statusCode: StatusCodes.Status404NotFound);

    private static async Task<Results<Ok<CampaignLive>, ProblemHttpResult>> CampaignLiveAsync(string code, MeasurementQueries queries, TimeProvider clock, CancellationToken cancellationToken) =>
        await queries.CampaignLiveAsync(code, clock.GetUtcNow(), cancellationToken) is { } live ? TypedResults.Ok(live) : UnknownCampaign(code);

    private static async Task<IResult> CampaignReportCsvAsync(string code, MeasurementQueries queries, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await queries.CampaignReportAsync(code, cancellationToken) is not { } report)
        {
            return UnknownCampaign(code);
        }

        var csv = CampaignReportExport.Csv(report, queries.MinimumContributors, clock.GetUtcNow());
        return TypedResults.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray(), "text/csv; charset=utf-8", $"bilan-campagne-{report.Campaign.Code}.csv");
    }

    private static async Task<IResult> CampaignReportXlsxAsync(string code, MeasurementQueries queries, TimeProvider clock, CancellationToken cancellationToken) =>
        await queries.CampaignReportAsync(code, cancellationToken) is { } report
            ? TypedResults.File(CampaignReportExport.Xlsx(report, queries.MinimumContributors, clock.GetUtcNow()), XlsxType, $"bilan-campagne-{report.Campaign.Code}.xlsx")
            : UnknownCampaign(code);

    private static async Task<Results<Ok<ContributorTokenView>, ProblemHttpResult>> RevokeTokenAsync(long id, MeasurementCampaigns campaigns, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        await campaigns.RevokeTokenAsync(id, user.Identity?.Name ?? "inconnu", cancellationToken) is { } token
            ? TypedResults.Ok(token)
            : TypedResults.Problem(title: "Jeton inconnu", detail: $"Aucun jeton n° {id}.", statusCode: StatusCodes.Status404NotFound);

    private static async Task<Results<Ok<ContributorTokenView>, ValidationProblem, ProblemHttpResult>> ReactivateTokenAsync(long id, MeasurementCampaigns campaigns, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        await campaigns.ReactivateTokenAsync(id, user.Identity?.Name ?? "inconnu", cancellationToken) switch
        {
            null => TypedResults.Problem(title: "Jeton inconnu", detail: $"Aucun jeton n° {id}.", statusCode: StatusCodes.Status404NotFound),
            { Error: { } error } => TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["campaign"] = [error] }, title: "Jeton non réactivé"),
            { Token: var token } => TypedResults.Ok(token),
        };

    public sealed record TokenRequest(string? Label, string? Campaign);

    private static async Task<Results<Ok<TokenIssued>, ValidationProblem>> IssueTokenAsync(TokenRequest request, MeasurementCampaigns campaigns, MeasurementQueries queries, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Label) || request.Label.Length > 200)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["label"] = ["Libellé obligatoire (200 caractères au plus)."] });
        }

        if (request.Campaign is not null && (await queries.CampaignsAsync(cancellationToken)).All(c => c.Code != request.Campaign))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["campaign"] = ["Campagne inconnue."] });
        }

        return TypedResults.Ok(new TokenIssued(await campaigns.IssueTokenAsync(request.Label.Trim(), request.Campaign, user.Identity?.Name ?? "inconnu", cancellationToken)));
    }

    public sealed record TokenIssued(string Token);
}
