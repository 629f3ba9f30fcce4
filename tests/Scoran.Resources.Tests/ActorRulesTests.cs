using Scoran.Resources.Actors;
using Scoran.Resources.Contributions;

namespace Scoran.Resources.Tests;

public sealed class ActorRulesTests
{
    [Theory]
    [InlineData("732829320", true)]
    [InlineData("732 829 320", true)]
    [InlineData("356000000", true)]   // La Poste: the register's one exception to the checksum
    [InlineData("732829321", false)]
    [InlineData("123456789", false)]
    [InlineData("73282932", false)]
    [InlineData("73282932A", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Siren_is_nine_digits_with_a_valid_luhn_key(string? value, bool valid) => Assert.Equal(valid, Siren.IsValid(value));

    [Fact]
    public void Every_single_digit_error_is_caught_by_the_luhn_key()
    {
        const string valid = "732829320";
        for (var i = 0; i < 9; i++)
        {
            for (var d = '0'; d <= '9'; d++)
            {
                if (d == valid[i])
                {
                    continue;
                }

                var wrong = valid[..i] + d + valid[(i + 1)..];
                Assert.False(Siren.IsValid(wrong), wrong);
            }
        }
    }

    [Fact]
    public void A_contact_is_public_only_with_consent_and_its_date()
    {
        Assert.True(new ActorContact { Name = "A", Consent = true, ConsentDate = new DateOnly(2026, 1, 2) }.IsPublic);
        Assert.False(new ActorContact { Name = "B", Consent = true }.IsPublic);
        Assert.False(new ActorContact { Name = "C", Consent = false, ConsentDate = new DateOnly(2026, 1, 2) }.IsPublic);
    }

    [Fact]
    public void Validation_names_the_fields_in_error()
    {
        var errors = ActorDirectory.Validate(new Actor
        {
            Name = " ", Siren = "123456789", Website = "javascript:alert(1)",
            Contacts = [new ActorContact { Name = "X", Consent = true }],
        });
        Assert.Equal(["contacts", "name", "siren", "website"], errors.Keys.Order());
    }

    [Fact]
    public void Tag_lists_are_stored_between_separators_so_like_matches_whole_values()
    {
        var stored = TagList.Store("25 ; 39, 25\n21");
        Assert.Equal(";25;39;21;", stored);
        Assert.Equal(["25", "39", "21"], TagList.Read(stored));
        Assert.Equal("%;2;%", TagList.Pattern("2"));
        Assert.DoesNotContain(";2;", stored);
    }
}
