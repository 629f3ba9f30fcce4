using Scoran.Observatory.Import.Arcep;

namespace Scoran.Observatory.Tests.Import;

public sealed class ArcepNumberTests
{
    [Theory]
    [InlineData(" 12 394    ", 12_394L)]
    [InlineData(" -    ", 0L)]
    [InlineData("1\u202f234\u202f567", 1_234_567L)]
    [InlineData("98\u00a0765", 98_765L)]
    [InlineData("0", 0L)]
    [InlineData("", null)]
    [InlineData("   ", null)]
    public void Counts_parse_whatever_the_thousands_separator(string text, long? expected)
    {
        Assert.True(ArcepNumber.TryParseCount(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("12,5")]
    [InlineData("74%")]
    [InlineData("1.5")]
    public void Anything_else_is_refused(string text) => Assert.False(ArcepNumber.TryParseCount(text, out _));
}
