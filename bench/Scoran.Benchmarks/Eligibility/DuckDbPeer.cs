using System.Diagnostics;
using DuckDB.NET.Data;

namespace Scoran.Benchmarks.Eligibility;

public sealed record DuckDbFigures(double Seconds, int Communes, long Buildings, long EligibilityRows, string Version, int Threads, IReadOnlyDictionary<string, CommuneAggregate> Aggregates);

/// <summary>
/// The peer: DuckDB (in-process, in-memory database) reads the same two files with
/// <c>read_csv</c>, joins them on <c>imb_id</c> and computes the same per-commune aggregates as
/// <see cref="CommuneAggregate"/>, in one timed query from the files to the result rows.
/// </summary>
public static class DuckDbPeer
{
    private static readonly string ClassRank = string.Join(" ", EligibilityFormat.Classes.Select((c, i) => $"WHEN '{c}' THEN {i}"));

    public static DuckDbFigures Run(string folder, int? threads)
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using (var setup = connection.CreateCommand())
        {
            setup.CommandText = (threads is { } t ? $"SET threads = {t}; " : "") + "SET preserve_insertion_order = false;";
            setup.ExecuteNonQuery();
        }

        string version;
        int usedThreads;
        using (var info = connection.CreateCommand())
        {
            info.CommandText = "SELECT version(), current_setting('threads')";
            using var reader = info.ExecuteReader();
            reader.Read();
            version = reader.GetString(0);
            usedThreads = Convert.ToInt32(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture);
        }

        var buildings = Path.Combine(folder, EligibilityFormat.BuildingsFile).Replace("'", "''");
        var eligibility = Path.Combine(folder, EligibilityFormat.EligibilityFile).Replace("'", "''");
        var byTechnology = string.Join(",\n       ", EligibilityFormat.Technologies.Select((t, i) =>
            $"sum(CASE WHEN coalesce(list_contains(e.techs, '{t}'), false) THEN b.imb_nbr_logloc ELSE 0 END) AS tech_{i}"));
        var byClass = string.Join(",\n       ", EligibilityFormat.Classes.Select((c, i) =>
            $"sum(CASE WHEN coalesce(e.best, 0) = {i} THEN b.imb_nbr_logloc ELSE 0 END) AS class_{i}"));
        var sql = $"""
            WITH b AS (
                SELECT imb_id, imb_code_insee, imb_nbr_logloc
                FROM read_csv('{buildings}', delim = ';', header = true, quote = '"',
                              columns = {Columns(EligibilityFormat.BuildingColumns, "imb_longitude", "imb_latitude", "imb_nbr_logloc")})
            ),
            e AS (
                SELECT imb_id,
                       max(CASE classe_debit_descendant {ClassRank} END) AS best,
                       list(code_techno) AS techs,
                       count(*) AS n
                FROM read_csv('{eligibility}', delim = ';', header = true, quote = '"',
                              columns = {Columns(EligibilityFormat.EligibilityColumns)})
                GROUP BY imb_id
            )
            SELECT b.imb_code_insee,
                   count(*) AS buildings,
                   sum(b.imb_nbr_logloc) AS premises,
                   {byClass},
                   {byTechnology},
                   sum(CASE WHEN coalesce(list_has_any(e.techs, ['CU', 'COAX', 'FO']), false) THEN 0 ELSE b.imb_nbr_logloc END) AS no_wired,
                   sum(coalesce(e.n, 0)) AS rows
            FROM b LEFT JOIN e USING (imb_id)
            GROUP BY b.imb_code_insee
            """;
        var stopwatch = Stopwatch.StartNew();
        var aggregates = new Dictionary<string, CommuneAggregate>(StringComparer.Ordinal);
        long totalBuildings = 0, totalRows = 0;
        using (var command = connection.CreateCommand())
        {
            command.CommandText = sql;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var aggregate = new CommuneAggregate(
                    Long(reader.GetValue(1)),
                    Long(reader.GetValue(2)),
                    [.. Enumerable.Range(0, EligibilityFormat.Classes.Length).Select(i => Long(reader.GetValue(3 + i)))],
                    [.. Enumerable.Range(0, EligibilityFormat.Technologies.Length).Select(i => Long(reader.GetValue(3 + EligibilityFormat.Classes.Length + i)))],
                    Long(reader.GetValue(3 + EligibilityFormat.Classes.Length + EligibilityFormat.Technologies.Length)));
                aggregates[reader.GetString(0)] = aggregate;
                totalBuildings += aggregate.Buildings;
                totalRows += Long(reader.GetValue(4 + EligibilityFormat.Classes.Length + EligibilityFormat.Technologies.Length));
            }
        }

        stopwatch.Stop();
        return new DuckDbFigures(stopwatch.Elapsed.TotalSeconds, aggregates.Count, totalBuildings, totalRows, version, usedThreads, aggregates);
    }

    // DuckDB's sum over integers is a HUGEINT, read as a BigInteger.
    private static long Long(object value) => value is System.Numerics.BigInteger big ? (long)big : Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Explicit column types: every column text except the numbers named, as the format says (codes keep their leading zeros).</summary>
    private static string Columns(IEnumerable<string> names, params string[] numeric) =>
        "{" + string.Join(", ", names.Select(n => $"'{n}': '{(n == "imb_nbr_logloc" ? "INTEGER" : numeric.Contains(n) ? "DOUBLE" : "VARCHAR")}'")) + "}";
}
