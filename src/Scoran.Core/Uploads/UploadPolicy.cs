namespace Scoran.Core.Uploads;

/// <summary>Why an upload is refused; each capability words it in French for its own users.</summary>
public enum UploadRefusal
{
    Empty,
    TooLarge,
    Executable,
    /// <summary>The content is none of the allowed types.</summary>
    NotAllowed,
    /// <summary>The content is an allowed type, but the file name's extension says another.</summary>
    ExtensionMismatch,
}

/// <summary>The outcome of <see cref="UploadPolicy.Check"/>: the type the content was recognised as, or why it is refused.</summary>
public sealed record UploadCheck(UploadType? Type, UploadRefusal? Refusal)
{
    public bool Accepted => Refusal is null;
}

/// <summary>
/// What one use of uploads accepts: a size limit, the allowed types, and whether the file name's
/// extension must agree with the content (documents are downloaded under their name, so it must;
/// images are served under the type found, so it need not).
/// </summary>
public sealed record UploadPolicy(long MaxBytes, IReadOnlyList<UploadType> Allowed, bool ExtensionMustMatch = true)
{
    /// <summary>Checks size, executables, type by content and extension, in that order; <paramref name="content"/> must be seekable.</summary>
    public UploadCheck Check(string fileName, long length, Stream content)
    {
        if (length <= 0)
        {
            return new(null, UploadRefusal.Empty);
        }

        if (length > MaxBytes)
        {
            return new(null, UploadRefusal.TooLarge);
        }

        Span<byte> head = stackalloc byte[UploadSniffer.HeadLength];
        content.Position = 0;
        head = head[..content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false)];
        content.Position = 0;
        if (UploadSniffer.IsExecutable(head))
        {
            return new(null, UploadRefusal.Executable);
        }

        var type = UploadSniffer.Sniff(content);
        if (type is null || !Allowed.Contains(type))
        {
            return new(null, UploadRefusal.NotAllowed);
        }

        if (ExtensionMustMatch && UploadType.ByExtension(fileName) != type)
        {
            return new(type, UploadRefusal.ExtensionMismatch);
        }

        return new(type, null);
    }

    /// <summary>« 1,5 Mo », « 20 ko »: sizes as French users read them.</summary>
    public static string SizeLabel(long bytes) => bytes >= 1024 * 1024
        ? $"{bytes / (1024.0 * 1024):0.#} Mo".Replace('.', ',')
        : $"{bytes / 1024.0:0.#} ko".Replace('.', ',');
}
