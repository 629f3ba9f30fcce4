using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Html;
using Scoran.Accounts;
using Scoran.Resources.Contributions;
using Scoran.Resources.Documents;

namespace Scoran.Web.Resources;

/// <summary>Formatting shared by the resource pages.</summary>
public static class ResourcesDisplay
{
    /// <summary>An excerpt whose found words (between ⟦ ⟧) are highlighted; everything else is encoded.</summary>
    public static IHtmlContent Snippet(string? snippet) => new HtmlString(
        WebUtility.HtmlEncode(snippet ?? "")
            .Replace(DocumentSearchIndex.MarkStart, "<mark>", StringComparison.Ordinal)
            .Replace(DocumentSearchIndex.MarkEnd, "</mark>", StringComparison.Ordinal));

    public static string Tags(string? stored) => TagList.Display(stored);

    /// <summary>Editors' and administrators' entries are published at once; contributors' wait for review.</summary>
    public static bool PublishesDirectly(ClaimsPrincipal user) =>
        user.IsInRole(ScoranRoles.Editor) || user.IsInRole(ScoranRoles.Administrator);

    public static string Author(ClaimsPrincipal user) => user.Identity?.Name ?? "inconnu";

    public static string ProposedNotice(bool published) => published
        ? "Fiche publiée."
        : "Merci : votre proposition est enregistrée. Elle sera visible du public après relecture par un éditeur.";
}
