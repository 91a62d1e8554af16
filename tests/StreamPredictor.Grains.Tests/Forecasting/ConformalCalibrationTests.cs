using StreamPredictor.Grains.Forecasting;

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
        Assert.Equal(0.16, calibration.Quantiles[0].RelativeHalfWidth, 12);
        Assert.Equal(0.19, calibration.Quantiles[1].RelativeHalfWidth, 12);
        var interval = calibration.Intervals(200)[0];
        Assert.Equal((0.8, 168.0, 232.0), (interval.Level, interval.Lower, interval.Upper));
    }

    [Fact]
    public void A_lower_bound_never_goes_below_zero()
    {
        // Relative errors of 150 % (a series with gaps of months between days) would put the lower bound at -50.
        var calibration = ConformalCalibration.Fit([250.0, 250.0, 250.0], [100.0, 100.0, 100.0], [0.5]);

        var interval = Assert.Single(calibration.Intervals(100));

        Assert.Equal(0, interval.Lower);
        Assert.Equal(250, interval.Upper, 9);
    }

    [Fact]
    public void Naive_intervals_cover_about_their_level_on_later_real_days()
    {
        // Calibrate on 300 real days, then count how many of the next 300 fall inside.
        var prices = ForecastData.Prices(ForecastData.BitstampHourly);
        var end = prices.Length - 300;
        using var naive = NaiveForecaster.Fit(prices.AsSpan(0, end), 300, [0.8, 0.95]);
        var forecasts = naive.Predict(prices, end, 300);

        foreach (var (level, index) in new[] { (0.8, 0), (0.95, 1) })
        {
            var inside = forecasts.Where((f, i) => naive.Calibration.Intervals(f)[index].Contains(prices[end + i])).Count();
            Assert.InRange(inside / 300.0, level - 0.1, Math.Min(1, level + 0.1));
        }
    }

    [Fact]
    public void Forecast_of_the_next_day_carries_the_intervals()
    {
        var days = ForecastData.Days(ForecastData.BitstampHourly);
        var prices = days.Select(d => d.MeanClose).ToArray();
        using var naive = NaiveForecaster.Fit(prices, 200, [0.8, 0.95]);

        var forecast = naive.ForecastNext(days);

        Assert.Equal(days[^1].Date.AddDays(1), forecast.Date);
        Assert.Equal(prices[^1], forecast.Value);
        Assert.Equal([0.8, 0.95], forecast.Intervals.Select(i => i.Level));
        Assert.True(forecast.Intervals[0].Lower < forecast.Value && forecast.Intervals[0].Upper > forecast.Value);
        Assert.True(forecast.Intervals[1].Lower <= forecast.Intervals[0].Lower && forecast.Intervals[1].Upper >= forecast.Intervals[0].Upper);
    }
}
