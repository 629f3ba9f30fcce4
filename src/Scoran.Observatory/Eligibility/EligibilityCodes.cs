namespace Scoran.Observatory.Eligibility;

/// <summary>A technology of Arcep's eligibility file (<c>code_techno</c>); the value is its bit in a building's mask.</summary>
public enum Technology : byte
{
    Cu = 0,
    Coax = 1,
    Fo = 2,
    FourGf = 3,
    Thdr = 4,
    Wmx = 5,
    Sat = 6,
}

/// <summary>A download or upload speed class of Arcep's reference table, from the lowest (INEL) to the highest (THD1G).</summary>
public sealed record SpeedClass(byte Rank, string Code, string Label, double MinMbps, double? MaxMbps);

public sealed record TechnologyInfo(Technology Technology, string Code, string Label, bool Wired);

/// <summary>The codes of Arcep's "Ma connexion internet" files (ARCEP-FORMATS.md §2), and their meaning in French.</summary>
public static class EligibilityCodes
{
    public const int TechnologyCount = 7;

    public static IReadOnlyList<TechnologyInfo> Technologies { get; } =
    [
        new(Technology.Cu, "CU", "DSL (cuivre)", true),
        new(Technology.Coax, "COAX", "Câble (coaxial)", true),
        new(Technology.Fo, "FO", "Fibre optique jusqu'à l'abonné (FttH)", true),
        new(Technology.FourGf, "4GF", "4G fixe", false),
        new(Technology.Thdr, "THDR", "Très haut débit radio", false),
        new(Technology.Wmx, "WMX", "Haut débit radio (WiMAX)", false),
        new(Technology.Sat, "SAT", "Satellite", false),
    ];

    /// <summary>Rank 0 means "no class given"; ranks 1–7 follow the reference table.</summary>
    public static IReadOnlyList<SpeedClass> Classes { get; } =
    [
        new(1, "INEL", "moins de 512 kbit/s (inéligible au haut débit)", 0, 0.512),
        new(2, "HD05", "de 512 kbit/s à 4 Mbit/s", 0.512, 4),
        new(3, "HD3", "de 2 à 10 Mbit/s", 2, 10),
        new(4, "BHD8", "de 6 à 25 Mbit/s", 6, 25),
        new(5, "THD30", "de 20 à 100 Mbit/s", 20, 100),
        new(6, "THD100", "de 100 Mbit/s à 1 Gbit/s", 100, 1000),
        new(7, "THD1G", "1 Gbit/s et plus", 1000, null),
    ];

    public const byte WiredMask = (1 << (int)Technology.Cu) | (1 << (int)Technology.Coax) | (1 << (int)Technology.Fo);

    public static SpeedClass? Class(byte rank) => rank is >= 1 and <= 7 ? Classes[rank - 1] : null;

    /// <summary>Rank of a class code (case-insensitive), 0 for an empty field, -1 when unknown.</summary>
    public static int ClassRank(ReadOnlySpan<char> code)
    {
        code = code.Trim();
        if (code.IsEmpty)
        {
            return 0;
        }

        foreach (var c in Classes)
        {
            if (code.Equals(c.Code, StringComparison.OrdinalIgnoreCase))
            {
                return c.Rank;
            }
        }

        return -1;
    }

    /// <summary>The technology of a <c>code_techno</c>, or -1.</summary>
    public static int TechnologyIndex(ReadOnlySpan<char> code)
    {
        code = code.Trim();
        foreach (var t in Technologies)
        {
            if (code.Equals(t.Code, StringComparison.OrdinalIgnoreCase))
            {
                return (int)t.Technology;
            }
        }

        return -1;
    }
}
