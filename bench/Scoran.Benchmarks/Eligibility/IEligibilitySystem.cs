namespace Scoran.Benchmarks.Eligibility;

/// <summary>
/// The seam between the harness and what it measures. Two implementations: the product
/// (Scoran.Observatory's eligibility importer and index, hosted by Scoran.Web) and
/// <see cref="StubEligibilitySystem"/>, a bench-only stand-in written while the product did not
/// exist yet, kept to check the harness itself. Figures in docs/performance.md say which one ran.
/// </summary>
public interface IEligibilitySystem : IAsyncDisposable
{
    string Name { get; }

    /// <summary>What precedes the import and is not timed (an empty database with France's territories).</summary>
    Task PrepareAsync(CancellationToken cancellationToken);

    /// <summary>End to end: parse and validate both files, aggregate every indicator for every territory, build the lookup index.</summary>
    Task<ImportFigures> ImportAsync(string folder, CancellationToken cancellationToken);

    /// <summary>The full recomputation of the indicators from what is loaded (no file read).</summary>
    Task RecomputeAsync(CancellationToken cancellationToken);

    /// <summary>The nearest building's number, or -1 when there is none.</summary>
    int Nearest(double latitude, double longitude);

    /// <summary>Per current commune, for the cross-check with DuckDB.</summary>
    IReadOnlyDictionary<string, CommuneAggregate> CommuneAggregates();

    /// <summary>Starts serving lookups on loopback; returns a URL template with <c>{lat}</c> and <c>{lon}</c>.</summary>
    Task<HttpTarget> StartHttpAsync(CancellationToken cancellationToken);
}

/// <summary>Where to send the load, and the serving process's memory when it is another process.</summary>
public sealed record HttpTarget(string UrlTemplate, ServerMemory? Memory, Func<TimeSpan> ServerCpu);

/// <summary>A serving process right after it loaded the data (full GC), as reported by itself.</summary>
public sealed record ServerMemory(string Url, double LoadSeconds, long WorkingSet, long GcHeap, long GcCommitted, int Buildings);

public sealed record ImportFigures(long Buildings, long EligibilityRows, string Notes);

/// <summary>
/// The per-commune aggregates both sides compute, with the product's definitions
/// (EligibilityImporter.Aggregate): premises are <c>imb_nbr_logloc</c>; a building counts for a
/// technology when it has a row for it (whatever the class); its best class is the highest
/// download class over its rows, INEL when it has none; "without wired" means no CU, COAX or FO row.
/// </summary>
public sealed record CommuneAggregate(long Buildings, long Premises, long[] PremisesByBestClass, long[] PremisesByTechnology, long PremisesWithoutWired)
{
    public static CommuneAggregate Empty() => new(0, 0, new long[EligibilityFormat.Classes.Length], new long[EligibilityFormat.Technologies.Length], 0);

    public bool SameAs(CommuneAggregate other) =>
        Buildings == other.Buildings && Premises == other.Premises && PremisesWithoutWired == other.PremisesWithoutWired
        && PremisesByBestClass.AsSpan().SequenceEqual(other.PremisesByBestClass) && PremisesByTechnology.AsSpan().SequenceEqual(other.PremisesByTechnology);
}
