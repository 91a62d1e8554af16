using StreamPredictor.Grains.Forecasting.Features;
using StreamPredictor.Grains.Forecasting.Series;

namespace StreamPredictor.Grains.Tests.Forecasting;

public sealed class DayFeaturesTests
{
    [Fact]
    public void A_row_is_the_documented_transforms_of_the_day_and_the_days_before()
    {
        // Days 0..6: volume 10 and 24 ticks each; day 7 follows day 6 by two calendar days.
        var bars = Enumerable.Range(0, 7)
            .Select(i => new DailyBar(new DateOnly(2024, 1, 1).AddDays(i), 100, 24, 100, 101, 99, 100, 10))
            .Append(new DailyBar(new DateOnly(2024, 1, 9), 104, 12, 101, 110, 100, 108, 30))
            .ToArray();
        var series = DailySeries.From(bars);

        var row = DayFeatures.Build(series, 7, 8);

        double[] expected =
        [
            Math.Log(104 / 100.0),          // mean move
            Math.Log(108 / 100.0),          // close move
            Math.Log(108 / 104.0),          // close against the day's mean
            Math.Log(101 / 100.0),          // gap from the previous close
            Math.Log(110 / 100.0),          // range
            ((108.0 - 100) / (110 - 100)) - 0.5, // close in range
            Math.Log(30 / 10.0),            // volume against the 7 days before
            Math.Log(12 / 24.0),            // ticks against the 7 days before
            Math.Log(2),                    // days since the previous bar
        ];
        Assert.Equal(DayFeatures.Count, row.Length);
        Assert.Equal(DayFeatures.Count, DayFeatures.Names.Count);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], row[i], 12);
        }

        Assert.Equal(Math.Log(104 / 100.0), DayFeatures.Target(series, 7), 12);
    }

    [Fact]
    public void A_day_without_range_or_volume_reads_zero_there_not_infinity()
    {
        var series = DailySeries.FromMeans([100.0, 101, 102, 103, 104, 105, 106, 107, 108]);

        var rows = DayFeatures.Build(series);

        Assert.Equal(2 * DayFeatures.Count, rows.Length);
        Assert.All(rows, v => Assert.True(double.IsFinite(v)));
        Assert.Equal(0, rows[5]);   // close in range
        Assert.Equal(0, rows[6]);   // volume
    }

    [Fact]
    public void Rows_read_nothing_after_their_day()
    {
        var days = ForecastData.Days(ForecastData.BitstampHourly).TakeLast(100).ToArray();
        var tampered = days.Select((d, i) => i < 60 ? d : d with
        {
            MeanClose = d.MeanClose * 10, Open = d.Open * 3, High = d.High * 20, Low = d.Low * 2, Close = d.Close * 9, Volume = d.Volume * 7, Ticks = 1,
        }).ToArray();

        var honest = DayFeatures.Build(DailySeries.From(days), 7, 60);
        var blown = DayFeatures.Build(DailySeries.From(tampered), 7, 60);

        Assert.Equal(honest, blown);
        Assert.NotEqual(DayFeatures.Build(DailySeries.From(days), 60, 61), DayFeatures.Build(DailySeries.From(tampered), 60, 61));
    }

    [Fact]
    public void The_scaler_standardises_on_training_rows_and_scales_the_target_without_centring_it()
    {
        double[] rows = [.. Enumerable.Range(0, 4).SelectMany(i => Enumerable.Repeat((double)i, DayFeatures.Count))];   // feature values 0, 1, 2, 3

        var scaler = FeatureScaler.Fit(rows, [0.03, -0.04]);

        Assert.Equal(1.5, scaler.Means[0], 12);
        Assert.Equal(Math.Sqrt(1.25), scaler.Spreads[0], 12);
        Assert.Equal(Math.Sqrt(((0.03 * 0.03) + (0.04 * 0.04)) / 2), scaler.TargetScale, 12);
        Assert.Equal((float)((3 - 1.5) / Math.Sqrt(1.25)), scaler.Transform(0, 3));
        Assert.Equal((float)FeatureScaler.Clip, scaler.Transform(0, 1e6));
    }
}
