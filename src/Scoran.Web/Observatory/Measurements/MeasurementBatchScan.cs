using System.Text.Json;

namespace Scoran.Web.Observatory.Measurements;

/// <summary>Counts the items of a top-level JSON array without building them (security review F3).</summary>
public static class MeasurementBatchScan
{
    /// <summary>
    /// True when <paramref name="json"/> is an array of more than <paramref name="maximum"/> items. Malformed JSON
    /// answers false: the normal parse reports it with its position.
    /// </summary>
    public static bool ExceedsBatch(ReadOnlySpan<byte> json, int maximum)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 64 });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
            {
                return false;
            }

            var count = 0;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (++count > maximum)
                {
                    return true;
                }

                reader.Skip();
            }
        }
        catch (JsonException)
        {
            return false;
        }

        return false;
    }
}
