namespace Scoran.Observatory.Targets;

/// <summary>The French label of a trajectory status, as the pages show it (the JSON API gives it in lower case).</summary>
public static class TrajectoryStatuses
{
    public static string Label(TrajectoryStatus status) => status switch
    {
        TrajectoryStatus.Reached => "Atteint",
        TrajectoryStatus.OnTrack => "En bonne voie",
        TrajectoryStatus.Late => "En retard",
        TrajectoryStatus.Stalled => "À l'arrêt",
        _ => "Non mesurable",
    };
}
