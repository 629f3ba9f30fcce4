using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Scoran.Observatory.Commitments;
using Scoran.Observatory.Queries;
using Scoran.Territories.Model;
using Scoran.Territories.Queries;

namespace Scoran.Web.Api;

/// <summary>
/// /api/observatory/commitments (operator commitments against deployment) and
/// /api/observatory/releases (what changed between two kept releases of Arcep's observatory).
/// </summary>
public static partial class CommitmentsApi
{
    private const string KindRoute = "{kind:regex(^(region|departement|epci|commune)$)}";

    public static IEndpointRouteBuilder MapCommitmentsApi(this IEndpointRouteBuilder app)
    {
        var commitments = app.MapGroup("/api/observatory/commitments").WithTags("Observatoire");
        commitments.MapGet($"/{KindRoute}/{{code}}", ReportAsync).WithName("GetCommitments")
            .WithSummary("Engagements des opérateurs (L. 33-13…) sur le territoire, comparés au déploiement FttH : statut (met, onTime, atRisk, late, unknown), écart en locaux au dernier trimestre et projeté à l'échéance, sommes par opérateur et par territoire. Filtre ?operateur=FRTE.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        commitments.MapGet($"/{KindRoute}/{{code}}/engagements.csv", CsvAsync).WithName("GetCommitmentsCsv")
            .WithSummary("Les mêmes engagements en CSV (séparateur ;), avec la source et la licence en première ligne.")
            .Produces(200, contentType: "text/csv")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        var releases = app.MapGroup("/api/observatory/releases").WithTags("Observatoire");
        releases.MapGet("/", ListReleasesAsync).WithName("ListFtthReleases")
            .WithSummary("Publications (millésimes) Arcep importées, la plus récente d'abord.");
        releases.MapGet($"/{KindRoute}/{{code}}/diff", DiffAsync).WithName("GetFtthReleaseDiff")
            .WithSummary("Ce qui change entre deux publications pour un territoire (?de=2018T1&a=2018T2) : trimestres réévalués, locaux raccordables ajoutés, communes dont le nombre de locaux ou la zone a changé, communes ajoutées ou retirées.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    [GeneratedRegex("^[A-Za-z0-9-]{1,32}$")]
    private static partial Regex OperatorCode();

    [GeneratedRegex("^[0-9]{4}T[1-4]$")]
    private static partial Regex ReleaseName();

    private static async Task<Results<Ok<CommitmentReport>, ProblemHttpResult, ValidationProblem>> ReportAsync(
        string kind, string code, CommitmentQueries queries, TerritoryQueries territories, CancellationToken cancellationToken,
        [FromQuery(Name = "operateur")] string? operatorCode = null)
    {
        var (parsed, problem, invalid) = await CheckAsync(kind, code, operatorCode, territories, cancellationToken);
        if (invalid is not null)
        {
            return invalid;
        }

        if (problem is not null)
        {
            return problem;
        }

        return TypedResults.Ok(await queries.ReportAsync(parsed, code, operatorCode, cancellationToken));
    }

    private static async Task<IResult> CsvAsync(
        string kind, string code, CommitmentQueries queries, TerritoryQueries territories, CancellationToken cancellationToken,
        [FromQuery(Name = "operateur")] string? operatorCode = null)
    {
        var (parsed, problem, invalid) = await CheckAsync(kind, code, operatorCode, territories, cancellationToken);
        if (invalid is not null)
        {
            return invalid;
        }

        if (problem is not null)
        {
            return problem;
        }

        var report = await queries.ReportAsync(parsed, code, operatorCode, cancellationToken);
        var csv = new StringBuilder();
        // Provenance travels with the file: every source, with vintage and licence, on the first line.
        csv.AppendLine("# Sources : " + string.Join(" ; ", report.Sources.Select(s => $"{s.Publisher} — {s.File}, {s.Vintage}, {s.Licence}")) +
                       (report.AsOf is { } asOf ? $" ; statut évalué au {asOf}" : ""));
        csv.AppendLine("code_commune;commune;code_operateur;operateur;zone;echeance;part_engagee;locaux;locaux_engages;locaux_raccordables;ecart;raccordables_projetes;ecart_projete;statut;partielle;base_legale;registre");
        foreach (var r in report.Commitments)
        {
            csv.AppendLine(string.Join(";",
                r.CommuneCode, Quote(r.CommuneName), r.OperatorCode, Quote(r.OperatorName), r.Zone.ToString().ToUpperInvariant(), r.Deadline.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                r.TargetShare?.ToString("0.####", CultureInfo.InvariantCulture) ?? "", r.Premises, r.TargetPremises, r.ConnectablePremises, r.Gap,
                r.ProjectedConnectable?.ToString(CultureInfo.InvariantCulture) ?? "", r.ProjectedGap?.ToString(CultureInfo.InvariantCulture) ?? "",
                StatusSlug(r.Status), r.Partial ? "oui" : "non", Quote(r.LegalBasis ?? ""), r.Register));
        }

        var fileName = $"engagements-{parsed.ToSlug()}-{code}.csv";
        return TypedResults.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray(), "text/csv; charset=utf-8", fileName);
    }

    public static string StatusSlug(CommitmentStatus status) => status switch
    {
        CommitmentStatus.Met => "tenu",
        CommitmentStatus.OnTime => "dans_les_temps",
        CommitmentStatus.AtRisk => "menace",
        CommitmentStatus.Late => "en_retard",
        _ => "inconnu",
    };

    private static string Quote(string text) => Scoran.Core.Text.CsvText.Quoted(text);

    private static async Task<(TerritoryKind Kind, ProblemHttpResult? NotFound, ValidationProblem? Invalid)> CheckAsync(
        string kind, string code, string? operatorCode, TerritoryQueries territories, CancellationToken cancellationToken)
    {
        TerritoryKinds.TryParse(kind, out var parsed);
        if (operatorCode is not null && !OperatorCode().IsMatch(operatorCode))
        {
            return (parsed, null, TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["operateur"] = ["Code opérateur Arcep attendu (lettres, chiffres et tirets, ex. FRTE, SFR0)."],
            }));
        }

        return await territories.GetAsync(parsed, code, cancellationToken) is null
            ? (parsed, TypedResults.Problem(title: "Territoire inconnu", detail: $"Aucun territoire {kind} {code}.", statusCode: StatusCodes.Status404NotFound), null)
            : (parsed, null, null);
    }

