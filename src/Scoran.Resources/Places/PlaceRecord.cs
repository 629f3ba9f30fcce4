namespace Scoran.Resources.Places;

/// <summary>One place as read from a file, before its commune is resolved.</summary>
public sealed record PlaceRecord(
    string SourceId,
    long Line,
    string Name,
    string Address,
    string? AddressComplement,
    string? PostalCode,
    string? CommuneCode,
    string? CommuneName,
    double? Latitude,
    double? Longitude)
{
    public string Services { get; init; } = "";
    public string Publics { get; init; } = "";
    public string Labels { get; init; } = "";
    public string? OpeningHours { get; init; }
    public string? HoursNote { get; init; }
    public string? Accessibility { get; init; }
    public bool Itinerant { get; init; }
    public string? Phone { get; init; }
    public string? Email { get; init; }
    public string? Website { get; init; }
    public string? Description { get; init; }
}

/// <summary>A file of places, read and validated, ready to replace its source's places.</summary>
public sealed record PlaceFile(string File, string Source, string Publisher, string Vintage, string Licence, IReadOnlyList<PlaceRecord> Records, string ContentSha256);

/// <summary>The file formats Scoran reads places from.</summary>
public enum PlaceFormat
{
    /// <summary>ANCT's national list of France Services (« liste-fs-AAAAMMJJ.csv »).</summary>
    FranceServices,
    /// <summary>The national « lieux de médiation numérique » standard (Table Schema v1.0.x), CSV.</summary>
    MediationNumerique,
    /// <summary>data·inclusion structures (schema v1), a JSON array.</summary>
    DataInclusion,
}
