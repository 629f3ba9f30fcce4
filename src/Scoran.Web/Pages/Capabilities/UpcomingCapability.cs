namespace Scoran.Web.Pages.Capabilities;

/// <summary>An announced but not yet built capability: pages say so plainly rather than show empty screens.</summary>
public sealed record UpcomingCapability(string Title, string Purpose, IReadOnlyList<string> Planned);
