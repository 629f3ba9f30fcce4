using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Scoran.Core.Imports;

namespace Scoran.Resources.Places;

/// <summary>
/// Readers of the three formats. Every reader validates every row before anything is written and
/// reports errors with file, line (physical line of the file, counting line breaks inside quoted
/// fields), column and reason; one error rejects the whole file.
/// </summary>
public static partial class PlaceFiles
{
    public const string FranceServicesSource = "france-services";
    public const string MediationNumeriqueSource = "mediation-numerique";
    public const string DataInclusionSource = "data-inclusion";

    public static readonly string[] FranceServicesColumns =
        ["id_fs", "insee_dep", "lib_fs", "adresse", "complement_adresse", "insee_com", "code_postal", "lib_com", "latitude", "longitude", "mail", "telephone",
         "h_lundi", "h_mardi", "h_mercredi", "h_jeudi", "h_vendredi", "h_samedi", "commentaire", "itinerance", "format_fs", "groupe", "labellisation"];

    /// <summary>Columns of the « lieux de médiation numérique » schema, in the schema's order.</summary>
    public static readonly string[] MediationNumeriqueColumns =
        ["id", "pivot", "nom", "commune", "code_postal", "code_insee", "adresse", "complement_adresse", "latitude", "longitude", "typologie", "telephone",
         "courriels", "site_web", "horaires", "presentation_resume", "presentation_detail", "source", "itinerance", "structure_parente", "date_maj", "services",
         "publics_specifiquement_adresses", "prise_en_charge_specifique", "frais_a_charge", "dispositif_programmes_nationaux", "formations_labels",
         "autres_formations_labels", "modalites_acces", "modalites_accompagnement", "fiche_acces_libre", "prise_rdv"];

    public static string SourceOf(PlaceFormat format) => format switch
    {
        PlaceFormat.FranceServices => FranceServicesSource,
        PlaceFormat.MediationNumerique => MediationNumeriqueSource,
        _ => DataInclusionSource,
    };

    /// <summary>Tells the format from the content: a JSON array, the France Services header, or the schema's header.</summary>
    public static PlaceFormat? Detect(string file)
    {
        var head = ReadHead(file);
        if (head.TrimStart().StartsWith('['))
        {
            return PlaceFormat.DataInclusion;
        }

        var firstLine = head.Split('\n')[0];
        if (firstLine.Contains("id_fs", StringComparison.Ordinal))
        {
            return PlaceFormat.FranceServices;
        }

        return firstLine.Contains("pivot", StringComparison.Ordinal) && firstLine.Contains("nom", StringComparison.Ordinal) ? PlaceFormat.MediationNumerique : null;
    }

    public static async Task<PlaceFile> ReadAsync(string file, PlaceFormat? format = null, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(file))
        {
            throw new ImportRejectedException([new ImportError(file, null, null, "fichier introuvable")]);
        }

        format ??= Detect(file) ?? throw new ImportRejectedException([new ImportError(file, 1, null,
            "format non reconnu : ni la liste nationale des France Services (colonne id_fs), ni le schéma des lieux de médiation numérique (colonnes id, pivot, nom…), ni un tableau JSON de structures data·inclusion")]);
        var bytes = await File.ReadAllBytesAsync(file, cancellationToken);
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var errors = new List<ImportError>();
        var text = Decode(file, bytes, errors);
        var records = errors.Count > 0 ? [] : format switch
        {
            PlaceFormat.FranceServices => await ReadFranceServicesAsync(file, text, errors),
            PlaceFormat.MediationNumerique => await ReadMediationNumeriqueAsync(file, text, errors),
            _ => ReadDataInclusion(file, text, errors),
        };
        CheckUniqueIds(file, records, errors);

        if (errors.Count > 0)
        {
            throw new ImportRejectedException(errors);
        }

        var vintage = VintageOf(file);
        return format switch
        {
            PlaceFormat.FranceServices => new PlaceFile(file, FranceServicesSource, "ANCT — programme France Services", vintage, "Licence Ouverte 2.0 (publication ANCT sur data.gouv.fr)", records, sha),
            PlaceFormat.MediationNumerique => new PlaceFile(file, MediationNumeriqueSource, "Lieux de médiation numérique (schéma national ANCT / La MedNum)", vintage, "Licence Ouverte 2.0", records, sha),
            _ => new PlaceFile(file, DataInclusionSource, "data·inclusion (GIP Plateforme de l'inclusion), structures", vintage, "Licence Ouverte 2.0", records, sha),
        };
    }

    /// <summary>One error when two records share an identifier, at the second one's line.</summary>
    private static void CheckUniqueIds(string file, IReadOnlyList<PlaceRecord> records, List<ImportError> errors)
    {
        var duplicate = records.GroupBy(r => r.SourceId, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            errors.Add(new ImportError(file, duplicate.ElementAt(1).Line, null, $"identifiant « {duplicate.Key} » déjà utilisé ligne {duplicate.First().Line}"));
        }
    }

    private static string VintageOf(string file)
    {
        var date = VintageInName().Match(Path.GetFileName(file));
        return date.Success ? $"{date.Groups[1].Value}-{date.Groups[2].Value}-{date.Groups[3].Value}" : File.GetLastWriteTimeUtc(file).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    private static string ReadHead(string file)
    {
        using var reader = new StreamReader(file, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var buffer = new char[4096];
        var read = reader.Read(buffer, 0, buffer.Length);
        return new string(buffer, 0, read);
    }

    [GeneratedRegex(@"^[0-9][0-9AB][0-9]{3}$")]
    private static partial Regex CommuneCodeLike();

    [GeneratedRegex(@"^[0-9]{5}$")]
    private static partial Regex PostalCodeLike();

    [GeneratedRegex(@"(20\d\d)(\d\d)(\d\d)")]
    private static partial Regex VintageInName();
}
