namespace Scoran.Core.Uploads;

/// <summary>A file type an upload can be recognised as, from its content; <see cref="Name"/> is what users read (« PDF »).</summary>
public sealed record UploadType(string Name, string Extension, string ContentType)
{
    public static readonly UploadType Pdf = new("PDF", ".pdf", "application/pdf");
    public static readonly UploadType Docx = new("DOCX", ".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    public static readonly UploadType Xlsx = new("XLSX", ".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    public static readonly UploadType Odt = new("ODT", ".odt", "application/vnd.oasis.opendocument.text");
    public static readonly UploadType Ods = new("ODS", ".ods", "application/vnd.oasis.opendocument.spreadsheet");
    public static readonly UploadType Png = new("PNG", ".png", "image/png");
    public static readonly UploadType Jpeg = new("JPEG", ".jpg", "image/jpeg");
    public static readonly UploadType WebP = new("WebP", ".webp", "image/webp");

    /// <summary>Every type <see cref="UploadSniffer"/> recognises.</summary>
    public static readonly IReadOnlyList<UploadType> All = [Pdf, Docx, Xlsx, Odt, Ods, Png, Jpeg, WebP];

    /// <summary>The type a file name claims by its extension (case-insensitive; « .jpeg » is JPEG), or null.</summary>
    public static UploadType? ByExtension(string fileName)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        return extension == ".jpeg" ? Jpeg : All.FirstOrDefault(t => t.Extension == extension);
    }
}
