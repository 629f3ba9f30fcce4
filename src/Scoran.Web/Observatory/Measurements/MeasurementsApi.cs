using System.Text.Json;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.HttpResults;
using Scoran.Accounts;
using Scoran.Observatory.Measurements;

namespace Scoran.Web.Observatory.Measurements;

/// <summary>
/// /api/measurements: crowdsourced mobile measurements in (no account needed), aggregates out.
/// Nothing here returns a position: only communes and ~1 km cells with at least k contributors.
/// </summary>
public static partial class MeasurementsApi
{
    public const string RateLimitPolicy = "measurements";
    public const string TokenHeader = "X-Contributor-Token";
    public const string IdempotencyHeader = "Idempotency-Key";

    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

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
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(app.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<MeasurementOptions>>().Value.MaximumBodyBytes))
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

    private static ProblemHttpResult UnknownCampaign(string code) =>
        TypedResults.Problem(title: "Campagne inconnue", detail: $"Aucune campagne {code}.", statusCode: StatusCodes.Status404NotFound);
}
