using StreamPredictor.Grains.Market;
using StreamPredictor.Ticks;

namespace StreamPredictor.Grains.Tests.Market;

/// <summary>Prices and volumes are bounded before they reach a day's exact sums, and a sum that would overflow changes nothing.</summary>
public sealed class ExactBoundsTests
{
    private static Tick T(long timestamp, double close, double volume = 1) => new(timestamp, close, close, close, close, volume);

    [Theory]
    [InlineData(1e19, 1)]
    [InlineData(9.3e18, 1)]
    [InlineData(6e18, 1)]
    [InlineData(1.0000000000000002e14, 1)]
    [InlineData(10, 1e19)]
    [InlineData(10, 2e14)]
    public void A_price_or_volume_above_the_bound_is_refused_as_too_large(double close, double volume)
    {
        var book = new DailyBook(1);

        book.Apply([T(0, close, volume), T(0, 10), T(60, 20)]);

        Assert.Equal(1, book.Stats().RejectedByReason[TickRejectReason.TooLarge]);
        Assert.Equal(2, book.Stats().Accepted);
        Assert.Equal(15, Assert.Single(book.Days(null, null, true)).MeanClose);
    }

    [Fact]
    public void The_bound_itself_is_accepted_and_a_full_day_of_it_sums_exactly()
    {
        var book = new DailyBook(1);
        var day = Enumerable.Range(0, 86_400).Select(s => T(s, TickRules.MaxValue, TickRules.MaxValue)).ToArray();

        book.Apply(day);

        var bar = Assert.Single(book.Days(null, null, true));
        Assert.Equal(86_400, bar.Ticks);
        Assert.Equal(TickRules.MaxValue, bar.MeanClose);
        Assert.Equal(86_400 * TickRules.MaxValue, bar.Volume);
    }

    [Fact]
    public void An_exact_sum_that_would_pass_its_range_throws_instead_of_wrapping()
    {
        var sum = default(ExactSum);
        sum.Add(6e18);

        Assert.Throws<OverflowException>(() => sum.Add(6e18));
        Assert.Equal(6e18, sum.ToDouble());
    }

    [Fact]
    public void A_tick_the_accumulator_cannot_sum_leaves_its_second_unseen_and_the_day_unchanged()
    {
        var day = new DayAccumulator(0);
        Assert.True(day.TryAdd(T(0, 5e18)));

        Assert.Throws<OverflowException>(() => day.TryAdd(T(60, 5e18)));
        Assert.Throws<OverflowException>(() => day.TryAdd(T(120, 10, 1e19)));

        Assert.Equal(1, day.Ticks);
        Assert.Equal(5e18, day.MeanClose);
        Assert.True(day.TryAdd(T(60, 10)));
        Assert.True(day.TryAdd(T(120, 10)));
        Assert.Equal(3, day.Ticks);
    }
}
