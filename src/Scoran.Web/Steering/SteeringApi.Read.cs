using Microsoft.AspNetCore.Http.HttpResults;
using Scoran.Steering;
using Scoran.Steering.Exchange;
using Scoran.Web.Shared;

namespace Scoran.Web.Steering;

/// <summary>Public reading: strategies, indicators, meetings, and their exports (JSON, CSV, XLSX, PDF).</summary>
public static partial class SteeringApi
{
    private static async Task<IReadOnlyList<StrategyItem>> ListAsync(SteeringQueries queries, CancellationToken cancellationToken) =>
        (await queries.StrategiesAsync(cancellationToken))
        .Select(s => new StrategyItem(s.Strategy.Code, s.Strategy.Title, s.Strategy.ShortTitle, s.Strategy.Issuer, s.Strategy.Date, s.Strategy.Revision, s.Progress,
            s.Counts.ToDictionary(c => c.Key.ToString(), c => c.Value)))
        .ToList();

    private static async Task<Results<Ok<TreeResponse>, ProblemHttpResult>> TreeAsync(string code, SteeringQueries queries, Accounts.AuthorDisplay authors, CancellationToken cancellationToken)
    {
        var tree = await queries.TreeAsync(code, cancellationToken);
        if (tree is null)
        {
            return NotFound(code);
        }

        // Value authors: e-mail addresses for signed-in staff only (security review F12).
        var name = await authors.ResolverAsync(tree.Indicators.SelectMany(i => i.Series).Select(p => p.Author));
        var codes = tree.Nodes.ToDictionary(n => n.Id, n => n.Code);
        return TypedResults.Ok(new TreeResponse(tree.Strategy.Code, tree.Strategy.Title, tree.Strategy.Revision,
            tree.Nodes.Select(n => new TreeNode(n.Code, n.ParentId is { } p ? codes[p] : null, n.Level, n.Title, n.Status, tree.Progress[n.Id], n.Porteur, n.ClosedReason)).ToList(),
            tree.Indicators.Select(i => ToResponse(i, name)).ToList()));
    }

    private static async Task<IResult> ExportAsync(string code, string format, StrategyStore store, Accounts.AuthorDisplay authors, CancellationToken cancellationToken)
    {
        var document = await store.ExportAsync(code, cancellationToken);
        if (document is null)
        {
            return NotFound(code);
        }

        // Value and target authors: e-mail addresses for signed-in staff only (security review F12).
        var name = await authors.ResolverAsync(document.Indicators.SelectMany(i => i.Values.Select(v => v.Author).Concat((i.Targets ?? []).Select(t => t.Author))));
        document = document with
        {
            Indicators = document.Indicators.Select(i => i with
            {
                Values = i.Values.Select(v => v with { Author = name(v.Author) }).ToList(),
                Targets = i.Targets?.Select(t => t with { Author = name(t.Author) }).ToList(),
            }).ToList(),
        };

        return format switch
        {
            "csv" => CsvFile.Result(StrategyCsv.Write(document), $"{code}.csv"),
            "xlsx" => Results.File(StrategyXlsx.Write(document), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"{code}.xlsx"),
            _ => Results.File(StrategyFiles.WriteJson(document), "application/json", $"{code}.json"),
        };
    }

    private static async Task<Results<Ok<IndicatorResponse>, ProblemHttpResult>> IndicatorAsync(string code, string indicator, SteeringQueries queries, Accounts.AuthorDisplay authors, CancellationToken cancellationToken) =>
        await queries.IndicatorAsync(code, indicator, cancellationToken) is { } view
            ? TypedResults.Ok(ToResponse(view, await authors.ResolverAsync(view.Series.Select(p => p.Author))))
            : NotFound($"{code}/{indicator}");

    private static async Task<Results<Ok<MeetingResponse>, ProblemHttpResult>> MeetingAsync(long id, SteeringQueries queries, CancellationToken cancellationToken)
    {
        var report = await queries.ReportAsync(id, cancellationToken);
        return report is null ? NotFound($"séance {id}") : TypedResults.Ok(ToResponse(report));
    }

    private static async Task<IResult> ReviewXlsxAsync(long id, SteeringQueries queries, CancellationToken cancellationToken)
    {
        var report = await queries.ReportAsync(id, cancellationToken);
        return report is null ? NotFound($"séance {id}")
            : Results.File(StrategyXlsx.WriteReview(report), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"revue-{report.Meeting.Date:yyyy-MM-dd}.xlsx");
    }

    private static async Task<IResult> PdfAsync(long id, string document, SteeringQueries queries, MinutesPdf pdf, CancellationToken cancellationToken)
    {
        var report = await queries.ReportAsync(id, cancellationToken);
        if (report is null)
        {
            return NotFound($"séance {id}");
        }

        if (!pdf.Available)
        {
            return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Export PDF indisponible",
                detail: $"L'export PDF imprime la page avec Chromium, introuvable ici ({pdf.ChromiumPath}) : installez-le ou réglez Scoran:Pdf:Chromium. La page HTML s'imprime aussi depuis le navigateur.");
        }

        var bytes = await pdf.PrintAsync($"/pilotage/seances/{id}/{document}", cancellationToken);
        return bytes is null
            ? Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Export PDF en échec", detail: "Chromium n'a pas pu imprimer la page ; la page HTML s'imprime depuis le navigateur.")
            : Results.File(bytes, "application/pdf", $"{document}-{report.Meeting.Date:yyyy-MM-dd}.pdf");
    }
}
