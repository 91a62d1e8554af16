using StreamPredictor.Grains.Forecasting;

namespace StreamPredictor.Grains.Tests.Forecasting;

public sealed class ForecastMetricsTests
{
    [Fact]
    public void Mase_is_the_mae_over_the_naive_mae_on_the_same_days()
    {
        double[] actual = [100, 110, 120];
        double[] naive = [90, 100, 110];      // MAE 10
        double[] predicted = [95, 105, 126];  // MAE (5 + 5 + 6) / 3

        var metrics = ForecastMetrics.Compute(actual, predicted, naive);

        Assert.Equal(16.0 / 3, metrics.Mae, 12);
        Assert.Equal(16.0 / 3 / 10, metrics.Mase, 12);
        Assert.Equal(Math.Sqrt((25 + 25 + 36) / 3.0), metrics.Rmse, 12);
    }

    [Fact]
    public void Rejects_series_of_different_lengths()
    {
        Assert.Throws<ArgumentException>(() => ForecastMetrics.Compute([1.0, 2], [1.0], [1.0, 2]));
        Assert.Throws<ArgumentException>(() => ForecastMetrics.Compute([], [], []));
    }
}
