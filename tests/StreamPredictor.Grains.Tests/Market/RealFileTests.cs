using StreamPredictor.Grains.Market;
using StreamPredictor.Grains.Tests.Support;
using StreamPredictor.Ticks;

namespace StreamPredictor.Grains.Tests.Market;

public sealed class RealFileTests
{
    public static TheoryData<string> Files => [.. SharedData.AllFiles];

    [Theory]
    [MemberData(nameof(Files))]
    public void Daily_means_match_an_independent_groupby(string file)
    {
        var path = SharedData.PathOf(file);

        var days = DailyImport.Run(path).Days;
        var expected = ReferenceDailyMeans.Compute(path);

        Assert.Equal(expected.Select(d => d.Date), days.Select(d => d.Date));
        Assert.Equal(expected.Select(d => d.Ticks), days.Select(d => d.Ticks));
        for (var i = 0; i < expected.Count; i++)
        {
            var relative = Math.Abs(days[i].MeanClose - expected[i].MeanClose) / expected[i].MeanClose;
            Assert.True(relative <= 1e-9, $"{days[i].Date}: {days[i].MeanClose} vs {expected[i].MeanClose}");
        }
    }

    [Theory]
    [InlineData(SharedData.BitstampHourly, 1_559, "2018-05-15", "2022-08-20")]
    [InlineData(SharedData.Daily, 5_152, "2011-08-18", "2025-09-24")]
    [InlineData(SharedData.CoinbaseMinutes, 9, "2016-10-07", "2018-04-06")]
    public void Day_counts_and_spans_match_the_data_readme(string file, int days, string first, string last)
    {
        var result = DailyImport.Run(SharedData.PathOf(file));

        Assert.Equal(days, result.Days.Count);
        Assert.Equal(DateOnly.Parse(first), result.Days[0].Date);
        Assert.Equal(DateOnly.Parse(last), result.Days[^1].Date);
    }

    [Fact]
    public void Coinbase_2017_12_17_has_1440_minutes_with_mean_close_19537_70()
    {
        var day = DailyImport.Run(SharedData.PathOf(SharedData.CoinbaseMinutes)).Days.Single(d => d.Date == new DateOnly(2017, 12, 17));

        Assert.Equal(1_440, day.Ticks);
        Assert.Equal(19_537.70, day.MeanClose, 0.005);
    }

    [Fact]
    public void Bitstamp_last_day_holds_a_single_bar()
    {
        var last = DailyImport.Run(SharedData.PathOf(SharedData.BitstampHourly)).Days[^1];

        Assert.Equal(new DateOnly(2022, 8, 20), last.Date);
        Assert.Equal(1, last.Ticks);
        Assert.Equal(last.Close, last.MeanClose);
    }

    [Fact]
    public void Binance_file_rows_all_become_ticks_and_ohlc_stays_consistent()
    {
        var result = DailyImport.Run(SharedData.PathOf(SharedData.BinanceMinutes));

        Assert.Equal("generic", result.Layout);
        Assert.Equal(399_791, result.TickRows);
        Assert.Equal(0, result.BadRows);
        Assert.All(result.Days, d =>
        {
            Assert.InRange(d.MeanClose, d.Low, d.High);
            Assert.InRange(d.Open, d.Low, d.High);
            Assert.InRange(d.Close, d.Low, d.High);
            Assert.InRange(d.Ticks, 1, 1_440);
        });
    }

    [Fact]
    public void A_tiny_read_buffer_gives_the_same_days_as_the_default()
    {
        var path = SharedData.PathOf(SharedData.CoinbaseMinutes);

        var small = DailyImport.Run(path, new TickReaderOptions { BufferSize = 4096 });
        var large = DailyImport.Run(path);

        Assert.Equal(large.Days, small.Days);
        Assert.Equal(large.Lines, small.Lines);
    }
}
