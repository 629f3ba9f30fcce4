namespace Scoran.Observatory.Model;

/// <summary>Connectable premises of one territory (commune, EPCI, département, région) at each quarter.</summary>
public sealed record FtthDeploymentRow(string Code, long Line, IReadOnlyDictionary<Quarter, long> ConnectablePremises);
