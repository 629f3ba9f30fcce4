using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Scoran.Accounts;
using Scoran.Core.Imports;
using Scoran.Core.Text;
using Scoran.Resources.Places;

namespace Scoran.Web.Resources.Places;

/// <summary>
/// Import of a regional network's own CSV of places through a column-mapping step: upload, map the
/// file's columns onto the schema's fields, preview the first rows, validate (all-or-nothing, with
/// line and column), import, and save the mapping for the network's next file.
/// </summary>
[Authorize(Roles = $"{ScoranRoles.Administrator},{ScoranRoles.DataManager},{ScoranRoles.Editor}")]
[RequestSizeLimit(MaxBytes + 64 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxBytes + 64 * 1024)]
public sealed partial class MappingModel(PlaceImporter importer, PlaceMappings mappings) : PageModel
{
    public const long MaxBytes = 20L << 20;

    /// <summary>Schema fields offered at the mapping step, required ones first.</summary>
    public static readonly string[] Fields = [.. PlaceFiles.RequiredMappedFields, "code_insee", "complement_adresse", "latitude", "longitude", "typologie", "telephone",
        "courriels", "site_web", "horaires", "presentation_resume", "itinerance", "date_maj", "services", "publics_specifiquement_adresses",
        "dispositif_programmes_nationaux", "formations_labels", "fiche_acces_libre"];

    [BindProperty] public string? SourceName { get; set; }
    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty] public string? Token { get; set; }
    [BindProperty] public Dictionary<string, string?> Map { get; set; } = [];

    public IReadOnlyList<string> Header { get; private set; } = [];
    public IReadOnlyList<IReadOnlyList<string>> Preview { get; private set; } = [];
    public IReadOnlyList<ImportError> Errors { get; private set; } = [];
    public string? Message { get; private set; }
    public string? Outcome { get; private set; }

    private static string Folder => Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "scoran-places-mapping")).FullName;

    public static string SourceOf(string name) => "reseau-" + SearchText.Normalize(name).Replace(' ', '-');

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostUploadAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(SourceName) || SourceName.Trim().Length > 50 || SearchText.Normalize(SourceName).Length == 0)
        {
            Message = "Donnez le nom du réseau ou de la source (50 caractères au plus), par exemple « MedNum BFC ».";
            return Page();
        }

        if (Upload is null || Upload.Length == 0 || !(Upload.FileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || Upload.FileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase)))
        {
            Message = "Choisissez un fichier CSV (UTF-8, séparateur virgule ou point-virgule) ou un classeur XLSX.";
            return Page();
        }

        if (Upload.Length > MaxBytes)
        {
            Message = "Fichier trop volumineux : 20 Mo au plus.";
            return Page();
        }

        Token = Guid.NewGuid().ToString("N");
        await using (var target = System.IO.File.Create(PathOf(Token)))
        {
            await Upload.CopyToAsync(target, cancellationToken);
        }

        return await ShowMappingAsync(suggest: true, cancellationToken);
    }

    public async Task<IActionResult> OnPostImportAsync(CancellationToken cancellationToken)
    {
        if (Token is null || !TokenLike().IsMatch(Token) || !System.IO.File.Exists(PathOf(Token)) || string.IsNullOrWhiteSpace(SourceName))
        {
            Message = "Le fichier déposé n'est plus disponible : déposez-le à nouveau.";
            return Page();
        }

        var mapping = Map.Where(kv => Fields.Contains(kv.Key) && !string.IsNullOrWhiteSpace(kv.Value)).ToDictionary(kv => kv.Key, kv => kv.Value!);
        var missing = PlaceFiles.RequiredMappedFields.Where(f => !mapping.ContainsKey(f)).ToList();
        if (missing.Count > 0)
        {
            Message = $"Champ(s) obligatoire(s) sans colonne : {string.Join(", ", missing)}.";
            return await ShowMappingAsync(suggest: false, cancellationToken);
        }

        var source = SourceOf(SourceName);
        try
        {
            var file = await PlaceFiles.ReadMappedAsync(PathOf(Token), source, mapping, cancellationToken);
            var report = await importer.ImportAsync(file with { File = Upload?.FileName ?? $"{source}.csv" }, force: true, author: User.Identity?.Name ?? "inconnu", cancellationToken);
            await mappings.SaveAsync(source, mapping, User.Identity?.Name ?? "inconnu", cancellationToken);
            System.IO.File.Delete(PathOf(Token));
            Outcome = $"{report.Places} lieu(x) importé(s) pour la source « {source} » ({report.AtCommune} placé(s) au point de leur commune, {report.Unlocated.Count} ligne(s) non localisable(s) écartée(s)). La correspondance est enregistrée pour le prochain fichier.";
            Errors = report.Unlocated;
            return Page();
        }
        catch (ImportRejectedException ex)
        {
            Errors = ex.Errors.Select(e => e with { File = SourceName }).ToList();
            Message = "Fichier refusé : rien n'a été importé. Corrigez les lignes ci-dessous ou la correspondance.";
            return await ShowMappingAsync(suggest: false, cancellationToken);
        }
    }

    private async Task<IActionResult> ShowMappingAsync(bool suggest, CancellationToken cancellationToken)
    {
        try
        {
            (Header, Preview) = await PlaceFiles.PreviewAsync(PathOf(Token!), 5, cancellationToken);
        }
        catch (ImportRejectedException ex)
        {
            Message = ex.Errors[0].Reason;
            return Page();
        }

        if (suggest)
        {
            // The network's saved mapping first, else columns named like the schema's fields.
            var saved = await mappings.FindAsync(SourceOf(SourceName!), cancellationToken);
            Map = Fields.ToDictionary(f => f, f => saved?.Mapping.GetValueOrDefault(f) is { } c && Header.Contains(c) ? c
                : Header.FirstOrDefault(h => string.Equals(h, f, StringComparison.OrdinalIgnoreCase)));
            if (saved is not null)
            {
                Message ??= $"Correspondance enregistrée le {saved.UpdatedAt:dd/MM/yyyy} reprise pour « {saved.Source} ».";
            }
        }

        return Page();
    }

    private static string PathOf(string token) => Path.Combine(Folder, token + ".csv");

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex TokenLike();
}
