using Scoran.Resources.Places;

namespace Scoran.Resources.Tests.Places;

/// <summary>The OSM opening_hours subset: what it accepts, what it refuses and why, and « open now ».</summary>
public sealed class OpeningHoursTests
{
    [Fact]
    public void The_schema_example_is_open_on_weekday_mornings_and_saturday_morning_only()
    {
        Assert.True(OpeningHours.TryParse("Mo-Fr 09:00-12:00,14:00-18:30; Sa 08:30-12:00", out var hours, out var error), error);
        Assert.True(hours!.IsOpen(DayOfWeek.Monday, new TimeOnly(9, 0)));
        Assert.False(hours.IsOpen(DayOfWeek.Monday, new TimeOnly(12, 0)));
        Assert.False(hours.IsOpen(DayOfWeek.Wednesday, new TimeOnly(13, 59)));
        Assert.True(hours.IsOpen(DayOfWeek.Friday, new TimeOnly(18, 29)));
        Assert.True(hours.IsOpen(DayOfWeek.Saturday, new TimeOnly(8, 30)));
        Assert.False(hours.IsOpen(DayOfWeek.Saturday, new TimeOnly(14, 0)));
        Assert.False(hours.IsOpenOn(DayOfWeek.Sunday));
        Assert.Equal(("samedi", "08:30–12:00"), hours.Describe()[5]);
        Assert.True(hours.IsOpen(new DateTime(2026, 12, 1, 10, 0, 0)));
    }

    [Fact]
    public void A_later_rule_replaces_the_days_it_names_and_holidays_are_ignored()
    {
        Assert.True(OpeningHours.TryParse("Mo-Fr 09:00-17:00; We off; PH off", out var hours, out _));
        Assert.True(hours!.IsOpen(DayOfWeek.Tuesday, new TimeOnly(10, 0)));
        Assert.False(hours.IsOpenOn(DayOfWeek.Wednesday));
        Assert.True(OpeningHours.TryParse("24/7", out var always, out _));
        Assert.True(always!.IsOpen(DayOfWeek.Sunday, new TimeOnly(3, 0)));
        Assert.True(OpeningHours.TryParse("Sa-Mo 10:00-11:00", out var wrap, out _));
        Assert.True(wrap!.IsOpenOn(DayOfWeek.Sunday));
        Assert.False(wrap.IsOpenOn(DayOfWeek.Tuesday));
    }

    [Theory]
    [InlineData("lundi 9h-12h", "hors de la syntaxe")]
    [InlineData("Mo-Fr 9:00-12:00", "invalide")]
    [InlineData("Mo 12:00-09:00", "la fin doit suivre le début")]
    [InlineData("Mo 09:00-25:00", "hors de 00:00-24:00")]
    [InlineData("Jan Mo 09:00-12:00", "hors de la syntaxe")]
    [InlineData("", "vides")]
    public void Outside_the_subset_is_refused_with_a_reason(string text, string reason)
    {
        Assert.False(OpeningHours.TryParse(text, out _, out var error));
        Assert.Contains(reason, error);
    }

    [Fact]
    public void France_Services_day_columns_become_grouped_osm_rules()
    {
        string?[] days = ["09:00 - 12:00 / 13:30 - 17:00", "09:00 - 12:00 / 13:30 - 17:00", "09:00 - 12:00 / 13:30 - 17:00", "09:00 - 12:00 / 13:30 - 17:00", "09:00 - 12:00 / 13:30 - 16:00", "09:00 - 12:00"];
        Assert.Equal("Mo-Th 09:00-12:00,13:30-17:00; Fr 09:00-12:00,13:30-16:00; Sa 09:00-12:00", PlaceFiles.FranceServicesHours(days, out var note));
        Assert.Null(note);
        Assert.True(OpeningHours.TryParse(PlaceFiles.FranceServicesHours(days, out _), out _, out _));

        string?[] odd = ["07:30:12:30", null, "-", null, null, null];
        Assert.Null(PlaceFiles.FranceServicesHours(odd, out note));
        Assert.Equal("lundi 07:30:12:30", note);

        string?[] spaced = ["08 :30-12:00", "09:00-12:00,13:00-17:00", null, null, null, null];
        Assert.Equal("Mo 08:30-12:00; Tu 09:00-12:00,13:00-17:00", PlaceFiles.FranceServicesHours(spaced, out _));
    }
}
