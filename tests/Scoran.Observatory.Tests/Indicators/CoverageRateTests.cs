using Scoran.Observatory.Indicators;

namespace Scoran.Observatory.Tests.Indicators;

public sealed class CoverageRateTests
{
    [Fact]
    public void A_territory_rate_is_the_ratio_of_summed_counts_not_the_mean_of_rates()
    {
        // A large commune fully covered and a small one not at all: the mean of rates would say 50 %.
        var total = CoverageRate.Sum([new CoverageRate(9_000, 9_000), new CoverageRate(0, 1_000)]);

        Assert.Equal(new CoverageRate(9_000, 10_000), total);
        Assert.Equal(0.9m, total.Rate);
    }

    [Fact]
    public void A_rate_above_one_hundred_percent_is_kept_and_flagged()
    {
        var rate = new CoverageRate(1_050, 1_000);

        Assert.Equal(1.05m, rate.Rate);
        Assert.True(rate.ExceedsPremises);
    }

    [Fact]
    public void No_premises_means_no_rate() => Assert.Null(new CoverageRate(0, 0).Rate);
}
