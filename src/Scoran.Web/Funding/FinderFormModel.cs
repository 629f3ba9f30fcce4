namespace Scoran.Web.Funding;

public sealed record FinderFormModel(string? Beneficiary, string? Territory, string? Theme, string? Amount, bool Bonus, string? Text);
