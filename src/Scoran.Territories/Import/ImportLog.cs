using Microsoft.Extensions.Logging;

namespace Scoran.Territories.Import;

/// <summary>Structured log events of the territories imports (event ids 1100–1199).</summary>
internal static partial class ImportLog
{
    [LoggerMessage(EventId = 1101, Level = LogLevel.Information,
        Message = "Territories imported from {Source} ({Vintage}): {Territories} territories, {Created} created, {Updated} updated, {Obsolete} marked obsolete")]
    public static partial void TerritoriesImported(this ILogger logger, string source, string vintage, int territories, int created, int updated, int obsolete);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Information, Message = "Territories unchanged since the last import of {Source}: skipped")]
    public static partial void TerritoriesUnchanged(this ILogger logger, string source);

    [LoggerMessage(EventId = 1111, Level = LogLevel.Information,
        Message = "Outlines imported from {Source}: {Stored} stored, {Merged} merged communes, {Unmatched} unmatched codes, {Missing} communes without outline")]
    public static partial void ContoursImported(this ILogger logger, string source, int stored, int merged, int unmatched, int missing);

    [LoggerMessage(EventId = 1112, Level = LogLevel.Information, Message = "Outlines unchanged since the last import: skipped")]
    public static partial void ContoursUnchanged(this ILogger logger);
}
