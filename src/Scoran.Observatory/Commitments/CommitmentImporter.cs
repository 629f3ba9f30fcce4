// SQL here is assembled only from table and column names that are constants of this file, never from input.
#pragma warning disable EF1002, EF1003

using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Scoran.Core.Imports;
using Scoran.Observatory.Import;
using Scoran.Observatory.Import.Arcep;
using Scoran.Territories.Model;

namespace Scoran.Observatory.Commitments;

/// <summary>A file of commitments, read and validated, ready to replace its register.</summary>
public sealed record CommitmentFile(string File, string Register, string Publisher, string Vintage, string Licence, IReadOnlyList<CommitmentRow> Rows, string ContentSha256)
{
    /// <summary>Every commune code of the source sheet, when it lists communes without commitment too (Arcep's sheet).</summary>
    public IReadOnlyList<string> AllCodes { get; init; } = [];
}

public sealed record CommitmentImportReport(bool Skipped, string Register, int Commitments, int Communes, IReadOnlyList<CommuneCodeChange> CodeChanges);

/// <summary>
/// Imports operator commitments, one register at a time: all-or-nothing, idempotent (the
/// register is replaced; an identical file is skipped), codes brought onto today's communes
/// with the mapping reported, provenance recorded in <c>dataset_imports</c>.
/// </summary>
public sealed partial class CommitmentImporter(DbContext db, TimeProvider clock, ILogger<CommitmentImporter> logger)
{
    /// <summary>Dataset name of a register in <c>dataset_imports</c>.</summary>
    public static string Dataset(string register) => $"engagements:{register}";

    public const string DatasetPrefix = "engagements:";

