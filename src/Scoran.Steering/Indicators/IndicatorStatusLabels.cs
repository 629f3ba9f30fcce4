namespace Scoran.Steering.Indicators;

/// <summary>The French label of an indicator's status, as the steering pages and reports show it.</summary>
public static class IndicatorStatusLabels
{
    public static string Label(this IndicatorStatus status) => status switch
    {
        IndicatorStatus.Reached => "Cible atteinte",
        IndicatorStatus.OnTrack => "En bonne voie",
        IndicatorStatus.AtRisk => "À risque",
        IndicatorStatus.OffTrack => "Hors trajectoire",
        _ => "Non évaluable",
    };
}
