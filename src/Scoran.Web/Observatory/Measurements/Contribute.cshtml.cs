using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Scoran.Observatory.Measurements;
using Scoran.Territories.Model;
using Scoran.Territories.Queries;

namespace Scoran.Web.Observatory.Measurements;

/// <summary>Submit one measurement from a phone's browser; same rules and storage as the API.</summary>
[EnableRateLimiting(MeasurementsApi.RateLimitPolicy)]
public sealed class ContributeModel(MeasurementIngestion ingestion, TerritoryQueries territories, TimeProvider clock) : PageModel
{
    [BindProperty] public string? Latitude { get; set; }
    [BindProperty] public string? Longitude { get; set; }
    [BindProperty] public string? Accuracy { get; set; }
    [BindProperty] public string? Operator { get; set; }
    [BindProperty] public string? Technology { get; set; }
    [BindProperty] public string? Rsrp { get; set; }
    [BindProperty] public string? Download { get; set; }
    [BindProperty] public string? Upload { get; set; }
    [BindProperty] public string? Latency { get; set; }
    [BindProperty] public string? Place { get; set; }
    [BindProperty] public string? Campaign { get; set; }
    /// <summary>Random id kept in the phone's local storage, so a contributor is counted once.</summary>
    [BindProperty] public string? InstallationId { get; set; }
    /// <summary>Generated when the page is shown: submitting the form twice stores the measurement once.</summary>
    [BindProperty] public string? SubmissionId { get; set; }

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();
    public string? Stored { get; private set; }

    public void OnGet()
    {
        SubmissionId = Guid.NewGuid().ToString();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        double? Number(string? text, string field)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            // Phones in French locale type a decimal comma.
            if (double.TryParse(text.Trim().Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }

            errors[field] = ["Nombre attendu."];
            return null;
        }

        var submission = new MeasurementSubmission
        {
            Id = string.IsNullOrWhiteSpace(SubmissionId) ? null : "page:" + SubmissionId,
            Time = clock.GetUtcNow(),
            Lat = Number(Latitude, "lat"),
            Lon = Number(Longitude, "lon"),
            Accuracy = Number(Accuracy, "accuracy"),
            Operator = Operator,
            Technology = Technology,
            Rsrp = Number(Rsrp, "rsrp"),
            DownloadMbps = Number(Download, "downloadMbps"),
            UploadMbps = Number(Upload, "uploadMbps"),
            LatencyMs = Number(Latency, "latencyMs"),
            Indoor = Place switch { "interieur" => true, "exterieur" => false, _ => null },
            AppVersion = "page-web",
            InstallationId = string.IsNullOrWhiteSpace(InstallationId) ? null : InstallationId,
            Campaign = string.IsNullOrWhiteSpace(Campaign) ? null : Campaign.Trim(),
        };
        if (errors.Count > 0)
        {
            Errors = errors;
            return Page();
        }

        var result = await ingestion.SubmitAsync([submission], batch: false,
            new SubmissionContext(null, null, HttpContext.Connection.RemoteIpAddress?.ToString() ?? "inconnue"), cancellationToken);
        if (result.Errors is { } invalid)
        {
            Errors = invalid;
            return Page();
        }

        var item = result.Items[0];
        var commune = item.CommuneCode is { } code ? await territories.GetAsync(TerritoryKind.Commune, code, cancellationToken) : null;
        Stored = (item.New ? "Mesure enregistrée" : "Cette mesure était déjà enregistrée") +
                 (commune is not null ? $" dans la commune de {commune.Name} ({commune.Code})." : ".") + " Merci !";
        SubmissionId = Guid.NewGuid().ToString();
        return Page();
    }

    public string? ErrorFor(string field) => Errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;
}
