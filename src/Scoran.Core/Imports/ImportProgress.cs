namespace Scoran.Core.Imports;

/// <summary>Progress of a long import, reported per stage so a CLI can draw one bar per stage.</summary>
public readonly record struct ImportProgress(string Stage, long Done, long Total);
