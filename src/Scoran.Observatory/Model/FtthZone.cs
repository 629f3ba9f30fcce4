namespace Scoran.Observatory.Model;

/// <summary>Who deploys fibre in a commune, per the national plan's zoning.</summary>
public enum FtthZone
{
    /// <summary>Zone très dense (ZTD): private deployment.</summary>
    VeryDense,
    /// <summary>AMII/AMEL: private operators committed under article L.33-13.</summary>
    PrivateCommitment,
    /// <summary>Réseau d'initiative publique (RIP): everything else.</summary>
    PublicInitiative,
}
