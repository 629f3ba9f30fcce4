using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Scoran.Core.Audit;
using Scoran.Core.Imports;
using Scoran.Funding.Model;

namespace Scoran.Funding.Import;

public sealed record CatalogImportReport(string Catalogue, bool Skipped, int Added, int Updated, int Unchanged);

/// <summary>
/// Loads the shipped regional catalogue (data/funding/schemes-bfc.json) and the Aides-territoires
/// export format. Upsert by scheme id: re-running never duplicates; an unchanged file is skipped.
/// A scheme already edited by a person (audit entry not by "système") is left as they made it.
/// </summary>
public sealed class SchemeCatalogImporter(DbContext db, TimeProvider clock)
{
    public const string RegionalCatalogue = "schemes-bfc";
    public const string AidesTerritoiresCatalogue = "aides-territoires";

    public async Task<CatalogImportReport> ImportRegionalAsync(string path, bool force, CancellationToken ct = default)
    {
        var bytes = await File.ReadAllBytesAsync(path, ct);
        var schemes = ReadRegional(bytes, Path.GetFileName(path));
        return await SaveAsync(RegionalCatalogue, bytes, schemes, "Région Bourgogne-Franche-Comté (extraits des documents SCORAN, PPUN et brochure)", force, ct);
    }

    public async Task<CatalogImportReport> ImportAidesTerritoiresAsync(string path, bool force, CancellationToken ct = default)
    {
        var bytes = await File.ReadAllBytesAsync(path, ct);
        var schemes = ReadAidesTerritoires(bytes, Path.GetFileName(path));
        return await SaveAsync(AidesTerritoiresCatalogue, bytes, schemes, "Aides-territoires (ANCT, beta.gouv.fr) — export thématique « périurbain »", force, ct);
    }

    private async Task<CatalogImportReport> SaveAsync(string catalogue, byte[] bytes, List<AidScheme> schemes, string publisher, bool force, CancellationToken ct)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (!force && await db.LastContentHashAsync(catalogue, cancellationToken: ct) == hash)
        {
            return new CatalogImportReport(catalogue, true, 0, 0, schemes.Count);
        }

        var now = clock.GetUtcNow();
        var ids = schemes.Select(s => s.Id).ToList();
        var existing = await db.Set<AidScheme>().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        var edited = (await db.Set<AuditEntry>().Where(a => a.EntityType == FundingAudit.Scheme && a.Author != FundingAudit.System).Select(a => a.EntityId).ToListAsync(ct)).ToHashSet();
        int added = 0, updated = 0, unchanged = 0;
        foreach (var s in schemes)
        {
            if (!existing.TryGetValue(s.Id, out var current))
            {
                s.CreatedAt = s.UpdatedAt = now;
                db.Add(s);
                AuditTrail.Record(db, clock, FundingAudit.System, FundingAudit.Scheme, s.Id, "created", null, FundingAudit.Snapshot(s), $"import {catalogue}");
                added++;
                continue;
            }

            s.CreatedAt = current.CreatedAt;
            var before = FundingAudit.Snapshot(current);
            var after = FundingAudit.Snapshot(s);
            if (edited.Contains(s.Id) || JsonSerializer.Serialize(before) == JsonSerializer.Serialize(after))
            {
                unchanged++;
                continue;
            }

            db.Entry(current).CurrentValues.SetValues(s);
            current.Beneficiaries = s.Beneficiaries; current.Perimeter = s.Perimeter; current.Themes = s.Themes;
            current.EligibleCosts = s.EligibleCosts; current.Conditions = s.Conditions; current.Documents = s.Documents;
            current.UpdatedAt = now;
            AuditTrail.Record(db, clock, FundingAudit.System, FundingAudit.Scheme, s.Id, "updated", before, after, $"import {catalogue}");
            updated++;
        }

