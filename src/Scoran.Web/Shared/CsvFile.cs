using System.Text;

namespace Scoran.Web.Shared;

/// <summary>A CSV download as every endpoint sends it: UTF-8 with a byte-order mark (spreadsheet programs then read the accents), text/csv.</summary>
public static class CsvFile
{
    public static IResult Result(string csv, string fileName) =>
        TypedResults.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray(), "text/csv; charset=utf-8", fileName);
}
