using Scoran.Observatory.Model;
namespace Scoran.Observatory.Import.Arcep;

/// <summary>The French label of an FttH zone, one wording for the pages, the JSON API and the downloads.</summary>
public static class FtthZones
{
    public static string Label(FtthZone? zone) => zone switch
    {
        FtthZone.VeryDense => "Zones très denses (ZTD)",
        FtthZone.PrivateCommitment => "Zone d'initiative privée (engagements L. 33-13)",
        FtthZone.PublicInitiative => "Zone d'initiative publique (RIP)",
        _ => "Commune sans zonage FttH",
    };
}
