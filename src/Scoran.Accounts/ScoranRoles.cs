namespace Scoran.Accounts;

/// <summary>
/// The roles of the platform. Reading is public; every write needs one of these. Names are the
/// stable identifiers stored in the database; labels are what people see.
/// </summary>
public static class ScoranRoles
{
    /// <summary>Manages accounts and may do everything.</summary>
    public const string Administrator = "administrateur";

    /// <summary>Imports and replaces the observatory's data sets.</summary>
    public const string DataManager = "gestionnaire-donnees";

    public static readonly IReadOnlyList<RoleDescription> All =
    [
        new(Administrator, "Administrateur", "Gère les comptes et peut tout modifier."),
        new(DataManager, "Gestionnaire de données", "Importe et remplace les jeux de données de l'observatoire."),
    ];

    public static RoleDescription? Find(string name) => All.FirstOrDefault(r => r.Name == name);
}

public sealed record RoleDescription(string Name, string Label, string Description);

/// <summary>Authorization policies, named after what they allow.</summary>
public static class ScoranPolicies
{
    public const string ManageData = "manage-data";
    public const string ManageAccounts = "manage-accounts";
}
