namespace Scoran.Core.Imports;

/// <summary>
/// An import that people can run from the administration page by uploading files: each data set
/// says which files it needs, and runs with the same guarantees as from the CLI (all-or-nothing,
/// idempotent, provenance recorded).
/// </summary>
public interface IDatasetFileImport
{
    /// <summary>Stable identifier, the same as the CLI verb ("arcep-ftth").</summary>
    string Kind { get; }

    string Label { get; }

    string Description { get; }

    /// <summary>The files to give, in the order <see cref="ImportAsync"/> receives them.</summary>
    IReadOnlyList<DatasetFileSlot> Files { get; }

    /// <summary>Imports the files; throws <see cref="ImportRejectedException"/> (nothing changed) when they are refused.</summary>
    Task<DatasetImportOutcome> ImportAsync(IReadOnlyList<string> paths, bool force, IProgress<ImportProgress>? progress, CancellationToken cancellationToken);
}

/// <summary>
/// One file an import needs: <paramref name="Accept"/> lists the extensions offered by the file picker (".csv,.xlsx").
/// An <paramref name="Optional"/> file may be left out: <see cref="IDatasetFileImport.ImportAsync"/> then receives "" in its place.
/// </summary>
public sealed record DatasetFileSlot(string Name, string Label, string Accept, bool Optional = false);

/// <summary>What an import did, in sentences for the person who ran it.</summary>
public sealed record DatasetImportOutcome(bool Skipped, string Summary, IReadOnlyList<string> Notes);
