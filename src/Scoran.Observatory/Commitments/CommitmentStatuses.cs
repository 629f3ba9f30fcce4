namespace Scoran.Observatory.Commitments;

/// <summary>The French label of a commitment's status, as the pages show it (the CSV gives a code: <see cref="CommitmentExports.StatusSlug"/>).</summary>
public static class CommitmentStatuses
{
    public static string Label(CommitmentStatus status) => status switch
    {
        CommitmentStatus.Met => "Tenu",
        CommitmentStatus.OnTime => "Dans les temps",
        CommitmentStatus.AtRisk => "Menacé",
        CommitmentStatus.Late => "En retard",
        _ => "Non mesurable",
    };
}
