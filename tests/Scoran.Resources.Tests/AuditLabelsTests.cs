using Scoran.Core.Audit;

namespace Scoran.Resources.Tests;

/// <summary>The French wording of audit verbs shown on the steering, funding and resources pages.</summary>
public sealed class AuditLabelsTests
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
}
