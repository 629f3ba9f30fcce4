using Scoran.Observatory.Measurements;

namespace Scoran.Observatory.Tests.Measurements;

public sealed class MeasurementRuleTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 12, 12, 0, 0, TimeSpan.Zero);

    private static MeasurementSubmission Valid => new()
    {
        Time = Now.AddMinutes(-10), Lat = 47.3220, Lon = 5.0415, Accuracy = 12, Operator = "20801", Technology = "4G",
        Rsrp = -95, Rsrq = -11, Sinr = 12, DownloadMbps = 42.5, UploadMbps = 8, LatencyMs = 35,
    };

    private static Dictionary<string, List<string>> Errors(MeasurementSubmission m, string prefix = "")
    {
        var errors = new Dictionary<string, List<string>>();
        MeasurementRules.Validate(m, prefix, Now, new MeasurementOptions(), errors);
        return errors;
    }

    [Fact]
    public void A_complete_measurement_is_valid() => Assert.Empty(Errors(Valid));

    [Theory]
    [InlineData(-156, true)]
    [InlineData(-31, true)]
    [InlineData(-157, false)]
    [InlineData(-30, false)]
    public void Rsrp_must_lie_between_minus_156_and_minus_31_dBm(double rsrp, bool valid) =>
        Assert.Equal(valid, !Errors(Valid with { Rsrp = rsrp }, "items[3].").ContainsKey("items[3].rsrp"));

    [Fact]
    public void Every_out_of_range_field_is_reported_under_its_own_name()
    {
        var errors = Errors(Valid with { Rsrq = 4, Sinr = -24, Rssi = -20, DownloadMbps = -1, UploadMbps = 6000, LatencyMs = -5, Operator = "20899", Technology = "6G" });
        Assert.Equal(["downloadMbps", "latencyMs", "operator", "rsrq", "rssi", "sinr", "technology", "uploadMbps"], errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Time_may_run_five_minutes_ahead_but_not_more_and_not_older_than_the_maximum_age()
    {
        Assert.Empty(Errors(Valid with { Time = Now.AddMinutes(4) }));
        Assert.Contains("time", Errors(Valid with { Time = Now.AddMinutes(6) }).Keys);
        Assert.Contains("time", Errors(Valid with { Time = Now.AddDays(-31) }).Keys);
        Assert.Contains("time", Errors(Valid with { Time = null }).Keys);
    }

    [Theory]
    [InlineData(47.32, 5.04, true)] // Dijon
    [InlineData(42.70, 9.45, true)] // Bastia
    [InlineData(-20.88, 55.45, true)] // Saint-Denis de La Réunion
    [InlineData(40.42, -3.70, false)] // Madrid
    public void Without_outlines_france_is_its_bounding_boxes(double lat, double lon, bool inside)
        => Assert.Equal(inside, MeasurementRules.InFranceBox(lat, lon));

    [Fact]
    public void A_cell_is_about_one_kilometre_and_contains_its_points()
    {
        var cell = MeasurementGrid.CellOf(47.3220, 5.0415);
        Assert.Equal("4732_336", cell);
        var (s, w, n, e) = MeasurementGrid.Bounds(cell);
        Assert.True(s <= 47.3220 && 47.3220 < n && w <= 5.0415 && 5.0415 < e);
        // 0.01° of latitude ≈ 1.11 km; 0.015° of longitude at 47.3° ≈ 1.13 km.
        Assert.InRange((n - s) * 111.2, 1.0, 1.2);
        Assert.InRange((e - w) * 111.32 * Math.Cos(47.32 * Math.PI / 180), 1.0, 1.2);
    }

    [Fact]
    public void The_median_of_an_even_count_is_the_mean_of_the_two_middle_values() =>
        Assert.Equal(15, MeasurementQueries.Median([10, null, 20, 5, 30]));
}
