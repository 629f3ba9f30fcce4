namespace Scoran.Territories.Model;

public static class CommuneAliasKinds
{
    /// <summary>French label of what a former code is (« commune déléguée », « ancienne commune »…).</summary>
    public static string Label(CommuneAliasKind kind) => kind switch
    {
        CommuneAliasKind.Delegated => "commune déléguée",
        CommuneAliasKind.Associated => "commune associée",
        CommuneAliasKind.MunicipalArrondissement => "arrondissement municipal",
        _ => "ancienne commune",
    };
}
