namespace Scoran.Web;

/// <summary>Settings of the web front, section <c>Scoran</c> of the configuration.</summary>
public sealed class ScoranWebOptions
{
    public const string Section = "Scoran";

    /// <summary>INSEE code of the région the platform serves (home page, default map).</summary>
    public string DefaultRegion { get; set; } = "27";

    public MapOptions Map { get; set; } = new();

    /// <summary>Apply pending migrations at start-up (on by default for the embedded SQLite file).</summary>
    public bool? MigrateOnStart { get; set; }
}

public sealed class MapOptions
{
    /// <summary>
    /// Optional raster tile URL template (<c>https://…/{z}/{x}/{y}.png</c>). Empty by default: the
    /// map then draws only Scoran's own outlines and works with no internet access.
    /// </summary>
    public string? BasemapUrl { get; set; }

    public string? BasemapAttribution { get; set; }
}
