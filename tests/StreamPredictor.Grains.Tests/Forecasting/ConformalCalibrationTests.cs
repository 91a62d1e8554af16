using StreamPredictor.Abstractions.Forecasting;
using StreamPredictor.Grains.Forecasting;
using StreamPredictor.Grains.Forecasting.Series;

namespace StreamPredictor.Grains.Tests.Forecasting;

public sealed class ConformalCalibrationTests
{
    [Fact]
    public void Half_width_is_the_corrected_empirical_quantile_of_relative_errors()
    {
        // Relative errors 0.01 .. 0.19 (n = 19): level 0.8 takes the ceil(20 * 0.8) = 16th smallest.
        var predicted = Enumerable.Repeat(100.0, 19).ToArray();
        var actual = Enumerable.Range(1, 19).Select(i => 100.0 + (i % 2 == 0 ? i : -i)).ToArray();

        var calibration = ConformalCalibration.Fit(actual, predicted, [0.8, 0.95]);

        Assert.Equal(19, calibration.Days);
        Assert.Equal(0, calibration.VolatilityDays);
        Assert.Equal(0.16, calibration.Quantiles[0].RelativeHalfWidth, 12);
        Assert.Equal(0.19, calibration.Quantiles[1].RelativeHalfWidth, 12);
        var interval = calibration.Intervals(200, 1)[0];
        Assert.Equal((0.8, 168.0, 232.0), (interval.Level, interval.Lower, interval.Upper));
    }

    [Fact]
    public void Scaled_scores_divide_each_error_by_the_volatility_of_the_days_before()
    {
        // Means 100, 100, 102, 100, 103 with closes equal to means and no range: the day moves are |ln(100/100)| = 0,
        // ln(1.02), ln(1.02), ln(1.03). Over 2 days, day 3's volatility is (0 + ln 1.02) / 2 and day 4's is ln(1.02).
        // Forecasts 101 and 101 for days 3 and 4 miss by 1/101 and 2/101.
        var series = DailySeries.FromMeans([100.0, 100, 102, 100, 103]);
        double v3 = Math.Log(1.02) / 2, v4 = Math.Log(1.02);

        var calibration = ConformalCalibration.Fit(series, 3, [101.0, 101], [0.5], volatilityDays: 2);

        Assert.Equal(v3, DailyVolatility.Before(series, 3, 2), 12);
        var scores = new[] { 1.0 / 101 / v3, 2.0 / 101 / v4 }.Order().ToArray();
        Assert.Equal(scores[1], calibration.Quantiles[0].RelativeHalfWidth, 12);   // ceil(3 * 0.5) = 2nd of 2
        Assert.Equal(2, calibration.VolatilityDays);
        var next = Assert.Single(calibration.Intervals(110, series, 5));
        var v5 = (Math.Log(1.02) + Math.Log(1.03)) / 2;
        Assert.Equal(110 - (scores[1] * v5 * 110), next.Lower, 9);
        Assert.Equal(110 + (scores[1] * v5 * 110), next.Upper, 9);
    }

    [Fact]
    public void A_gap_in_the_data_is_neither_a_days_move_nor_a_next_day_error()
    {
        // Day 2 comes a month after day 1 at twice the price: its close-to-close move is not a day's move (the volatility
        // before day 3 is day 2's range only), and naive's error on it is not a next-day error (the calibration skips it).
        var bars = new[]
        {
            new DailyBar(new DateOnly(2024, 1, 1), 100, 24, 100, 101, 99, 100, 1),
            new DailyBar(new DateOnly(2024, 1, 2), 100, 24, 100, 101, 99, 100, 1),
            new DailyBar(new DateOnly(2024, 2, 2), 200, 24, 200, 202, 198, 200, 1),
            new DailyBar(new DateOnly(2024, 2, 3), 210, 24, 200, 212, 198, 210, 1),
        };
        var series = DailySeries.From(bars);

        var calibration = ConformalCalibration.Fit(series, 2, [100.0, 200.0], [0.5], volatilityDays: 1);

        Assert.Equal(Math.Log(202 / 198.0), DailyVolatility.Before(series, 3, 1), 12);
        Assert.Equal(1, calibration.Days);
        Assert.Equal(10.0 / 200 / Math.Log(202 / 198.0), calibration.Quantiles[0].RelativeHalfWidth, 9);
    }

    [Fact]
    public void A_lower_bound_never_goes_below_zero()
    {
        // Relative errors of 150 % (a series with gaps of months between days) would put the lower bound at -50.
        var calibration = ConformalCalibration.Fit([250.0, 250.0, 250.0], [100.0, 100.0, 100.0], [0.5]);

        var interval = Assert.Single(calibration.Intervals(100, 1));

        Assert.Equal(0, interval.Lower);
        Assert.Equal(250, interval.Upper, 9);
    }

    [Theory]
    [InlineData(ModelNames.Naive)]
    [InlineData(ModelNames.Last)]
    public void Intervals_cover_about_their_level_on_later_real_days(string model)
    {
        // Calibrate on the days before the last 300 of the Bitstamp file, then count how many of those 300 fall inside.
        var series = ForecastData.Series(ForecastData.BitstampHourly);
        var end = series.Count - 300;
        using var fitted = ForecastTrainer.Train(ModelSpec.Default(model), series.Take(end), new TrainingOptions());
        var forecasts = fitted.Predict(series, end, 300);

        foreach (var (level, index) in new[] { (0.8, 0), (0.95, 1) })
        {
            var inside = forecasts.Where((f, i) => fitted.Calibration.Intervals(f, series, end + i)[index].Contains(series.Means[end + i])).Count();
            Assert.InRange(inside / 300.0, level - 0.05, Math.Min(1, level + 0.05));
        }
    }

    [Fact]
    public void Forecast_of_the_next_day_carries_the_intervals_of_its_calibration()
    {
        var days = ForecastData.Days(ForecastData.BitstampHourly);
        var series = DailySeries.From(days);
        using var naive = NaiveForecaster.Fit(series, 200, [0.8, 0.95]);

        var forecast = naive.ForecastNext(days);

        Assert.Equal(days[^1].Date.AddDays(1), forecast.Date);
        Assert.Equal(days[^1].MeanClose, forecast.Value);
        var scale = Enumerable.Range(days.Count - 7, 7)
            .Average(j => Math.Max(Math.Log(days[j].High / days[j].Low), Math.Abs(Math.Log(days[j].Close / days[j - 1].Close))));
        for (var q = 0; q < 2; q++)
        {
            var half = naive.Calibration.Quantiles[q].RelativeHalfWidth * scale * forecast.Value;
            Assert.Equal(naive.Calibration.Quantiles[q].Level, forecast.Intervals[q].Level);
            Assert.Equal(forecast.Value - half, forecast.Intervals[q].Lower, 6);
            Assert.Equal(forecast.Value + half, forecast.Intervals[q].Upper, 6);
        }

        Assert.True(forecast.Intervals[1].Upper - forecast.Intervals[1].Lower > forecast.Intervals[0].Upper - forecast.Intervals[0].Lower);
    }
}