        db.Add(new DatasetImport
        {
            Dataset = catalogue,
            Publisher = publisher,
            Source = catalogue == RegionalCatalogue ? "data/funding/schemes-bfc.json" : "data/funding/aides-territoires_periurbain.csv",
            Vintage = catalogue == RegionalCatalogue ? "2024" : "2022-11-08",
            Licence = catalogue == RegionalCatalogue ? "Documents publics de la Région (extraits)" : "Non précisée par Aides-territoires",
            ContentSha256 = hash,
            ImportedAt = now,
            RowCount = schemes.Count,
            Summary = $"{added} ajoutés, {updated} mis à jour, {unchanged} inchangés",
        });
        await db.SaveChangesAsync(ct);
        return new CatalogImportReport(catalogue, false, added, updated, unchanged);
    }

    internal static List<AidScheme> ReadRegional(byte[] bytes, string file)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(bytes);
        }
        catch (JsonException e)
        {
            throw new ImportRejectedException([new ImportError(file, e.LineNumber + 1, e.BytePositionInLine + 1, "JSON invalide : " + e.Message)]);
        }

        var errors = new List<ImportError>();
        var result = new List<AidScheme>();
        if (!doc.RootElement.TryGetProperty("schemes", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            throw new ImportRejectedException([new ImportError(file, null, null, "la propriété « schemes » (tableau) manque")]);
        }

        var index = 0;
        foreach (var e in list.EnumerateArray())
        {
            index++;
            var id = Str(e, "id");
            var name = Str(e, "name");
            if (string.IsNullOrWhiteSpace(id) || string.IsNullOrWhiteSpace(name))
            {
                errors.Add(new ImportError(file, index, null, $"dispositif n° {index} : « id » et « name » sont obligatoires"));
                continue;
            }

            var category = Str(e, "category") ?? "";
            var aidText = e.TryGetProperty("aid_type", out var at) ? at.ValueKind == JsonValueKind.Array ? string.Join(" ; ", at.EnumerateArray().Select(x => x.GetString())) : at.ValueKind == JsonValueKind.String ? at.GetString() : null : null;
            var beneficiaries = Strings(e, "beneficiary_types");
            var costs = Strings(e, "eligible_costs");
            var purpose = Strings(e, "purpose");
            var conditions = Strings(e, "conditions");
            var backer = Str(e, "backer") ?? "Non précisé";
            decimal? bonus = null;
            string? bonusCondition = null;
            if (e.TryGetProperty("bonus", out var b) && b.ValueKind == JsonValueKind.Object && b.TryGetProperty("structured", out var bs))
            {
                bonus = Dec(bs, "bonus_percent");
                bonusCondition = Str(bs, "condition");
            }

            var ceilingPeriodText = Str(e, "ceiling_period");
            var source = e.TryGetProperty("source", out var src) && src.ValueKind == JsonValueKind.Object
                ? $"{Str(src, "seed_file")}, lignes {Str(src, "lines")}" : file;
            result.Add(new AidScheme
            {
                Id = id,
                Name = name,
                Backer = backer,
                Programme = Str(e, "programme"),
                AidType = ParseAidType(aidText),
                AidTypeText = aidText,
                Status = category.EndsWith("_historical", StringComparison.Ordinal) ? SchemeStatus.Historical
                    : category == "region_scheme_current" ? SchemeStatus.Open : SchemeStatus.Announced,
                Beneficiaries = beneficiaries.SelectMany(BeneficiaryTypes.Normalise).Distinct().ToList(),
                BeneficiariesText = Str(e, "beneficiary_types_verbatim") ?? string.Join(", ", beneficiaries),
                Perimeter = RegionalPerimeter(id, category, backer),
                Themes = FundingThemes.Detect(string.Join(" ", [id.Replace('-', ' '), name, .. costs, .. purpose, .. beneficiaries])),
                EligibleCosts = costs,
                Description = purpose.Count > 0 ? string.Join("\n", purpose) : null,
                RatePercent = Dec(e, "rate_percent"),
                RateBase = Str(e, "rate_base"),
                CeilingEuros = Dec(e, "ceiling_eur"),
                CeilingPeriod = ceilingPeriodText is null ? CeilingPeriod.Total : ceilingPeriodText.Contains("year") ? CeilingPeriod.PerYear : ceilingPeriodText.Contains("FTE") ? CeilingPeriod.PerFte : CeilingPeriod.Total,
                BonusPercentPoints = bonus,
                BonusCondition = bonusCondition,
                Conditions = conditions,
                Source = source,
                SourceDate = category == "region_scheme_current" ? new DateOnly(2024, 1, 1) : category.EndsWith("2021", StringComparison.Ordinal) ? new DateOnly(2021, 1, 1) : null,
                Catalogue = RegionalCatalogue,
                Notes = Str(e, "notes") ?? (e.TryGetProperty("notes", out var n) && n.ValueKind == JsonValueKind.Array ? string.Join("\n", n.EnumerateArray().Select(x => x.ToString())) : null),
                Contact = backer,
            });
        }

        if (errors.Count > 0)
        {
            throw new ImportRejectedException(errors);
        }

        return result;
    }

    /// <summary>The extract gives no perimeter field: it follows from the backer (Région → région 27, a Département → its code, State and EU → national).</summary>
    private static List<string> RegionalPerimeter(string id, string category, string backer)
    {
        if (id.StartsWith("cd21", StringComparison.Ordinal) || id.Contains("cote-d-or", StringComparison.Ordinal)) return ["departement:21"];
        if (id.StartsWith("cd58", StringComparison.Ordinal) || id.Contains("nievre", StringComparison.Ordinal)) return ["departement:58"];
        if (id.Contains("saone-et-loire", StringComparison.Ordinal)) return ["departement:71"];
        if (id.Contains("yonne", StringComparison.Ordinal)) return ["departement:89"];
        if (id.Contains("bourgogne", StringComparison.Ordinal) && category.Contains("region")) return ["departement:21", "departement:58", "departement:71", "departement:89"];
        if (id.Contains("franche-comte", StringComparison.Ordinal)) return ["departement:25", "departement:39", "departement:70", "departement:90"];
        if (category.StartsWith("region", StringComparison.Ordinal) || backer.Contains("Région Bourgogne-Franche-Comté", StringComparison.Ordinal)) return ["region:27"];
        return ["FR"];
    }

    internal static AidType ParseAidType(string? text)
    {
        var t = (text ?? "").ToLowerInvariant();
        if (t.Contains("avance remboursable") || t.Contains("repayable")) return AidType.RepayableAdvance;
        if (t.Contains("subvention") || t.Contains("grant") || t.Contains("dotation")) return AidType.Grant;
        if (t.Contains("voucher") || t.Contains("chèque") || t.Contains("pass")) return AidType.Voucher;
        if (t.Contains("prêt") || t.Contains("loan")) return AidType.Loan;
        if (t.Contains("ingénierie") || t.Contains("engineering") || t.Contains("accompagnement")) return AidType.Engineering;
        return AidType.Other;
    }

    /// <summary>Aides-territoires export: Nom, Lien, Financeurs, Bénéficiaire, Types d'aides, AAP/AMI, Récurrence, Descriptif, Date Clôture.</summary>
    internal static List<AidScheme> ReadAidesTerritoires(byte[] bytes, string file)
    {
        var rows = Csv.Parse(Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF'));
        string[] expected = ["Nom", "Lien", "Financeurs", "Bénéficiaire", "Types d'aides", "AAP/AMI", "Récurrence", "Descriptif", "Date Clôture"];
        if (rows.Count == 0 || !rows[0].Fields.SequenceEqual(expected))
        {
            throw new ImportRejectedException([new ImportError(file, 1, null, "en-tête attendu : " + string.Join(",", expected))]);
        }

        var errors = new List<ImportError>();
        var result = new List<AidScheme>();
        var seen = new HashSet<string>();
        foreach (var row in rows.Skip(1))
        {
            var f = row.Fields;
            if (f.Count == 1 && f[0].Length == 0) continue;
            if (f.Count != expected.Length)
            {
                errors.Add(new ImportError(file, row.Line, null, $"{f.Count} colonnes au lieu de {expected.Length}"));
                continue;
            }

            if (string.IsNullOrWhiteSpace(f[0]))
            {
                errors.Add(new ImportError(file, row.Line, 1, "« Nom » est vide"));
                continue;
            }

            DateOnly? close = null;
            if (f[8].Length > 0)
            {
                if (!DateOnly.TryParseExact(f[8], "dd/MM/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                {
                    errors.Add(new ImportError(file, row.Line, 9, $"date « {f[8]} » : format attendu JJ/MM/AAAA"));
                    continue;
                }

                close = d;
            }

            var slug = f[1].TrimEnd('/').Split('/').LastOrDefault() ?? "";
            var id = "at-" + (slug.Length > 0 ? slug : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(f[0])))[..16]);
            if (id.Length > 120) id = id[..120];
            if (!seen.Add(id)) continue;
            var beneficiaries = f[3].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            result.Add(new AidScheme
            {
                Id = id,
                Name = f[0].Trim(),
                Url = f[1],
                Backer = f[2].Replace(";", ", "),
                AidType = ParseAidType(f[4]),
                AidTypeText = f[4].Replace(";", ", "),
                // The export carries no perimeter: kept out of every territory until an agent sets it, so the finder never claims eligibility it cannot know.
                Perimeter = [],
                Status = SchemeStatus.Open,
                Beneficiaries = beneficiaries.SelectMany(BeneficiaryTypes.Normalise).Distinct().ToList(),
                BeneficiariesText = string.Join(", ", beneficiaries),
                Themes = FundingThemes.Detect(f[0] + " " + f[7]),
                Description = f[7].Trim(),
                CallForProjects = f[5] == "Oui",
                Recurring = f[6] == "Récurrente",
                ClosesOn = close,
                Source = $"Aides-territoires, export « {file} » (MTES-MCT/aides-territoires, 2022-11-08), ligne {row.Line}",
                SourceDate = new DateOnly(2022, 11, 8),
                Catalogue = AidesTerritoiresCatalogue,
            });
        }

        if (errors.Count > 0)
        {
            throw new ImportRejectedException(errors);
        }

        return result;
    }

    private static string? Str(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static decimal? Dec(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDecimal() : null;

    private static List<string> Strings(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array
            ? v.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!).ToList()
            : [];
}

/// <summary>Minimal RFC 4180 reader: quoted fields with commas, quotes and line breaks; records the line each record starts on.</summary>
internal static class Csv
{
    public sealed record Row(long Line, List<string> Fields);

    public static List<Row> Parse(string text)
    {
        var rows = new List<Row>();
        var fields = new List<string>();
        var sb = new StringBuilder();
        long line = 1, start = 1;
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { sb.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else { if (c == '\n') line++; sb.Append(c); }
                continue;
            }

            switch (c)
            {
                case '"': quoted = true; break;
                case ',': fields.Add(sb.ToString()); sb.Clear(); break;
                case '\r': break;
                case '\n':
                    fields.Add(sb.ToString()); sb.Clear();
                    rows.Add(new Row(start, fields)); fields = [];
                    line++; start = line;
                    break;
                default: sb.Append(c); break;
            }
        }

        if (sb.Length > 0 || fields.Count > 0)
        {
            fields.Add(sb.ToString());
            rows.Add(new Row(start, fields));
        }

        return rows;
    }
}
