using StreamPredictor.Abstractions.Forecasting;
using StreamPredictor.Grains.Forecasting;
using StreamPredictor.Grains.Forecasting.Backtesting;

namespace StreamPredictor.Grains.Tests.Forecasting;

public sealed class NaiveForecasterTests
{
    [Fact]
    public void Forecasts_each_day_as_the_day_before()
    {
        double[] prices = [10, 12, 11, 15, 14];
        using var naive = new NaiveForecaster(ConformalCalibration.None);

        Assert.Equal([12.0, 11, 15, 14], naive.Predict(prices, 2, 4));
    }

    [Fact]
    public void Metrics_on_a_hand_checked_series()
    {
        // Test days 11, 15, 14 forecast as 12, 11, 15: errors 1, 4, 1 (MAE 2). The baselines are written out by hand, not
        // taken from the model: naive's own MAE over the hand-made naive's is 1 only if the model forecasts as naive does;
        // against last's (13, 10, 16: errors 2, 5, 2, MAE 3) it is 2 / 3.
        double[] prices = [10, 12, 11, 15, 14];
        using var naive = new NaiveForecaster(ConformalCalibration.None);
        var forecasts = naive.Predict(prices, 2, 3);
        var metrics = ForecastMetrics.Compute([11.0, 15, 14], forecasts, [12.0, 11, 15], [13.0, 10, 16]);

        Assert.Equal(2.0, metrics.Mae, 12);
        Assert.Equal(Math.Sqrt(6.0), metrics.Rmse, 12);
        Assert.Equal(100.0 * (1.0 / 11 + 4.0 / 15 + 1.0 / 14) / 3, metrics.Mape, 12);
        Assert.Equal(1.0, metrics.Mase, 12);
        Assert.Equal(2.0 / 3, metrics.MaeVsLast, 12);
    }

    [Fact]
    public void Mase_of_a_forecast_that_is_not_naive_is_its_mae_over_naives()
    {
        // Forecasts 12.5, 13, 14 of days 11, 15, 14: errors 1.5, 2, 0 (MAE 3.5 / 3) against naive's MAE 2.
        var metrics = ForecastMetrics.Compute([11.0, 15, 14], [12.5, 13, 14], [12.0, 11, 15]);

        Assert.Equal(3.5 / 3 / 2, metrics.Mase, 12);
        Assert.True(double.IsNaN(metrics.MaeVsLast));
    }

    [Theory]
    [InlineData(ForecastData.BitstampHourly, "2022-06-22", "2022-08-20", 464.668, 574.822)]
    [InlineData(ForecastData.Daily, "2025-07-27", "2025-09-24", 1339.207, 1753.880)]
    public void Matches_the_reference_figures_over_the_last_60_days(string file, string from, string to, double mae, double rmse)
    {
        var result = BacktestRunner.Run(ForecastData.Days(file), new BacktestOptions { Models = [ModelSpec.Default(ModelNames.Naive)] });

        Assert.Equal(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), result.Test.From);
        Assert.Equal(DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture), result.Test.To);
        var naive = Assert.Single(result.Models).Test.Metrics;
        Assert.Equal(mae, naive.Mae, 1e-3);
        Assert.Equal(rmse, naive.Rmse, 1e-3);
        var days = ForecastData.Days(file);
        var naiveMae = days.Skip(days.Count - 60).Select((d, i) => Math.Abs(d.MeanClose - days[days.Count - 61 + i].MeanClose)).Average();
        var lastMae = days.Skip(days.Count - 60).Select((d, i) => Math.Abs(d.MeanClose - days[days.Count - 61 + i].Close)).Average();
        Assert.Equal(naiveMae / lastMae, naive.MaeVsLast, 9);
    }

    [Fact]
    public void Refuses_to_forecast_without_history()
    {
        using var naive = new NaiveForecaster(ConformalCalibration.None);

        Assert.Throws<ArgumentOutOfRangeException>(() => naive.Predict([1.0, 2.0], 0, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => naive.Predict([1.0, 2.0], 1, 3));
    }
}
