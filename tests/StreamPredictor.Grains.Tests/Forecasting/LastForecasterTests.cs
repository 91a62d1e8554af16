using StreamPredictor.Abstractions.Forecasting;
using StreamPredictor.Grains.Forecasting;
using StreamPredictor.Grains.Forecasting.Backtesting;

namespace StreamPredictor.Grains.Tests.Forecasting;

public sealed class LastForecasterTests
{
    // Days (mean, close): the model forecasts each day's mean as the close of the day before.
    private static readonly (double Mean, double Close)[] Days = [(10, 11), (12, 13), (11, 10), (15, 16), (14, 15)];

    [Fact]
    public void Forecasts_each_day_as_the_last_close_of_the_day_before()
    {
        using var last = new LastForecaster(ConformalCalibration.None);

        Assert.Equal([13.0, 10, 16, 15], last.Predict(Bars.Of(Days), 2, 4));
    }

    [Fact]
    public void Metrics_on_a_hand_checked_series()
    {
        // Test days 2..4 have means 11, 15, 14. last forecasts 13, 10, 16: errors 2, 5, 2 (MAE 3, RMSE √11).
        // naive forecasts 12, 11, 15: errors 1, 4, 1 (MAE 2), so last's MASE is 3 / 2.
        var series = Bars.Of(Days);
        using var last = new LastForecaster(ConformalCalibration.None);

        var metrics = ForecastMetrics.Compute([11.0, 15, 14], last.Predict(series, 2, 3), [12.0, 11, 15], [13.0, 10, 16]);

        Assert.Equal(3.0, metrics.Mae, 12);
        Assert.Equal(Math.Sqrt(11.0), metrics.Rmse, 12);
        Assert.Equal(100.0 * (2.0 / 11 + 5.0 / 15 + 2.0 / 14) / 3, metrics.Mape, 12);
        Assert.Equal(1.5, metrics.Mase, 12);
        Assert.Equal(1.0, metrics.MaeVsLast, 12);
    }

    [Fact]
    public void Matches_the_issue_figures_on_the_bitstamp_file()
    {
        // Issue 8: tomorrow's mean from today's last close gives MAE 243.81 on the test window (naive 464.67, MASE 0.525)
        // and MASE 0.637 over the last 300 days.
        var days = ForecastData.Days(ForecastData.BitstampHourly);
        var options = new BacktestOptions { Models = [ModelSpec.Default(ModelNames.Naive), ModelSpec.Default(ModelNames.Last)] };

        var result = BacktestRunner.Run(days, options);
        var longer = BacktestRunner.Run(days, options with { TestDays = 300 });

        var last = result.Models[1].Test.Metrics;
        Assert.Equal(243.809, last.Mae, 1e-3);
        Assert.Equal(0.525, last.Mase, 1e-3);
        Assert.Equal(1.0, last.MaeVsLast, 12);
        Assert.Equal(464.668 / 243.809, result.Models[0].Test.Metrics.MaeVsLast, 1e-4);
        Assert.Equal(0.637, longer.Models[1].Test.Metrics.Mase, 1e-3);
    }

    [Fact]
    public void Equals_naive_on_a_daily_file_where_a_day_is_one_tick()
    {
        // One bar a day: the day's only close is its mean, so the last close is the mean.
        var days = ForecastData.Days(ForecastData.Daily);
        var options = new BacktestOptions { Models = [ModelSpec.Default(ModelNames.Naive), ModelSpec.Default(ModelNames.Last)], Folds = 2 };

        var result = BacktestRunner.Run(days, options);

        Assert.All(days, d => Assert.Equal(d.MeanClose, d.Close));
        Assert.Equal(result.Models[0].Test.Forecasts, result.Models[1].Test.Forecasts);
        Assert.Equal(1339.207, result.Models[1].Test.Metrics.Mae, 1e-3);
        Assert.Equal(1.0, result.Models[1].Test.Metrics.Mase, 12);
    }

    [Fact]
    public void Is_calibrated_on_its_last_days_and_round_trips_as_a_blob()
    {
        var series = ForecastData.Series(ForecastData.BitstampHourly);

        using var last = ForecastTrainer.Train(ModelSpec.Default(ModelNames.Last), series, new TrainingOptions());
        using var loaded = ModelBlob.FromBytes(ModelBlob.ToBytes(last));

        Assert.Equal(LastForecaster.CalibrationDays, last.Calibration.Days);
        Assert.Equal(series.Count - LastForecaster.CalibrationDays, last.Training.TrainingDays);
        Assert.IsType<LastForecaster>(loaded);
        Assert.Equal(last.Spec, loaded.Spec);
        Assert.Equal(last.Calibration.Quantiles, loaded.Calibration.Quantiles);
        Assert.Equal(last.Predict(series, 100, 50), loaded.Predict(series, 100, 50));
        Assert.Equal(series.Closes[99], loaded.Predict(series, 100, 1)[0]);
    }
}
