using StreamPredictor.Grains.Market;

namespace StreamPredictor.Grains.Tests.Market;

public sealed class ExactSumTests
{
    [Theory]
    [InlineData(0.0)]
    [InlineData(8733.86)]
    [InlineData(0.1)]
    [InlineData(1e-3)]
    [InlineData(123_456_789.123)]
    [InlineData(4e18)]
    public void A_single_term_comes_back_unchanged(double value)
    {
        var sum = new ExactSum();
        sum.Add(value);

        Assert.Equal(value, sum.ToDouble());
        Assert.Equal(value, new ExactSum(sum.High, sum.Low).ToDouble());
    }

    [Fact]
    public void The_total_is_the_same_in_any_order()
    {
        var random = new Random(11);
        var values = Enumerable.Range(0, 10_000).Select(_ => Math.Round(random.NextDouble() * 100_000, 2)).ToArray();
        var forward = new ExactSum();
        var backward = new ExactSum();

        foreach (var value in values)
        {
            forward.Add(value);
        }

        foreach (var value in values.Reverse())
        {
            backward.Add(value);
        }

        Assert.Equal(forward.High, backward.High);
        Assert.Equal(forward.Low, backward.Low);
        Assert.Equal((double)values.Sum(v => (decimal)v), forward.ToDouble());
    }

    [Fact]
    public void A_sum_too_large_to_hold_is_refused()
    {
        var sum = new ExactSum();

        Assert.Throws<OverflowException>(() => sum.Add(1e30));
    }
}
