using Scoran.Core.Text;

namespace Scoran.Core.Security;

/// <summary>
/// The identity of an organisation as an ownership rule compares it: the whole name, normalised
/// (case, accents, apostrophes, hyphens and spaces do not matter), compared for equality, never
/// as a substring. « Département de la Côte-d’Or » and « departement de la cote d'or » are the same
/// organisation; « e » is not « Région Bourgogne-Franche-Comté ».
/// </summary>
public static class OrganisationIdentity
{
    /// <summary>The comparison key of an organisation name ("" for none).</summary>
    public static string Key(string? organisation) => SearchText.Normalize(organisation);

    /// <summary>True when both names are given and denote the same organisation.</summary>
    public static bool Same(string? a, string? b)
    {
        var ka = Key(a);
        return ka.Length > 0 && string.Equals(ka, Key(b), StringComparison.Ordinal);
    }
}
