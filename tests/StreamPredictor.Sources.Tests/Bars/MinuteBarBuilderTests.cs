using StreamPredictor.Sources.Bars;

namespace StreamPredictor.Sources.Tests.Bars;

public sealed class MinuteBarBuilderTests
{
    private const long Ten = 1_709_287_200; // 2024-03-01 10:00:00 UTC

    private static Trade At(long id, long secondsAfterTen, string price, string amount, int micros = 0) =>
        new(id, ((Ten + secondsAfterTen) * 1_000_000) + micros, decimal.Parse(price, System.Globalization.CultureInfo.InvariantCulture), decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void A_minute_is_open_high_low_close_and_volume_by_trade_time_whatever_the_arrival_order()
    {
        var builder = new MinuteBarBuilder(Ten);
        // arrival order is not trade order: the close is the latest trade by time, the open the earliest
        builder.Add(At(3, 50, "101.5", "0.1"));
        builder.Add(At(1, 2, "100", "0.25"));
        builder.Add(At(4, 59, "99.25", "0.05", micros: 999_999));
        builder.Add(At(2, 30, "103", "1.1"));
        var bars = new List<Tick>();

        var done = builder.Complete(Ten + 60, bars);

        Assert.Equal(1, done);
        Assert.Equal(new Tick(Ten, 100, 103, 99.25, 99.25, 1.5), bars[0]);
    }

    [Fact]
    public void Trades_in_the_same_microsecond_are_ordered_by_id()
    {
        var builder = new MinuteBarBuilder(Ten);
        builder.Add(At(8, 10, "2", "1"));
        builder.Add(At(7, 10, "1", "1"));
        builder.Add(At(9, 10, "3", "1"));
        var bars = new List<Tick>();

        builder.Complete(Ten + 60, bars);

        Assert.Equal(1, bars[0].Open);
        Assert.Equal(3, bars[0].Close);
    }

    [Fact]
    public void Volume_is_summed_exactly_in_decimal()
    {
        var builder = new MinuteBarBuilder(Ten);
        for (var i = 0; i < 10; i++)
        {
            builder.Add(At(i, i, "1", "0.1"));
        }

        var bars = new List<Tick>();
        builder.Complete(Ten + 60, bars);

        // ten doubles of 0.1 sum to 0.9999999999999999; the decimal sum is exactly 1
        Assert.Equal(1.0, bars[0].Volume);
    }

    [Fact]
    public void A_trade_id_counts_once()
    {
        var builder = new MinuteBarBuilder(Ten);

        Assert.Equal(TradeOutcome.Added, builder.Add(At(5, 1, "10", "2")));
        Assert.Equal(TradeOutcome.Duplicate, builder.Add(At(5, 1, "10", "2")));
        var bars = new List<Tick>();
        builder.Complete(Ten + 60, bars);

        Assert.Equal(2, bars[0].Volume);
    }

    [Fact]
    public void A_minute_is_handed_out_once_only_when_complete_and_later_trades_of_it_are_late()
    {
        var builder = new MinuteBarBuilder(Ten);
        builder.Add(At(1, 10, "10", "1"));
        builder.Add(At(2, 70, "11", "1"));
        var bars = new List<Tick>();

        Assert.Equal(0, builder.Complete(Ten + 59, bars));
        Assert.Equal(1, builder.Complete(Ten + 60, bars));
        Assert.Equal(0, builder.Complete(Ten + 61, bars));
        Assert.Equal(TradeOutcome.Late, builder.Add(At(3, 20, "12", "1")));
        Assert.Equal(Ten + 60, builder.CompleteBefore);
        Assert.Equal([Ten], bars.Select(b => b.Timestamp));
        Assert.Equal(1, builder.OpenMinutes);
    }

    [Fact]
    public void Minutes_without_trades_make_no_bar_and_earlier_trades_are_left_to_the_repair()
    {
        var builder = new MinuteBarBuilder(Ten + 60);
        var bars = new List<Tick>();

        Assert.Equal(TradeOutcome.BeforeStart, builder.Add(At(1, 30, "10", "1")));
        builder.Add(At(2, 61, "10", "1"));
        builder.Add(At(3, 250, "12", "1"));
        builder.Complete(Ten + 600, bars);

        Assert.Equal([Ten + 60, Ten + 240], bars.Select(b => b.Timestamp));
    }
}
