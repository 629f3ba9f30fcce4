namespace Scoran.Resources.Contributions;

/// <summary>Whether the public sees an entry: contributors' entries wait for an editor.</summary>
public enum PublicationStatus
{
    Proposed,
    Published,
    Rejected,
}

/// <summary>One field of an entry as the moderation diff shows it (values as text, lists joined by « ; »).</summary>
public sealed record EntryField(string Key, string Label, string? Value);

/// <summary>
/// An entry of the resource space that contributors may propose and editors publish. Fields are
/// text so that one moderation queue, one diff and one audit format serve every kind of entry.
/// </summary>
public interface IModeratedEntry
{
    long Id { get; }

    PublicationStatus Status { get; set; }

    string Title { get; }

    IReadOnlyList<EntryField> Fields();

    /// <summary>Applies proposed field values (keys of <see cref="Fields"/>); unknown keys are ignored.</summary>
    void Apply(IReadOnlyDictionary<string, string?> values);
}

/// <summary>Lists stored in one column as « ;a;b; » so that a portable LIKE '%;a;%' filters them on both engines.</summary>
public static class TagList
{
    public static string Store(IEnumerable<string>? values)
    {
        var items = (values ?? []).Select(v => v.Trim()).Where(v => v.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return items.Count == 0 ? "" : ";" + string.Join(';', items) + ";";
    }

    public static string Store(string? text) => Store(Parse(text));

    public static IReadOnlyList<string> Read(string? stored) =>
        string.IsNullOrEmpty(stored) ? [] : stored.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Form input: values separated by « ; », « , » or new lines.</summary>
    public static IReadOnlyList<string> Parse(string? text) =>
        string.IsNullOrWhiteSpace(text) ? [] : text.Split([';', ',', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static string Display(string? stored) => string.Join(" ; ", Read(stored));

    public static string Pattern(string value) => "%;" + value.Trim() + ";%";
}
