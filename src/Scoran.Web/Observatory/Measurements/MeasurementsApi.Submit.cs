using System.Text.Json;
using Scoran.Observatory.Measurements;

namespace Scoran.Web.Observatory.Measurements;

/// <summary>Measurements in: one or a batch, validated as a whole, idempotent.</summary>
public static partial class MeasurementsApi
{
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
}
