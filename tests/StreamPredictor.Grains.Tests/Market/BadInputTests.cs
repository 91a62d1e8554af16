using StreamPredictor.Grains.Market;
using StreamPredictor.Grains.Tests.Support;
using static StreamPredictor.Grains.Tests.Market.TickFileFixtures;
using StreamPredictor.Ticks;

namespace StreamPredictor.Grains.Tests.Market;

public sealed class BadInputTests : IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Theory]
    [InlineData("1609459260,10,11,9,abc,1", "close", BadRowReason.UnparsableNumber, "'abc' is not a finite number")]
    [InlineData("1609459260,10,11,9,1e999,1", "close", BadRowReason.UnparsableNumber, "not a finite number")]
    [InlineData("1609459260,-10,11,9,10,1", "open", BadRowReason.NonPositivePrice, "price -10 is not positive")]
    [InlineData("1609459260,10,11,0,10,1", "low", BadRowReason.NonPositivePrice, "price 0 is not positive")]
    [InlineData("1609459260,10,9,11,10,1", "high", BadRowReason.HighBelowLow, "high 9 is below low 11")]
    [InlineData("1609459260,10,11,9,10,-1", "volume", BadRowReason.NegativeVolume, "volume -1 is negative")]
    [InlineData("1609459260,NaN,11,9,10,1", "open", BadRowReason.MissingValue, "NaN while the row has a close")]
    [InlineData("1609459260,10,11,9,10,NaN", "volume", BadRowReason.MissingValue, "NaN while the row has a close")]
    [InlineData("1609459260,10,11,9,1e19,1", "close", BadRowReason.TooLarge, "1e19 is above 1E+14")]
    [InlineData("1609459260,10,11,9,9223372036854775808,1", "close", BadRowReason.TooLarge, "above 1E+14")]
    [InlineData("1609459260,10,11,9,6e18,1", "close", BadRowReason.TooLarge, "above 1E+14")]
    [InlineData("1609459260,10,1e15,9,10,1", "high", BadRowReason.TooLarge, "above 1E+14")]
    [InlineData("1609459260,10,11,9,10,100000000000000.5", "volume", BadRowReason.TooLarge, "above 1E+14")]
    [InlineData("1609459260,10,11,9,10,", "volume", BadRowReason.EmptyField, "empty")]
    [InlineData("1609459260,10,11,9,,1", "close", BadRowReason.EmptyField, "empty")]
    [InlineData("1609459260,,11,9,10,1", "open", BadRowReason.EmptyField, "empty")]
    [InlineData(",10,11,9,10,1", "timestamp", BadRowReason.EmptyField, "empty")]
    [InlineData("5000000000,10,11,9,10,1", "timestamp", BadRowReason.TimestampOutOfRange, "outside 1970-01-01..2100-01-01")]
    [InlineData("1609459260000,10,11,9,10,1", "timestamp", BadRowReason.TimestampOutOfRange, "looks like milliseconds")]
    [InlineData("-5,10,11,9,10,1", "timestamp", BadRowReason.TimestampOutOfRange, "outside")]
    [InlineData("yesterday,10,11,9,10,1", "timestamp", BadRowReason.UnparsableTimestamp, "neither unix seconds nor an ISO-8601")]
    [InlineData("2021-01-01T00:01:00.5Z,10,11,9,10,1", "timestamp", BadRowReason.UnparsableTimestamp, "fraction of a second")]
    public void A_bad_field_is_named_with_file_and_line(string badRow, string field, BadRowReason reason, string detail)
    {
        var path = _files.Write("bad.csv", Generic(Row(Day1Minute0, 10), badRow, Row(Day1Minute0 + 120, 10)));

        var error = Assert.Throws<TickFormatException>(() => DailyImport.Run(path));

        Assert.Equal(path, error.File);
        Assert.Equal(3, error.Line);
        Assert.Equal(field, error.Field);
        Assert.Equal(reason, error.Reason);
        Assert.Contains(detail, error.Message, StringComparison.Ordinal);
        Assert.StartsWith($"{path}:3: field '{field}': ", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1609459260,10,11,9,10", "only 5 fields")]
    [InlineData("1609459260,10,11,9,10,1,7", "more than 6 fields")]
    public void A_row_with_the_wrong_number_of_fields_is_refused(string badRow, string detail)
    {
        var path = _files.Write("short.csv", Generic(badRow));

        var error = Assert.Throws<TickFormatException>(() => DailyImport.Run(path));

        Assert.Equal(2, error.Line);
        Assert.Equal(BadRowReason.WrongFieldCount, error.Reason);
        Assert.Contains(detail, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1609459260,10,11,9,10,0.5,5,", "Weighted_Price")]
    [InlineData("1609459260,10,11,9,10,0.5,,10", "Volume_(Currency)")]
    [InlineData("1609459260,10,11,9,,0.5,5,10", "Close")]
    public void An_empty_field_of_a_kaggle_row_is_an_error_even_where_the_value_is_not_used(string badRow, string field)
    {
        var path = _files.Write("bad.kaggle.csv", Kaggle("1609459200,10,11,9,10,0.5,5,10", badRow));

        var error = Assert.Throws<TickFormatException>(() => DailyImport.Run(path));

        Assert.Equal(3, error.Line);
        Assert.Equal(field, error.Field);
        Assert.Equal(BadRowReason.EmptyField, error.Reason);
    }

    [Fact]
    public void A_last_line_cut_inside_a_field_without_a_newline_is_an_error_naming_line_and_field()
    {
        var path = _files.Write("cut.csv", Generic(Row(Day1Minute0, 10), Row(Day1Minute0 + 60, 10)) + "1609459320,10,11,9,10,");

        var error = Assert.Throws<TickFormatException>(() => DailyImport.Run(path));

        Assert.Equal(4, error.Line);
        Assert.Equal("volume", error.Field);
        Assert.Equal(BadRowReason.EmptyField, error.Reason);
        Assert.StartsWith($"{path}:4: field 'volume': ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Prices_and_volumes_of_exactly_the_bound_are_accepted()
    {
        var path = _files.Write("bound.csv", Generic("1609459200,1e14,1e14,1e14,1e14,1e14", "1609459260,100000000000000,100000000000000,1,1,100000000000000"));

        var day = Assert.Single(DailyImport.Run(path).Days);

        Assert.Equal(2, day.Ticks);
        Assert.Equal(TickRules.MaxValue, day.High);
        Assert.Equal(2 * TickRules.MaxValue, day.Volume);
        Assert.Equal((TickRules.MaxValue + 1) / 2, day.MeanClose);
    }

    [Fact]
    public void Two_closes_of_6e18_are_refused_instead_of_wrapping_the_exact_sum()
    {
        var path = _files.Write("huge.csv", Generic("1609459200,6e18,6e18,6e18,6e18,1", "1609459260,6e18,6e18,6e18,6e18,1"));

        var error = Assert.Throws<TickFormatException>(() => DailyImport.Run(path));

        Assert.Equal(2, error.Line);
        Assert.Equal(BadRowReason.TooLarge, error.Reason);
    }

    [Fact]
    public void Skip_bad_counts_values_above_the_bound_and_empty_fields_as_their_own_reasons()
    {
        var path = _files.Write("mixed.csv", Generic(
            Row(Day1Minute0, 10),
            "1609459260,10,11,9,1e19,1",
            "1609459320,10,11,9,10,1e15",
            "1609459380,10,11,9,10,",
            "1609459440,10,11,9,10,NaN",
            Row(Day1Minute0 + 300, 20)));

        var result = DailyImport.Run(path, new TickReaderOptions { SkipBad = true });

        Assert.Equal(4, result.BadRows);
        Assert.Equal(2, result.BadRowsByReason[BadRowReason.TooLarge]);
        Assert.Equal(1, result.BadRowsByReason[BadRowReason.EmptyField]);
        Assert.Equal(1, result.BadRowsByReason[BadRowReason.MissingValue]);
        var day = Assert.Single(result.Days);
        Assert.Equal(2, day.Ticks);
        Assert.Equal(15, day.MeanClose);
    }

    [Fact]
    public void A_kaggle_minute_without_trades_is_skipped_and_counted_not_refused()
    {
        var path = _files.Write("no-trades.kaggle.csv", Kaggle("1609459200,10,11,9,10,0.5,5,10", "1609459260,NaN,NaN,NaN,NaN,NaN,NaN,NaN"));

        var result = DailyImport.Run(path);

        Assert.Equal(1, result.MissingCloseRows);
        Assert.Equal(0, result.BadRows);
        Assert.Equal(1, Assert.Single(result.Days).Ticks);
    }

    [Fact]
    public void An_unknown_header_names_the_layouts_that_are_understood()
    {
        var path = _files.Write("header.csv", "time,price\n1609459200,10\n");

        var error = Assert.Throws<TickFormatException>(() => DailyImport.Run(path));

        Assert.Equal(1, error.Line);
        Assert.Null(error.Reason);
        Assert.Contains("unknown header 'time,price'", error.Message, StringComparison.Ordinal);
        Assert.Contains(KaggleHeader, error.Message, StringComparison.Ordinal);
        Assert.Contains(GenericHeader, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Skip_bad_counts_refused_rows_by_reason_and_keeps_the_good_ones()
    {
        var path = _files.Write("mixed.csv", Generic(
            Row(Day1Minute0, 10),
            "1609459260,10,9,11,10,1",
            "1609459320,10,11,9,x,1",
            "1609459380,10,11,9,y,1",
            "1609459440,10,11,9,10",
            Row(Day1Minute0 + 300, 20)));

        var result = DailyImport.Run(path, new TickReaderOptions { SkipBad = true });

        Assert.Equal(4, result.BadRows);
        Assert.Equal(1, result.BadRowsByReason[BadRowReason.HighBelowLow]);
        Assert.Equal(2, result.BadRowsByReason[BadRowReason.UnparsableNumber]);
        Assert.Equal(1, result.BadRowsByReason[BadRowReason.WrongFieldCount]);
        var day = Assert.Single(result.Days);
        Assert.Equal(2, day.Ticks);
        Assert.Equal(15, day.MeanClose);
    }

    [Fact]
    public void An_empty_file_gives_no_days_and_no_layout()
    {
        var result = DailyImport.Run(_files.Write("empty.csv", ""));

        Assert.Null(result.Layout);
        Assert.Empty(result.Days);
    }

    [Fact]
    public void A_header_only_file_gives_no_days()
    {
        var result = DailyImport.Run(_files.Write("header-only.csv", KaggleHeader));

        Assert.Equal("kaggle-bitstamp", result.Layout);
        Assert.Empty(result.Days);
        Assert.Equal(1, result.Lines);
    }
}
