using System.Text.Json;
using Microsoft.Playwright;
using Scoran.Testing;

namespace Scoran.Web.Tests.Browser;

/// <summary>The automated accessibility audit every capability runs on its pages: axe-core (from npm) with the WCAG 2.1 A/AA rules.</summary>
public static class AxeAudit
{
    private static readonly string Script = Path.Combine(SharedData.RepositoryRoot, "node_modules", "axe-core", "axe.min.js");

    /// <summary>The violations on the page as it stands, one line each: rule, impact and the first three elements concerned.</summary>
    public static async Task<List<string?>> ViolationsAsync(IPage page)
    {
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = Script });
        var result = await page.EvaluateAsync<JsonElement>(
            "async () => (await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })).violations" +
            ".map(v => v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))");
        return result.EnumerateArray().Select(v => v.GetString()).ToList();
    }
}