    private static Task<IReadOnlyList<string>> ListReleasesAsync(FtthQueries queries, CancellationToken cancellationToken) =>
        queries.ReleasesAsync(cancellationToken);

    private static async Task<Results<Ok<ReleaseDiff>, ProblemHttpResult, ValidationProblem>> DiffAsync(
        string kind, string code, FtthQueries ftth, ReleaseDiffQueries diffs, TerritoryQueries territories, CancellationToken cancellationToken,
        [FromQuery(Name = "de")] string? from = null, [FromQuery(Name = "a")] string? to = null)
    {
        var errors = new Dictionary<string, string[]>();
        foreach (var (name, value) in new[] { ("de", from), ("a", to) })
        {
            if (value is not null && !ReleaseName().IsMatch(value))
            {
                errors[name] = ["Publication attendue sous la forme AAAATn (ex. 2018T1)."];
            }
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        TerritoryKinds.TryParse(kind, out var parsed);
        if (await territories.GetAsync(parsed, code, cancellationToken) is null)
        {
            return TypedResults.Problem(title: "Territoire inconnu", detail: $"Aucun territoire {kind} {code}.", statusCode: StatusCodes.Status404NotFound);
        }

        var releases = await ftth.ReleasesAsync(cancellationToken);
        if (ReleasePair(releases, from, to) is not var (a, b))
        {
            return TypedResults.Problem(title: "Publications indisponibles",
                detail: releases.Count < 2
                    ? $"Une seule publication est importée ({string.Join(", ", releases)}) : il n'y a rien à comparer."
                    : $"Publication inconnue ; publications importées : {string.Join(", ", releases)}.",
                statusCode: StatusCodes.Status404NotFound);
        }

        if (a == b)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["a"] = ["Choisissez deux publications différentes."] });
        }

        return TypedResults.Ok(await diffs.DiffAsync(parsed, code, a, b, cancellationToken));
    }

    /// <summary>The two releases to compare: those asked, else the two latest; null when one is not imported.</summary>
    public static (string From, string To)? ReleasePair(IReadOnlyList<string> releases, string? from, string? to)
    {
        // releases is newest first.
        to ??= releases.FirstOrDefault();
        from ??= releases.Where(r => string.CompareOrdinal(r, to) < 0).FirstOrDefault();
        return from is not null && to is not null && releases.Contains(from) && releases.Contains(to) ? (from, to) : null;
    }
}
