namespace Scoran.Core.Imports;

/// <summary>
/// One reason why a file was rejected. Line and column are 1-based and refer to the file as the
/// user sees it in a text editor; they are null when the problem concerns the file as a whole.
/// </summary>
public sealed record ImportError(string File, long? Line, long? Column, string Reason)
{
    public override string ToString()
    {
        var where = Line is null ? File : Column is null ? $"{File}:{Line}" : $"{File}:{Line}:{Column}";
        return $"{where}: {Reason}";
    }
}

/// <summary>
/// Thrown when an import rejects its input. Importers throw it before writing anything, or inside
/// the transaction they roll back, so a rejected file never changes the database.
/// </summary>
public sealed class ImportRejectedException(IReadOnlyList<ImportError> errors)
    : Exception(Describe(errors))
{
    public IReadOnlyList<ImportError> Errors { get; } = errors;

    private static string Describe(IReadOnlyList<ImportError> errors) => errors.Count switch
    {
        0 => "Import rejected.",
        1 => $"Import rejected: {errors[0]}",
        _ => $"Import rejected: {errors[0]} (and {errors.Count - 1} more error(s))",
    };
}