    /// <summary>
    /// Reads either Arcep's commune sheet (its « Engagements L. 33-13 » column gives the 2018 AMII
    /// commitments) or Scoran's commitments CSV, told apart by their header.
    /// </summary>
    public static async Task<CommitmentFile> ReadAsync(string file, string? register = null, CancellationToken cancellationToken = default)
    {
        var errors = new List<ImportError>();
        if (!File.Exists(file))
        {
            throw new ImportRejectedException([new ImportError(file, null, null, "fichier introuvable")]);
        }

        var sha = Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(file, cancellationToken)));
        var head = string.Join('\n', File.ReadLines(file).Take(10));
        if (head.Contains("Engagements L. 33-13", StringComparison.OrdinalIgnoreCase))
        {
            var communes = await CommuneInformationFile.ReadAsync(file, errors, cancellationToken);
            var table = errors.Count == 0 ? await ArcepTable.ReadAsync(file, "Code commune", errors, cancellationToken) : null;
            var rows = table is null ? [] : L3313Commitments.From(file, communes, table.ColumnOf("Engagements L. 33-13"), errors);
            if (errors.Count > 0)
            {
                throw new ImportRejectedException(errors);
            }

            return new CommitmentFile(file, register ?? L3313Commitments.Register, "Arcep / Gouvernement (engagements L. 33-13 acceptés en 2018)", "2018",
                ArcepFtthImporter.Licence, rows, sha) { AllCodes = communes.Select(c => c.Code).ToList() };
        }

        var own = await CommitmentCsv.ReadAsync(file, errors, cancellationToken);
        if (errors.Count > 0)
        {
            throw new ImportRejectedException(errors);
        }

        var name = register ?? Path.GetFileNameWithoutExtension(file);
        if (name.Length is 0 or > 50)
        {
            throw new ImportRejectedException([new ImportError(file, null, null, "nom de registre vide ou trop long (50 caractères au plus) : utilisez --registre")]);
        }

        return new CommitmentFile(file, name, "Registre local des engagements", File.GetLastWriteTimeUtc(file).ToString("yyyy-MM-dd"), "Licence Ouverte 2.0", own, sha);
    }

    public async Task<CommitmentImportReport> ImportAsync(CommitmentFile file, bool force = false, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var dataset = Dataset(file.Register);
        if (!force && await db.LastContentHashAsync(dataset, cancellationToken: cancellationToken) == file.ContentSha256)
        {
            return new CommitmentImportReport(true, file.Register, 0, 0, []);
        }

        var resolve = await CommuneCodeMapping.LoadResolverAsync(db, file.File, cancellationToken);

        var errors = new List<ImportError>();
        var changes = new List<CommuneCodeChange>();
        // Merged communes: the commitments of their former parts meet on today's commune; the
        // same operator and deadline become one commitment, marked partial when a part lacked it.
        var byCommune = CommuneCodeMapping.ToCurrentCommunes(file.File,
            file.Rows.Select(r => (r.CommuneCode, r.Line, (IReadOnlyList<CommitmentRow>)[r])), resolve, (a, b) => [.. a, .. b], changes, errors);
        if (errors.Count > 0)
        {
            throw new ImportRejectedException(errors);
        }

        // How many communes of the sheet each current commune is made of: a merged commune whose
        // former parts were not all committed carries a partial commitment.
        var partsPerCommune = file.AllCodes.Select(resolve).Where(c => c is not null).GroupBy(c => c!).ToDictionary(g => g.Key, g => g.Count());
        var entities = byCommune
            .SelectMany(c => Merge(file.Register, c.Key, c.Value))
            .OrderBy(e => e.CommuneCode, StringComparer.Ordinal).ThenBy(e => e.Deadline)
            .ToList();

        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            progress?.Report(new ImportProgress("Engagements", 0, entities.Count));
            await db.Database.ExecuteSqlAsync($"DELETE FROM operator_commitments WHERE register = {file.Register}", cancellationToken);
            db.Set<OperatorCommitment>().AddRange(entities);
            db.Set<DatasetImport>().Add(new DatasetImport
            {
                Dataset = dataset,
                Publisher = file.Publisher,
                Source = Path.GetFileName(file.File),
                Vintage = file.Vintage,
                Licence = file.Licence,
                ContentSha256 = file.ContentSha256,
                ImportedAt = clock.GetUtcNow(),
                RowCount = entities.Count,
                Summary = $"{entities.Count} engagements sur {byCommune.Count} communes, {changes.Count} codes rattachés à une commune actuelle",
            });
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
            progress?.Report(new ImportProgress("Engagements", entities.Count, entities.Count));
        });

        LogImported(file.Register, entities.Count, byCommune.Count, changes.Count);
        return new CommitmentImportReport(false, file.Register, entities.Count, byCommune.Count, changes);

        IEnumerable<OperatorCommitment> Merge(string register, string commune, IReadOnlyList<CommitmentRow> rows)
        {
            foreach (var group in rows.GroupBy(r => (r.Deadline, r.TargetShare.HasValue)))
            {
                var first = group.First();
                var operators = group.SelectMany(r => r.OperatorCode.Split('-')).Distinct().Order(StringComparer.Ordinal).ToList();
                var code = string.Join("-", operators);
                // A share applies to the whole commune; counts of premises of the former parts add up.
                yield return new OperatorCommitment
                {
                    Register = register,
                    CommuneCode = commune,
                    OperatorCode = code,
                    OperatorName = operators.Count == 1 ? first.OperatorName : register == L3313Commitments.Register ? L3313Commitments.OperatorName(code) : string.Join(" et ", group.Select(r => r.OperatorName).Distinct()),
                    Zone = first.Zone,
                    TargetPremises = first.TargetPremises is null ? null : group.Sum(r => r.TargetPremises ?? 0),
                    TargetShare = first.TargetShare is null ? null : group.Max(r => r.TargetShare),
                    Deadline = first.Deadline,
                    LegalBasis = first.LegalBasis,
                    Source = first.Source,
                    LegalStatus = first.LegalStatus,
                    Partial = group.Any(r => r.Partial) || group.Select(r => r.CommuneCode).Distinct().Count() < partsPerCommune.GetValueOrDefault(commune),
                    Line = group.Min(r => r.Line),
                };
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Commitments register {Register} imported: {Commitments} commitments on {Communes} communes, {Changes} code changes")]
    private partial void LogImported(string register, int commitments, int communes, int changes);
}
