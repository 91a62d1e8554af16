using StreamPredictor.Grains.Market;
using StreamPredictor.Grains.Tests.Support;
using static StreamPredictor.Grains.Tests.Market.TickFileFixtures;

namespace StreamPredictor.Grains.Tests.Market;

public sealed class DailyAggregationTests : IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Rows_without_a_close_are_skipped_and_counted()
    {
        var path = _files.Write("nan.csv", Kaggle(
            "1609459200,10,11,9,10,1,10,10",
            "1609459260,NaN,NaN,NaN,NaN,NaN,NaN,NaN",
            "1609459320,30,31,29,30,1,NaN,NaN"));

        var result = DailyImport.Run(path);

        Assert.Equal(1, result.MissingCloseRows);
        var day = Assert.Single(result.Days);
        Assert.Equal(2, day.Ticks);
        Assert.Equal(20, day.MeanClose);
    }

    [Fact]
    public void A_duplicate_timestamp_counts_once_and_the_first_value_stands()
    {
        var path = _files.Write("dup.csv", Generic(Row(Day1Minute0, 10), Row(Day1Minute0 + 60, 20), Row(Day1Minute0, 99)));

        var result = DailyImport.Run(path);

        Assert.Equal(1, result.Duplicates);
        var day = Assert.Single(result.Days);
        Assert.Equal(2, day.Ticks);
        Assert.Equal(15, day.MeanClose);
    }

    [Fact]
    public void Rows_out_of_order_give_the_same_days_as_sorted_rows()
    {
        string[] rows =
        [
            Row(Day1Minute0, 10, 1), Row(Day1Minute0 + 60, 12, 2), Row(Day1Minute0 + 90, 11, 3),
            Row(Day2Minute0, 20, 4), Row(Day2Minute0 + 3_600, 26, 5),
        ];
        var sorted = DailyImport.Run(_files.Write("sorted.csv", Generic(rows)));
        var shuffled = DailyImport.Run(_files.Write("shuffled.csv", Generic(rows[3], rows[1], rows[4], rows[2], rows[0])));

        Assert.Equal(sorted.Days, shuffled.Days);
        Assert.Equal(2, sorted.Days.Count);
        Assert.Equal(10, sorted.Days[0].Open);
        Assert.Equal(11, sorted.Days[0].Close);
        Assert.Equal(26, sorted.Days[1].Close);
        Assert.Equal(9, sorted.Days[1].Volume);
    }

    [Fact]
    public void Iso_timestamps_read_the_same_as_unix_seconds()
    {
        var unix = DailyImport.Run(_files.Write("unix.csv", Generic(Row(Day1Minute0, 10), Row(Day1Minute0 + 61, 14), Row(Day2Minute0 - 1, 12))));
        var iso = DailyImport.Run(_files.Write("iso.csv", Generic(
            "2021-01-01T00:00:00Z,10,11,9,10,1",
            "2021-01-01 00:01:01,14,15,13,14,1",
            "2021-01-02T00:59:59+01:00,12,13,11,12,1")));

        Assert.Equal(unix.Days, iso.Days);
        Assert.Equal(3, iso.Days[0].Ticks);
    }

    [Fact]
    public void Gzip_crlf_and_a_byte_order_mark_are_read_transparently()
    {
        var plain = Generic(Row(Day1Minute0, 10), Row(Day1Minute0 + 60, 20));
        var windows = "\uFEFF" + plain.Replace("\n", "\r\n", StringComparison.Ordinal);

        var fromPlain = DailyImport.Run(_files.Write("plain.csv", plain));
        var fromGzip = DailyImport.Run(_files.WriteGzip("ticks.csv.gz", windows));

        Assert.Equal(fromPlain.Days, fromGzip.Days);
        Assert.Equal(15, fromGzip.Days.Single().MeanClose);
    }

    [Fact]
    public void Ticks_off_the_minute_after_minute_ticks_keep_earlier_seconds_seen()
    {
        var path = _files.Write("seconds.csv", Generic(
            Row(Day1Minute0 + 60, 10), Row(Day1Minute0 + 61, 20), Row(Day1Minute0 + 60, 99), Row(Day1Minute0 + 61, 99)));

        var result = DailyImport.Run(path);

        Assert.Equal(2, result.Duplicates);
        Assert.Equal(15, result.Days.Single().MeanClose);
    }

    [Fact]
    public void Sums_are_exact_and_do_not_depend_on_order()
    {
        var accumulator = new DayAccumulator(0);
        for (var second = 0; second < 86_400; second++)
        {
            var close = second % 2 == 0 ? 1e8 + 0.1 : 0.3;
            Assert.True(accumulator.TryAdd(new Tick(second, close, close, close, close, 0)));
        }

        var reversed = new DayAccumulator(0);
        for (var second = 86_399; second >= 0; second--)
        {
            var close = second % 2 == 0 ? 1e8 + 0.1 : 0.3;
            reversed.TryAdd(new Tick(second, close, close, close, close, close));
        }

        Assert.Equal(86_400, accumulator.Ticks);
        Assert.Equal((1e8 + 0.1 + 0.3) / 2, accumulator.MeanClose, 1e-9);
        Assert.Equal(accumulator.MeanClose, reversed.MeanClose);
        Assert.Equal(0, accumulator.ToDailyBar().Volume);
        Assert.Equal(43_200 * (1e8 + 0.1 + 0.3), reversed.ToDailyBar().Volume, 1e-3);
    }
}
