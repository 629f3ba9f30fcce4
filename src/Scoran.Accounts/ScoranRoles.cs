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

    /// <summary>Edits the strategy actions and resource entries of their organisation; publishes contributions.</summary>
    public const string Editor = "editeur";

    /// <summary>Records steering-committee meetings, reviews and decisions.</summary>
    public const string CommitteeSecretary = "secretaire-comite";

    /// <summary>Proposes new resource entries or changes, published after an editor's review.</summary>
    public const string Contributor = "contributeur";

    /// <summary>Agent of a backer: manages its aid schemes and instructs the dossiers filed for them.</summary>
    public const string FundingAgent = "agent-financeur";

    /// <summary>Project holder: files and follows their own funding dossiers.</summary>
    public const string ProjectHolder = "porteur-projet";

    public static readonly IReadOnlyList<RoleDescription> All =
    [
        new(Administrator, "Administrateur", "Gère les comptes et peut tout modifier."),
        new(DataManager, "Gestionnaire de données", "Importe et remplace les jeux de données de l'observatoire."),
        new(Editor, "Éditeur", "Modifie les actions de la stratégie et les fiches de ressources de son organisation ; publie les contributions."),
        new(CommitteeSecretary, "Secrétaire du comité de pilotage", "Saisit les séances, les revues d'actions et les décisions du comité."),
        new(Contributor, "Contributeur", "Propose des fiches ou des modifications, publiées après relecture."),
        new(FundingAgent, "Agent d'un financeur", "Gère les dispositifs d'aide de son financeur et instruit leurs dossiers."),
        new(ProjectHolder, "Porteur de projet", "Dépose et suit ses dossiers de demande d'aide."),
    ];

    public static RoleDescription? Find(string name) => All.FirstOrDefault(r => r.Name == name);
}

public sealed record RoleDescription(string Name, string Label, string Description);

/// <summary>Authorization policies, named after what they allow.</summary>
public static class ScoranPolicies
{
    public const string ManageData = "manage-data";
    public const string ManageAccounts = "manage-accounts";
    public const string EditStrategy = "edit-strategy";
    public const string ReviewActions = "review-actions";
    public const string Contribute = "contribute";
    public const string ModerateResources = "moderate-resources";
    public const string ManageFunding = "manage-funding";
    public const string FileDossiers = "file-dossiers";
}
