using Scoran.Observatory.Model;

namespace Scoran.Observatory.Tests.Model;

public sealed class QuarterTests
{
    [Theory]
    [InlineData("T3 2017", 2017, 3)]
    [InlineData(" T1 2018 ", 2018, 1)]
    [InlineData("T4  2025", 2025, 4)]
    public void Arcep_labels_parse(string label, int year, int number)
    {
        Assert.True(Quarter.TryParse(label, out var quarter));
        Assert.Equal((year, number), (quarter.Year, quarter.Number));
    }

    [Theory]
    [InlineData("T5 2017")]
    [InlineData("Q3 2017")]
    [InlineData("T3 17")]
    [InlineData("Champ")]
    [InlineData(null)]
    public void Other_labels_do_not(string? label) => Assert.False(Quarter.TryParse(label, out _));

    [Fact]
    public void Quarters_order_and_end_on_their_last_day()
    {
        var q = new Quarter(2017, 4);

        Assert.Equal(new Quarter(2018, 1), q.Next());
        Assert.True(q < q.Next());
        Assert.Equal(new DateOnly(2017, 12, 31), q.EndDate);
        Assert.Equal(new DateOnly(2018, 3, 31), q.Next().EndDate);
        Assert.Equal(q, Quarter.FromKey(q.Key));
        Assert.Equal("T4 2017", q.ToString());
    }
}
