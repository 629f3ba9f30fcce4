using System.Text.Json;
using Microsoft.Playwright;
using Scoran.Testing;

namespace Scoran.Web.Tests.Browser;

/// <summary>
/// Automated accessibility audit of the main pages with axe-core (from npm), in Chromium:
/// no violation of WCAG 2.1 A/AA rules (labels, landmarks, contrast, names of links and controls).
/// </summary>
public sealed class AccessibilityBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly string AxeScript = Path.Combine(SharedData.RepositoryRoot, "node_modules", "axe-core", "axe.min.js");

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
            await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = AxeScript });
            var result = await page.EvaluateAsync<JsonElement>(
                "async () => (await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })).violations" +
                ".map(v => v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))");
            violations.AddRange(result.EnumerateArray().Select(v => v.GetString()));
        });

        Assert.Empty(violations);
    }
}
