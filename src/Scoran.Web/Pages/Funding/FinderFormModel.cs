namespace Scoran.Web.Pages.Funding;

public sealed record FinderFormModel(string? Beneficiary, string? Territory, string? Theme, string? Amount, bool Bonus, string? Text);
