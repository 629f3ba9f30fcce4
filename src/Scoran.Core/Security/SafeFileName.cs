namespace Scoran.Core.Security;

/// <summary>A file name given by a person, usable as the last segment of a path of ours: no folder, no « .. », no invalid character.</summary>
public static class SafeFileName
{
    public static string From(string? name, string fallback = "fichier")
    {
        var last = Path.GetFileName((name ?? "").Replace('\\', '/'));
        var cleaned = new string(last.Where(c => !char.IsControl(c) && Array.IndexOf(Path.GetInvalidFileNameChars(), c) < 0).ToArray()).Trim();
        return cleaned.Trim('.').Length == 0 ? fallback : cleaned.Length > 200 ? cleaned[..200] : cleaned;
    }
}
