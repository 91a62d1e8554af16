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
        // Test days 11, 15, 14 forecast as 12, 11, 15: errors 1, 4, 1.
        double[] prices = [10, 12, 11, 15, 14];
        using var naive = new NaiveForecaster(ConformalCalibration.None);
        var forecasts = naive.Predict(prices, 2, 3);
        var metrics = ForecastMetrics.Compute(prices.AsSpan(2), forecasts, forecasts);

        Assert.Equal(2.0, metrics.Mae, 12);
        Assert.Equal(Math.Sqrt(6.0), metrics.Rmse, 12);
        Assert.Equal(100.0 * (1.0 / 11 + 4.0 / 15 + 1.0 / 14) / 3, metrics.Mape, 12);
        Assert.Equal(1.0, metrics.Mase, 12);
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
        Assert.Equal(1.0, naive.Mase, 12);
    }

    [Fact]
    public void Refuses_to_forecast_without_history()
    {
        using var naive = new NaiveForecaster(ConformalCalibration.None);

        Assert.Throws<ArgumentOutOfRangeException>(() => naive.Predict([1.0, 2.0], 0, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => naive.Predict([1.0, 2.0], 1, 3));
    }
}
