using System.Text.RegularExpressions;
using Scoran.Core.Audit;
using Scoran.Testing;

namespace Scoran.Resources.Tests;

/// <summary>The French wording of audit verbs shown on the steering, funding and resources pages.</summary>
public sealed partial class AuditLabelsTests
{
    [Theory]
    [InlineData("created", "Création")]
    [InlineData("status-changed", "Changement de statut")]
    [InlineData("closed", "Clôture")]
    [InlineData("document-attached", "Pièce jointe")]
    [InlineData("published", "Publication")]
    [InlineData("kept-distinct", "Maintenus distincts")]
    [InlineData("archived", "Archivage")]
    [InlineData("unarchived", "Désarchivage")]
    public void Recorded_verbs_read_in_french(string verb, string label) => Assert.Equal(label, AuditLabels.ToFrench(verb));

    [Fact]
    public void An_unknown_verb_shows_as_recorded_rather_than_vanishing()
    {
        Assert.Equal("teleported", AuditLabels.ToFrench("teleported"));
        // Verbs are stable identifiers: a different case is a different (unknown) verb.
        Assert.Equal("Created", AuditLabels.ToFrench("Created"));
    }

    [Fact]
    public void No_label_is_left_in_english()
    {
        Assert.All(AuditLabels.KnownVerbs, verb => Assert.NotEqual(verb, AuditLabels.ToFrench(verb)));
    }

    /// <summary>
    /// Every verb the code records has a French label: the pages would otherwise show the raw English
    /// verb. The verbs are read from the source, from the action argument (the sixth) of each
    /// <c>AuditTrail.Record</c> call, including both branches of a conditional.
    /// </summary>
    [Fact]
    public void Every_verb_recorded_in_the_source_has_a_french_label()
    {
        var recorded = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(SharedData.RepositoryRoot, "src"), "*.cs", SearchOption.AllDirectories)
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(file);
            for (var at = text.IndexOf("AuditTrail.Record(", StringComparison.Ordinal); at >= 0; at = text.IndexOf("AuditTrail.Record(", at + 1, StringComparison.Ordinal))
            {
                var action = Arguments(text, at + "AuditTrail.Record(".Length).ElementAtOrDefault(5);
                Assert.False(action is null, $"{file}: AuditTrail.Record call with fewer than six arguments");
                recorded.UnionWith(VerbLiteral().Matches(action).Select(m => m.Groups[1].Value));
            }
        }

        Assert.Contains("purged", recorded); // the scan finds the calls at all
        Assert.Equal([], recorded.Except(AuditLabels.KnownVerbs, StringComparer.Ordinal));
    }

    /// <summary>The top-level arguments of a call whose opening parenthesis ends just before <paramref name="start"/>.</summary>
    private static List<string> Arguments(string text, int start)
    {
        var (arguments, depth, from) = (new List<string>(), 0, start);
        for (var i = start; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '"':
                    // Skip a string literal (interpolation holes in the skipped text cannot hold a top-level comma).
                    i++;
                    while (i < text.Length && text[i] != '"')
                    {
                        i += text[i] == '\\' ? 2 : 1;
                    }

                    break;
                case '(' or '[' or '{':
                    depth++;
                    break;
                case ')' or ']' or '}' when depth > 0:
                    depth--;
                    break;
                case ')':
                    arguments.Add(text[from..i].Trim());
                    return arguments;
                case ',' when depth == 0:
                    arguments.Add(text[from..i].Trim());
                    from = i + 1;
                    break;
            }
        }

        return arguments;
    }

    [GeneratedRegex("\"([a-z][a-z-]*)\"")]
    private static partial Regex VerbLiteral();
}
