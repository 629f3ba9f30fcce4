using Scoran.Core.Text;

namespace Scoran.Territories.Tests.Text;

public sealed class SearchTextTests
{
    [Theory]
    [InlineData("Besançon", "besancon")]
    [InlineData("BESANCON", "besancon")]
    [InlineData("  Saint-Claude ", "saint claude")]
    [InlineData("L'Haÿ-les-Roses", "l hay les roses")]
    [InlineData("Œuilly", "oeuilly")]
    [InlineData("Châtillon-sur-Seine", "chatillon sur seine")]
    [InlineData("CC du Pays d'Héricourt", "cc du pays d hericourt")]
    [InlineData("--", "")]
    [InlineData(null, "")]
    public void Normalize_folds_case_accents_ligatures_and_punctuation(string? input, string expected) =>
        Assert.Equal(expected, SearchText.Normalize(input));
}
