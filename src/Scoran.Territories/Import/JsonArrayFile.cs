using System.Text.Json;
using Scoran.Core.Imports;

namespace Scoran.Territories.Import;

/// <summary>Where a record starts in its file (1-based), so a rejection can point at it.</summary>
public readonly record struct SourcePosition(string File, long Line, long Column)
{
    public ImportError Error(string reason) => new(File, Line, Column, reason);
}

/// <summary>
/// Reads a JSON file made of one top-level array of objects, one object at a time, remembering
/// where each object starts. Syntax and type errors become <see cref="ImportError"/>s with the
/// line and column the reader stopped at.
/// </summary>
internal static class JsonArrayFile
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        AllowTrailingCommas = false,
        ReadCommentHandling = JsonCommentHandling.Disallow,
    };

    public static List<(T Record, SourcePosition Position)> Read<T>(string displayName, byte[] bytes, ICollection<ImportError> errors)
    {
        var records = new List<(T, SourcePosition)>();
        // Syntax first, on the whole file, so syntax errors get absolute positions; the serializer
        // below reports type errors relative to the record it was reading.
        try
        {
            using var syntax = JsonDocument.Parse(bytes);
        }
        catch (JsonException ex)
        {
            errors.Add(new ImportError(displayName, (ex.LineNumber ?? 0) + 1, (ex.BytePositionInLine ?? 0) + 1, $"JSON invalide : {FirstSentence(ex.Message)}"));
            return records;
        }

        var lineStarts = LineStarts(bytes);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        SourcePosition? inRecord = null;
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
            {
                errors.Add(new ImportError(displayName, 1, 1, "le fichier doit contenir un tableau JSON d'objets"));
                return records;
            }

            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                var position = PositionOf(displayName, lineStarts, reader.TokenStartIndex);
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    errors.Add(position.Error($"objet JSON attendu, trouvé {reader.TokenType}"));
                    return records;
                }

                inRecord = position;
                var record = JsonSerializer.Deserialize<T>(ref reader, Options);
                inRecord = null;
                if (record is null)
                {
                    errors.Add(position.Error("objet vide"));
                    continue;
                }

                records.Add((record, position));
            }
        }
        catch (JsonException ex)
        {
            // Positions are 0-based, and relative to the record when the serializer failed inside one.
            var line = (ex.LineNumber ?? 0) + 1;
            var column = (ex.BytePositionInLine ?? 0) + 1;
            if (inRecord is { } start)
            {
                column = line == 1 ? start.Column + column - 1 : column;
                line = start.Line + line - 1;
            }

            var field = ex.Path is { Length: > 2 } path ? path.TrimStart('$', '.') : null;
            var reason = field is null
                ? $"JSON invalide : {FirstSentence(ex.Message)}"
                : $"valeur de type inattendu pour le champ « {field} »";
            errors.Add(new ImportError(displayName, line, column, reason));
        }

        return records;
    }

    internal static List<long> LineStarts(byte[] bytes)
    {
        var starts = new List<long> { 0 };
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                starts.Add(i + 1);
            }
        }

        return starts;
    }

    internal static SourcePosition PositionOf(string file, List<long> lineStarts, long offset)
    {
        var index = lineStarts.BinarySearch(offset);
        if (index < 0)
        {
            index = ~index - 1;
        }

        return new SourcePosition(file, index + 1, offset - lineStarts[index] + 1);
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". ", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message.TrimEnd('.');
    }
}
