namespace Scoran.Web.Shared;

/// <summary>What the map partial needs: the outline to frame, the areas to draw, optional inner borders and basemap.</summary>
public sealed record MapModel(
    string Id,
    string Label,
    string OutlineUrl,
    string AreasUrl,
    bool LinkAreas,
    string Caption,
    string? BasemapUrl,
    string? BasemapAttribution,
    string? BordersUrl = null,
    string? ValuesUrl = null,
    string? LinkBase = null,
    string? LinkQuery = null,
    string? Legend = null,
    string? ValueLabel = null);
