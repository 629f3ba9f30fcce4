namespace Scoran.Web.Tests.Browser;

/// <summary>
/// Automated accessibility audit of the main pages with axe-core (from npm), in Chromium:
/// no violation of WCAG 2.1 A/AA rules (labels, landmarks, contrast, names of links and controls).
/// </summary>
public sealed class AccessibilityBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/territoires?q=saint")]
    [InlineData("/territoires/commune/25056")]
    [InlineData("/territoires/departement/39")]
    [InlineData("/observatoire")]
    [InlineData("/observatoire/departement/25")]
    [InlineData("/pilotage")]
    [InlineData("/donnees")]
    [InlineData("/compte/connexion")]
    public async Task Page_has_no_wcag_a_or_aa_violation(string url)
    {
        var name = "a11y" + string.Concat(url.Select(c => char.IsLetterOrDigit(c) ? c : '-')).TrimEnd('-');
        var violations = new List<string?>();
        await browser.RunAsync(name, async page =>
        {
            await page.GotoAsync(url);
            violations.AddRange(await AxeAudit.ViolationsAsync(page));
        });

        Assert.Empty(violations);
    }
}
